"""The Decisions page (Quyết định khen thưởng): the decisions of a round or of all rounds, filtered by
state, and the chosen one below with its list and the steps from draft to issued (or cancelled)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QWidget

from app.models.enums import DecisionStatus
from app.services.decisions import list_decisions
from app.services.rounds import list_rounds
from app.services.workspace import Database
from app.ui.decisions.draft_dialog import DecisionDialog
from app.ui.decisions.models import DECISION_COLUMNS, STATUS
from app.ui.decisions.panel import DecisionPanel
from app.ui.kit.list_detail import list_detail_splitter
from app.ui.kit.list_page import ListPage, open_non_modal
from app.ui.kit.row_table import RowTableModel, row_table_view
from app.ui.kit.widgets import add_button, refill_combo, select_data

ALL_ROUNDS = "— Tất cả các đợt —"


class DecisionsPage(ListPage):
    model: RowTableModel

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.model = RowTableModel(DECISION_COLUMNS, self)
        self.panel = DecisionPanel(db)
        self.panel.changed.connect(lambda decision_id: self.refresh(select=decision_id))
        self.panel.deleted.connect(lambda: self.refresh())
        self.lay_out([self._build_toolbar()], self._build_body(), count_below=False)

    def _build_toolbar(self) -> QHBoxLayout:
        self.round_combo = self._filter_combo(240)  # the page fits 1093 px beside the menu of pages
        self.status_combo = self._filter_combo(150)
        statuses = [(status.label, status.value) for status in DecisionStatus]
        refill_combo(self.status_combo, statuses, "Mọi trạng thái")
        row = QHBoxLayout()
        row.addWidget(QLabel("Đợt xét:"))
        row.addWidget(self.round_combo, 2)
        row.addWidget(QLabel("Trạng thái:"))
        row.addWidget(self.status_combo, 1)
        row.addWidget(self.count_label, 1)
        self.add_button = add_button(row, "Lập quyết định…", self.add_decision)
        self.wording_button = add_button(row, "Mẫu văn bản…", self.edit_wording)
        return row

    def _filter_combo(self, width: int) -> QComboBox:
        combo = QComboBox()
        combo.setMinimumWidth(width)
        combo.currentIndexChanged.connect(lambda _i: self.refresh())
        return combo

    def _build_body(self) -> QSplitter:
        table = self.use_table(row_table_view(self.model), edits=False)
        self.sort_by_columns(default=STATUS)
        return list_detail_splitter(table, self.panel)

    # Loading -------------------------------------------------------------------------------------

    def on_shown(self) -> None:
        self.load_choices()
        self.refresh()

    def load_choices(self) -> None:
        refill_combo(self.round_combo, [(r.name, r.id) for r in list_rounds(self.db)], ALL_ROUNDS)

    def show_round(self, round_id: int) -> None:
        """Show one round's decisions, whatever their state (from another page)."""
        self.load_choices()
        for combo, value in ((self.round_combo, round_id), (self.status_combo, None)):
            combo.blockSignals(True)
            select_data(combo, value)
            combo.blockSignals(False)
        self.refresh()

    def current_round_id(self) -> int | None:
        return self.round_combo.currentData()

    def refresh(self, select: int | None = None) -> None:
        """Reload the list; the decision just changed stays shown even when the filters now hide it."""
        status = self.status_combo.currentData()
        rows = [row for row in list_decisions(self.db, self.current_round_id(), **self.sorted_by())
                if status is None or row.status.value == status]
        if not self.show_rows(rows, "quyết định", select):
            self.panel.show_decision(select)

    def selection_changed(self, *_args) -> None:
        self.panel.show_decision(self.selected_id())

    # Actions -------------------------------------------------------------------------------------

    def add_decision(self) -> None:
        self.open_dialog(DecisionDialog(self.db, round_id=self.current_round_id(), parent=self))

    def edit_wording(self) -> None:
        from app.ui.settings.wording_dialog import WordingDialog

        dialog = WordingDialog(self.db, parent=self)
        open_non_modal(dialog, lambda: self.panel.show_decision(self.selected_id()))
