"""The "Quá trình" tab of an exemplar (its dated stage history, read-only) and the dialog that moves
an exemplar to another stage on a date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.models.enums import ExemplarStage
from app.services.exemplars import ExemplarDetail, StageChangeRow, change_stage
from app.services.workspace import Database
from app.ui.exemplars.columns import STAGE_HISTORY_COLUMNS
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.row_table import RowTableModel, row_table_view
from app.ui.kit.widgets import ErrorLabel, Form, ValueReader, VnDateEdit, choice_combo, ok_cancel_buttons

CYCLE = list(ExemplarStage)


def next_stage(stage: ExemplarStage) -> ExemplarStage:
    """The following step of the cycle (after Nhân rộng: Nhân rộng again is no move, so Tổng kết)."""
    position = CYCLE.index(stage)
    return CYCLE[position + 1] if position + 1 < len(CYCLE) else CYCLE[position - 1]


class StageChangeDialog(FormDialog):
    """Move one exemplar to another stage; the service refuses a date before the last change."""

    def __init__(self, db: Database, exemplar_id: int, current: ExemplarStage, subject_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.exemplar_id = db, exemplar_id
        self.detail: ExemplarDetail | None = None
        self.setWindowTitle(f"Chuyển giai đoạn: {subject_name}" if subject_name else "Chuyển giai đoạn")
        self.form = Form()
        self.form.add_row("current", "Giai đoạn hiện tại", QLabel(current.label))
        others = [(s.label, s.value) for s in CYCLE if s is not current]
        self.stage_combo = self.form.add_row("stage", "Giai đoạn mới", choice_combo(others))
        self.stage_combo.setCurrentIndex(self.stage_combo.findData(next_stage(current).value))
        self.date_edit = self.form.add_row("changed_on", "Ngày chuyển", VnDateEdit())
        self.date_edit.set_date(dt.date.today())
        self.note_edit = self.form.add_row("note", "Ghi chú", QPlainTextEdit())
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(90)
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Chuyển")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.form, self.general_error, self.buttons):
            layout.addWidget(widget)
        self.resize(480, 0)

    def submit(self) -> None:
        reader = ValueReader()
        on_date = reader.date("changed_on", "Ngày chuyển", self.date_edit.text())
        reader.raise_if_any()
        stage = ExemplarStage(self.stage_combo.currentData())
        self.detail = change_stage(self.db, self.exemplar_id, stage, on_date, self.note_edit.toPlainText())


class StageHistoryTab(QWidget):
    """Every stage the exemplar went through, dated; the button opens the stage-change dialog."""

    change_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RowTableModel(STAGE_HISTORY_COLUMNS, self)
        self.table = row_table_view(self.model)
        self.current_label = QLabel()
        self.change_button = QPushButton("Chuyển giai đoạn…")
        self.change_button.clicked.connect(self.change_requested)
        row = QHBoxLayout()
        row.addWidget(self.current_label, 1)
        row.addWidget(self.change_button)
        hint = QLabel("Mỗi lần chuyển giai đoạn được ghi ngày và giữ lại; quá trình không sửa, không xóa.")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        self.set_history(None, [])

    def set_history(self, stage: ExemplarStage | None, history: list[StageChangeRow]) -> None:
        self.model.set_rows(history)
        self.change_button.setEnabled(stage is not None)
        if stage is None:
            self.current_label.setText("Hồ sơ chưa lưu: giai đoạn ban đầu chọn ở thẻ “Thông tin chung”.")
        else:
            self.current_label.setText(f"Giai đoạn hiện tại: {stage.label}")
