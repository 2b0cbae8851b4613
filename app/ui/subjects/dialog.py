"""Add or edit one subject: its fields, its award history and its hold flags, saved by one call."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.models.enums import SubjectKind
from app.services.movements import list_movements
from app.services.subjects import (
    PossibleDuplicate,
    SubjectDetail,
    SubjectInput,
    create_subject,
    duplicates_question,
    find_possible_duplicates,
    get_subject,
    list_collectives,
    update_subject,
)
from app.services.units import list_fields, list_units
from app.services.workspace import Database
from app.ui.kit import messages
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.widgets import (
    ErrorLabel,
    ValueReader,
    mark_wrong_tabs,
    ok_cancel_buttons,
    restore_geometry,
    save_geometry,
)
from app.ui.subjects.award_history_table import AwardHistoryTable
from app.ui.subjects.form import SubjectForm
from app.ui.subjects.hold_flags_table import HoldFlagsTable

ADD_TITLES = {
    SubjectKind.INDIVIDUAL: "Thêm cá nhân",
    SubjectKind.COLLECTIVE: "Thêm tập thể",
    SubjectKind.HOUSEHOLD: "Thêm hộ gia đình",
}
DEFAULT_HEIGHTS = {SubjectKind.INDIVIDUAL: 620, SubjectKind.COLLECTIVE: 500, SubjectKind.HOUSEHOLD: 440}
INFO_TAB, AWARDS_TAB, HOLDS_TAB = range(3)
SAVE, MERGE, LOOK_AGAIN = "save", "merge", "look_again"  # answers to the possible-duplicate question
TAB_TITLES = {INFO_TAB: "Thông tin", AWARDS_TAB: "Lịch sử khen thưởng", HOLDS_TAB: "Tạm dừng xét"}


class SubjectDialog(FormDialog):
    form: SubjectForm
    # (kept, merged in): saved as a possible duplicate with "Lưu rồi gộp…"; the page opens the merge
    merge_requested = Signal(int, int)

    def __init__(self, db: Database, kind: SubjectKind, detail: SubjectDetail | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.kind, self.detail = db, kind, detail
        self.saved_id: int | None = None
        self._build()
        if detail is not None:
            self._load(detail)
        self.setWindowTitle(f"Sửa: {detail.name}" if detail else ADD_TITLES[kind])
        if not restore_geometry(self, self._geometry_key(), db.data_dir):
            self.resize(820, DEFAULT_HEIGHTS[kind])

    @classmethod
    def for_subject(cls, db: Database, subject_id: int, parent: QWidget | None = None) -> SubjectDialog:
        """The edit dialog of a stored subject (NotFoundError when it was deleted meanwhile)."""
        detail = get_subject(db, subject_id)
        return cls(db, detail.kind, detail, parent)

    def _build(self) -> None:
        units = [(u.name, u.id) for u in list_units(self.db)]
        fields = [(f.name, f.id) for f in list_fields(self.db)]
        self.form = SubjectForm(self.kind, units, fields, self._collectives_of)
        self.awards_table = AwardHistoryTable(
            [(m.name, m.id, m.start_date.year if m.start_date else None) for m in list_movements(self.db)])
        self.holds_table = HoldFlagsTable()
        self.tabs = QTabWidget()
        pages = (self.form, self.awards_table, self.holds_table)
        for widget, title in zip(pages, TAB_TITLES.values(), strict=True):
            self.tabs.addTab(widget, title)
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Lưu")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _collectives_of(self, unit_id: int | None) -> list[tuple[str, int]]:
        return list_collectives(self.db, unit_id)

    def _load(self, detail: SubjectDetail) -> None:
        self.form.load(detail)
        self.awards_table.set_awards(detail.awards)
        self.holds_table.set_holds(detail.holds)

    def _geometry_key(self) -> str:
        return f"subject_dialog_{self.kind.value}"

    def read(self) -> SubjectInput:
        """Everything in the form; ValidationError for what cannot be read (a bad date, a non-number)."""
        reader = ValueReader()
        data = self.form.read(reader)
        data.awards = self.awards_table.awards(reader)
        data.holds = self.holds_table.holds(reader)
        reader.raise_if_any()
        return data

    def submit(self) -> bool | None:
        data = self.read()
        subject_id = self.detail.id if self.detail else None
        found = find_possible_duplicates(self.db, data, subject_id)
        answer = self.ask_about_duplicates(found) if found else SAVE
        if answer == LOOK_AGAIN:
            return False  # the officer looks again; nothing saved
        self.saved_id = self._save(data).id
        if answer == MERGE:
            self.accepted.connect(lambda: self.merge_requested.emit(found[0].id, self.saved_id))
        return None

    def ask_about_duplicates(self, found: list[PossibleDuplicate]) -> str:
        """SAVE (as a record of its own), MERGE (save, then merge into the first one found) or LOOK_AGAIN."""
        choices = ("Có, lưu riêng", f"Lưu rồi gộp với “{found[0].name}”…", "Không, xem lại")
        answer = messages.ask_choice(self, duplicates_question(found), "Có thể trùng đối tượng", choices, 2)
        return (SAVE, MERGE, LOOK_AGAIN)[answer]

    def _save(self, data: SubjectInput) -> SubjectDetail:
        if self.detail is None:
            return create_subject(self.db, data)
        return update_subject(self.db, self.detail.id, data, self.detail.version)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message beside its field or above its table; the first wrong place is brought forward."""
        rest = self.form.show_errors(errors)
        after_awards = self.awards_table.show_errors(rest)
        unplaced = self.holds_table.show_errors(after_awards)
        self.general_error.set_message("\n".join(unplaced.values()))
        wrong = {
            INFO_TAB: len(rest) < len(errors),
            AWARDS_TAB: len(after_awards) < len(rest),
            HOLDS_TAB: len(unplaced) < len(after_awards),
        }
        mark_wrong_tabs(self.tabs, TAB_TITLES, wrong)

    def done(self, result: int) -> None:
        save_geometry(self, self._geometry_key(), self.db.data_dir)
        super().done(result)
