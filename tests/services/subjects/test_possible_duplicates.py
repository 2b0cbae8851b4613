"""A subject that may already be in the book is flagged (same name and birth, or the same CCCD)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.models import Gender, SubjectKind
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput
from app.services.subjects.duplicates import duplicates_question, find_possible_duplicates

pytestmark = pytest.mark.both_backends

TODAY = dt.date(2026, 11, 21)
HOA = SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Trần Thị Hoa", gender=Gender.FEMALE,
                   birth_date=dt.date(1985, 3, 7), citizen_id="001185000123")


def person(**changes) -> SubjectInput:
    return dataclasses.replace(HOA, **changes)


@pytest.fixture
def hoa(commune_db) -> int:
    return create_subject(commune_db, HOA, today=TODAY).id


@pytest.mark.parametrize(("changes", "reason"), [
    ({"citizen_id": ""}, "cùng họ tên và ngày sinh"),
    ({"citizen_id": "", "birth_date": None, "birth_year": 1985}, "cùng họ tên và năm sinh"),
    ({"citizen_id": "", "name": " trần thị  hoa "}, "cùng họ tên và ngày sinh"),
    ({"name": "Lê Văn Nam", "birth_date": None}, "cùng số CCCD"),
])
def test_a_likely_duplicate_is_found_with_its_reason(commune_db, hoa, changes, reason):
    found = find_possible_duplicates(commune_db, person(**changes))
    assert [(d.id, d.name, d.reason) for d in found] == [(hoa, "Trần Thị Hoa", reason)]
    assert found[0].birth == "07/03/1985"


@pytest.mark.parametrize("changes", [
    {"citizen_id": "", "birth_date": dt.date(1985, 3, 8)},  # another day
    {"citizen_id": "", "birth_date": None, "birth_year": 1986},
    {"citizen_id": "", "birth_date": None},  # nothing to compare the birth with
    {"citizen_id": "", "name": "Trần Thị Hòa"},  # another name, only diacritics apart
    {"citizen_id": "", "kind": SubjectKind.HOUSEHOLD, "head_name": "Trần Thị Hoa"},
])
def test_a_different_person_is_not_flagged(commune_db, hoa, changes):
    assert find_possible_duplicates(commune_db, person(**changes)) == []


def test_the_subject_being_edited_is_not_its_own_duplicate(commune_db, hoa):
    assert find_possible_duplicates(commune_db, HOA, subject_id=hoa) == []


def test_the_question_names_the_people_in_vietnamese(commune_db, hoa):
    question = duplicates_question(find_possible_duplicates(commune_db, HOA))
    assert question == (
        "Có thể đối tượng này đã có trong sổ:\n• Trần Thị Hoa, sinh 07/03/1985: cùng số CCCD\n\n"
        "Vẫn lưu thành một đối tượng riêng?"
    )
