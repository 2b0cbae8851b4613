"""The audit page's table: events in the order the header asks of the query (newest first until then), read
a page at a time as the view scrolls (fetchMore)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt

from app.services.audit import AuditPage, AuditRow, short_moment
from app.ui.kit.row_table import ID_ROLE, RowColumn
from app.ui.kit.table_model import HeaderedTableModel, Index

TIME, ACTOR, ACTION, KIND, RECORD, SUMMARY = range(6)
COLUMNS = {
    TIME: RowColumn("Thời gian", lambda r: short_moment(r.at), 125, sort="at"),
    ACTOR: RowColumn("Người thực hiện", lambda r: r.actor, 200, sort="actor"),
    ACTION: RowColumn("Thao tác", lambda r: r.action.label, 125, sort="action"),
    KIND: RowColumn("Loại", lambda r: r.entity_label, 200, sort="entity"),
    RECORD: RowColumn("Bản ghi", lambda r: r.record, 80, sort="entity_id"),
    SUMMARY: RowColumn("Tóm tắt", lambda r: r.summary, 400, stretch=True, sort="summary"),
}
SORTS = {number: column.sort for number, column in COLUMNS.items()}
CHANGE_COLUMNS = [
    RowColumn("Trường", lambda c: c.label, 200),
    RowColumn("Trước", lambda c: c.before, 260, stretch=True),
    RowColumn("Sau", lambda c: c.after, 260, stretch=True),
]

# The page after this row (None: the first page), and where the previous page ended (AuditPage.offset).
Loader = Callable[[AuditRow | None, int], AuditPage]


class AuditTableModel(HeaderedTableModel):
    """Holds the rows read so far; asks the loader for the next page when the view reaches the end."""

    HEADERS = {number: column.header for number, column in COLUMNS.items()}
    columns = list(COLUMNS.values())

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRow] = []
        self._loader: Loader | None = None
        self._more = False
        self._offset = 0

    def reload(self, loader: Loader) -> None:
        """Start again from the newest event with another loader (other filters)."""
        first = loader(None, 0)
        self.beginResetModel()
        self._loader, self._rows = loader, list(first.rows)
        self._more, self._offset = first.more, first.offset
        self.endResetModel()

    def row(self, number: int) -> AuditRow:
        return self._rows[number]

    def row_of(self, event_id: int) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.id == event_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and self._more and self._loader is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if not self.canFetchMore(parent):
            return
        page = self._loader(self._rows[-1] if self._rows else None, self._offset)
        self._more, self._offset = page.more, page.offset
        if page.rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self._rows += page.rows
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], COLUMNS[index.column()]
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        return None
