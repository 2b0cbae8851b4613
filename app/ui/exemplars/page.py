"""The Exemplars page: the advanced exemplars, filtered by movement, stage, unit and year, searched by
name; add, edit, delete, and move one to another stage."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.models.enums import ExemplarStage
from app.services.exemplars import (
    ExemplarQuery,
    delete_exemplar,
    exemplar_years,
    search_exemplars,
)
from app.services.movements import list_movements
from app.services.units import list_units
from app.services.workspace import Database
from app.ui.exemplars.columns import EXEMPLAR_COLUMNS, INTRODUCED_ON
from app.ui.exemplars.dialog import ExemplarDialog
from app.ui.exemplars.stage import StageChangeDialog
from app.ui.kit.list_page import ListPage, open_non_modal
from app.ui.kit.row_table import RowTableModel, row_table_view
from app.ui.kit.widgets import add_button, choice_combo, debounce_timer, refill_combo, search_line_edit


class ExemplarsPage(ListPage):
    model: RowTableModel
    refresh_when_closed = True  # saved or not: stage changes and files are saved as they are made

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.model = RowTableModel(EXEMPLAR_COLUMNS, self)
        self._timer = debounce_timer(self, self.refresh)
        self.use_table(row_table_view(self.model))
        self.sort_by_columns(default=INTRODUCED_ON, descending=True)  # latest introduced first
        self.lay_out([self._build_filters(), self._build_buttons()], self.table)
        self.selection_changed()

    def _build_filters(self) -> QHBoxLayout:
        self.search_edit = search_line_edit("Tìm theo tên (gõ không dấu cũng được)…", self._timer)
        self.movement_combo = QComboBox(minimumContentsLength=22)
        self.stage_combo = choice_combo(((s.label, s.value) for s in ExemplarStage), empty="Tất cả")
        self.unit_combo = QComboBox(minimumContentsLength=14)
        self.year_combo = QComboBox(minimumContentsLength=6)
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 2)
        for label, combo in (("Phong trào:", self.movement_combo), ("Giai đoạn:", self.stage_combo),
                             ("Đơn vị:", self.unit_combo), ("Năm:", self.year_combo)):
            row.addWidget(QLabel(label))
            row.addWidget(combo, 1)
            combo.currentIndexChanged.connect(lambda _index: self.refresh())
        return row

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = add_button(row, "Thêm điển hình", self.add_exemplar)
        row.addStretch(1)
        self.stage_button = add_button(row, "Chuyển giai đoạn…", self.change_stage_of_selected)
        self.edit_button = add_button(row, "Sửa", self.edit_selected)
        self.delete_button = add_button(row, "Xóa", self.delete_selected)
        self.selection_buttons = (self.edit_button, self.delete_button, self.stage_button)
        return row

    # Data -------------------------------------------------------------------------------------

    def on_shown(self) -> None:
        """Reload the filter choices (movements, units and years may have changed), then the list."""
        refill_combo(self.movement_combo, [(m.name, m.id) for m in list_movements(self.db)],
                     "Tất cả phong trào")
        refill_combo(self.unit_combo, [(u.name, u.id) for u in list_units(self.db)], "Tất cả đơn vị")
        refill_combo(self.year_combo, [(str(y), y) for y in exemplar_years(self.db)], "Tất cả")
        self.refresh()

    def query(self) -> ExemplarQuery:
        stage = self.stage_combo.currentData()
        return ExemplarQuery(
            text=self.search_edit.text(),
            movement_id=self.movement_combo.currentData(),
            stage=ExemplarStage(stage) if stage else None,
            unit_id=self.unit_combo.currentData(),
            year=self.year_combo.currentData(),
            **self.sorted_by(),
        )

    def refresh(self, select: int | None = None) -> None:
        """Search again; keep (or move to) the selected exemplar when it is still listed."""
        self._timer.stop()
        self.show_rows(search_exemplars(self.db, self.query()), "điển hình", select)
        self.selection_changed()

    # Actions ----------------------------------------------------------------------------------

    def add_exemplar(self) -> None:
        self.open_dialog(ExemplarDialog(self.db, movement_id=self.movement_combo.currentData(), parent=self))

    def edit_dialog(self, record_id: int) -> ExemplarDialog:
        return ExemplarDialog.for_exemplar(self.db, record_id, parent=self)

    def change_stage_of_selected(self) -> None:
        row = self.selected()
        if row is not None:
            dialog = StageChangeDialog(self.db, row.id, row.stage, row.subject_name, self)
            open_non_modal(dialog, lambda: self.refresh(select=row.id))

    def delete_selected(self) -> None:
        row = self.selected()
        if row is not None and self.delete_confirmed(
                f"Xóa hồ sơ điển hình “{row.subject_name}”?", "Xóa điển hình",
                lambda: delete_exemplar(self.db, row.id)):
            self.refresh()
