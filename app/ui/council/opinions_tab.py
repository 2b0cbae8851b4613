"""Written opinions of absent members: per nomination, agree or disagree, with the scanned letter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.models import AttendanceStatus
from app.services.council import (
    MeetingView,
    OpinionInput,
    opinion_letter_path,
    remove_written_opinion,
    set_written_opinion,
)
from app.services.workspace import Database
from app.ui.council.tab import MeetingTab, grid, row_data, run_action, text_item
from app.ui.kit import messages, system_files
from app.ui.kit.widgets import add_button, choice_combo

HEADERS = ["Thành viên vắng mặt", "Hồ sơ", "Ý kiến", "Thư đã quét"]
EXPLAIN = ("Thành viên vắng mặt gửi ý kiến bằng văn bản về từng hồ sơ. Ý kiến được tính theo quy định "
           "của từng hình thức khen thưởng và ghi vào biên bản họp.")
NO_FILE = "Chưa chọn thư đã quét"


class OpinionsTab(MeetingTab):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.file_path: str | None = None
        self.letters: dict[int, str] = {}  # opinion id → its letter's name ("" when none)
        explain = QLabel(EXPLAIN)
        explain.setWordWrap(True)
        self.table = grid(HEADERS, 1)
        self.table.setColumnWidth(0, 190)
        self.table.setColumnWidth(2, 120)
        self.table.setColumnWidth(3, 200)
        self.table.itemSelectionChanged.connect(self._selection)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self._entry())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.letter_button = add_button(row, "Mở thư", self.open_letter)
        self.letter_button.setToolTip("Mở thư ý kiến đã quét của dòng đã chọn")
        self.remove_button = add_button(row, "Xóa ý kiến đã chọn", self.remove_selected)
        layout.addLayout(row)

    def _entry(self) -> QWidget:
        self.entry = QWidget()
        form = QGridLayout(self.entry)
        form.setContentsMargins(0, 0, 0, 0)
        self.member_combo = QComboBox()
        self.item_combo = QComboBox()
        self.choice_combo = choice_combo([("Đồng ý", True), ("Không đồng ý", False)])
        self.file_label = QLabel(NO_FILE)
        form.addWidget(QLabel("Thành viên:"), 0, 0)
        form.addWidget(self.member_combo, 0, 1)
        form.addWidget(QLabel("Hồ sơ:"), 0, 2)
        form.addWidget(self.item_combo, 0, 3)
        form.addWidget(QLabel("Ý kiến:"), 1, 0)
        form.addWidget(self.choice_combo, 1, 1)
        files = QHBoxLayout()
        files.addWidget(self.file_label, 1)
        self.file_button = add_button(files, "Chọn thư đã quét…", self.choose_letter)
        self.save_button = add_button(files, "Ghi ý kiến", self.save)
        form.addLayout(files, 1, 2, 1, 2)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 2)
        return self.entry

    def show_view(self, view: MeetingView) -> None:
        super().show_view(view)
        absent = [m for m in view.members if m.status is not AttendanceStatus.PRESENT]
        self._refill(self.member_combo, [(m.name, m.member_id) for m in absent])
        self._refill(self.item_combo, [(f"{i.position}. {i.nominee_name} — {i.form_name}", i.id)
                                       for i in view.agenda])
        opinions = [(o, item) for item in view.agenda for o in item.opinions]
        self.table.setRowCount(len(opinions))
        self.letters = {opinion.id: opinion.file_name for opinion, _item in opinions}
        for number, (opinion, item) in enumerate(opinions):
            texts = (opinion.member_name, f"{item.nominee_name} — {item.form_name}", opinion.choice_label,
                     opinion.file_name or "(không có)")
            for column, text in enumerate(texts):
                self.table.setItem(number, column, text_item(text, opinion.id))
        self.entry.setVisible(not view.closed)
        self.remove_button.setVisible(not view.closed)
        self.entry.setEnabled(bool(absent) and bool(view.agenda))
        self.entry.setToolTip("" if absent else "Chỉ thành viên vắng mặt mới gửi ý kiến bằng văn bản.")
        self._selection()

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str, int]]) -> None:
        current = combo.currentData()
        combo.clear()
        for label, value in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))

    def _selected_opinion(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return row_data(self.table, rows[0].row()) if rows else None

    def _selection(self) -> None:
        opinion_id = self._selected_opinion()
        self.remove_button.setEnabled(opinion_id is not None)
        self.letter_button.setEnabled(bool(opinion_id is not None and self.letters.get(opinion_id)))

    def open_letter(self) -> None:
        """The selected opinion's scanned letter, from a copy, in the system's viewer."""
        opinion_id = self._selected_opinion()
        if opinion_id is None:
            return
        done, path = run_action(self, lambda: opinion_letter_path(self.db, opinion_id))
        if done and not system_files.open_file(str(path)):
            messages.show_error(self, f"Không mở được thư “{self.letters.get(opinion_id, '')}”: máy chưa có "
                                      "chương trình xem loại tệp này.")

    def choose_letter(self) -> None:
        path = system_files.choose_file(self, "Chọn thư ý kiến đã quét (tài liệu hoặc hình ảnh)")
        if path:
            self.file_path = path
            self.file_label.setText(Path(path).name)

    def save(self) -> None:
        view, member_id, item_id = self.view, self.member_combo.currentData(), self.item_combo.currentData()
        if view is None or member_id is None or item_id is None:
            return
        data = OpinionInput(item_id, member_id, bool(self.choice_combo.currentData()), self.file_path)
        done, _view = self.act(lambda: set_written_opinion(self.db, view.id, data))
        if done:
            self.file_path = None
            self.file_label.setText(NO_FILE)

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            opinion_id = row_data(self.table, rows[0].row())
            self.act(lambda: remove_written_opinion(self.db, opinion_id))
