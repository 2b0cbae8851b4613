"""The two tables of the import dialog: the file's columns with the field each goes to (a combo box per
column, changed by hand), and the dry run's rows with their outcome and messages, filtered by outcome."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableWidget, QTableWidgetItem

from app.services.exchange import FIELDS, Outcome, RowResult

SKIP = ""  # the combo's "bỏ qua" entry
_OUTCOME_COLOURS = {Outcome.CREATED: "#1e7b34", Outcome.MATCHED: "#1f5fa8", Outcome.REFUSED: "#b3261e"}


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class MappingTable(QTableWidget):
    """One line per column of the file: its letter, its header, and the field chosen for it."""

    def __init__(self, parent=None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels(["Cột", "Tiêu đề trong tệp", "Ghép vào trường"])
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

    def show_columns(self, headers: list[str], mapping: dict[int, str]) -> None:
        from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

        self.setRowCount(len(headers))
        for row, header in enumerate(headers):
            self.setItem(row, 0, _item(get_column_letter(row + 1)))
            self.setItem(row, 1, _item(header or "(trống)"))
            combo = QComboBox()
            combo.addItem("— bỏ qua —", SKIP)
            for field in FIELDS:
                if field.key != "stt":
                    combo.addItem(field.label, field.key)
            combo.setCurrentIndex(max(combo.findData(mapping.get(row, SKIP)), 0))
            self.setCellWidget(row, 2, combo)

    def mapping(self) -> dict[int, str]:
        chosen = {}
        for row in range(self.rowCount()):
            combo = self.cellWidget(row, 2)
            if isinstance(combo, QComboBox) and combo.currentData():
                chosen[row] = combo.currentData()
        return chosen

    def combo(self, row: int) -> QComboBox:
        widget = self.cellWidget(row, 2)
        assert isinstance(widget, QComboBox)
        return widget


class ResultTable(QTableWidget):
    """The dry run's rows: the workbook's row number, the outcome, the name, and what was found."""

    def __init__(self, parent=None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(["Dòng", "Kết quả", "Họ và tên / Tên", "Lỗi và ghi chú"])
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows: list[RowResult] = []
        self.shown: Outcome | None = None

    def show_rows(self, rows: list, only: Outcome | None = None) -> None:
        self.rows, self.shown = rows, only
        visible = [r for r in rows if only is None or r.outcome is only]
        self.setRowCount(len(visible))
        for line, result in enumerate(visible):
            self.setItem(line, 0, _item(str(result.row)))
            outcome = _item(result.outcome.label)
            outcome.setForeground(QBrush(QColor(_OUTCOME_COLOURS[result.outcome])))
            self.setItem(line, 1, outcome)
            self.setItem(line, 2, _item(result.name))
            text = "\n".join([p.message for p in result.problems] + ([result.note] if result.note else []))
            self.setItem(line, 3, _item(text))
        self.resizeColumnsToContents()
        self.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.resizeRowsToContents()
