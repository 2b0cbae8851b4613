"""Rounds with passed nominations, ready for a decision, made through the real services."""

from __future__ import annotations

import datetime as dt

from council_helpers import council_review
from sqlalchemy import select

from app.models import AwardForm, CriterionOutcome, Gender, OccupationGroup, RoundKind, SubjectKind
from app.models.enums import UnitKind
from app.services.nominations.crud import create_nomination, update_report
from app.services.nominations.data import JudgementInput, NominationInput, ReportInput
from app.services.nominations.flow import appraise, propose, set_judgement
from app.services.nominations.queries import get_nomination
from app.services.rounds import RoundInput, create_round
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput
from app.services.units import UnitInput, create_unit

TODAY = dt.date(2026, 11, 21)
MEETING_DAY = dt.date(2026, 11, 18)  # the council meets before the decisions are issued
PEOPLE = ("Trần Văn Bình", "Nguyễn Thị Hoa", "Lê Thị Ánh", "Phạm Quốc Hưng", "Đặng Thị Ánh")


def form_ids(db) -> dict[str, int]:
    with db.read() as session:
        return {f.code: f.id for f in session.scalars(select(AwardForm))}


def make_unit(db, name: str = "Trường Tiểu học Hòa Bình") -> int:
    return create_unit(db, UnitInput(name=name, kind=UnitKind.SCHOOL))


def make_round(db, kind: RoundKind = RoundKind.YEAR_END, name: str = "Tổng kết năm 2026") -> int:
    return create_round(db, RoundInput(name=name, kind=kind, year=2026, deadline=dt.date(2026, 12, 10)))


def make_person(db, name: str, unit_id: int | None = None, position: str = "Giáo viên") -> int:
    data = SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.FEMALE, unit_id=unit_id,
                        occupation_group=OccupationGroup.CIVIL_SERVANT, position=position)
    return create_subject(db, data, today=TODAY).id


def make_collective(db, name: str, unit_id: int | None = None) -> int:
    data = SubjectInput(kind=SubjectKind.COLLECTIVE, name=name, unit_id=unit_id, member_count=10)
    return create_subject(db, data, today=TODAY).id


def passed_nomination(db, round_id: int, subject_id: int, form_id: int, review: bool = True) -> int:
    """A nomination taken along the whole path: report, proposal, checklist, appraisal, council."""
    nomination_id = create_nomination(db, NominationInput(round_id, subject_id, form_id), today=TODAY)
    version = get_nomination(db, nomination_id, TODAY).version
    report = ReportInput(achievements="Hoàn thành xuất sắc nhiệm vụ được giao.")
    update_report(db, nomination_id, report, version)
    propose(db, nomination_id)
    detail = get_nomination(db, nomination_id, TODAY)
    for line in detail.checklist.lines:
        if line.criterion_id is not None and not line.by_rule:
            judgement = JudgementInput(line.criterion_id, CriterionOutcome.MET, "Đã kiểm tra")
            set_judgement(db, nomination_id, judgement, TODAY)
    appraise(db, nomination_id, today=TODAY)
    if review:
        council_review(db, [nomination_id], passed=True, day=MEETING_DAY)
    return nomination_id


def passed_people(db, round_id: int, form_id: int, names=PEOPLE, unit_id: int | None = None) -> list[int]:
    """One nomination each, all passed by one council meeting."""
    ids = [passed_nomination(db, round_id, make_person(db, name, unit_id), form_id, review=False)
           for name in names]
    council_review(db, ids, passed=True, day=MEETING_DAY)
    return ids


def issued_award(db, name: str = "Trần Thị Hoa") -> tuple[int, int, int]:
    """(subject, nomination, decision): one person's Lao động tiên tiến written by an issued decision."""
    from app.models import DocumentType
    from app.services.decisions.data import DecisionInput, IssueInput
    from app.services.decisions.drafts import create_decision
    from app.services.decisions.issue import issue_decision
    from app.services.wording import load_wording, save_wording

    ldtt = form_ids(db)["LDTT"]
    wording = load_wording(db, DocumentType.PROPOSAL)
    save_wording(db, DocumentType.PROPOSAL, {**wording, "signer_name": "Phạm Văn Bình"})
    round_id = make_round(db)
    (nomination_id,) = passed_people(db, round_id, ldtt, names=(name,))
    data = DecisionInput(round_id=round_id, award_form_id=ldtt, council_meeting_on=MEETING_DAY)
    draft = create_decision(db, data)
    issued = issue_decision(db, draft.row.id, IssueInput(day=TODAY))
    return get_nomination(db, nomination_id, TODAY).subject_id, nomination_id, issued.row.id
