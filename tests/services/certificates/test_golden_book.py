"""Golden-book numbers: given at issue as the commune's setting says, stored per recipient, never reused."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from certificate_helpers import issued_decision
from decision_helpers import make_round
from sqlalchemy import select

from app.errors import ConflictError, ValidationError
from app.models import AwardRecord, GoldenBookScheme, RoundKind
from app.services.certificates import (
    get_golden_book_scheme,
    list_golden_book,
    set_golden_book_scheme,
)
from app.services.decisions import get_decision, list_decisions
from app.services.decisions.issue import cancel_decision
from app.services.preferences import load_preferences, save_preferences

pytestmark = pytest.mark.both_backends


def numbers(db, decision_id: int) -> list[int | None]:
    return [e.golden_book_no for e in get_decision(db, decision_id).entries]


def second_decision(db, names, day=dt.date(2026, 12, 10)) -> int:
    round_id = make_round(db, RoundKind.AD_HOC, "Khen thưởng đột xuất phòng, chống lũ")
    return issued_decision(db, names=names, round_id=round_id, day=day, unit_name="Trường Mầm non Hòa Bình")


def test_the_default_is_the_order_in_the_decision(commune_db) -> None:
    assert get_golden_book_scheme(commune_db) is GoldenBookScheme.DECISION_ORDER
    first = issued_decision(commune_db, names=("Trần Văn Bình", "Nguyễn Thị Hoa"))
    second = second_decision(commune_db, ("Lê Thị Ánh",))
    assert numbers(commune_db, first) == [1, 2] and numbers(commune_db, second) == [1]
    book = list_golden_book(commune_db)
    assert [(r.book, r.number, r.recipient) for r in book] == [
        ("Quyết định 01/QĐ-UBND", 1, "Trần Văn Bình"), ("Quyết định 01/QĐ-UBND", 2, "Nguyễn Thị Hoa"),
        ("Quyết định 02/QĐ-UBND", 1, "Lê Thị Ánh"),
    ]


def test_a_running_number_goes_on_across_decisions_and_is_never_reused(commune_db) -> None:
    set_golden_book_scheme(commune_db, GoldenBookScheme.YEARLY)
    first = issued_decision(commune_db, names=("Trần Văn Bình", "Nguyễn Thị Hoa"))
    cancel_decision(commune_db, first, "Sai ngày")  # its numbers stay taken
    second = second_decision(commune_db, ("Lê Thị Ánh", "Phạm Quốc Hưng"))
    assert numbers(commune_db, first) == [1, 2] and numbers(commune_db, second) == [3, 4]
    book = {(r.number, r.recipient): r for r in list_golden_book(commune_db, year=2026)}
    assert book[2, "Nguyễn Thị Hoa"].cancelled and not book[3, "Lê Thị Ánh"].cancelled
    assert {r.book for r in book.values()} == {"Sổ vàng năm 2026"}
    with commune_db.read() as session:  # the award history says the number given
        notes = set(session.scalars(select(AwardRecord.note).where(AwardRecord.decision_id == second)))
    assert notes == {"Số sổ vàng: 3", "Số sổ vàng: 4"}


@pytest.mark.parametrize(("scheme", "expected"), [("yearly", [1]), ("running", [2])])
def test_a_yearly_book_restarts_each_year_and_a_running_one_never(commune_db, scheme, expected) -> None:
    set_golden_book_scheme(commune_db, scheme)
    issued_decision(commune_db, names=("Trần Văn Bình",))
    next_year = second_decision(commune_db, ("Lê Thị Ánh",), day=dt.date(2027, 1, 5))
    assert numbers(commune_db, next_year) == expected


def test_an_unknown_scheme_is_refused(commune_db) -> None:
    with pytest.raises(ValidationError, match="Cách đánh số sổ vàng"):
        set_golden_book_scheme(commune_db, "alphabetical")


def test_the_scheme_is_a_preference_of_the_settings_dialog(commune_db) -> None:
    save_preferences(commune_db, replace(load_preferences(commune_db), golden_book_scheme="running"))
    assert get_golden_book_scheme(commune_db) is GoldenBookScheme.RUNNING
    with pytest.raises(ValidationError, match="Cách đánh số sổ vàng: hãy chọn"):
        save_preferences(commune_db, replace(load_preferences(commune_db), golden_book_scheme="abc"))


def test_a_number_taken_meanwhile_refuses_the_issue_and_saves_nothing(commune_db, monkeypatch) -> None:
    set_golden_book_scheme(commune_db, "running")
    issued_decision(commune_db, names=("Trần Văn Bình",))
    # another laptop's decision took number 1 between the read and the write: the database refuses it
    monkeypatch.setattr("app.services.certificates.golden_book.last_number", lambda session, scope: 0)
    with pytest.raises(ConflictError, match="Số sổ vàng vừa được cấp"):
        second_decision(commune_db, ("Lê Thị Ánh",))
    assert [r.number for r in list_golden_book(commune_db)] == [1]
    assert sorted(row.status.value for row in list_decisions(commune_db)) == ["draft", "issued"]
