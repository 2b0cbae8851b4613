"""Choosing one subject by typing part of its name (with or without diacritics) and its kind."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import SubjectKind
from app.services.subjects import SubjectQuery, SubjectRow, search_subjects
from app.services.workspace import Database
from app.ui.kit.item_rows import roomy_list
from app.ui.kit.widgets import choice_combo, debounce_timer, search_line_edit

LIMIT = 50
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


def subject_line(row: SubjectRow) -> str:
    """'Nguyễn Văn Đạt — Cá nhân · Thôn Đông' (with 'đang tạm hoãn xét' when on hold)."""
    where = " · ".join(part for part in (row.kind.label, row.unit_name, row.detail) if part)
    hold = " — đang tạm hoãn xét" if row.on_hold else ""
    return f"{row.name} — {where}{hold}"


class SubjectPicker(QWidget):
    chosen = Signal(object)  # the SubjectRow picked, or None

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._timer = debounce_timer(self, self.search)
        self.search_edit = search_line_edit("Gõ tên để tìm (có dấu hoặc không dấu)…", self._timer)
        kinds = [(kind.label, kind.value) for kind in SubjectKind]
        self.kind_combo: QComboBox = choice_combo(kinds, empty="Mọi loại")
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.search())
        self.results = roomy_list()
        self.results.setMinimumHeight(110)
        self.results.itemSelectionChanged.connect(self._selection_changed)
        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.kind_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self.setFocusProxy(self.search_edit)
        self.search()

    def search(self) -> None:
        self._timer.stop()
        kind = self.kind_combo.currentData()
        query = SubjectQuery(text=self.search_edit.text(), kind=SubjectKind(kind) if kind else None)
        rows = search_subjects(self.db, query, limit=LIMIT + 1)
        self.results.blockSignals(True)
        self.results.clear()
        for row in rows[:LIMIT]:
            self._add_item(subject_line(row), row.id, row)
        self.results.blockSignals(False)
        self._show_status(len(rows))
        self._selection_changed()

    def _add_item(self, text: str, subject_id: int, row: SubjectRow | None) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, subject_id)
        item.setData(ROW_ROLE, row)
        self.results.addItem(item)
        return item

    def _show_status(self, found: int) -> None:
        if not found:
            self.status.setText("Không tìm thấy đối tượng nào; thêm đối tượng ở trang Đối tượng.")
        elif found > LIMIT:
            self.status.setText(f"Hiện {LIMIT} đối tượng đầu tiên; gõ thêm để thu hẹp.")
        else:
            self.status.setText("Chọn một đối tượng trong danh sách.")

    def _selection_changed(self) -> None:
        self.chosen.emit(self.selected())

    def _current_item(self) -> QListWidgetItem | None:
        item = self.results.currentItem()
        return item if item is not None and item.isSelected() else None

    def selected(self) -> SubjectRow | None:
        """The row picked from the search results (None for a subject given by set_subject)."""
        item = self._current_item()
        return item.data(ROW_ROLE) if item is not None else None

    def subject_id(self) -> int | None:
        item = self._current_item()
        return item.data(ID_ROLE) if item is not None else None

    def set_subject(self, subject_id: int, text: str) -> None:
        """Show a stored subject as the one chosen (an edit form), without searching."""
        self.results.blockSignals(True)
        self.results.clear()
        self._add_item(text, subject_id, None)
        self.results.blockSignals(False)
        self.results.setCurrentRow(0)
        self.status.setText("Gõ tên để chọn đối tượng khác.")

    def select_id(self, subject_id: int) -> bool:
        """Pick the listed subject with this id; False when it is not among the results."""
        for number in range(self.results.count()):
            if self.results.item(number).data(ID_ROLE) == subject_id:
                self.results.setCurrentRow(number)
                return True
        return False
