"""The Movements page: the emulation movements, and the selected one's exemplars and nominations."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from app.models.enums import MovementKind
from app.rules.vntext import vn_number, vn_short_date
from app.services.movements import (
    MovementOverview,
    delete_movement,
    list_movements,
    movement_overview,
)
from app.services.workspace import Database
from app.ui.exemplars.columns import EXEMPLAR_COLUMNS, INTRODUCED_ON
from app.ui.exemplars.dialog import ExemplarDialog
from app.ui.kit.list_page import ListPage, open_non_modal
from app.ui.kit.operations import service_call
from app.ui.kit.row_table import (
    CENTER,
    RIGHT,
    RowColumn,
    RowTableModel,
    row_table_view,
    selected_row,
    sort_names,
)
from app.ui.kit.table_columns import ColumnLayout, query_sort, sort_by_query
from app.ui.kit.widgets import add_button, choice_combo, debounce_timer, search_line_edit
from app.ui.movements.dialog import MovementDialog

NOTHING_SELECTED = "Chọn một phong trào để xem các điển hình và hồ sơ đề nghị của phong trào."


def period(row) -> str:
    """'01/01/2026 – 31/12/2026', or 'từ 01/01/2026' while it has no end."""
    start = vn_short_date(row.start_date)
    return f"{start} – {vn_short_date(row.end_date)}" if row.end_date else f"từ {start}"


MOVEMENT_COLUMNS = [
    RowColumn("Tên phong trào", lambda r: r.name, 320, stretch=True, sort="name"),
    RowColumn("Loại", lambda r: r.kind.label, 95, sort="kind"),
    RowColumn("Cơ quan phát động", lambda r: r.launched_by, 170, sort="launched_by"),
    RowColumn("Thời gian", period, 185, CENTER, sort="start_date"),
    RowColumn("Lĩnh vực", lambda r: r.field_name, 130, sort="field_name"),
    RowColumn("Số điển hình", lambda r: vn_number(r.exemplar_count), 95, RIGHT, sort="exemplar_count"),
]
PERIOD = 3
MOVEMENT_COLUMN = next(n for n, c in enumerate(EXEMPLAR_COLUMNS) if c.header == "Phong trào")
NOMINATION_COLUMNS = [
    RowColumn("Đối tượng", lambda r: r.subject_name, 190, sort="subject_name"),
    RowColumn("Hình thức khen thưởng", lambda r: r.award_name, 200, sort="award_name"),
    RowColumn("Đợt xét", lambda r: r.round_name, 200, stretch=True, sort="round_name"),
    RowColumn("Năm", lambda r: str(r.round_year), 60, CENTER, sort="round_year"),
    RowColumn("Đơn vị đề nghị", lambda r: r.unit_name, 150, sort="unit_name"),
    RowColumn("Trạng thái", lambda r: r.status.label, 160, sort="status"),
]
ROUND_YEAR = 3


class MovementsPage(ListPage):
    model: RowTableModel

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.model = RowTableModel(MOVEMENT_COLUMNS, self)
        self.exemplars_model = RowTableModel(EXEMPLAR_COLUMNS, self)
        self.nominations_model = RowTableModel(NOMINATION_COLUMNS, self)
        self._timer = debounce_timer(self, self.refresh)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.use_table(row_table_view(self.model)))
        self.sort_by_columns(default=PERIOD, descending=True)  # latest started first
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.lay_out([self._build_toolbar()], splitter)
        self.selection_changed()

    def _build_toolbar(self) -> QHBoxLayout:
        self.search_edit = search_line_edit("Tìm phong trào theo tên (gõ không dấu cũng được)…", self._timer)
        self.kind_combo = choice_combo(((k.label, k.value) for k in MovementKind), empty="Tất cả")
        self.kind_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 2)
        row.addWidget(QLabel("Loại:"))
        row.addWidget(self.kind_combo)
        self.add_button = add_button(row, "Thêm phong trào", self.add_movement)
        self.edit_button = add_button(row, "Sửa", self.edit_selected)
        self.delete_button = add_button(row, "Xóa", self.delete_selected)
        self.selection_buttons = (self.edit_button, self.delete_button)
        return row

    def _build_detail(self) -> QWidget:
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-weight: bold;")
        self.title_label.setWordWrap(True)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.exemplars_table = row_table_view(self.exemplars_model)
        self.exemplars_table.setColumnHidden(MOVEMENT_COLUMN, True)  # it is the movement shown above
        self.exemplars_table.setToolTip("Nhấp đúp để mở hồ sơ điển hình.")
        self.exemplars_table.doubleClicked.connect(lambda _index: self.open_exemplar())
        self.nominations_table = row_table_view(self.nominations_model)
        self._sort_detail(self.exemplars_table, EXEMPLAR_COLUMNS, INTRODUCED_ON, "exemplars")
        self._sort_detail(self.nominations_table, NOMINATION_COLUMNS, ROUND_YEAR, "nominations")
        self.detail_tabs = QTabWidget()
        self.detail_tabs.addTab(self.exemplars_table, "Điển hình tiên tiến")
        self.detail_tabs.addTab(self.nominations_table, "Hồ sơ đề nghị khen thưởng")
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.info_label)
        layout.addWidget(self.detail_tabs, 1)
        return panel

    def _sort_detail(self, table, columns: list[RowColumn], default: int, key: str) -> None:
        """A detail list sorts through the query too (latest first until asked), its layout kept."""
        kept = ColumnLayout(table, self.db.data_dir, f"{type(self).__name__}/{key}")
        sort_by_query(table, sort_names(columns), self.selection_changed, default, descending=True,
                      restored=kept.restored)

    def _detail_sorts(self) -> dict[str, tuple[str, bool]]:
        return {name: query_sort(table, sort_names(columns))
                for name, table, columns in (("exemplars", self.exemplars_table, EXEMPLAR_COLUMNS),
                                             ("nominations", self.nominations_table, NOMINATION_COLUMNS))}

    # Data -------------------------------------------------------------------------------------

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        """List again; keep (or move to) the selected movement when it is still listed."""
        self._timer.stop()
        kind = self.kind_combo.currentData()
        kind = MovementKind(kind) if kind else None
        rows = list_movements(self.db, self.search_edit.text(), kind, **self.sorted_by())
        self.show_rows(rows, "phong trào", select)
        self.selection_changed()

    def selection_changed(self, *_args) -> None:
        """The buttons, and the selected movement's exemplars and nominations below."""
        super().selection_changed()
        movement_id = self.selected_id()
        overview = None
        if movement_id is not None:
            with service_call(self):
                overview = movement_overview(self.db, movement_id, **self._detail_sorts())
        self._show_overview(overview)

    def _show_overview(self, overview: MovementOverview | None) -> None:
        self.exemplars_model.set_rows(overview.exemplars if overview else [])
        self.nominations_model.set_rows(overview.nominations if overview else [])
        self.detail_tabs.setTabText(0, f"Điển hình tiên tiến ({self.exemplars_model.rowCount()})")
        self.detail_tabs.setTabText(1, f"Hồ sơ đề nghị khen thưởng ({self.nominations_model.rowCount()})")
        if overview is None:
            self.title_label.setText(NOTHING_SELECTED)
            self.info_label.setText("")
            return
        movement = overview.movement
        self.title_label.setText(movement.name)
        parts = [movement.kind.label, period(movement),
                 movement.launched_by and f"phát động: {movement.launched_by}",
                 movement.field_name and f"lĩnh vực: {movement.field_name}"]
        info = " · ".join(part for part in parts if part)
        self.info_label.setText(info + (f"\n{movement.description}" if movement.description else ""))

    # Actions ----------------------------------------------------------------------------------

    def add_movement(self) -> None:
        self.open_dialog(MovementDialog(self.db, parent=self))

    def edit_dialog(self, record_id: int) -> MovementDialog:
        return MovementDialog.for_movement(self.db, record_id, parent=self)

    def open_exemplar(self) -> None:
        """Open the exemplar selected in the detail panel; the panel is shown again when it closes."""
        row = selected_row(self.exemplars_table)
        if row is None:
            return
        with service_call(self) as call:
            dialog = ExemplarDialog.for_exemplar(self.db, row.id, parent=self)
        if call.ok:
            open_non_modal(dialog, self.selection_changed, when_closed=True)

    def delete_selected(self) -> None:
        row = self.selected()
        if row is not None and self.delete_confirmed(f"Xóa phong trào “{row.name}”?", "Xóa phong trào",
                                                     lambda: delete_movement(self.db, row.id)):
            self.refresh()
