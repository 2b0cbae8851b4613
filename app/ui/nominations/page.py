"""The Nominations page: a round's nominations (hồ sơ đề nghị), filtered, and the chosen one below it
with its checklist, report and history; single and bulk creation."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSettings
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import NominationStatus, RoundKind, RoundStatus
from app.rules.vntext import vn_short_date
from app.services.catalogue import list_award_forms
from app.services.council import NominationCouncilResult, nomination_council_results
from app.services.nominations import get_nomination, list_nominations
from app.services.rounds import RoundRow, list_rounds
from app.services.units import list_units
from app.services.workspace import Database
from app.ui.kit import messages
from app.ui.kit.list_detail import list_detail_splitter
from app.ui.kit.list_page import ListPage, open_non_modal
from app.ui.kit.operations import service_call
from app.ui.kit.row_table import CENTER, ID_ROLE, RowColumn, RowTableModel, row_table_view
from app.ui.kit.widgets import refill_combo, select_data
from app.ui.nominations.batch_bar import BatchBar
from app.ui.nominations.bulk_dialogs import BulkDialog, ExemplarNominationDialog, UnitLdttDialog
from app.ui.nominations.dialog import NominationDialog
from app.ui.nominations.panel import NominationPanel

ALL_ROUNDS = "— Tất cả các đợt —"
COUNCIL_STYLE = "background: #f4f6f8; border: 1px solid #d0d6dc; padding: 4px;"
LAST_ROUND_KEY = "nominations/last_round"  # in giao-dien.ini: the round the officer worked in last


def opening_round(rounds: list[RoundRow], last: int | None) -> int | None:
    """The round the page opens on: the one worked in last, else the newest open year-end round, else the
    newest round (`rounds` newest first)."""
    if last is not None and any(r.id == last for r in rounds):
        return last
    open_year_end = [r for r in rounds if r.kind is RoundKind.YEAR_END and r.status is RoundStatus.OPEN]
    chosen = open_year_end[0] if open_year_end else (rounds[0] if rounds else None)
    return chosen.id if chosen else None


def council_line(result: NominationCouncilResult) -> str:
    """The meeting that has the nomination on its agenda, and its result there with the arithmetic."""
    day = vn_short_date(result.held_on)
    if result.passed is None:
        outcome = "chưa biểu quyết"
    else:
        outcome = ("đạt" if result.passed else "không đạt") + (f" ({result.result_text})" if
                                                               result.result_text else "")
    ongoing = "" if result.meeting_closed else " Phiên họp chưa kết thúc."
    return f"Hội đồng Thi đua - Khen thưởng họp ngày {day}: {outcome}.{ongoing}"


STT, NAME, KIND, UNIT, FORM, PROPOSING, STATUS = range(7)  # the columns of nomination_columns
# The service's sort for each column (list_nominations); a click on the number (STT) goes back to the
# official order: forms in the catalogue's order, then names.
SORTS = {NAME: "subject_name", KIND: "subject_kind", UNIT: "unit_name", FORM: "form",
         PROPOSING: "proposing_unit_name", STATUS: "status"}


def nomination_columns(number: dict[int, int]) -> list[RowColumn]:
    """The list's columns; STT is the row's position, given by the page for each id."""
    return [
        # The declared widths fit the list's 845 px on a 1366×768 laptop at 125 %; wider windows give the
        # columns their content (fit_columns), long names show whole on hover.
        RowColumn("STT", lambda r: str(number.get(r.id, "")), 40, CENTER),
        RowColumn("Đối tượng", lambda r: r.subject_name, 185),
        RowColumn("Loại", lambda r: r.subject_kind.label, 70),
        RowColumn("Đơn vị", lambda r: r.unit_name, 130),
        RowColumn("Hình thức", lambda r: r.form_name, 165, stretch=True),
        RowColumn("Đơn vị đề nghị", lambda r: r.proposing_unit_name, 120),
        RowColumn("Trạng thái", lambda r: r.status.label, 125),
    ]


class NominationsPage(ListPage):
    model: RowTableModel

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self._numbers: dict[int, int] = {}
        self._council: dict[int, NominationCouncilResult] = {}
        self._loaded = False
        self.model = RowTableModel(nomination_columns(self._numbers), self)
        self.panel = NominationPanel(db)
        self.panel.changed.connect(lambda nomination_id: self.refresh(select=nomination_id))
        self.panel.deleted.connect(lambda: self.refresh())
        self.batch = BatchBar(self)
        batch_row = QHBoxLayout()
        batch_row.addWidget(self.batch)
        self.lay_out([self._build_filters(), self._build_actions(), batch_row], self._build_body(),
                     count_below=False)

    def _build_filters(self) -> QHBoxLayout:
        # Together with their labels the filters fit a 1093 px window beside the page list (they widen
        # with it): 300 + 150 + 170 + 150 px forced 1302 px.
        self.round_combo = self._filter_combo(200)
        self.status_combo = self._filter_combo(110)
        self.form_combo = self._filter_combo(110)
        self.unit_combo = self._filter_combo(110)
        statuses = [(status.label, status.value) for status in NominationStatus]
        refill_combo(self.status_combo, statuses, "Mọi trạng thái")
        row = QHBoxLayout()
        for label, combo in (("Đợt xét:", self.round_combo), ("Trạng thái:", self.status_combo),
                             ("Hình thức:", self.form_combo), ("Đơn vị đề nghị:", self.unit_combo)):
            row.addWidget(QLabel(label))
            row.addWidget(combo, 2 if combo is self.round_combo else 1)
        return row

    def _filter_combo(self, width: int) -> QComboBox:
        combo = QComboBox()
        # As wide as the layout gives (a long round's name no longer widens the window past a laptop's
        # 1093 px); the open list shows every name whole.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.setMinimumWidth(width)
        combo.currentIndexChanged.connect(lambda _i: self.refresh())
        return combo

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.count_label, 1)
        for text, slot in (("Thêm hồ sơ…", self.add_nomination),
                           ("Đề nghị LĐTT cả đơn vị…", self.nominate_unit),
                           ("Tạo hồ sơ từ điển hình…", self.nominate_exemplars)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        return row

    def _build_body(self) -> QSplitter:
        self.use_table(row_table_view(self.model), edits=False)
        self.sort_columns(SORTS, default=FORM)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # Shift/Ctrl
        self.table.doubleClicked.connect(lambda _index: self.panel.edit_report())
        self.council_label = QLabel()
        self.council_label.setWordWrap(True)
        self.council_label.setStyleSheet(COUNCIL_STYLE)
        self.council_label.hide()
        detail = QWidget()
        layout = QVBoxLayout(detail)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.council_label)
        layout.addWidget(self.panel, 1)
        self.splitter = list_detail_splitter(self.table, detail)
        self._one_sizes: list[int] | None = None  # the splitter's sizes while one nomination is shown
        return self.splitter

    # Loading -------------------------------------------------------------------------------------

    def on_shown(self) -> None:
        self.load_choices()
        self.refresh()

    def load_choices(self) -> None:
        """The rounds, forms and units to filter by; the newest round is chosen the first time."""
        refill_combo(self.round_combo, [(r.name, r.id) for r in list_rounds(self.db)], ALL_ROUNDS)
        refill_combo(self.form_combo, [(f.name, f.id) for f in list_award_forms(self.db)], "Mọi hình thức")
        refill_combo(self.unit_combo, [(u.name, u.id) for u in list_units(self.db)], "Mọi đơn vị")
        if not self._loaded:
            rounds = list_rounds(self.db)
            last = self._settings().value(LAST_ROUND_KEY, None, int)
            chosen = opening_round(rounds, last if isinstance(last, int) else None)
            if chosen is not None:
                self.round_combo.blockSignals(True)
                select_data(self.round_combo, chosen)
                self.round_combo.blockSignals(False)
        self._loaded = True

    def _settings(self) -> QSettings:
        return QSettings(str(self.db.data_dir / "giao-dien.ini"), QSettings.Format.IniFormat)

    def remember_round(self) -> None:
        """The round shown is the one the page opens on next time."""
        round_id = self.current_round_id()
        if round_id is not None:
            self._settings().setValue(LAST_ROUND_KEY, round_id)

    def show_round(self, round_id: int, select: int | None = None) -> None:
        """Show one round's nominations (from the rounds page)."""
        self.load_choices()
        self.round_combo.blockSignals(True)
        select_data(self.round_combo, round_id)
        self.round_combo.blockSignals(False)
        for combo in (self.status_combo, self.form_combo, self.unit_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.refresh(select=select)

    def current_round_id(self) -> int | None:
        return self.round_combo.currentData()

    def refresh(self, select: int | None = None) -> None:
        """Reload the list; the nomination just changed stays shown even when the filters now hide it."""
        status = self.status_combo.currentData()
        sort, descending = self.sort()
        rows = list_nominations(
            self.db, round_id=self.current_round_id(), status=NominationStatus(status) if status else None,
            award_form_id=self.form_combo.currentData(), unit_id=self.unit_combo.currentData(),
            sort=sort, descending=descending,
        )
        self._numbers.clear()
        self._numbers.update({row.id: number for number, row in enumerate(rows, start=1)})
        self._council = nomination_council_results(self.db, [row.id for row in rows])
        if self._loaded:
            self.remember_round()
        self.batch.show_round(self.current_round_id(), changed=select)
        if not self.show_rows(rows, "hồ sơ", select):
            self.panel.show_nomination(select)
            self.show_council(select)

    def selection_changed(self, *_args) -> None:
        ids = self.selected_ids()
        if len(ids) > 1:  # many chosen: the steps above act on them; no single nomination is shown
            self.panel.show_many(len(ids))
            self._give_list_the_room(True)
            self.show_council(None)
        else:
            self._give_list_the_room(False)
            self.panel.show_nomination(self.selected_id())
            self.show_council(self.selected_id())
        self.batch.selection_changed()

    def _give_list_the_room(self, many: bool) -> None:
        """While many are selected the list takes the panel's height (only a line is left to show); the
        sizes come back when one nomination is shown again."""
        self.splitter.auto_balance = not many
        if many and self._one_sizes is None:
            self._one_sizes = self.splitter.sizes()
            line = self.panel.title.sizeHint().height() * 3
            self.splitter.setSizes([max(1, sum(self._one_sizes) - line), line])
        elif not many and self._one_sizes is not None:
            self.splitter.setSizes(self._one_sizes)
            self._one_sizes = None

    def resorted(self) -> None:
        """Listed in the new order, the nominations chosen for a step stay chosen."""
        chosen = self.selected_ids()
        self.refresh()
        if len(chosen) > 1:
            self.select_ids(chosen)

    def selected_ids(self) -> list[int]:
        """The selected nominations, in the list's order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.index(row, 0).data(ID_ROLE) for row in rows]

    def listed_ids(self) -> list[int]:
        return [row.id for row in self.model.rows()]

    def select_ids(self, ids: list[int]) -> None:
        """Select these nominations (those listed), the others unselected."""
        selection = QItemSelection()
        for nomination_id in ids:
            row = self.model.row_of(nomination_id)
            if row is not None:
                last = self.model.columnCount() - 1
                selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)

    def after_save(self, saved_id: int | None) -> None:
        """A nomination saved into another round is shown with its round selected."""
        if saved_id is not None and self.current_round_id() is not None:
            with service_call(self) as call:
                round_id = get_nomination(self.db, saved_id).round_id
            if call.ok and round_id != self.current_round_id():
                self.show_round(round_id, select=saved_id)
                return
        self.refresh(select=saved_id)

    def show_council(self, nomination_id: int | None) -> None:
        """The line under the list naming the council meeting that took the nomination up, and its result."""
        result = self._council.get(nomination_id) if nomination_id is not None else None
        self.council_label.setText(council_line(result) if result else "")
        self.council_label.setVisible(result is not None)

    # Creating ------------------------------------------------------------------------------------

    def add_nomination(self) -> None:
        self.open_dialog(NominationDialog(self.db, round_id=self.current_round_id(), parent=self))

    def nominate_unit(self) -> None:
        self._open_bulk(UnitLdttDialog(self.db, self.current_round_id(), parent=self))

    def nominate_exemplars(self) -> None:
        self._open_bulk(ExemplarNominationDialog(self.db, self.current_round_id(), parent=self))

    def _open_bulk(self, dialog: BulkDialog) -> None:
        open_non_modal(dialog, lambda: self._bulk_done(dialog))

    def _bulk_done(self, dialog: BulkDialog) -> None:
        self.refresh()
        messages.show_info(self, dialog.result.describe(), dialog.windowTitle())
