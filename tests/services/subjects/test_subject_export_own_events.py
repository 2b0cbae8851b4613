"""The personal-data export's audit-trail lines are about that person only, even where a record number was
given twice (before schema 0007 SQLite gave a deleted newest record's number to the next record), and they
are in date order."""

from __future__ import annotations

import json
import zipfile

import pytest
from reused_ids_helpers import newest_deleted_then_another_added, old_fixture, subjects_named

from app.services.subjects.export import export_subject_data
from app.storage.database import Database, open_database

pytestmark = pytest.mark.both_backends


def exported_events(db: Database, subject_id: int, target) -> list[dict]:
    result = export_subject_data(db, subject_id, target)
    with zipfile.ZipFile(result.path) as archive:
        return json.loads(archive.read("du_lieu.json"))["audit_events"]


def lines(events: list[dict]) -> list[str]:
    return [event["summary"] for event in events]


def assert_only_own(events: list[dict], subject_id: int) -> None:
    assert events
    for event in events:
        assert subjects_named(event["summary"]) == {subject_id}, event
    assert [event["at"] for event in events] == sorted(event["at"] for event in events)


def test_each_export_holds_only_its_own_persons_events(db, tmp_path) -> None:
    an, binh, deleted, added = newest_deleted_then_another_added(db)
    assert added != deleted  # never given twice (AUTOINCREMENT on SQLite, a sequence on PostgreSQL)
    an_events = exported_events(db, an, tmp_path / "an.zip")
    binh_events = exported_events(db, binh, tmp_path / "binh.zip")
    assert_only_own(an_events, an)
    assert_only_own(binh_events, binh)
    # An's deleted award is still An's data held in the trail; Bình's new award is Bình's alone
    assert [line for line in lines(an_events) if f"số {deleted} " in line] == [
        f"Thêm khen thưởng đã nhận số {deleted} (Giấy khen năm 2024) của đối tượng số {an}",
        f"Xóa khen thưởng đã nhận số {deleted} (Giấy khen năm 2024) của đối tượng số {an}"]
    assert f"Thêm khen thưởng đã nhận số {added} (Bằng khen năm 2025) của đối tượng số {binh}" in lines(
        binh_events)
    assert lines(an_events)[0] == f"Thêm đối tượng số {an} (Nguyễn Văn An)"


@pytest.mark.sqlite_only
def test_a_number_given_twice_before_0007_brings_no_other_persons_events(data_dir, tmp_path) -> None:
    """The trail of a database from before 0007 keeps the reused number: the export tells the two records
    apart by what their events recorded (the subject in the created and deleted values)."""
    # newest_deleted_then_another_added, made on schema 0006 by the app of that schema
    facts = old_fixture(data_dir, "award_number_given_twice")
    an, binh, deleted, added = facts["an"], facts["binh"], facts["deleted"], facts["added"]
    assert added == deleted  # what schema 0006 did: the deleted newest number given to Bình's new award
    database = open_database(data_dir)  # migrated to the current schema
    try:
        an_events = exported_events(database, an, tmp_path / "an.zip")
        binh_events = exported_events(database, binh, tmp_path / "binh.zip")
    finally:
        database.close()
    assert_only_own(an_events, an)
    assert_only_own(binh_events, binh)
    assert [line for line in lines(an_events) if f"số {deleted} " in line] == [
        f"Thêm khen thưởng đã nhận số {deleted} (Giấy khen năm 2024) của đối tượng số {an}",
        f"Xóa khen thưởng đã nhận số {deleted} (Giấy khen năm 2024) của đối tượng số {an}"]
    assert [line for line in lines(binh_events) if f"số {deleted} " in line] == [
        f"Thêm khen thưởng đã nhận số {added} (Bằng khen năm 2025) của đối tượng số {binh}"]
