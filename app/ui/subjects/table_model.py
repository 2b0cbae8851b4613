"""The subjects list as a thin Qt model over a search: a count, and rows fetched page by page."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from app.rules.vntext import vn_number
from app.services.subjects import (
    SubjectQuery,
    SubjectRow,
    fetch_subject_rows,
    first_page,
    subject_ids_page,
    subject_position,
)
from app.services.workspace import Database
from app.ui.kit.table_model import HeaderedTableModel, Index

STT, NAME, KIND, UNIT, DETAIL, BIRTH, GENDER, CITIZEN_ID, ON_HOLD = range(9)
HEADERS = {
    STT: "STT",
    NAME: "Họ tên / Tên",
    KIND: "Loại",
    UNIT: "Đơn vị",
    DETAIL: "Chức vụ / Địa chỉ",
    BIRTH: "Năm sinh",
    GENDER: "Giới tính",
    CITIZEN_ID: "CCCD",
    ON_HOLD: "Tạm dừng xét",
}
CENTERED = {STT, BIRTH, GENDER, ON_HOLD}
ID_ROLE = Qt.ItemDataRole.UserRole + 1
HOLD_COLOR = QColor("#b3261e")
PAGE_SIZE = 200
MAX_CACHED_PAGES = 20



def _cell(row: SubjectRow, column: int) -> str:
    values = {
        NAME: row.name,
        KIND: row.kind.label,
        UNIT: row.unit_name,
        DETAIL: row.detail,
        BIRTH: row.birth,
        GENDER: row.gender,
        CITIZEN_ID: row.citizen_id_masked,
        ON_HOLD: "Có" if row.on_hold else "",
    }
    return values[column]


class SubjectTableModel(HeaderedTableModel):
    """Holds the query and the row count; the rows on screen are fetched PAGE_SIZE at a time
    (ids by offset in list order, then their rows) into a bounded cache."""

    HEADERS = HEADERS

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._query = SubjectQuery()
        self._count = 0
        self._pages: OrderedDict[int, list[SubjectRow]] = OrderedDict()

    def set_query(self, query: SubjectQuery) -> None:
        self.beginResetModel()
        self._query = query
        self._count, first_ids = first_page(self._db, query, PAGE_SIZE)
        self._pages.clear()
        self._pages[0] = fetch_subject_rows(self._db, first_ids)
        self.endResetModel()

    def subject_id(self, row: int) -> int | None:
        found = self._row(row)
        return found.id if found is not None else None

    def row_of(self, subject_id: int) -> int | None:
        return subject_position(self._db, self._query, subject_id)

    def cached_row_count(self) -> int:
        return sum(len(page) for page in self._pages.values())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self.subject_id(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in CENTERED:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == ON_HOLD:
            return HOLD_COLOR
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(index.row(), index.column())
        return None

    def _text(self, row: int, column: int) -> str:
        if column == STT:
            return vn_number(row + 1)
        found = self._row(row)
        return _cell(found, column) if found is not None else ""

    def _row(self, row: int) -> SubjectRow | None:
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._load_page(number)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def _load_page(self, number: int) -> list[SubjectRow]:
        ids = subject_ids_page(self._db, self._query, number * PAGE_SIZE, PAGE_SIZE)
        page = fetch_subject_rows(self._db, ids)
        self._pages[number] = page
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return page
