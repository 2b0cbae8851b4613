"""The subjects list read page by page in each column's order: the pages put together are the whole
ordered list (the hold sort reads those on hold and the others as two parts; the others by their index)."""

from __future__ import annotations

import pytest
from test_subject_sort import listed  # noqa: F401 - the fixture

from app.services.subjects.data import SubjectQuery
from app.services.subjects.search import SORTS, first_page, search_subject_ids, subject_ids_page

pytestmark = pytest.mark.both_backends


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("sort", SORTS)
def test_pages_put_together_are_the_ordered_list(listed, sort: str, descending: bool) -> None:  # noqa: F811
    query = SubjectQuery(sort=sort, descending=descending)
    whole = search_subject_ids(listed, query)
    assert len(whole) == 8
    for size in (1, 3, 5):
        pages = [subject_ids_page(listed, query, offset, size) for offset in range(0, 10, size)]
        assert [i for page in pages for i in page] == whole
    count, ids = first_page(listed, query, 3)
    assert (count, ids) == (8, whole[:3])


def test_those_on_hold_come_last_then_first(listed) -> None:  # noqa: F811
    from app.services.subjects.search import fetch_subject_rows

    rising = fetch_subject_rows(listed, search_subject_ids(listed, SubjectQuery(sort="on_hold")))
    assert [row.on_hold for row in rising] == [False] * 6 + [True] * 2
    falling_ids = subject_ids_page(listed, SubjectQuery(sort="on_hold", descending=True), 0, 4)
    falling = fetch_subject_rows(listed, falling_ids)
    assert [row.on_hold for row in falling] == [True, True, False, False]
    # Among equals, official-list order (given name first): Ánh before Dũng on hold.
    assert [row.name for row in falling[:2]] == ["Trần Thị Ánh", "Đặng Văn Dũng"]


@pytest.mark.parametrize("size", [None, 2], ids=["ranked", "in parts"])
def test_fields_sort_by_the_vietnamese_alphabet(commune_db, size) -> None:
    """“Đoàn thể” after “Dân vận” and before “Y tế” (byte order put Đ after Y), read whole (the ranked sort)
    and page by page (the parted read)."""
    from app.models import Gender, SubjectKind
    from app.services.subjects.crud import create_subject
    from app.services.subjects.data import SubjectInput
    from app.services.units import ensure_fields, list_fields

    ensure_fields(commune_db, ["Y tế", "Đoàn thể", "Dân vận"])
    ids = {row.name: row.id for row in list_fields(commune_db)}
    made = {create_subject(commune_db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name=f"Người {n}",
                                                    gender=Gender.MALE, field_id=ids[n])).id: n
            for n in ("Y tế", "Đoàn thể", "Dân vận")}
    query = SubjectQuery(sort="field_name")
    if size is None:
        order = search_subject_ids(commune_db, query)
    else:
        order = [i for offset in range(0, 4, size) for i in subject_ids_page(commune_db, query, offset, size)]
    assert [made[i] for i in order if i in made] == ["Dân vận", "Đoàn thể", "Y tế"]
