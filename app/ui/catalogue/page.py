"""The "Danh mục khen thưởng" page: the award forms the chairman gives, their rewards and criteria."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.rules.vntext import vn_money
from app.services.catalogue import AwardFormRow, delete_award_form, list_award_forms, set_award_form_active
from app.services.workspace import Database
from app.ui.catalogue import table_model as cols
from app.ui.catalogue.form_dialog import AwardFormDialog
from app.ui.catalogue.table_model import CatalogueTableModel
from app.ui.kit.list_page import ListPage
from app.ui.kit.operations import service_call
from app.ui.kit.row_table import list_table_view
from app.ui.kit.widgets import add_button

# The service's sort for each column (list_award_forms): the name's column keeps the catalogue's order.
SORTS = {cols.NAME: "order", cols.KIND: "kind", cols.KINDS: "kinds", cols.REWARD: "reward",
         cols.MERIT: "counts_toward_merit", cols.CRITERIA: "criteria_count", cols.ACTIVE: "active"}
COLUMN_WIDTHS = {
    cols.NAME: 210, cols.KIND: 150, cols.KINDS: 180, cols.REWARD: 330, cols.MERIT: 150,
    cols.CRITERIA: 80, cols.ACTIVE: 90,
}


class CataloguePage(ListPage):
    model: CatalogueTableModel

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.model = CatalogueTableModel(self)
        toolbar = self._build_toolbar()
        table = list_table_view(self.model, COLUMN_WIDTHS, [cols.REWARD], wrap=True)
        self.lay_out([toolbar], self.use_table(table))
        self.sort_columns(SORTS, default=cols.NAME)
        self.selection_changed()

    def _build_toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = add_button(row, "Thêm hình thức", self.add_form)
        self.edit_button = add_button(row, "Sửa", self.edit_selected)
        self.active_button = add_button(row, "Ngừng dùng", self.toggle_active)
        self.delete_button = add_button(row, "Xóa", self.delete_selected)
        self.selection_buttons = (self.edit_button, self.active_button, self.delete_button)
        row.addStretch(1)
        self.salary_label = QLabel()
        row.addWidget(self.salary_label)
        return row

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        rows = list_award_forms(self.db, include_inactive=True, **self.sorted_by())
        inactive = sum(not row.active for row in rows)
        self.show_rows(rows, "hình thức" + (f", {inactive} ngừng dùng" if inactive else ""), select)
        if rows:
            self.salary_label.setText(f"Mức lương cơ sở (LCS): {vn_money(rows[0].base_salary)}")
        self.selection_changed()

    def selected(self) -> AwardFormRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.form(rows[0].row()) if rows else None

    def selection_changed(self, *_args) -> None:
        super().selection_changed()
        form = self.selected()
        self.active_button.setText("Dùng lại" if form is not None and not form.active else "Ngừng dùng")

    def add_form(self) -> None:
        self.open_dialog(AwardFormDialog(self.db, parent=self))

    def edit_dialog(self, record_id: int) -> AwardFormDialog:
        return AwardFormDialog.for_form(self.db, record_id, parent=self)

    def toggle_active(self) -> None:
        form = self.selected()
        if form is None:
            return
        with service_call(self):
            set_award_form_active(self.db, form.id, not form.active)
        self.refresh()

    def delete_selected(self) -> None:
        form = self.selected()
        if form is not None and self.delete_confirmed(f"Xóa hình thức “{form.name}”?", "Xóa hình thức",
                                                      lambda: delete_award_form(self.db, form.id)):
            self.refresh()
