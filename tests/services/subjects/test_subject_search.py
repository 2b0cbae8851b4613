"""Diacritic-insensitive search, filters and official-list order."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models import Gender, HoldKind, SubjectKind, SubjectWord
from app.rules.vntext import fold, name_sort_key, name_words
from app.services.subjects import words
from app.services.subjects.crud import create_subject
from app.services.subjects.data import AwardInput, HoldInput, SubjectInput, SubjectQuery
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


@pytest.fixture(params=["word index", "covering scan"])
def either_path(request, monkeypatch) -> str:
    """Both ways a typed word is matched: through the word index (rare words, as on a small database)
    and over the list's covering index (words thousands of names start, made so here)."""
    if request.param == "covering scan":
        monkeypatch.setattr(words, "SELECTIVE", -1)
    return request.param


def official(*listed: str) -> list[str]:
    return sorted(listed, key=name_sort_key)


def matches_by_words(name: str, text: str) -> bool:
    """The rule, said plainly: every typed word starts some word of the name, marks and case aside."""
    words = [fold(w) for w in name_words(name)]
    return all(any(w.startswith(fold(t)) for w in words) for t in name_words(text))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=full_name, data=st.data())
def test_word_starts_in_any_order_find_the_name(commune_db, either_path, name: str, data) -> None:
    sid = add(commune_db, unicodedata.normalize("NFD", name))
    words = name_words(name)
    picked = data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=len(words), unique=True))
    typed = [w[: data.draw(st.integers(1, len(w)))] for w in data.draw(st.permutations(picked))]
    assert sid in search_subject_ids(commune_db, SubjectQuery(fold(" ".join(typed))))
    assert sid in search_subject_ids(commune_db, SubjectQuery(" ".join(typed).upper()))
    assert sid in search_subject_ids(commune_db, SubjectQuery(name.upper()))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=full_name, text=st.lists(st.text(alphabet=letters, min_size=1, max_size=4), min_size=1,
                                     max_size=3))
def test_found_exactly_when_every_typed_word_starts_a_word(commune_db, either_path, name: str,
                                                           text: list[str]) -> None:
    sid = add(commune_db, name)
    typed = " ".join(text)
    assert (sid in search_subject_ids(commune_db, SubjectQuery(typed))) == matches_by_words(name, typed)


def test_a_word_matches_at_its_start_only(commune_db, either_path) -> None:
    for name in ("Nguyễn Thị Hương", "Lê Thị Hường", "Trần Văn Phương", "Đỗ Văn Thượng", "Trương Văn Huống",
                 "Hoàng Văn Tư"):
        add(commune_db, name)
    assert names(commune_db, SubjectQuery("huong")) == official("Trương Văn Huống", "Nguyễn Thị Hương",
                                                               "Lê Thị Hường")
    assert names(commune_db, SubjectQuery("truong")) == ["Trương Văn Huống"]
    assert names(commune_db, SubjectQuery("dat nguyen")) == []
    assert names(commune_db, SubjectQuery("van tu")) == ["Hoàng Văn Tư"]
    assert names(commune_db, SubjectQuery("(")) == []


def test_words_typed_with_marks_put_the_exact_spelling_first(commune_db) -> None:
    for name in ("Nguyễn Thị Hương", "Lê Thị Hường", "Trương Văn Huống", "Phạm Thị Hưởng"):
        add(commune_db, name)
    everyone = ["Nguyễn Thị Hương", "Lê Thị Hường", "Trương Văn Huống", "Phạm Thị Hưởng"]
    assert names(commune_db, SubjectQuery("huong")) == official(*everyone)  # no marks typed: list order
    assert names(commune_db, SubjectQuery("Hường")) == ["Lê Thị Hường", *official(everyone[0], *everyone[2:])]
    assert names(commune_db, SubjectQuery("hưở")) == ["Phạm Thị Hưởng", *official(*everyone[:3])]
    # "thị hươ": Huống has no "thị"; only Hương starts "hươ" as typed ("ườ" is another letter than "ươ").
    assert names(commune_db, SubjectQuery("thị hươ")) == ["Nguyễn Thị Hương", *official("Lê Thị Hường",
                                                                                        "Phạm Thị Hưởng")]


def test_erasing_a_person_takes_her_words_and_keeping_her_record_keeps_them(commune_db) -> None:
    from app.services.subjects.erase import erase_subject

    gone = add(commune_db, "Phạm Thị Hoa")
    award = AwardInput(form_name="Giấy khen", year=2024, issuer="UBND xã")
    kept = add(commune_db, "Lê Thị Hoa", awards=[award])
    erase_subject(commune_db, gone, "Bà Hoa đề nghị xóa", "Phạm Thị Hoa", today=TODAY)
    erase_subject(commune_db, kept, "Bà Hoa đề nghị xóa", "Lê Thị Hoa", today=TODAY)
    with commune_db.read() as session:
        assert session.query(SubjectWord).filter(SubjectWord.subject_id == gone).count() == 0
    assert names(commune_db, SubjectQuery("hoa")) == ["Lê Thị Hoa"]  # a state record keeps its name


def test_words_follow_the_name_through_edit_and_delete(commune_db) -> None:
    from app.services.subjects.crud import delete_subject, get_subject, update_subject

    sid = add(commune_db, "Nguyễn Văn Đạt")
    detail = get_subject(commune_db, sid)
    detail.name = "Nguyễn Văn Thành"
    update_subject(commune_db, sid, detail, detail.version, today=TODAY)
    assert names(commune_db, SubjectQuery("dat")) == []
    assert names(commune_db, SubjectQuery("thanh nguyen")) == ["Nguyễn Văn Thành"]
    delete_subject(commune_db, sid)
    with commune_db.read() as session:
        assert session.query(SubjectWord).count() == 0


def test_first_page_counts_with_or_without_a_second_scan(commune_db) -> None:
    from app.services.subjects.search import count_subjects, first_page

    for name in NAMES:
        add(commune_db, name)
    everyone = search_subject_ids(commune_db, SubjectQuery())
    assert first_page(commune_db, SubjectQuery(), 4) == (6, everyone[:4])
    assert first_page(commune_db, SubjectQuery(), 10) == (6, everyone)
    query = SubjectQuery("thi")
    assert first_page(commune_db, query, 2)[0] == count_subjects(commune_db, query) == 3
