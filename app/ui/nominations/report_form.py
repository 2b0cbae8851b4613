"""The achievement report (báo cáo thành tích) of a nomination: its fields as two forms, shown for the
subject's kind, and the same report as read-only text for the nominations page."""

from __future__ import annotations

import dataclasses
import html
from dataclasses import dataclass

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from app.models.enums import SubjectKind
from app.services.nominations import ReportInput
from app.ui.kit.widgets import Form

PERSON, GROUP, HOME = SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE, SubjectKind.HOUSEHOLD
EVERY_KIND = (PERSON, GROUP, HOME)


@dataclass(frozen=True)
class ReportField:
    name: str
    label: str
    kinds: tuple[SubjectKind, ...]
    long: bool = False
    height: int = 70


GENERAL_FIELDS = (
    ReportField("position", "Chức vụ", (PERSON,)),
    ReportField("workplace", "Đơn vị công tác / địa chỉ", EVERY_KIND),
    ReportField("qualification", "Trình độ chuyên môn", (PERSON,)),
    ReportField("overview", "Sơ lược đặc điểm, tình hình", (GROUP,), long=True, height=110),
    ReportField("duties", "Chức năng, nhiệm vụ được giao", (PERSON, GROUP), long=True, height=110),
)
ACHIEVEMENT_FIELDS = (
    ReportField("achievements", "Thành tích đạt được", EVERY_KIND, long=True, height=150),
    ReportField("measures", "Biện pháp, giải pháp", EVERY_KIND, long=True, height=90),
    ReportField("awards_received", "Danh hiệu, hình thức khen thưởng đã nhận", EVERY_KIND, long=True,
                height=90),
)
ALL_FIELDS = GENERAL_FIELDS + ACHIEVEMENT_FIELDS


def _editor(spec: ReportField) -> QWidget:
    if not spec.long:
        return QLineEdit()
    edit = QPlainTextEdit()
    edit.setMinimumHeight(spec.height)
    edit.setTabChangesFocus(True)
    return edit


def _text(edit: QWidget) -> str:
    return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()


class ReportForms:
    """Two forms keyed "report.<field>": general information, and the achievements."""

    def __init__(self) -> None:
        self.general, self.achievements = Form(), Form()
        self.edits: dict[str, QWidget] = {}
        self.modified = False
        for form, specs in ((self.general, GENERAL_FIELDS), (self.achievements, ACHIEVEMENT_FIELDS)):
            for spec in specs:
                edit = form.add_row(f"report.{spec.name}", spec.label, _editor(spec))
                edit.textChanged.connect(self._mark_modified)
                self.edits[spec.name] = edit
        self.set_kind(PERSON)

    def _mark_modified(self, *_args) -> None:
        self.modified = True

    def set_kind(self, kind: SubjectKind) -> None:
        """Show the fields of this kind's report form only."""
        self.kind = kind
        for form, specs in ((self.general, GENERAL_FIELDS), (self.achievements, ACHIEVEMENT_FIELDS)):
            for spec in specs:
                form.layout_.setRowVisible(form.rows[f"report.{spec.name}"], kind in spec.kinds)

    def load(self, report: ReportInput) -> None:
        for spec in ALL_FIELDS:
            edit = self.edits[spec.name]
            value = getattr(report, spec.name)
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(value)
            else:
                edit.setText(value)
        self.modified = False

    def read(self) -> ReportInput:
        """The report as typed; the fields of other kinds' forms are left empty."""
        return ReportInput(**{spec.name: _text(self.edits[spec.name]) if self.kind in spec.kinds else ""
                              for spec in ALL_FIELDS})

    def show_errors(self, errors: dict[str, str]) -> dict[str, str]:
        """Messages beside the report's fields; the others are returned."""
        return self.achievements.show_errors(self.general.show_errors(errors))


def report_html(report: ReportInput, kind: SubjectKind) -> str:
    """The report as headed paragraphs; fields left empty say so."""
    parts = []
    for spec in ALL_FIELDS:
        if kind not in spec.kinds:
            continue
        value = getattr(report, spec.name).strip()
        body = html.escape(value).replace("\n", "<br>") if value else "<i style='color:#777'>(chưa nhập)</i>"
        parts.append(f"<p><b>{html.escape(spec.label)}</b><br>{body}</p>")
    return "".join(parts)


def report_is_blank(report: ReportInput) -> bool:
    return not any(value.strip() for value in dataclasses.asdict(report).values())
