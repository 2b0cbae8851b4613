"""The tables of the decisions page and the draft dialog: the decisions, a decision's list of recipients,
and the nominations a draft may include, each with a check box."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal

from app.models.enums import DecisionStatus, SubjectKind
from app.rules.vntext import vn_money, vn_number, vn_short_date
from app.services.decisions import DecisionRow, EntryRow
from app.ui.kit.row_table import CENTER, RIGHT, RowColumn, first_line
from app.ui.kit.table_model import HeaderedTableModel, Index

NO_NUMBER = "—"


def number_cell(row: DecisionRow) -> str:
    return row.number or NO_NUMBER


def status_cell(row: DecisionRow) -> str:
    if row.status is DecisionStatus.DRAFT and row.proposal_number:
        return f"{row.status.label} (đã có tờ trình)"
    return row.status.label


DECISION_COLUMNS = [  # the declared widths fit the list's 845 px on a 1366×768 laptop at 125 %
    RowColumn("Số", number_cell, 93, CENTER, sort="number"),
    RowColumn("Ngày ban hành", lambda r: vn_short_date(r.issued_on), 120, CENTER, sort="issued_on"),
    RowColumn("Hình thức", lambda r: r.form_name, 110, sort="form_name"),
    RowColumn("Đợt xét", lambda r: r.round_name, 140, stretch=True, sort="round_name"),
    RowColumn("Khen thưởng", lambda r: r.recipients_text, 110, sort="recipients"),
    RowColumn("Tổng tiền", lambda r: vn_money(r.total), 105, RIGHT, sort="total"),
    RowColumn("Trạng thái", status_cell, 90, sort="status"),
    RowColumn("Tờ trình", lambda r: r.proposal_number or NO_NUMBER, 75, CENTER, sort="proposal_number"),
]
STATUS = 6  # the list's first order: drafts (newest first), then issued, then cancelled


def entry_columns(numbers: dict[int, int]) -> list[RowColumn]:
    """A decision's list; STT is the row's position, given by the panel for each nomination."""
    return [
        RowColumn("STT", lambda e: str(numbers.get(e.nomination_id, "")), 45, CENTER),
        RowColumn("Số sổ vàng", lambda e: str(e.golden_book_no or ""), 85, CENTER),
        RowColumn("Họ và tên, tên tập thể", lambda e: e.name, 260),
        RowColumn("Loại", lambda e: e.kind.label, 95),
        RowColumn("Nội dung", lambda e: first_line(e.description, 200), 300, stretch=True,
                  tooltip=lambda e: e.description),
        RowColumn("Số tiền", lambda e: vn_money(e.amount), 120, RIGHT),
    ]


def recipients_summary(entries: list[EntryRow]) -> str:
    """'5 cá nhân, 1 tập thể — tổng tiền 4.914.000 đồng'."""
    counts = {kind: sum(1 for e in entries if e.kind is kind) for kind in SubjectKind}
    people = ", ".join(f"{n} {kind.label.lower()}" for kind, n in counts.items() if n) or "chưa chọn ai"
    return f"{people} — tổng tiền {vn_money(sum(e.amount for e in entries))}"


CHECK, NAME, KIND, DESCRIPTION, AMOUNT = range(5)


class ChoiceModel(HeaderedTableModel):
    """The nominations a draft may include, in official order, each checked or not (STT column)."""

    HEADERS = {CHECK: "STT", NAME: "Họ và tên, tên tập thể", KIND: "Loại", DESCRIPTION: "Nội dung",
               AMOUNT: "Số tiền"}
    WIDTHS = {CHECK: 60, NAME: 210, KIND: 90, DESCRIPTION: 280, AMOUNT: 120}
    checks_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[EntryRow] = []
        self._checked: set[int] = set()
        self.locked = False  # the list cannot change (the draft's proposal has a number)

    def set_entries(self, entries: list[EntryRow], checked: set[int] | None = None) -> None:
        """Show these nominations; all are checked unless `checked` names the ones to check."""
        self.beginResetModel()
        self._entries = list(entries)
        ids = {e.nomination_id for e in entries}
        self._checked = ids if checked is None else ids & set(checked)
        self.endResetModel()
        self.checks_changed.emit()

    def set_all(self, checked: bool) -> None:
        if self.locked or not self._entries:
            return
        self._checked = {e.nomination_id for e in self._entries} if checked else set()
        self.dataChanged.emit(self.index(0, CHECK), self.index(len(self._entries) - 1, CHECK))
        self.checks_changed.emit()

    def entries(self) -> list[EntryRow]:
        return list(self._entries)

    def checked_ids(self) -> list[int]:
        return [e.nomination_id for e in self._entries if e.nomination_id in self._checked]

    def checked_entries(self) -> list[EntryRow]:
        return [e for e in self._entries if e.nomination_id in self._checked]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == CHECK and not self.locked:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry, column = self._entries[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == CHECK:
            return Qt.CheckState.Checked if entry.nomination_id in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AMOUNT:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == DESCRIPTION:
            return entry.description
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), entry, column)
        return None

    def _text(self, row: int, entry: EntryRow, column: int) -> str:
        if column == CHECK:
            return vn_number(row + 1)
        if column == DESCRIPTION:
            return first_line(entry.description, 200)
        if column == AMOUNT:
            return vn_money(entry.amount)
        return entry.name if column == NAME else entry.kind.label

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or index.column() != CHECK or role != Qt.ItemDataRole.CheckStateRole
                or self.locked):
            return False
        nomination_id = self._entries[index.row()].nomination_id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(nomination_id)
        else:
            self._checked.discard(nomination_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checks_changed.emit()
        return True
