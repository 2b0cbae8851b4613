"""The criteria lines of the form being edited, as a read-only Qt model; the side panel edits a line."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.models.enums import CriterionMode
from app.services.catalogue import CriterionInput, describe_rule
from app.ui.kit.table_model import HeaderedTableModel, Index

CODE, TEXT, MODE, GROUP, KINDS = range(5)  # the line number is the vertical header
HEADERS = {
    CODE: "Ký hiệu",
    TEXT: "Tiêu chí",
    MODE: "Cách xét",
    GROUP: "Một trong nhóm",
    KINDS: "Áp dụng cho",
}
MODE_LABELS = {CriterionMode.JUDGED: "Đánh giá", CriterionMode.RULE: "Theo quy tắc"}
ERROR_BACKGROUND = QColor("#fde7e5")
NEW_CODE = "(mới)"


def mode_cell(line: CriterionInput) -> str:
    if line.mode is CriterionMode.RULE and line.rule_code:
        return f"{MODE_LABELS[line.mode]}: {describe_rule(line.rule_code, line.rule_params)}"
    return MODE_LABELS[line.mode]


def kinds_cell(line: CriterionInput) -> str:
    kinds = ", ".join(kind.label for kind in line.subject_kinds) or "Mọi loại"
    if line.occupation_groups:
        kinds += " (" + "; ".join(group.label for group in line.occupation_groups) + ")"
    return kinds


def _cell(line: CriterionInput, column: int) -> str:
    return {
        CODE: line.code or NEW_CODE,
        TEXT: line.text,
        MODE: mode_cell(line),
        GROUP: line.any_of_group,
        KINDS: kinds_cell(line),
    }[column]


def is_blank(line: CriterionInput) -> bool:
    """A new line left as it was added."""
    return line.id is None and line == CriterionInput()


class CriteriaTableModel(HeaderedTableModel):
    HEADERS = HEADERS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: list[CriterionInput] = []
        self._error_rows: set[int] = set()

    def set_lines(self, lines: list[CriterionInput]) -> None:
        self.beginResetModel()
        self._lines = [dataclasses.replace(line) for line in lines]
        self._error_rows = set()
        self.endResetModel()

    def lines(self) -> list[CriterionInput]:
        return [dataclasses.replace(line) for line in self._lines]

    def line(self, row: int) -> CriterionInput:
        return dataclasses.replace(self._lines[row])

    def replace_line(self, row: int, line: CriterionInput) -> None:
        self._lines[row] = dataclasses.replace(line)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def insert_line(self, row: int, line: CriterionInput) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.insert(row, dataclasses.replace(line))
        self.endInsertRows()
        self._renumber()

    def remove_line(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._lines[row]
        self.endRemoveRows()
        self._renumber()

    def move_line(self, row: int, delta: int) -> bool:
        """Move a line one place up (-1) or down (+1); False at either end."""
        target = row + delta
        if delta not in (-1, 1) or not (0 <= row < len(self._lines) and 0 <= target < len(self._lines)):
            return False
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (1 if delta > 0 else 0))
        self._lines.insert(target, self._lines.pop(row))
        self.endMoveRows()
        self._renumber()
        return True

    def drop_blank_lines(self) -> None:
        for row in reversed(range(len(self._lines))):
            if is_blank(self._lines[row]):
                self.remove_line(row)

    def set_error_rows(self, rows: set[int]) -> None:
        self._error_rows = {row for row in rows if 0 <= row < len(self._lines)}
        self._refresh_all()

    def _renumber(self) -> None:
        """Line numbers change when lines come, go or move; error marks were for the old numbers."""
        self._error_rows = set()
        self._refresh_all()
        if self._lines:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._lines) - 1)

    def _refresh_all(self) -> None:
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, len(HEADERS) - 1))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return super().headerData(section, orientation, role)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _cell(self._lines[row], column)
        if role == Qt.ItemDataRole.BackgroundRole and row in self._error_rows:
            return QBrush(ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        return None
