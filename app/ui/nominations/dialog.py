"""A new nomination (round, subject, award form, proposing unit and the achievement report), or the
report and proposing unit of an existing one."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.models.enums import SubjectKind
from app.services.catalogue import list_award_forms
from app.services.nominations import (
    NominationDetail,
    NominationInput,
    ReportInput,
    create_nomination,
    get_nomination,
    set_proposing_unit,
    update_report,
)
from app.services.rounds import list_rounds
from app.services.units import list_units
from app.services.workspace import Database
from app.ui.kit.confirmation import with_confirmation
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.widgets import (
    ErrorLabel,
    Form,
    choice_combo,
    mark_wrong_tabs,
    ok_cancel_buttons,
    restore_geometry,
    save_geometry,
    scrolled,
    select_data,
)
from app.ui.nominations.report_form import ReportForms, report_is_blank
from app.ui.subjects.picker import SubjectPicker

GEOMETRY_KEY = "nomination_dialog"
MAIN_TAB, GENERAL_TAB, ACHIEVEMENTS_TAB = range(3)
TAB_TITLES = {MAIN_TAB: "Đề nghị", GENERAL_TAB: "Thông tin báo cáo", ACHIEVEMENTS_TAB: "Thành tích"}
PREFILL_HINT = ("Phần nào của báo cáo để trống thì phần mềm tự điền chức vụ, đơn vị và các danh hiệu đã nhận "
                "từ hồ sơ của đối tượng; sửa lại sau ở trang Hồ sơ đề nghị.")
FOLLOW_SUBJECT = "— Theo đơn vị của đối tượng —"


class NominationDialog(FormDialog):
    def __init__(self, db: Database, round_id: int | None = None, detail: NominationDetail | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.detail = db, detail
        self.saved_id: int | None = detail.id if detail else None
        self.forms = list_award_forms(db)
        self._build()
        if detail is None:
            select_data(self.round_combo, round_id)
            self.setWindowTitle("Thêm hồ sơ đề nghị")
        else:
            self._load(detail)
        if not restore_geometry(self, GEOMETRY_KEY, db.data_dir):
            self.resize(820, 600)

    @classmethod
    def for_nomination(cls, db: Database, nomination_id: int,
                       parent: QWidget | None = None) -> NominationDialog:
        """The edit dialog of a stored nomination (NotFoundError when it was deleted meanwhile)."""
        return cls(db, detail=get_nomination(db, nomination_id), parent=parent)

    def _build(self) -> None:
        self.report = ReportForms()
        self.form = self._main_form()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, TAB_TITLES[MAIN_TAB])
        self.tabs.addTab(self._general_page(), TAB_TITLES[GENERAL_TAB])
        self.tabs.addTab(scrolled(self.report.achievements), TAB_TITLES[ACHIEVEMENTS_TAB])
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Lưu")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _main_form(self) -> Form:
        form = Form()
        if self.detail is None:
            rounds = ((r.name, r.id) for r in list_rounds(self.db))
            self.round_combo = form.add_row("round_id", "Đợt xét", choice_combo(rounds, "— Chọn đợt xét —"))
            self.subject_picker = form.add_row("subject_id", "Đối tượng", SubjectPicker(self.db))
            self.subject_picker.chosen.connect(self._subject_chosen)
            self.form_combo = form.add_row("award_form_id", "Hình thức khen thưởng", choice_combo([]))
            self._fill_forms(None)
        else:
            for key, label in (("round_id", "Đợt xét"), ("subject_id", "Đối tượng"),
                               ("award_form_id", "Hình thức khen thưởng")):
                form.add_row(key, label, QLabel())
        units = ((u.name, u.id) for u in list_units(self.db))
        units_combo = choice_combo(units, FOLLOW_SUBJECT)
        self.unit_combo = form.add_row("proposing_unit_id", "Đơn vị đề nghị", units_combo)
        return form

    def _general_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        if self.detail is None:
            hint = QLabel(PREFILL_HINT)
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #555;")
            layout.addWidget(hint)
        layout.addWidget(self.report.general)
        layout.addStretch(1)
        return scrolled(page)

    def _fill_forms(self, kind: SubjectKind | None) -> None:
        """The forms that apply to the subject's kind (all of them before a subject is chosen).

        A form chosen earlier that does not apply stays chosen, marked, so saving says why it is refused.
        """
        chosen = self.form_combo.currentData()
        self.form_combo.clear()
        self.form_combo.addItem("— Chọn hình thức —", None)
        for row in self.forms:
            if kind is None or kind in row.kinds:
                self.form_combo.addItem(row.name, row.id)
            elif row.id == chosen:
                self.form_combo.addItem(f"{row.name} (không áp dụng cho {kind.label.lower()})", row.id)
        select_data(self.form_combo, chosen)

    def _subject_chosen(self, row) -> None:
        kind = row.kind if row is not None else None
        self._fill_forms(kind)
        self.report.set_kind(kind or SubjectKind.INDIVIDUAL)

    def _load(self, detail: NominationDetail) -> None:
        self.setWindowTitle(f"Hồ sơ đề nghị: {detail.subject_name} — {detail.form_name}")
        texts = {"round_id": detail.round_name, "award_form_id": detail.form_name,
                 "subject_id": f"{detail.subject_name} ({detail.subject_kind.label.lower()})"}
        for key, text in texts.items():
            self.form.rows[key].field.setText(text)
        select_data(self.unit_combo, detail.proposing_unit_id)
        self.report.set_kind(detail.subject_kind)
        self.report.load(detail.report)
        self.tabs.setCurrentIndex(ACHIEVEMENTS_TAB)

    def read(self) -> tuple[NominationInput, ReportInput | None]:
        """The nomination and its report; no report (None) when nothing was typed in it."""
        report = self.report.read()
        untouched = not self.report.modified or report_is_blank(report)
        data = NominationInput(
            round_id=self.round_combo.currentData(), subject_id=self.subject_picker.subject_id(),
            award_form_id=self.form_combo.currentData(), proposing_unit_id=self.unit_combo.currentData(),
        )
        return data, None if untouched else report

    def submit(self) -> bool:
        return self._create() if self.detail is None else self._update()

    def _create(self) -> bool:
        data, report = self.read()
        made = with_confirmation(
            self, lambda confirmed: create_nomination(self.db, data, report, confirmed=confirmed))
        self.saved_id = made
        return made is not None

    def _update(self) -> bool:
        """Only what changed: the report (checked first, so a refusal saves nothing), the unit."""
        detail = self.detail
        if self.report.modified:
            update_report(self.db, detail.id, self.report.read(), detail.version)
            detail.version += 1
            self.report.modified = False
        unit_id = self.unit_combo.currentData()
        if unit_id != detail.proposing_unit_id:
            set_proposing_unit(self.db, detail.id, unit_id, detail.version)
            detail.version += 1
            detail.proposing_unit_id = unit_id
        return True

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message beside its field; the first tab with a wrong field comes forward."""
        rest = self.form.show_errors(errors)
        unplaced = self.report.show_errors(rest)
        self.general_error.set_message("\n".join(unplaced.values()))
        wrong = {
            MAIN_TAB: any(key in self.form.rows for key in errors),
            GENERAL_TAB: any(key in self.report.general.rows for key in errors),
            ACHIEVEMENTS_TAB: any(key in self.report.achievements.rows for key in errors),
        }
        mark_wrong_tabs(self.tabs, TAB_TITLES, wrong)

    def done(self, result: int) -> None:
        save_geometry(self, GEOMETRY_KEY, self.db.data_dir)
        super().done(result)
