"""Erasure on request redacts the trail's events of that person's own records and no one else's, even where a
record number was given twice (before schema 0007 SQLite gave a deleted newest record's number to the next
record, of another person); the chain still verifies."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

import pytest
from decision_helpers import form_ids, make_round
from reused_ids_helpers import add_person, old_fixture, owners
from sqlalchemy import func, select

from app.models import AuditAction, AuditEvent, HoldFlag, HoldKind, RoundKind
from app.services.catalogue.defaults import ensure_award_catalogue
from app.services.nominations.crud import create_nomination, delete_nomination
from app.services.nominations.data import NominationInput
from app.services.safety.integrity import check_database
from app.services.subjects.erase import erase_subject
from app.storage.audit.redact import REDACTED_NOTE
from app.storage.database import Database, open_database

TODAY = dt.date(2026, 11, 21)
# What erasure redacts: the subject's row, its holds, its nominations not kept as state records (with their
# reports) and its exemplars. Award history stays as a state record, with its events.
REDACTED_KINDS = {"subject", "hold_flag", "nomination", "achievement_report", "exemplar"}
AN, BINH = "Nguyễn Văn An", "Trần Thị Bình"

pytestmark = pytest.mark.both_backends


@dataclass
class Trail:
    """Who each event is about, told by the step that wrote it (each step acts for one person)."""

    db: Database
    owner: dict[int, str] = field(default_factory=dict)

    def step(self, person: str, action, *args, **kwargs):
        before = self.last_id()
        result = action(*args, **kwargs)
        self.owner.update((number, person) for number in range(before + 1, self.last_id() + 1))
        return result

    def last_id(self) -> int:
        with self.db.read() as session:
            return session.scalar(select(func.coalesce(func.max(AuditEvent.id), 0)))


def add_hold(db: Database, subject_id: int, note: str) -> int:
    with db.transaction() as session:
        hold = HoldFlag(subject_id=subject_id, kind=HoldKind.DISCIPLINE, start_date=dt.date(2023, 3, 1),
                        end_date=dt.date(2023, 12, 31), note=note)  # over: no bar to a nomination
        session.add(hold)
        session.flush()
        return hold.id


def delete_hold(db: Database, hold_id: int) -> None:
    with db.transaction() as session:
        session.delete(session.get(HoldFlag, hold_id))


@dataclass(frozen=True)
class Reused:
    an: int
    binh: int
    hold: int  # An's deleted hold's number, given again to Bình's
    nomination: int  # An's deleted nomination's number (and its report's), given again to Bình's


def reuse_numbers(trail: Trail) -> Reused:
    """Bình, then An; An's newest hold and newest nomination (with its report) are deleted, and Bình gets
    a hold and a nomination: on the current schema new numbers (on schema 0006 they took An's deleted
    numbers: the fixture "hold_and_nomination_given_twice", made the same way by the app of that schema)."""
    db = trail.db
    ensure_award_catalogue(db)
    form = form_ids(db)["LDTT"]
    year_end = make_round(db)
    second = make_round(db, RoundKind.AD_HOC, "Đột xuất năm 2026")
    binh = trail.step(BINH, add_person, db, BINH, [])
    an = trail.step(AN, add_person, db, AN, [])
    trail.step(BINH, add_hold, db, binh, "Khiển trách Bình năm 2024")
    trail.step(BINH, create_nomination, db, NominationInput(year_end, binh, form), today=TODAY)
    trail.step(AN, add_hold, db, an, "Cảnh cáo An năm 2023")
    hold = trail.step(AN, add_hold, db, an, "Khiển trách An năm 2025")
    nomination = trail.step(AN, create_nomination, db, NominationInput(year_end, an, form), today=TODAY)
    trail.step(AN, delete_hold, db, hold)
    trail.step(AN, delete_nomination, db, nomination)
    reused_hold = trail.step(BINH, add_hold, db, binh, "Cảnh cáo Bình năm 2026")
    reused_nomination = trail.step(BINH, create_nomination, db, NominationInput(second, binh, form),
                                   confirmed=True, today=TODAY)
    assert reused_hold != hold and reused_nomination != nomination  # never given twice since 0007
    return Reused(an, binh, hold, nomination)


def events(db: Database) -> dict[int, AuditEvent]:
    with db.read() as session:
        return {event.id: event for event in session.scalars(select(AuditEvent))}


def text(event: AuditEvent) -> tuple:
    return event.summary, event.before_json, event.after_json


def redacted(event: AuditEvent) -> bool:
    snapshots = [json.loads(text) for text in (event.before_json, event.after_json) if text]
    return REDACTED_NOTE in event.summary and not any("values" in snapshot for snapshot in snapshots)


def erase_and_compare(database: Database, subject_id: int, name: str) -> tuple[
        dict[int, AuditEvent], dict[int, AuditEvent]]:
    """Erase the subject; the trail before and after; the check finds nothing before and after."""
    checked = check_database(database, full=True)
    assert checked.ok, checked.summary()
    before = events(database)
    erase_subject(database, subject_id, "Đơn đề nghị xóa dữ liệu", name, today=TODAY)
    after = events(database)
    again = check_database(database, full=True)
    assert again.ok, again.summary()
    return before, after


def whose_numbers(trail: Trail) -> set[tuple[str, int, str | None]]:
    """(table, record number, the person whose step wrote the event) for every event of the trail."""
    return {(event.entity, event.entity_id, trail.owner.get(n)) for n, event in events(trail.db).items()}


def erase_on_old_database(data_dir, erased: str) -> tuple[Reused, Trail, dict[int, AuditEvent],
                                                          dict[int, AuditEvent]]:
    """The reuse made on schema 0006 (`reuse_numbers`, by the app of that schema: a fixture of
    scripts/make_old_schema_fixtures.py), the database migrated, `erased` erased; the trail before and
    after."""
    facts = old_fixture(data_dir, "hold_and_nomination_given_twice")
    reused = Reused(facts["an"], facts["binh"], facts["hold"], facts["nomination"])
    database = open_database(data_dir)  # migrated to the current schema
    try:
        trail = Trail(database, owners(facts))
        shared = {("hold_flag", reused.hold), ("nomination", reused.nomination)}  # given twice by 0006
        assert {(table, n, who) for table, n in shared for who in (AN, BINH)} <= whose_numbers(trail)
        before, after = erase_and_compare(database, reused.an if erased == AN else reused.binh, erased)
    finally:
        database.close()
    return reused, trail, before, after


def assert_erased_only(erased: str, trail: Trail, before: dict[int, AuditEvent],
                       after: dict[int, AuditEvent]) -> None:
    other = BINH if erased == AN else AN
    own = [n for n, person in trail.owner.items() if person == erased and before[n].entity in REDACTED_KINDS
           and before[n].action is not AuditAction.BASELINE]
    others = [n for n, person in trail.owner.items() if person == other]
    assert own and others
    assert [n for n in own if not redacted(after[n])] == []  # every event of the person's own records
    assert [n for n in others if text(after[n]) != text(before[n])] == []  # the other's untouched
    new = [event for n, event in after.items() if n not in before and event.entity in REDACTED_KINDS]
    assert new and all(redacted(event) for event in new)  # the erasure's own events too


@pytest.mark.parametrize("erased", [AN, BINH])
def test_on_the_current_schema_erasure_redacts_the_persons_deleted_records_too(db, erased) -> None:
    """No number given twice: each person's records, there now or deleted before, are redacted."""
    trail = Trail(db)
    reused = reuse_numbers(trail)
    before, after = erase_and_compare(db, reused.an if erased == AN else reused.binh, erased)
    assert_erased_only(erased, trail, before, after)


# On schema 0006 SQLite alone gave a number twice (PostgreSQL's sequences never did), and the databases of
# that schema are SQLite files the old app wrote: these tests are SQLite's.
@pytest.mark.sqlite_only
@pytest.mark.parametrize("erased", [AN, BINH])
def test_erasing_one_of_two_sharing_a_number_redacts_only_that_persons_events(data_dir, erased) -> None:
    reused, trail, before, after = erase_on_old_database(data_dir, erased)
    assert_erased_only(erased, trail, before, after)
    kinds = {(after[n].entity, after[n].entity_id) for n, person in trail.owner.items() if person == erased}
    # the shared numbers were among them: the hold's and the nomination's (with its report)
    assert {("hold_flag", reused.hold), ("nomination", reused.nomination),
            ("achievement_report", reused.nomination)} <= kinds


@pytest.mark.sqlite_only
def test_a_subject_number_given_again_brings_the_deleted_persons_events_into_no_erasure(data_dir) -> None:
    # made on schema 0006: Cường added and deleted, then Dũng added, whom that schema numbered as Cường
    facts = old_fixture(data_dir, "subject_number_given_twice")
    gone, dung = facts["gone"], facts["dung"]
    assert dung == gone  # what schema 0006 did
    database = open_database(data_dir)
    try:
        trail = Trail(database, owners(facts))
        assert {("subject", dung, "Cường"), ("subject", dung, "Dũng")} <= whose_numbers(trail)  # by 0006
        before, after = erase_and_compare(database, dung, "Phạm Văn Dũng")
    finally:
        database.close()
    cuong = [n for n, person in trail.owner.items() if person == "Cường"]
    dungs = [n for n, person in trail.owner.items() if person == "Dũng" and before[n].entity == "subject"]
    assert cuong and dungs
    assert [n for n in cuong if text(after[n]) != text(before[n])] == []
    assert all(redacted(after[n]) for n in dungs)
    assert "Lê Văn Cường" in " ".join(after[n].summary for n in cuong)
