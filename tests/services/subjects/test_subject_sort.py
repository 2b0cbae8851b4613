"""The subjects list sorted by each of its columns, by the query (SQL ORDER BY), on both backends: the
column's order (empty values last, either direction), then official-list order among equals."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import Gender, HoldKind, SubjectKind
from app.rules.vntext import name_sort_key, text_sort_key
from app.services.subjects.crud import create_subject
from app.services.subjects.data import HoldInput, SubjectInput, SubjectQuery, SubjectRow
from app.services.subjects.search import SORTS, search_subjects, subject_position
from app.services.units import UnitInput, create_unit

pytestmark = pytest.mark.both_backends

TODAY = dt.date.today()
# (name, unit, position, birth year, gender, CCCD, on hold): ASCII positions, so that every backend's
# text order agrees; ties in every column, so the official-list order among equals is tested too.
PEOPLE = [
    ("Nguyễn Văn Đạt", "Thôn Đông", "Truong thon", 1980, Gender.MALE, "037080001003", False),
    ("Trần Thị Ánh", "Thôn Bắc", "", 1975, Gender.FEMALE, "", True),
    ("Lê Đức Anh", "Thôn Đông", "Bi thu chi bo", 1980, Gender.MALE, "037080001001", False),
    ("Phạm Thị Dung", None, "Giao vien", None, Gender.FEMALE, "037080001002", False),
    ("Đặng Văn Dũng", "Thôn Ấp", "Truong thon", 1990, Gender.MALE, "", True),
    ("Hoàng Thị Ân", "Thôn Bắc", "Giao vien", 1975, Gender.FEMALE, "037080001009", False),
]


@pytest.fixture
def listed(commune_db):
    units = {name: create_unit(commune_db, UnitInput(name=name))
             for name in ("Thôn Đông", "Thôn Bắc", "Thôn Ấp")}
    for name, unit, position, year, gender, cid, hold in PEOPLE:
        started = TODAY - dt.timedelta(days=3)
        holds = [HoldInput(kind=HoldKind.INVESTIGATION, start_date=started)] if hold else []
        create_subject(commune_db, SubjectInput(
            kind=SubjectKind.INDIVIDUAL, name=name, unit_id=units.get(unit), position=position,
            birth_year=year, gender=gender, citizen_id=cid, holds=holds), today=TODAY)
    create_subject(commune_db, SubjectInput(kind=SubjectKind.COLLECTIVE, name="Chi hội Phụ nữ thôn Đông",
                                            unit_id=units["Thôn Đông"], parent_body="Hoi Phu nu xa"),
                   today=TODAY)
    create_subject(commune_db, SubjectInput(kind=SubjectKind.HOUSEHOLD, name="Hộ ông Lê Văn Tám",
                                            head_name="Lê Văn Tám", address="Xom 2"), today=TODAY)
    return commune_db


def _cid(row: SubjectRow) -> str:
    return next((p[5] for p in PEOPLE if p[0] == row.name), "")


# What each column's order means, said in Python over the rows the list shows: None for an empty value.
COLUMN_KEYS = {
    "kind": lambda row: text_sort_key(row.kind.label),
    "unit_name": lambda row: text_sort_key(row.unit_name) if row.unit_name else None,
    "field_name": lambda row: None,
    "detail": lambda row: row.detail or None,
    "birth": lambda row: int(row.birth) if row.birth else None,
    "gender": lambda row: text_sort_key(row.gender) if row.gender else None,
    "citizen_id_masked": lambda row: _cid(row) or None,
    "on_hold": lambda row: row.on_hold,
}


def _official(row: SubjectRow) -> str:
    kind = row.kind
    if kind is SubjectKind.INDIVIDUAL:
        return name_sort_key(row.name)
    if kind is SubjectKind.HOUSEHOLD:
        return name_sort_key("Lê Văn Tám")
    return text_sort_key(row.name)


def expected(rows: list[SubjectRow], sort: str, descending: bool) -> list[str]:
    if sort == "name":
        return [row.name for row in sorted(rows, key=_official, reverse=descending)]
    column = COLUMN_KEYS[sort]
    filled = [row for row in rows if column(row) is not None]
    empty = [row for row in rows if column(row) is None]
    # Python's sort is stable: official order first, then the column's order (reversed when descending).
    by_column = sorted(sorted(filled, key=_official), key=column, reverse=descending)
    return [row.name for row in by_column + sorted(empty, key=_official)]


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("sort", SORTS)
def test_each_column_sorts_through_the_query(listed, sort: str, descending: bool) -> None:
    rows = search_subjects(listed, SubjectQuery())
    query = SubjectQuery(sort=sort, descending=descending)
    shown = search_subjects(listed, query)
    assert [row.name for row in shown] == expected(rows, sort, descending)
    for number, row in enumerate(shown):  # the list selects a saved row by its place in this order
        assert subject_position(listed, query, row.id) == number


def test_a_sorted_search_keeps_its_filter(listed) -> None:
    shown = search_subjects(listed, SubjectQuery("thi", sort="birth", descending=True))
    assert [row.name for row in shown] == ["Trần Thị Ánh", "Hoàng Thị Ân", "Phạm Thị Dung"]  # a before â
