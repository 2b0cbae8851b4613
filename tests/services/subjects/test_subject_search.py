"""Diacritic-insensitive search, filters and official-list order."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models import Gender, HoldKind, SubjectKind
from app.rules.vntext import fold, name_sort_key
from app.services.subjects.crud import create_subject
from app.services.subjects.data import HoldInput, SubjectInput, SubjectQuery
from app.services.subjects.search import fetch_subject_rows, search_subject_ids, search_subjects
from app.services.units import UnitInput, create_unit

pytestmark = pytest.mark.both_backends

TODAY = dt.date(2026, 11, 21)
NAMES = ["Nguyễn Văn Đạt", "Trần Thị Ánh", "Lê Đức Anh", "Phạm Thị Dung", "Đặng Văn Dũng", "Hoàng Thị Ân"]


def add(db, name: str, kind=SubjectKind.INDIVIDUAL, **extra) -> int:
    data = SubjectInput(kind=kind, name=name, gender=Gender.MALE, head_name=name, **extra)
    return create_subject(db, data, today=TODAY).id


def names(db, query: SubjectQuery) -> list[str]:
    return [row.name for row in search_subjects(db, query)]


def test_search_without_accents_finds_accented_names(commune_db) -> None:
    for name in NAMES:
        add(commune_db, name)
    assert names(commune_db, SubjectQuery("nguyen van dat")) == ["Nguyễn Văn Đạt"]
    assert names(commune_db, SubjectQuery("dat")) == ["Nguyễn Văn Đạt"]
    assert names(commune_db, SubjectQuery("nguyen dat")) == ["Nguyễn Văn Đạt"]  # words in typed order
    assert names(commune_db, SubjectQuery("DUNG")) == ["Phạm Thị Dung", "Đặng Văn Dũng"]
    assert names(commune_db, SubjectQuery("thi an")) == ["Trần Thị Ánh", "Hoàng Thị Ân"]


def test_search_treats_like_wildcards_literally(commune_db) -> None:
    add(commune_db, "Lê Văn Tám")
    assert names(commune_db, SubjectQuery("%")) == []
    assert names(commune_db, SubjectQuery("_")) == []


def test_empty_query_lists_all_in_official_order(commune_db) -> None:
    for name in NAMES:
        add(commune_db, name)
    listed = names(commune_db, SubjectQuery())
    assert listed == sorted(NAMES, key=name_sort_key)
    assert listed[:2] == ["Lê Đức Anh", "Trần Thị Ánh"]


def test_filters_by_kind_and_unit(commune_db) -> None:
    east = create_unit(commune_db, UnitInput(name="Thôn Đông"))
    add(commune_db, "Nguyễn Văn Đạt", unit_id=east)
    add(commune_db, "Nguyễn Thị Đào")
    add(commune_db, "Chi hội Nông dân thôn Đông", kind=SubjectKind.COLLECTIVE, unit_id=east)
    assert names(commune_db, SubjectQuery(kind=SubjectKind.COLLECTIVE)) == ["Chi hội Nông dân thôn Đông"]
    assert sorted(names(commune_db, SubjectQuery(unit_id=east))) == [
        "Chi hội Nông dân thôn Đông", "Nguyễn Văn Đạt"]
    assert names(commune_db, SubjectQuery("nguyen", kind=SubjectKind.INDIVIDUAL, unit_id=east)) == [
        "Nguyễn Văn Đạt"]


def test_rows_show_hold_masked_id_and_unit(commune_db) -> None:
    east = create_unit(commune_db, UnitInput(name="Thôn Đông"))
    sid = add(commune_db, "Nguyễn Văn Đạt", unit_id=east, citizen_id="037203001234",
              holds=[HoldInput(kind=HoldKind.INVESTIGATION, start_date=dt.date(2026, 1, 1))])
    other = add(commune_db, "Lê Văn Tám", holds=[
        HoldInput(kind=HoldKind.COMPLAINT, start_date=dt.date(2025, 1, 1), end_date=dt.date(2025, 6, 1))])
    rows = fetch_subject_rows(commune_db, [other, sid], today=TODAY)
    assert [r.id for r in rows] == [other, sid]
    assert rows[1].on_hold and not rows[0].on_hold
    assert rows[1].citizen_id_masked == "•••••••••234"
    assert rows[1].unit_name == "Thôn Đông"


letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
word = st.text(alphabet=letters, min_size=2, max_size=6).map(str.capitalize)
full_name = st.lists(word, min_size=2, max_size=4).map(" ".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=full_name, data=st.data())
def test_any_folded_fragment_finds_the_name(commune_db, name: str, data) -> None:
    sid = add(commune_db, unicodedata.normalize("NFD", name))
    folded = fold(name)
    start = data.draw(st.integers(0, len(folded) - 1))
    fragment = folded[start : start + data.draw(st.integers(1, 6))].strip()
    if fragment:
        assert sid in search_subject_ids(commune_db, SubjectQuery(fragment))
    assert sid in search_subject_ids(commune_db, SubjectQuery(name.upper()))


def test_first_page_counts_with_or_without_a_second_scan(commune_db) -> None:
    from app.services.subjects.search import count_subjects, first_page

    for name in NAMES:
        add(commune_db, name)
    everyone = search_subject_ids(commune_db, SubjectQuery())
    assert first_page(commune_db, SubjectQuery(), 4) == (6, everyone[:4])
    assert first_page(commune_db, SubjectQuery(), 10) == (6, everyone)
    query = SubjectQuery("thi")
    assert first_page(commune_db, query, 2)[0] == count_subjects(commune_db, query) == 3
