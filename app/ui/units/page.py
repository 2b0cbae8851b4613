"""The Units page: the commune's villages, agencies, schools… with their emulation blocs."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.units import delete_unit, list_units
from app.storage.database import Database
from app.ui.kit import messages
from app.ui.kit.operations import service_call
from app.ui.kit.row_table import list_table_view
from app.ui.kit.widgets import add_button, debounce_timer, search_line_edit
from app.ui.units import table_model as cols
from app.ui.units.dialog import UnitDialog, add_bloc_interactively
from app.ui.units.table_model import UnitTableModel

COLUMN_WIDTHS = {
    cols.NAME: 220, cols.KIND: 120, cols.BLOC: 170, cols.HEAD: 170, cols.ADDRESS: 220, cols.SUBJECTS: 110,
}


class UnitsPage(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = UnitTableModel(self)
        self._timer = debounce_timer(self, self.refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        layout.addWidget(self._build_table(), 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self._update_buttons()

    def _build_toolbar(self) -> QHBoxLayout:
        self.search_edit = search_line_edit("Tìm đơn vị theo tên…", self._timer)
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 1)
        self.add_button = add_button(row, "Thêm đơn vị", self.add_unit)
        self.edit_button = add_button(row, "Sửa", self.edit_selected)
        self.delete_button = add_button(row, "Xóa", self.delete_selected)
        self.bloc_button = add_button(row, "Thêm khối thi đua…", self.add_bloc)
        return row

    def _build_table(self) -> QTableView:
        self.table = list_table_view(self.model, COLUMN_WIDTHS, [cols.ADDRESS])
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        return self.table

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        self._timer.stop()
        keep = select_id if select_id is not None else self.selected_id()
        self.model.set_rows(list_units(self.db, self.search_edit.text()))
        self.count_label.setText(f"{self.model.rowCount()} đơn vị")
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(self.model.index(row, cols.NAME), flags)
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.unit(rows[0].row()).id if rows else None

    def _update_buttons(self, *_args) -> None:
        has_selection = self.selected_id() is not None
        self.edit_button.setEnabled(has_selection)
        self.delete_button.setEnabled(has_selection)

    def add_unit(self) -> None:
        self._open_dialog(UnitDialog(self.db, parent=self))

    def edit_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open_dialog(UnitDialog(self.db, self.model.unit(rows[0].row()), parent=self))

    def _open_dialog(self, dialog: UnitDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.refresh(select_id=dialog.saved_id))
        dialog.open()

    def delete_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        unit = self.model.unit(rows[0].row())
        if not messages.ask_yes_no(self, f"Xóa đơn vị “{unit.name}”?", "Xóa đơn vị"):
            return
        with service_call(self) as call:
            delete_unit(self.db, unit.id)
        if call.ok:
            self.refresh()

    def add_bloc(self) -> None:
        if add_bloc_interactively(self, self.db) is not None:
            messages.show_info(self, "Đã thêm khối thi đua. Chọn khối cho từng đơn vị trong biểu mẫu Sửa.")
