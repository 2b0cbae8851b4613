"""Optimistic locking: every save raises the version by one, every UPDATE/DELETE says which version it
read, and of two officers saving one record at once the second is refused with nothing saved.

Runs on SQLite and on PostgreSQL (tests/conftest.py). The races (tests/race_helpers.py) are real: both
sessions have read the record before either writes. On PostgreSQL the loser's UPDATE waits for the
winner's row lock and then matches no row (StaleDataError); on SQLite, whose one writer at a time
refuses a write from a transaction that has read while another writes ("busy"), SQLite itself refuses
the loser. Either way: ConflictError, nothing saved.
"""

from __future__ import annotations

import datetime as dt

import pytest
from decision_helpers import TODAY, form_ids, make_person, make_round
from race_helpers import race
from sqlalchemy import event

from app.errors import ConflictError
from app.models import Exemplar, Gender, Subject, SubjectKind
from app.services.exemplars.crud import create_exemplar, update_exemplar
from app.services.exemplars.data import ExemplarInput
from app.services.nominations.crud import create_nomination, update_report
from app.services.nominations.data import NominationInput, ReportInput
from app.services.nominations.queries import get_nomination
from app.services.subjects.crud import delete_subject, get_subject, update_subject
from app.services.subjects.data import SubjectInput
from app.storage.conflicts import RACED, stale_message
from app.storage.database import Database, open_database

pytestmark = pytest.mark.both_backends

STALE_SUBJECT = stale_message("UPDATE statement on table 'subject' expected to update 1 row(s); 0 matched.")


def individual(name: str) -> SubjectInput:
    return SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.MALE, birth_year=1980)


@pytest.fixture
def other_db(db: Database, data_dir) -> Database:
    """A second officer: another Database (its own engine and connections) on the same data."""
    second = open_database(data_dir)
    yield second
    second.close()


def stored(db: Database, model, record_id: int):
    with db.read() as session:
        return session.get(model, record_id)


def is_lost_race(exc: BaseException, db: Database, stale_text: str) -> bool:
    """The refusal a losing save gets: the record named on PostgreSQL, SQLite's own refusal there."""
    return isinstance(exc, ConflictError) and str(exc) in ({stale_text} if not db.is_sqlite
                                                           else {stale_text, RACED})


# The counter ---------------------------------------------------------------------------------------

def test_a_save_that_flushes_midway_still_adds_exactly_one(commune_db) -> None:
    """update_exemplar flushes before its end (the files, the history): SQLAlchemy's own counter would
    add one per flush; ours adds one per save."""
    subject_id = make_person(commune_db, "Nguyễn Văn Đạt")
    data = ExemplarInput(subject_id=subject_id, introduced_on=dt.date(2026, 2, 5), achievements="Bưởi")
    detail = create_exemplar(commune_db, data, today=TODAY)
    assert detail.version == 1
    for expected in (2, 3):
        changed = ExemplarInput(subject_id=subject_id, introduced_on=dt.date(2026, 2, expected),
                                achievements=f"Bưởi {expected}")
        detail = update_exemplar(commune_db, detail.id, changed, detail.version, today=TODAY)
        assert detail.version == expected == stored(commune_db, Exemplar, detail.id).version


def test_a_save_that_changes_nothing_in_the_row_still_counts(commune_db) -> None:
    """The report lives in its own table, and an unchanged report changes nothing at all: the form
    that saved it counts on version + 1 (app/ui/nominations/dialog.py)."""
    nomination_id = _draft_nomination(commune_db)
    version = get_nomination(commune_db, nomination_id, TODAY).version
    report = ReportInput(achievements="Hoàn thành xuất sắc nhiệm vụ.")
    update_report(commune_db, nomination_id, report, version)
    update_report(commune_db, nomination_id, report, version + 1)
    assert get_nomination(commune_db, nomination_id, TODAY).version == version + 2


def test_every_update_and_delete_names_the_version_it_read(commune_db) -> None:
    detail = get_subject(commune_db, make_person(commune_db, "Nguyễn Văn Đạt"))
    seen: list[tuple[str, object]] = []
    event.listen(commune_db.engine, "before_cursor_execute",
                 lambda _c, _cur, statement, params, _ctx, _many: seen.append((statement, params)))
    update_subject(commune_db, detail.id, individual(name="Nguyễn Văn An"), detail.version)
    delete_subject(commune_db, detail.id)
    words = [statement.split() for statement, _params in seen]
    writes = [w for w in words if w[0] in ("UPDATE", "DELETE") and "subject" in w[:3]]
    assert [w[0] for w in writes] == ["UPDATE", "DELETE"]
    assert all("subject.version" in " ".join(w[w.index("WHERE"):]) for w in writes)


# A stale read, sequentially: the check is SQLAlchemy's, not only the services' friendly one ---------

def test_a_record_read_before_anothers_save_is_refused_and_nothing_saved(commune_db, other_db) -> None:
    subject_id = make_person(commune_db, "Nguyễn Văn Đạt")
    with other_db.read() as session:
        kept = session.get(Subject, subject_id)  # read, then kept past the end of its session
    update_subject(commune_db, subject_id, individual(name="Nguyễn Văn An"), 1)
    with pytest.raises(ConflictError) as caught, other_db.transaction() as session:
        session.add(kept)
        kept.name, kept.phone = "Nguyễn Văn Bình", "0912345678"
    assert str(caught.value) == STALE_SUBJECT
    assert str(caught.value).startswith("Đối tượng này vừa được người khác sửa hoặc xóa")
    row = stored(commune_db, Subject, subject_id)
    assert (row.name, row.phone, row.version) == ("Nguyễn Văn An", "", 2)


# Real races --------------------------------------------------------------------------------------

def test_two_officers_saving_one_subject_at_once(commune_db, other_db) -> None:
    subject_id = make_person(commune_db, "Nguyễn Văn Đạt")
    names = {"first": "Nguyễn Văn An", "second": "Nguyễn Văn Bình"}
    outcome, hold = race({
        officer: (db, lambda db, name=name: update_subject(db, subject_id, individual(name=name), 1))
        for (officer, name), db in zip(names.items(), (commune_db, other_db), strict=True)
    })
    assert len(hold.arrived) == 2, "both read before either wrote"
    assert len(outcome.winners) == 1 and len(outcome.losers) == 1, outcome
    (winner,), (loser,) = outcome.winners, outcome.losers
    assert is_lost_race(outcome.errors[loser], commune_db, STALE_SUBJECT), outcome.errors[loser]
    row = stored(commune_db, Subject, subject_id)
    assert (row.name, row.version) == (names[winner], 2)


def test_two_officers_saving_one_nomination_report_at_once(commune_db, other_db) -> None:
    nomination_id = _draft_nomination(commune_db)
    version = get_nomination(commune_db, nomination_id, TODAY).version
    texts = {"first": "Thành tích của người thứ nhất.", "second": "Thành tích của người thứ hai."}
    outcome, _hold = race({
        officer: (db, lambda db, text=text: update_report(db, nomination_id, ReportInput(achievements=text),
                                                          version))
        for (officer, text), db in zip(texts.items(), (commune_db, other_db), strict=True)
    })
    assert len(outcome.winners) == 1 and len(outcome.losers) == 1, outcome
    (winner,), (loser,) = outcome.winners, outcome.losers
    stale = stale_message("on table 'nomination'")
    assert is_lost_race(outcome.errors[loser], commune_db, stale), outcome.errors[loser]
    detail = get_nomination(commune_db, nomination_id, TODAY)
    assert (detail.report.achievements, detail.version) == (texts[winner], version + 1)


def test_a_delete_and_an_edit_of_one_subject_at_once(commune_db, other_db) -> None:
    subject_id = make_person(commune_db, "Nguyễn Văn Đạt")
    outcome, _hold = race({
        "delete": (commune_db, lambda db: delete_subject(db, subject_id)),
        "edit": (other_db, lambda db: update_subject(db, subject_id, individual(name="Nguyễn Văn An"), 1)),
    })
    assert len(outcome.winners) == 1 and len(outcome.losers) == 1, outcome
    (loser,) = outcome.losers
    assert is_lost_race(outcome.errors[loser], commune_db, STALE_SUBJECT), outcome.errors[loser]
    row = stored(commune_db, Subject, subject_id)
    if outcome.winners == ["delete"]:
        assert row is None
    else:
        assert (row.name, row.version) == ("Nguyễn Văn An", 2)


def _draft_nomination(db: Database) -> int:
    round_id = make_round(db)
    subject_id = make_person(db, "Trần Văn Bình")
    return create_nomination(db, NominationInput(round_id, subject_id, form_ids(db)["LDTT"]), today=TODAY)
