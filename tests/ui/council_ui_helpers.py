"""For the council pages' tests: members, and a round whose nominations are ready for the council
(appraised), made by the services."""

from __future__ import annotations

import datetime as dt

from decision_helpers import form_ids, make_person, make_round, passed_nomination

from app.models import CouncilRole, Gender, OccupationGroup, SubjectKind
from app.services.council import CouncilMemberInput, create_council_member
from app.services.subjects.crud import create_subject
from app.services.subjects.data import AwardInput, SubjectInput

TERM_START = dt.date(2026, 1, 1)
MEETING_DAY = dt.date(2026, 11, 18)
NOMINEES = (("Trần Văn Bình", "LDTT"), ("Nguyễn Thị Hoa", "LDTT"), ("Lê Thị Ánh", "LDTT"),
            ("Phạm Quốc Hưng", "CSTDCS"))
OTHER_MEMBERS = (("Đỗ Văn Long", CouncilRole.MEMBER), ("Bùi Thị Thu", CouncilRole.MEMBER),
                 ("Ngô Thị Yến", CouncilRole.SECRETARY))


def add_member(db, name: str, role: CouncilRole) -> int:
    return create_council_member(db, CouncilMemberInput(name=name, position="Trưởng ban", role=role,
                                                        term_from=TERM_START))


def person_with_ldtt(db, name: str) -> int:
    """A civil servant who was Lao động tiên tiến this year (so CSTĐCS may be proposed)."""
    data = SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.MALE,
                        occupation_group=OccupationGroup.CIVIL_SERVANT, position="Công chức",
                        awards=[AwardInput("Lao động tiên tiến", 2026, "15/QĐ-UBND")])
    return create_subject(db, data, today=dt.date(2026, 11, 21)).id


def make_nominees(commune_db) -> dict[str, int]:
    """Four appraised nominations (three LĐTT, one CSTĐCS) of one round, by nominee."""
    round_id, forms = make_round(commune_db), form_ids(commune_db)
    made = {}
    for name, code in NOMINEES:
        subject = person_with_ldtt(commune_db, name) if code == "CSTDCS" else make_person(commune_db, name)
        made[name] = passed_nomination(commune_db, round_id, subject, forms[code], review=False)
    return made


def add_other_members(commune_db) -> list[int]:
    return [add_member(commune_db, name, role) for name, role in OTHER_MEMBERS]
