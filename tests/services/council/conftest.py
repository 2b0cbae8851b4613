"""A council of fifteen and appraised nominations awaiting it, through the real services."""

from __future__ import annotations

import pytest
from council_helpers import make_council
from decision_helpers import TODAY, form_ids, make_person, make_round, passed_nomination

from app.models import Gender, OccupationGroup, SubjectKind
from app.services.subjects.crud import create_subject
from app.services.subjects.data import AwardInput, SubjectInput

PEOPLE = ("Trần Văn Bình", "Nguyễn Thị Hoa", "Lê Thị Ánh", "Phạm Quốc Hưng", "Đặng Thị Ánh", "Vũ Văn Tâm")


@pytest.fixture
def forms(commune_db) -> dict[str, int]:
    return form_ids(commune_db)


@pytest.fixture
def members(commune_db) -> list[int]:
    return make_council(commune_db)


@pytest.fixture
def appraised(commune_db, forms):
    """appraised(form_code, count) -> nomination ids, appraised and awaiting the council."""
    round_id = make_round(commune_db)

    made = iter(PEOPLE)

    def make(code: str = "LDTT", count: int = 1) -> list[int]:
        person = _person if code == "CSTDCS" else make_person
        return [passed_nomination(commune_db, round_id, person(commune_db, next(made)), forms[code],
                                  review=False) for _ in range(count)]

    return make


def _person(db, name: str) -> int:
    """A teacher with LĐTT this year (what CSTĐCS asks first)."""
    data = SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.FEMALE, position="Giáo viên",
                        occupation_group=OccupationGroup.CIVIL_SERVANT,
                        awards=[AwardInput("Danh hiệu “Lao động tiên tiến”", 2026)])
    return create_subject(db, data, today=TODAY).id
