"""Create, edit, delete and read nominations (hồ sơ đề nghị), with their report and checklist."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.errors import ConflictError, Validator
from app.models import (
    AchievementReport,
    AwardForm,
    AwardRecord,
    Exemplar,
    Nomination,
    NominationEvent,
    NominationStatus,
    Round,
    RoundStatus,
    Subject,
    SubjectKind,
    Unit,
)
from app.rules.eligibility import NOT_MET, not_twice
from app.rules.vntext import normalize_multiline, normalize_text, vn_short_date
from app.services import records
from app.services.nominations.data import ConfirmationNeeded, NominationInput, ReportInput
from app.services.nominations.eligibility_facts import FormIndex, nomination_facts
from app.services.records import get_or_not_found
from app.storage.database import Database
from app.storage.versions import bump_version

REPORT_LIMIT = 20_000


def get_nomination_row(session: Session, nomination_id: int) -> Nomination:
    return get_or_not_found(session, Nomination, nomination_id, "hồ sơ đề nghị số")


def described(nomination: Nomination) -> str:
    """The nomination as the officer knows it: 'Hồ sơ “Lao động tiên tiến” của Nguyễn Thị Hoa'."""
    return f"Hồ sơ “{nomination.award_form.name}” của {nomination.subject.name}"


def check_version(nomination: Nomination, expected_version: int | None) -> None:
    records.check_version(nomination, expected_version, described(nomination))


def add_event(nomination: Nomination, text: str, status: NominationStatus | None = None) -> None:
    nomination.events.append(NominationEvent(text=text, status=status))


# --- checks on a new nomination --------------------------------------------------------------------

def _references(session: Session, data: NominationInput) -> tuple[Subject, AwardForm, Round]:
    check = Validator()
    round_ = session.get(Round, data.round_id) if data.round_id else None
    subject = session.get(Subject, data.subject_id) if data.subject_id else None
    form = session.get(AwardForm, data.award_form_id) if data.award_form_id else None
    if round_ is None:
        check.add("round_id", "Đợt xét: hãy chọn một đợt xét.")
    elif round_.status is RoundStatus.CLOSED:
        check.add("round_id", f"Đợt xét: đợt “{round_.name}” đã kết thúc, không nhận thêm hồ sơ.")
    if subject is None:
        check.add("subject_id", "Đối tượng: hãy chọn đối tượng được đề nghị.")
    if form is None:
        check.add("award_form_id", "Hình thức khen thưởng: hãy chọn một hình thức.")
    elif not form.active:
        check.add("award_form_id", f"Hình thức khen thưởng: “{form.name}” đã ngừng sử dụng.")
    if data.proposing_unit_id is not None and session.get(Unit, data.proposing_unit_id) is None:
        check.add("proposing_unit_id", "Đơn vị đề nghị: không còn trong danh sách, hãy chọn lại.")
    check.raise_if_any()
    return subject, form, round_


@dataclass(frozen=True)
class CreationCheck:
    """What a new nomination refers to, and the warnings the user may override."""

    subject: Subject
    form: AwardForm
    round: Round
    late: str = ""  # the round's deadline has passed
    duplicate: str = ""  # the same form for the same subject and period already exists

    @property
    def warnings(self) -> list[str]:
        return [w for w in (self.late, self.duplicate) if w]


def creation_problems(
    session: Session, data: NominationInput, today: dt.date, forms: FormIndex | None = None
) -> CreationCheck:
    """Refuse what may not be nominated (ValidationError); report what the user may override."""
    subject, form, round_ = _references(session, data)
    facts = nomination_facts(session, subject, form, round_, today, forms=forms, with_members=False)
    check = Validator()
    if not form.applies_to(subject.kind):
        check.add("award_form_id", "Hình thức khen thưởng: " + _kind_text(form, subject))
    held = [h for h in facts.holds if h.active_on(today)]
    if held:
        check.add("subject_id", f"Đối tượng: “{subject.name}” đang tạm hoãn xét khen thưởng — "
                                f"{held[0].describe()}.")
    check.raise_if_any()
    late = ""
    if round_.deadline and today > round_.deadline:
        late = f"Đợt “{round_.name}” đã hết hạn nhận hồ sơ ngày {vn_short_date(round_.deadline)}."
    twice = not_twice(facts, {})
    duplicate = twice.reason if twice.outcome is NOT_MET else ""
    return CreationCheck(subject, form, round_, late, duplicate)


def _kind_text(form: AwardForm, subject: Subject) -> str:
    kinds = ", ".join(k.label.lower() for k in SubjectKind if form.applies_to(k))
    return (f"“{form.name}” chỉ áp dụng cho {kinds}; “{subject.name}” là "
            f"{subject.kind.label.lower()}.")


# --- create, edit, delete --------------------------------------------------------------------------

def create_nomination(
    db: Database, data: NominationInput, report: ReportInput | None = None, *,
    confirmed: bool = False, today: dt.date | None = None,
) -> int:
    """A draft nomination; ConfirmationNeeded when the deadline has passed or it looks like a duplicate."""
    today = today or dt.date.today()
    clean = _clean_report(report) if report else None
    if clean:
        _validate_report(clean)
    with db.transaction() as session:
        checked = creation_problems(session, data, today)
        if checked.warnings and not confirmed:
            raise ConfirmationNeeded(checked.warnings)
        nomination = add_nomination(session, data, checked.subject, clean, checked.warnings)
        return nomination.id


def add_nomination(
    session: Session, data: NominationInput, subject: Subject, report: ReportInput | None,
    overridden: list[str],
) -> Nomination:
    exemplar = session.get(Exemplar, data.exemplar_id) if data.exemplar_id else None
    nomination = Nomination(
        round_id=data.round_id, subject_id=data.subject_id, award_form_id=data.award_form_id,
        proposing_unit_id=data.proposing_unit_id if data.proposing_unit_id else subject.unit_id,
        exemplar_id=exemplar.id if exemplar else None, status=NominationStatus.DRAFT, version=1,
    )
    filled = _prefilled(report, default_report(session, subject, exemplar))  # a given one is already clean
    nomination.report = AchievementReport(**dataclasses.asdict(filled))
    add_event(nomination, "Tạo hồ sơ đề nghị.", NominationStatus.DRAFT)
    for warning in overridden:
        add_event(nomination, f"Người dùng xác nhận vẫn tạo hồ sơ: {warning}")
    session.add(nomination)
    session.flush()
    return nomination


def _prefilled(given: ReportInput | None, default: ReportInput) -> ReportInput:
    """What the officer typed, each field left empty taken from the subject's profile and history (as the
    add dialog promises: a report with only the achievements typed still gets the position and awards)."""
    if given is None:
        return default
    return ReportInput(**{f.name: getattr(given, f.name) or getattr(default, f.name)
                          for f in dataclasses.fields(ReportInput)})


def default_report(session: Session, subject: Subject, exemplar: Exemplar | None = None) -> ReportInput:
    """The report prefilled from the subject's profile, history and exemplar record."""
    unit = session.get(Unit, subject.unit_id) if subject.unit_id else None
    workplace = subject.address if subject.kind is SubjectKind.HOUSEHOLD else (unit.name if unit else "")
    lines = [_award_line(a) for a in sorted(subject.awards, key=lambda a: a.year)]
    return ReportInput(
        position=subject.position if subject.kind is SubjectKind.INDIVIDUAL else "",
        workplace=workplace,
        achievements=exemplar.achievements if exemplar else "",
        awards_received="\n".join(lines),
    )


def _award_line(award: AwardRecord) -> str:
    line = f"- Năm {award.year}: {award.form_name}"
    if not award.decision_no:
        return line
    source = f"Quyết định số {award.decision_no}"
    if award.decision_date:
        source += f" ngày {vn_short_date(award.decision_date)}"
    if award.issuer:
        source += f" của {award.issuer}"
    return f"{line} ({source})"


def _clean_report(report: ReportInput) -> ReportInput:
    single = {"position", "workplace", "qualification"}
    texts = {f.name: (normalize_text if f.name in single else normalize_multiline)(getattr(report, f.name))
             for f in dataclasses.fields(ReportInput)}
    return ReportInput(**texts)


def _validate_report(report: ReportInput) -> None:
    check = Validator()
    labels = {"position": ("Chức vụ", 200), "workplace": ("Đơn vị công tác, địa chỉ", 300),
              "qualification": ("Trình độ chuyên môn", 300)}
    for name, (label, limit) in labels.items():
        check.max_length(f"report.{name}", label, getattr(report, name), limit)
    for f in dataclasses.fields(ReportInput):
        if f.name not in labels:
            check.max_length(f"report.{f.name}", "Báo cáo thành tích", getattr(report, f.name), REPORT_LIMIT)
    check.raise_if_any()


def update_report(db: Database, nomination_id: int, report: ReportInput, expected_version: int) -> None:
    clean = _clean_report(report)
    _validate_report(clean)
    with db.transaction() as session:
        nomination = get_nomination_row(session, nomination_id)
        check_version(nomination, expected_version)
        require_editable(nomination)
        for name, value in dataclasses.asdict(clean).items():
            setattr(nomination.report, name, value)
        bump_version(nomination)


def set_proposing_unit(db: Database, nomination_id: int, unit_id: int | None, expected_version: int) -> None:
    with db.transaction() as session:
        nomination = get_nomination_row(session, nomination_id)
        check_version(nomination, expected_version)
        require_editable(nomination)
        if unit_id is not None and session.get(Unit, unit_id) is None:
            check = Validator()
            check.add("proposing_unit_id", "Đơn vị đề nghị: không còn trong danh sách, hãy chọn lại.")
            check.raise_if_any()
        nomination.proposing_unit_id = unit_id
        bump_version(nomination)


def require_editable(nomination: Nomination) -> None:
    if nomination.status not in (NominationStatus.DRAFT, NominationStatus.PROPOSED):
        raise ConflictError(
            f"{described(nomination)} đang ở trạng thái “{nomination.status.label}”: không sửa được nữa. "
            "Chỉ hồ sơ nháp hoặc đã đề nghị (chưa thẩm định) mới sửa được."
        )


def delete_nomination(db: Database, nomination_id: int) -> None:
    with db.transaction() as session:
        nomination = get_nomination_row(session, nomination_id)
        if nomination.status not in (NominationStatus.DRAFT, NominationStatus.PROPOSED):
            raise ConflictError(
                f"Không xóa được hồ sơ “{nomination.award_form.name}” của {nomination.subject.name}: "
                f"hồ sơ đã “{nomination.status.label}”, "
                "phải được lưu lại."
            )
        session.delete(nomination)
