"""Issued decisions for the certificate tests, made through the real services (decision_helpers)."""

from __future__ import annotations

import datetime as dt

from decision_helpers import (
    PEOPLE,
    form_ids,
    make_collective,
    make_round,
    make_unit,
    passed_nomination,
    passed_people,
)

from app.models import DocumentType, Gender, OccupationGroup, SubjectKind
from app.services.decisions.data import DecisionInput, IssueInput
from app.services.decisions.drafts import create_decision
from app.services.decisions.issue import issue_decision
from app.services.subjects.crud import create_subject
from app.services.subjects.data import AwardInput, SubjectInput
from app.services.wording import load_wording, save_wording

ISSUED_ON = dt.date(2026, 12, 1)
LONG_COLLECTIVE = ("Tổ Chuyên môn Toán - Tin học - Công nghệ và Hoạt động trải nghiệm, hướng nghiệp "
                   "Trường Trung học cơ sở Hòa Bình")


def draft_decision(db, names=PEOPLE, collective: str | None = None, form: str = "GIAY_KHEN",
                   round_id: int | None = None, signer: str = "Nguyễn Văn Hùng",
                   unit_name: str = "Trường Tiểu học Hòa Bình") -> int:
    """A draft decision of `form` for the people (and a collective) passed by the council."""
    wording = load_wording(db, DocumentType.PROPOSAL)
    if not wording.get("signer_name"):
        save_wording(db, DocumentType.PROPOSAL, {**wording, "signer_name": "Phạm Văn Bình"})
    forms = form_ids(db)
    round_id = round_id or make_round(db)
    unit = make_unit(db, unit_name)
    if names:
        passed_people(db, round_id, forms[form], names=names, unit_id=unit)
    if collective:
        passed_nomination(db, round_id, make_collective(db, collective, unit), forms[form])
    data = DecisionInput(round_id=round_id, award_form_id=forms[form], signer_name=signer,
                         council_meeting_on=dt.date(2026, 11, 18))
    return create_decision(db, data).row.id


def issued_decision(db, names=PEOPLE, collective: str | None = None, form: str = "GIAY_KHEN",
                    round_id: int | None = None, day: dt.date = ISSUED_ON,
                    unit_name: str = "Trường Tiểu học Hòa Bình") -> int:
    decision_id = draft_decision(db, names, collective, form, round_id, unit_name=unit_name)
    issue_decision(db, decision_id, IssueInput(day=day))
    return decision_id


def issued_cstdcs(db, name: str = "Trần Văn Bình") -> int:
    """An issued CSTĐCS decision for one person who was LĐTT the same year (the title's first criterion)."""
    data = SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.MALE, position="Giáo viên",
                        occupation_group=OccupationGroup.CIVIL_SERVANT,
                        awards=[AwardInput("Lao động tiên tiến", 2026)])
    subject_id = create_subject(db, data, today=ISSUED_ON).id
    round_id = make_round(db)
    passed_nomination(db, round_id, subject_id, form_ids(db)["CSTDCS"])
    decision_id = draft_decision(db, names=(), form="CSTDCS", round_id=round_id)
    issue_decision(db, decision_id, IssueInput(day=ISSUED_ON))
    return decision_id
