"""The "Danh mục khen thưởng" page: the award forms the chairman gives, their rewards and criteria."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.rules.vntext import vn_money
from app.services.catalogue import AwardFormRow, delete_award_form, list_award_forms, set_award_form_active
from app.storage.database import Database
from app.ui.catalogue import table_model as cols
from app.ui.catalogue.form_dialog import AwardFormDialog
from app.ui.catalogue.table_model import CatalogueTableModel
from app.ui.kit import messages
from app.ui.kit.operations import service_call
from app.ui.kit.row_table import list_table_view
from app.ui.kit.widgets import add_button

COLUMN_WIDTHS = {
    cols.NAME: 210, cols.KIND: 150, cols.KINDS: 180, cols.REWARD: 330, cols.MERIT: 150,
    cols.CRITERIA: 80, cols.ACTIVE: 90,
}


class CataloguePage(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = CatalogueTableModel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        layout.addWidget(self._build_table(), 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self._update_buttons()

    def _build_toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = add_button(row, "Thêm hình thức", self.add_form)
        self.edit_button = add_button(row, "Sửa", self.edit_selected)
        self.active_button = add_button(row, "Ngừng dùng", self.toggle_active)
        self.delete_button = add_button(row, "Xóa", self.delete_selected)
        row.addStretch(1)
        self.salary_label = QLabel()
        row.addWidget(self.salary_label)
        return row

    def _build_table(self) -> QTableView:
        self.table = list_table_view(self.model, COLUMN_WIDTHS, [cols.REWARD], wrap=True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        return self.table

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.selected_id()
        rows = list_award_forms(self.db, include_inactive=True)
        self.model.set_rows(rows)
        inactive = sum(not row.active for row in rows)
        self.count_label.setText(f"{len(rows)} hình thức" + (f", {inactive} ngừng dùng" if inactive else ""))
        if rows:
            self.salary_label.setText(f"Mức lương cơ sở (LCS): {vn_money(rows[0].base_salary)}")
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(self.model.index(row, cols.NAME), flags)
        self._update_buttons()

    def selected(self) -> AwardFormRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.form(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        form = self.selected()
        return form.id if form else None

    def _update_buttons(self, *_args) -> None:
        form = self.selected()
        for button in (self.edit_button, self.active_button, self.delete_button):
            button.setEnabled(form is not None)
        self.active_button.setText("Dùng lại" if form is not None and not form.active else "Ngừng dùng")

    def add_form(self) -> None:
        self._open_dialog(AwardFormDialog(self.db, parent=self))

    def edit_selected(self) -> None:
        form = self.selected()
        if form is None:
            return
        dialog = None
        with service_call(self):
            dialog = AwardFormDialog.for_form(self.db, form.id, parent=self)
        if dialog is None:
            self.refresh()
        else:
            self._open_dialog(dialog)

    def _open_dialog(self, dialog: AwardFormDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.refresh(select_id=dialog.saved_id))
        dialog.open()

    def toggle_active(self) -> None:
        form = self.selected()
        if form is None:
            return
        with service_call(self):
            set_award_form_active(self.db, form.id, not form.active)
        self.refresh()

    def delete_selected(self) -> None:
        form = self.selected()
        if form is None or not messages.ask_yes_no(self, f"Xóa hình thức “{form.name}”?", "Xóa hình thức"):
            return
        with service_call(self) as call:
            delete_award_form(self.db, form.id)
        if call.ok:
            self.refresh()
