"""The Subjects page: search as you type, filters, the list, and add / edit / delete."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import SubjectKind
from app.rules.vntext import vn_number
from app.services.subjects import SubjectQuery, count_subjects, delete_subject
from app.services.units import list_fields, list_units
from app.services.workspace import Database
from app.ui.kit import messages
from app.ui.kit.list_page import ListPage
from app.ui.kit.operations import service_call
from app.ui.kit.row_table import list_table_view
from app.ui.kit.widgets import choice_combo, debounce_timer, refill_combo, search_line_edit
from app.ui.subjects import table_model as cols
from app.ui.subjects.dialog import SubjectDialog
from app.ui.subjects.merge_dialog import MergeDialog
from app.ui.subjects.personal_data_actions import PersonalDataButton
from app.ui.subjects.table_model import SubjectTableModel

COLUMN_WIDTHS = {
    cols.STT: 50, cols.NAME: 190, cols.KIND: 85, cols.UNIT: 150, cols.DETAIL: 150,
    cols.BIRTH: 85, cols.GENDER: 65, cols.CITIZEN_ID: 105, cols.ON_HOLD: 95,
}
# The service's sort for each column; the number (STT) sorts as the names do (official-list order).
SORTS = {
    cols.NAME: "name", cols.KIND: "kind", cols.UNIT: "unit_name", cols.DETAIL: "detail", cols.BIRTH: "birth",
    cols.GENDER: "gender", cols.CITIZEN_ID: "citizen_id_masked", cols.ON_HOLD: "on_hold",
}
MERGE_HINT = "Chọn đúng hai đối tượng (giữ phím Ctrl khi bấm vào dòng thứ hai) để gộp hồ sơ trùng."
ADD_BUTTONS = (
    ("Thêm cá nhân", SubjectKind.INDIVIDUAL),
    ("Thêm tập thể", SubjectKind.COLLECTIVE),
    ("Thêm hộ gia đình", SubjectKind.HOUSEHOLD),
)


def _unfiltered(query: SubjectQuery) -> bool:
    """Every subject is listed (in whatever order)."""
    return not query.text.strip() and query.kind is None and query.unit_id is None and query.field_id is None


class SubjectsPage(ListPage):
    """Its model reads the list a page of rows at a time: it selects rows itself (`_select_subject`)."""

    total_changed = Signal(int)
    columns_key = "subjects"
    model: SubjectTableModel

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.model = SubjectTableModel(db, self)
        self._timer = debounce_timer(self, self.refresh)
        # Laid out as each row is made (not with lay_out): the personal-data button gets its parent, and so
        # its place in the tab order, when it is made.
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        layout.addLayout(self._build_buttons())
        layout.addWidget(self.use_table(list_table_view(self.model, COLUMN_WIDTHS, stretch_last=True)), 1)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # two, to merge
        layout.addWidget(self.count_label)
        self.sort_columns(SORTS, default=cols.NAME)
        self.selection_changed()

    def _build_filters(self) -> QHBoxLayout:
        self.search_edit = search_line_edit("Tìm theo tên (gõ không dấu cũng được)…", self._timer)
        kinds = [(kind.label, kind.value) for kind in SubjectKind]
        self.kind_combo = choice_combo(kinds, empty="Tất cả")
        self.unit_combo = QComboBox(minimumContentsLength=18)
        self.field_combo = QComboBox(minimumContentsLength=18)
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 2)
        for label, combo in (("Loại:", self.kind_combo), ("Đơn vị:", self.unit_combo),
                             ("Lĩnh vực:", self.field_combo)):
            row.addWidget(QLabel(label))
            row.addWidget(combo, 1)
            combo.currentIndexChanged.connect(lambda _index: self.refresh())
        return row

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, kind in ADD_BUTTONS:
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, k=kind: self.add_subject(k))
            row.addWidget(button)
        row.addStretch(1)
        self.edit_button = QPushButton("Sửa")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton("Xóa")
        self.delete_button.clicked.connect(self.delete_selected)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        self.selection_buttons = (self.edit_button, self.delete_button)
        self.personal_data = PersonalDataButton(self.db, self._selected_subject, self)
        self.personal_data.erased.connect(lambda: self._after_delete(None))
        row.addWidget(self.personal_data)
        self.merge_button = QPushButton("Gộp hồ sơ trùng…")
        self.merge_button.setToolTip(MERGE_HINT)
        self.merge_button.clicked.connect(lambda _checked=False: self.merge_selected())
        row.addWidget(self.merge_button)
        return row

    # Data -------------------------------------------------------------------------------------

    def on_shown(self) -> None:
        """Reload the unit and field choices (they may have changed), then the list."""
        units = [(unit.name, unit.id) for unit in list_units(self.db)]
        fields = [(field.name, field.id) for field in list_fields(self.db)]
        refill_combo(self.unit_combo, units, "Tất cả đơn vị")
        refill_combo(self.field_combo, fields, "Tất cả lĩnh vực")
        self.refresh()

    def query(self) -> SubjectQuery:
        kind = self.kind_combo.currentData()
        sort, descending = self.sort()
        return SubjectQuery(
            text=self.search_edit.text(),
            kind=SubjectKind(kind) if kind else None,
            unit_id=self.unit_combo.currentData(),
            field_id=self.field_combo.currentData(),
            sort=sort,
            descending=descending,
        )

    def refresh(self, select: int | None = None) -> None:
        """Search again; keep (or move to) the selected subject when it is still listed."""
        self._timer.stop()
        keep = select if select is not None else self.selected_id()
        query = self.query()
        self.model.set_query(query)
        count = self.model.rowCount()
        self.count_label.setText(f"{vn_number(count)} đối tượng")
        if _unfiltered(query):
            self.total_changed.emit(count)
        self._select_subject(keep)
        self.selection_changed()

    def _refresh_total(self) -> None:
        if not _unfiltered(self.query()):
            self.total_changed.emit(count_subjects(self.db))

    def _select_subject(self, subject_id: int | None) -> None:
        row = self.model.row_of(subject_id) if subject_id is not None else None
        if row is None:
            return
        index = self.model.index(row, cols.NAME)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _selected_subject(self) -> tuple[int, str] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        return self.model.subject_id(row), self.model.data(self.model.index(row, cols.NAME))

    def selected_ids(self) -> list[int]:
        """The selected subjects, in list order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [found for row in rows if (found := self.model.subject_id(row)) is not None]

    def selection_changed(self, *_args) -> None:
        """Edit, delete and the personal-data actions act on one person: with two chosen (to merge them)
        they are off, and so is Enter's edit, rather than acting on whichever came first."""
        chosen = len(self.selected_ids())
        for button in self.selection_buttons:
            button.setEnabled(chosen == 1)
        self.personal_data.update_state(chosen == 1)
        self.merge_button.setEnabled(chosen == 2)

    def edit_selected(self) -> None:
        if len(self.selected_ids()) == 1:
            super().edit_selected()

    # Actions ----------------------------------------------------------------------------------

    def add_subject(self, kind: SubjectKind) -> None:
        self.open_dialog(self._offering_merge(SubjectDialog(self.db, kind, parent=self)))

    def edit_dialog(self, record_id: int) -> SubjectDialog:
        return self._offering_merge(SubjectDialog.for_subject(self.db, record_id, parent=self))

    def _offering_merge(self, dialog: SubjectDialog) -> SubjectDialog:
        dialog.merge_requested.connect(self.open_merge)
        return dialog

    def merge_selected(self) -> MergeDialog | None:
        """Merge the two selected subjects, the one made first kept (the dialog can swap them)."""
        chosen = sorted(self.selected_ids())
        return self.open_merge(*chosen) if len(chosen) == 2 else None

    def open_merge(self, keep_id: int, other_id: int) -> MergeDialog | None:
        dialog = None
        with service_call(self) as call:
            dialog = MergeDialog.for_pair(self.db, keep_id, other_id, parent=self)
        if not call.ok or dialog is None:
            self.refresh()
            return None
        self.open_dialog(dialog)
        dialog.accepted.connect(lambda: self._merged(dialog))  # after the list is read again
        return dialog

    def _merged(self, dialog: MergeDialog) -> None:
        if dialog.result_ is not None:
            messages.show_info(self, dialog.result_.summary(), "Đã gộp hồ sơ trùng")

    def after_save(self, saved_id: int | None) -> None:
        self.refresh(select=saved_id)
        self._refresh_total()

    def delete_selected(self) -> None:
        subject = self._selected_subject()
        if subject is None:
            return
        row = self.table.selectionModel().selectedRows()[0].row()
        subject_id, name = subject
        if self.delete_confirmed(f"Xóa “{name}” khỏi danh sách đối tượng?", "Xóa đối tượng",
                                 lambda: delete_subject(self.db, subject_id)):
            self._after_delete(row)

    def _after_delete(self, old_row: int | None) -> None:
        self.refresh()
        if old_row is not None and self.model.rowCount():
            self._select_subject(self.model.subject_id(min(old_row, self.model.rowCount() - 1)))
        self._refresh_total()
