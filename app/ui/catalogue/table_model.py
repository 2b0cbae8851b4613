"""The award catalogue list as a Qt model over AwardFormRow values (a handful of forms)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.rules.vntext import vn_number
from app.services.catalogue import AwardFormRow, reward_text
from app.ui.kit.table_model import HeaderedTableModel, Index

NAME, KIND, KINDS, REWARD, MERIT, CRITERIA, ACTIVE = range(7)
HEADERS = {
    NAME: "Hình thức",
    KIND: "Loại",
    KINDS: "Áp dụng cho",
    REWARD: "Tiền thưởng",
    MERIT: "Tính cho khen thưởng\ncông trạng",
    CRITERIA: "Số tiêu chí",
    ACTIVE: "Đang dùng",
}
ID_ROLE = Qt.ItemDataRole.UserRole + 1
INACTIVE_COLOUR = QColor("#8a8a8a")


def rewards_cell(row: AwardFormRow) -> str:
    """One kind: '0,3 × LCS = 702.000 đồng'; several: one line per kind, led by the kind."""
    texts = {kind: reward_text(value, row.base_salary) for kind, value in row.rewards.items()}
    if len(texts) == 1:
        return next(iter(texts.values()))
    return "\n".join(f"{kind.label}: {text}" for kind, text in texts.items())


def _cell(row: AwardFormRow, column: int) -> str:
    return {
        NAME: row.name,
        KIND: row.kind_label,
        KINDS: ", ".join(kind.label for kind in row.kinds),
        REWARD: rewards_cell(row),
        MERIT: "Có" if row.counts_toward_merit else "Không",
        CRITERIA: vn_number(row.criteria_count),
        ACTIVE: "Có" if row.active else "Ngừng dùng",
    }[column]


def _tooltip(row: AwardFormRow, column: int) -> str:
    if column == NAME:
        short = f" — viết tắt: {row.short_name}" if row.short_name and row.short_name != row.name else ""
        return f"{row.name} (mã {row.code}){short}"
    return _cell(row, column)


class CatalogueTableModel(HeaderedTableModel):
    HEADERS = HEADERS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[AwardFormRow] = []

    def set_rows(self, rows: list[AwardFormRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def form(self, row: int) -> AwardFormRow:
        return self._rows[row]

    def row_of(self, form_id: int) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.id == form_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(INACTIVE_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CRITERIA:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None
