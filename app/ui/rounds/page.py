"""The Rounds page: the rounds of review (đợt xét) by year, with their nominations counted."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.models.enums import NominationStatus, RoundStatus
from app.rules.vntext import vn_number
from app.services.rounds import RoundRow, delete_round, get_round, list_rounds
from app.services.workspace import Database
from app.ui.kit.list_page import ListPage
from app.ui.kit.row_table import CENTER, RIGHT, RowColumn, RowTableModel, row_table_view
from app.ui.kit.widgets import add_button, select_data
from app.ui.rounds.dialog import RoundDialog

PASSED = (NominationStatus.PASSED, NominationStatus.DECIDED)


def deadline_cell(row: RoundRow, today: dt.date | None = None) -> str:
    """'15/11/2025', marked when the round still takes nominations after its deadline."""
    late = row.status is RoundStatus.OPEN and row.deadline_passed(today or dt.date.today())
    return f"{row.deadline_text} (đã quá hạn)" if late else row.deadline_text


def _count(row: RoundRow, *statuses: NominationStatus) -> str:
    return vn_number(sum(row.by_status.get(status, 0) for status in statuses))


def _breakdown(row: RoundRow) -> str:
    parts = [f"{s.label}: {row.by_status[s]}" for s in NominationStatus if row.by_status.get(s)]
    return "\n".join(parts) or "Chưa có hồ sơ"


ROUND_COLUMNS = [
    RowColumn("Tên đợt", lambda r: r.name, 300, stretch=True, sort="name"),
    RowColumn("Loại", lambda r: r.kind.label, 100, sort="kind"),
    RowColumn("Năm", lambda r: str(r.year), 55, CENTER, sort="year"),
    RowColumn("Quý", lambda r: str(r.quarter or ""), 45, CENTER, sort="quarter"),
    RowColumn("Hạn nộp", deadline_cell, 150, CENTER, sort="deadline"),
    RowColumn("Trạng thái", lambda r: r.status.label, 125, sort="status"),
    RowColumn("Số hồ sơ", lambda r: vn_number(r.nominations), 75, RIGHT, tooltip=_breakdown,
              sort="nominations"),
    RowColumn("Chờ bình xét", lambda r: _count(r, NominationStatus.APPRAISED), 95, RIGHT, sort="appraised"),
    RowColumn("Đạt", lambda r: _count(r, *PASSED), 55, RIGHT, sort="passed"),
    RowColumn("Không đạt", lambda r: _count(r, NominationStatus.FAILED), 80, RIGHT, sort="failed"),
]
YEAR = 2


class RoundsPage(ListPage):
    open_nominations = Signal(int)  # a round's id: show the nominations page filtered to it
    open_decisions = Signal(int)  # a round's id: show the decisions page filtered to it
    model: RowTableModel

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self._rows: list[RoundRow] = []
        self.model = RowTableModel(ROUND_COLUMNS, self)
        toolbar = self._build_toolbar()
        self.lay_out([toolbar], self.use_table(row_table_view(self.model)))
        self.sort_by_columns(default=YEAR, descending=True)  # newest first
        self.selection_changed()

    def _build_toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("Năm:"))
        self.year_combo = QComboBox()
        self.year_combo.setMinimumWidth(130)
        self.year_combo.addItem("Tất cả các năm", None)
        self.year_combo.currentIndexChanged.connect(lambda _i: self._show_rows())
        row.addWidget(self.year_combo)
        row.addStretch(1)
        self.add_button = add_button(row, "Thêm đợt xét", self.add_round)
        self.edit_button = add_button(row, "Sửa", self.edit_selected)
        self.delete_button = add_button(row, "Xóa", self.delete_selected)
        self.nominations_button = add_button(row, "Xem hồ sơ đề nghị", self.show_nominations)
        self.decisions_button = add_button(row, "Xem quyết định", self.show_decisions)
        self.selection_buttons = (self.edit_button, self.delete_button, self.nominations_button,
                                  self.decisions_button)
        return row

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        self._rows = list_rounds(self.db, **self.sorted_by())
        self._fill_years(select)
        self._show_rows(select)

    def _fill_years(self, select: int | None) -> None:
        """The years that have rounds; a newly saved round's year stays visible."""
        chosen = self.year_combo.currentData()
        saved = next((r.year for r in self._rows if r.id == select), None)
        if saved is not None and chosen is not None and saved != chosen:
            chosen = saved
        self.year_combo.blockSignals(True)
        while self.year_combo.count() > 1:
            self.year_combo.removeItem(1)
        for year in sorted({r.year for r in self._rows}, reverse=True):
            self.year_combo.addItem(str(year), year)
        select_data(self.year_combo, chosen)
        self.year_combo.blockSignals(False)

    def _show_rows(self, select: int | None = None) -> None:
        year = self.year_combo.currentData()
        self.show_rows([r for r in self._rows if year is None or r.year == year], "đợt xét", select)
        self.selection_changed()

    def add_round(self) -> None:
        self.open_dialog(RoundDialog(self.db, parent=self))

    def edit_dialog(self, record_id: int) -> RoundDialog:
        return RoundDialog(self.db, get_round(self.db, record_id), parent=self)

    def delete_selected(self) -> None:
        row = self.selected()
        if row is not None and self.delete_confirmed(f"Xóa đợt xét “{row.name}”?", "Xóa đợt xét",
                                                     lambda: delete_round(self.db, row.id)):
            self.refresh()

    def show_nominations(self) -> None:
        round_id = self.selected_id()
        if round_id is not None:
            self.open_nominations.emit(round_id)

    def show_decisions(self) -> None:
        round_id = self.selected_id()
        if round_id is not None:
            self.open_decisions.emit(round_id)
