"""A read-only table of service rows (frozen dataclasses with an `id`), its columns declared as a list,
and the table view every list page uses."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.ui.kit.table_model import HeaderedTableModel, Index

ID_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class RowColumn:
    header: str
    text: Callable[[Any], str]
    width: int = 120
    align: Qt.AlignmentFlag | None = None
    stretch: bool = False
    tooltip: Callable[[Any], str] | None = None  # the cell's text when None
    sort: str = ""  # the list service's sort name for this column (header clicks sort by it); "" none


def sort_names(columns: list[RowColumn]) -> dict[int, str]:
    """The columns that sort (by number) and the list service's sort name of each."""
    return {number: column.sort for number, column in enumerate(columns) if column.sort}


def first_line(text: str, limit: int = 120) -> str:
    """The first line of a long text, shortened with "…" (give the whole text as the tooltip)."""
    whole = (text or "").strip()
    line = whole.split("\n", 1)[0]
    if len(line) > limit:
        return line[:limit].rstrip() + "…"
    return line if line == whole else line + " …"


class RowTableModel(HeaderedTableModel):
    """Rows given whole by the page (tens or hundreds of them, not thousands)."""

    def __init__(self, columns: list[RowColumn], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.HEADERS = {number: column.header for number, column in enumerate(columns)}
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> Any:
        return self._rows[number]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_of(self, row_id: int) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.id == row_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        return None


def list_table_view(model: QAbstractItemModel, widths: dict[int, int], stretch: Iterable[int] = (), *,
                    stretch_last: bool = False, wrap: bool = False) -> QTableView:
    """The read-only, single-row-selection table of every list: alternating rows, no row numbers, rows one
    line high (as tall as their wrapped text with `wrap`), the given column widths, some columns stretched."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(wrap)
    rows = table.verticalHeader()
    rows.hide()
    if wrap:
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    else:
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    for number, width in widths.items():
        table.setColumnWidth(number, width)
    header = table.horizontalHeader()
    header.setStretchLastSection(stretch_last)
    for number in stretch:
        header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
    return table


def row_table_view(model: RowTableModel) -> QTableView:
    """A list of service rows, its widths and stretched columns taken from the model's RowColumns."""
    widths = {number: column.width for number, column in enumerate(model.columns)}
    return list_table_view(model, widths, [n for n, column in enumerate(model.columns) if column.stretch])


def selected_row(table: QTableView) -> Any | None:
    """The row object selected in a table over a RowTableModel, or None."""
    rows = table.selectionModel().selectedRows()
    return table.model().row(rows[0].row()) if rows else None


def select_id(table: QTableView, row_id: int | None) -> bool:
    """Select the row with this id; False when it is not listed."""
    model: RowTableModel = table.model()
    number = model.row_of(row_id) if row_id is not None else None
    if number is None:
        return False
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().setCurrentIndex(model.index(number, 0), flags)
    table.scrollTo(model.index(number, 0))
    return True
