"""The units list as a Qt model over UnitRow values (a commune has tens of units, not thousands)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from app.rules.vntext import vn_number
from app.services.units import UnitRow
from app.ui.kit.table_model import HeaderedTableModel, Index

NAME, KIND, BLOC, HEAD, ADDRESS, SUBJECTS = range(6)
HEADERS = {
    NAME: "Tên",
    KIND: "Loại",
    BLOC: "Khối thi đua",
    HEAD: "Trưởng đơn vị",
    ADDRESS: "Địa chỉ",
    SUBJECTS: "Số đối tượng",
}
ID_ROLE = Qt.ItemDataRole.UserRole + 1



def _cell(row: UnitRow, column: int) -> str:
    return {
        NAME: row.name,
        KIND: row.kind.label,
        BLOC: row.bloc_name,
        HEAD: row.head_name,
        ADDRESS: row.address,
        SUBJECTS: vn_number(row.subject_count),
    }[column]


class UnitTableModel(HeaderedTableModel):
    """The units list: rows given whole by the page (a commune has tens of units, not thousands)."""

    HEADERS = HEADERS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[UnitRow] = []

    def set_rows(self, rows: list[UnitRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def unit(self, row: int) -> UnitRow:
        return self._rows[row]

    def row_of(self, unit_id: int) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.id == unit_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == SUBJECTS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _cell(row, index.column())
        return None
