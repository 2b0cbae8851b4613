"""The Excel export dialog: which list (subjects, a round's nominations, a decision's recipients, the
golden-book register), a column preset (built in or saved), the columns ticked and ordered as wanted,
saved as a preset of one's own; the CCCD only after the officer confirms it (legal notes §7)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ServiceError
from app.services.exchange import (
    COLUMNS,
    ExportRequest,
    ListKind,
    export_list,
    list_export_presets,
    save_export_preset,
)
from app.services.workspace import Database
from app.ui.kit import messages
from app.ui.kit.background import run_in_background
from app.ui.kit.item_rows import roomy_list

CITIZEN_ID = "citizen_id"
_FILE_NAMES = {ListKind.SUBJECTS: "danh-sach-doi-tuong.xlsx", ListKind.NOMINATIONS: "danh-sach-de-nghi.xlsx",
               ListKind.DECISION: "danh-sach-khen-thuong.xlsx", ListKind.REGISTER: "so-vang.xlsx"}


class ExportDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None,
                 kind: ListKind = ListKind.SUBJECTS) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Xuất danh sách ra Excel")
        self.resize(640, 560)
        self.kind_combo = QComboBox()
        for kind_option in ListKind:
            self.kind_combo.addItem(kind_option.label, kind_option)
        self.which_combo = QComboBox()
        self.which_label = QLabel()
        self.preset_combo = QComboBox()
        self.columns = roomy_list()
        self.columns.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        save_preset = QPushButton("Lưu thành mẫu…")
        save_preset.clicked.connect(self.save_preset)
        self.export_button = QPushButton("Xuất ra Excel…")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        close = QPushButton("Đóng")
        close.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow("Danh sách:", self.kind_combo)
        form.addRow(self.which_label, self.which_combo)
        form.addRow("Mẫu cột:", self.preset_combo)
        hint = QLabel("Đánh dấu các cột cần xuất; kéo để đổi thứ tự. Số CCCD chỉ xuất khi nơi nhận yêu cầu.")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(save_preset)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.columns, 1)
        layout.addLayout(buttons)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.preset_combo.currentIndexChanged.connect(self._preset_chosen)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self._kind_changed()

    def kind(self) -> ListKind:
        return ListKind(self.kind_combo.currentData())  # Qt hands a str enum back as its str

    def _kind_changed(self) -> None:
        kind = self.kind()
        self.which_combo.clear()
        if kind is ListKind.NOMINATIONS:
            from app.services.rounds import list_rounds

            self.which_label.setText("Đợt xét:")
            for round_row in list_rounds(self.db):
                self.which_combo.addItem(round_row.name, round_row.id)
        elif kind is ListKind.DECISION:
            from app.services.decisions import list_decisions

            self.which_label.setText("Quyết định:")
            for row in list_decisions(self.db):
                label = f"{row.number or 'Dự thảo'} — {row.form_name} — {row.round_name}"
                self.which_combo.addItem(label, row.id)
        self.which_label.setVisible(kind in (ListKind.NOMINATIONS, ListKind.DECISION))
        self.which_combo.setVisible(kind in (ListKind.NOMINATIONS, ListKind.DECISION))
        self._load_presets()

    def _load_presets(self, select: str | None = None) -> None:
        self.preset_combo.blockSignals(True)
        self.preset_combo.clear()
        for preset in list_export_presets(self.db, self.kind().value):
            self.preset_combo.addItem(preset.name + ("" if preset.built_in else " (đã lưu)"), preset.columns)
        if select is not None:
            self.preset_combo.setCurrentIndex(max(self.preset_combo.findText(select + " (đã lưu)"), 0))
        self.preset_combo.blockSignals(False)
        self._preset_chosen()

    def _preset_chosen(self) -> None:
        chosen = list(self.preset_combo.currentData() or ())
        rest = [c for c in COLUMNS if c.key not in chosen]
        by_key = {c.key: c for c in COLUMNS}
        self.columns.clear()
        for column, ticked in [(by_key[k], True) for k in chosen] + [(c, False) for c in rest]:
            item = QListWidgetItem(column.header)
            item.setData(Qt.ItemDataRole.UserRole, column.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.columns.addItem(item)

    def chosen_columns(self) -> list[str]:
        return [self.columns.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.columns.count())
                if self.columns.item(i).checkState() == Qt.CheckState.Checked]

    def save_preset(self) -> None:
        name = messages.ask_text(self, "Tên mẫu cột:", "Lưu mẫu cột")
        if not name:
            return
        try:
            saved = save_export_preset(self.db, name, self.chosen_columns(), self.kind().value)
        except ServiceError as error:
            messages.show_error(self, str(error))
            return
        self._load_presets(saved.name)

    def request(self, confirmed: bool) -> ExportRequest:
        kind, which = self.kind(), self.which_combo.currentData()
        return ExportRequest(kind, tuple(self.chosen_columns()),
                             which if kind is ListKind.NOMINATIONS else None,
                             which if kind is ListKind.DECISION else None, confirmed)

    def confirm_citizen_id(self) -> bool:
        if CITIZEN_ID not in self.chosen_columns():
            return False
        return messages.ask_yes_no(self, (
            "Danh sách sẽ có cột “Số CCCD”. Đây là dữ liệu cá nhân: chỉ gửi đi khi nơi nhận yêu cầu, và giữ "
            "tệp cẩn thận (Luật Bảo vệ dữ liệu cá nhân). Vẫn xuất kèm số CCCD?"))

    def export(self) -> None:
        kind = self.kind()
        if kind in (ListKind.NOMINATIONS, ListKind.DECISION) and self.which_combo.currentData() is None:
            messages.show_error(self, f"{self.which_label.text().rstrip(':')}: chưa có để chọn.")
            return
        confirmed = self.confirm_citizen_id()
        if CITIZEN_ID in self.chosen_columns() and not confirmed:
            return
        suggested = str(Path.home() / _FILE_NAMES[kind])
        path, _filter = QFileDialog.getSaveFileName(self, "Lưu danh sách Excel", suggested,
                                                    "Tệp Excel (*.xlsx)")
        if not path:
            return
        target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        request = self.request(confirmed)
        run_in_background(self, "Đang xuất danh sách…", lambda: export_list(self.db, request, target),
                          lambda result: messages.show_info(self, result.summary()))
