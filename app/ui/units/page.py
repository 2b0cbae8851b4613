"""The Units page: the commune's villages, agencies, schools… with their emulation blocs."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from app.services.units import UnitRow, delete_unit, list_units
from app.services.workspace import Database
from app.ui.kit import messages
from app.ui.kit.list_page import ListPage
from app.ui.kit.row_table import list_table_view
from app.ui.kit.widgets import add_button, debounce_timer, search_line_edit
from app.ui.units import table_model as cols
from app.ui.units.dialog import UnitDialog, add_bloc_interactively
from app.ui.units.table_model import UnitTableModel

# The service's sort for each column (list_units).
SORTS = {cols.NAME: "name", cols.KIND: "kind", cols.BLOC: "bloc_name", cols.HEAD: "head_name",
         cols.ADDRESS: "address", cols.SUBJECTS: "subject_count"}
COLUMN_WIDTHS = {
    cols.NAME: 220, cols.KIND: 120, cols.BLOC: 170, cols.HEAD: 170, cols.ADDRESS: 220, cols.SUBJECTS: 110,
}


class UnitsPage(ListPage):
    model: UnitTableModel

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.model = UnitTableModel(self)
        self._timer = debounce_timer(self, self.refresh)
        toolbar = self._build_toolbar()
        self.lay_out([toolbar], self.use_table(list_table_view(self.model, COLUMN_WIDTHS, [cols.ADDRESS])))
        self.sort_columns(SORTS, default=cols.NAME)
        self.selection_changed()

    def _build_toolbar(self) -> QHBoxLayout:
        self.search_edit = search_line_edit("Tìm đơn vị theo tên…", self._timer)
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 1)
        self.add_button = add_button(row, "Thêm đơn vị", self.add_unit)
        self.edit_button = add_button(row, "Sửa", self.edit_selected)
        self.delete_button = add_button(row, "Xóa", self.delete_selected)
        self.bloc_button = add_button(row, "Thêm khối thi đua…", self.add_bloc)
        self.selection_buttons = (self.edit_button, self.delete_button)
        return row

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        self._timer.stop()
        self.show_rows(list_units(self.db, self.search_edit.text(), **self.sorted_by()), "đơn vị", select)
        self.selection_changed()

    def selected(self) -> UnitRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.unit(rows[0].row()) if rows else None

    def add_unit(self) -> None:
        self.open_dialog(UnitDialog(self.db, parent=self))

    def edit_dialog(self, record_id: int) -> UnitDialog:
        return UnitDialog(self.db, self.selected(), parent=self)  # the listed row holds all it edits

    def delete_selected(self) -> None:
        unit = self.selected()
        if unit is not None and self.delete_confirmed(f"Xóa đơn vị “{unit.name}”?", "Xóa đơn vị",
                                                      lambda: delete_unit(self.db, unit.id)):
            self.refresh()

    def add_bloc(self) -> None:
        if add_bloc_interactively(self, self.db) is not None:
            messages.show_info(self, "Đã thêm khối thi đua. Chọn khối cho từng đơn vị trong biểu mẫu Sửa.")
