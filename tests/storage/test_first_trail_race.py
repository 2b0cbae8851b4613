"""Two first saves at once on a database whose trail has not started (two first-time demos or set-ups on
one PostgreSQL database): one starts the trail, the other is a clean Vietnamese refusal, never a
traceback; on SQLite the write lock makes the second wait or refuse the same way."""

from __future__ import annotations

import pytest
from race_helpers import race
from sqlalchemy import delete

from app.errors import ConflictError
from app.models import Gender, SubjectKind
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput
from app.storage.audit.chain import EVENTS, HEAD, read_head
from app.storage.conflicts import RACED
from app.storage.database import open_database

pytestmark = pytest.mark.both_backends


def test_two_first_saves_at_once_start_one_trail(db, data_dir, tmp_path) -> None:
    with db.engine.begin() as conn:  # a database as migrated, before its first save
        conn.execute(delete(EVENTS))
        conn.execute(delete(HEAD))
    other = open_database(tmp_path / "may-thu-hai" if not db.is_sqlite else data_dir)
    try:
        people = {"first": "Trần Văn Một", "second": "Lê Thị Hai"}
        outcome, hold = race({
            who: (database, lambda database, name=name: create_subject(
                database, SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.MALE)))
            for (who, name), database in zip(people.items(), (db, other), strict=True)
        })
    finally:
        other.close()
    assert len(outcome.winners) >= 1, outcome.errors
    if not db.is_sqlite:  # both inserted the head at the barrier: the second one lost
        assert len(hold.arrived) == 2 and len(outcome.losers) == 1
    for error in outcome.errors.values():
        assert isinstance(error, ConflictError) and str(error) == RACED, repr(error)
    with db.engine.connect() as conn:
        assert read_head(conn)["event_count"] >= 1
