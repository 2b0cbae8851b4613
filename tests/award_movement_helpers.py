"""Movements, people with award history and a decision issued in a movement's round, made through the
real services (tests of award rows naming their movement)."""

from __future__ import annotations

import datetime as dt

from decision_helpers import MEETING_DAY, TODAY, form_ids, passed_people

from app.models import DocumentType, Gender, SubjectKind
from app.services.decisions.data import DecisionInput, IssueInput
from app.services.decisions.drafts import create_decision
from app.services.decisions.issue import issue_decision
from app.services.movements.crud import create_movement
from app.services.movements.data import MovementInput
from app.services.nominations.queries import get_nomination
from app.services.rounds import RoundInput, create_round
from app.services.subjects.crud import create_subject
from app.services.subjects.data import AwardInput, SubjectInput
from app.services.wording import load_wording, save_wording

PATRIOTIC = "Phong trào thi đua yêu nước"
CULTURE = "Toàn dân đoàn kết xây dựng đời sống văn hóa"


def movement(db, name: str) -> int:
    return create_movement(db, MovementInput(name=name, launched_by="UBND xã",
                                             start_date=dt.date(2020, 1, 1))).id


def person(db, awards: list[AwardInput], name: str = "Nguyễn Thị Hương") -> int:
    data = SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.FEMALE, awards=awards)
    return create_subject(db, data, today=TODAY).id


def issued_in(db, movement_id: int | None) -> tuple[int, int]:
    """(subject, decision): one person's Lao động tiên tiến 2026, issued in a round of that movement."""
    wording = load_wording(db, DocumentType.PROPOSAL)
    save_wording(db, DocumentType.PROPOSAL, {**wording, "signer_name": "Phạm Văn Bình"})
    data = RoundInput(name="Tổng kết năm 2026", year=2026, deadline=dt.date(2026, 12, 10),
                      movement_id=movement_id)
    round_id = create_round(db, data)
    ldtt = form_ids(db)["LDTT"]
    (nomination_id,) = passed_people(db, round_id, ldtt, names=("Trần Văn Bình",))
    draft = create_decision(db, DecisionInput(round_id=round_id, award_form_id=ldtt,
                                              council_meeting_on=MEETING_DAY))
    decision_id = issue_decision(db, draft.row.id, IssueInput(day=TODAY)).row.id
    return get_nomination(db, nomination_id, TODAY).subject_id, decision_id
