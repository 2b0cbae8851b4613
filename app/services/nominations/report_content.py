"""From a nomination to its achievement report's content. The citizen ID is never put in a report, nor
the ethnicity unless the province's form asks for it (the report wording's "show_ethnicity")."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.exporters.award_content import Places, fill
from app.exporters.report_builder import ReportContent
from app.models import AwardKind, DocumentType, Nomination, RoundKind, Subject, SubjectKind
from app.rules.duty import roman_quarter
from app.rules.vntext import vn_short_date
from app.services.decisions.content import round_purpose
from app.services.nominations.crud import get_nomination_row
from app.services.settings import CommuneProfile, read_commune_profile
from app.services.wording import read_wording


def report_content(session: Session, nomination_id: int, day: dt.date | None = None) -> ReportContent:
    nomination = get_nomination_row(session, nomination_id)
    subject, report, form = nomination.subject, nomination.report, nomination.award_form
    profile = read_commune_profile(session)
    places = Places(commune=profile.commune, province=profile.province, year=nomination.round.year)
    wording = read_wording(session, DocumentType.REPORT)
    place = read_wording(session, DocumentType.DECISION)["place"]  # one place line for every document
    return ReportContent(
        kind=subject.kind.value,
        form_name=form.name,
        is_title=form.kind is AwardKind.TITLE,
        period=_period(nomination),
        name=subject.name,
        place=fill(place, **places.values()),
        day=day,
        wording=wording,
        profile=tuple(_profile_lines(subject, nomination, bool(wording.get("show_ethnicity")))),
        overview=report.overview if report else "",
        duties=report.duties if report else "",
        achievements=report.achievements if report else "",
        measures=report.measures if report else "",
        awards_received=report.awards_received if report else "",
        signer_name=_signer(subject),
        confirm_name=_confirmer(subject, profile),
    )


def _period(nomination: Nomination) -> str:
    round_ = nomination.round
    if round_.kind is RoundKind.YEAR_END:
        return f"năm {round_.year}"
    if round_.kind is RoundKind.QUARTER:
        return f"quý {roman_quarter(round_.quarter)} năm {round_.year}"
    kind = "đột xuất" if round_.kind is RoundKind.AD_HOC else "chuyên đề"
    return f"{kind}: {round_purpose(round_.name)}"



def _profile_lines(subject: Subject, nomination: Nomination, ethnicity: bool) -> list[tuple[str, str]]:
    report = nomination.report
    workplace = report.workplace if report else ""
    if subject.kind is SubjectKind.COLLECTIVE:
        lines = [("Thuộc", subject.parent_body), ("Địa chỉ", subject.address),
                 ("Số thành viên", str(subject.member_count) if subject.member_count else ""),
                 ("Người đứng đầu", subject.head_name)]
    elif subject.kind is SubjectKind.HOUSEHOLD:
        lines = [("Chủ hộ", subject.head_name), ("Địa chỉ", subject.address or workplace)]
    else:
        lines = [
            ("Giới tính", subject.gender.label if subject.gender else ""),
            ("Ngày sinh", _birth(subject)), ("Dân tộc", subject.ethnicity if ethnicity else ""),
            ("Nơi ở", subject.address), ("Đơn vị công tác", workplace),
            ("Chức vụ", (report.position if report else "") or subject.position),
            ("Trình độ chuyên môn, nghiệp vụ", report.qualification if report else ""),
        ]
    return [(key, value) for key, value in lines if value]


def _birth(subject: Subject) -> str:
    if subject.birth_date:
        return vn_short_date(subject.birth_date)
    return f"năm {subject.birth_year}" if subject.birth_year else ""


def _signer(subject: Subject) -> str:
    if subject.kind is SubjectKind.INDIVIDUAL:
        return subject.name
    return subject.head_name


def _confirmer(subject: Subject, profile: CommuneProfile) -> str:
    """Who confirms: the head of the subject's unit (the workplace, the village or residential group,
    the body a collective belongs to); the commune chairman when the subject heads that unit itself or
    it has no head on record."""
    head = subject.unit.head_name if subject.unit else ""
    own = {subject.name, subject.head_name} - {""}
    return head if head and head not in own else profile.chairman
