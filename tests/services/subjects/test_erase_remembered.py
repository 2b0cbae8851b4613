"""Erasures remembered outside the database: restoring a backup made before an erasure erases the person
again (recorded in the audit trail), says so, and a later person given a freed number is left alone."""

from __future__ import annotations

import datetime as dt
import json
import stat

from audit_helpers import events
from backup_helpers import add_subject
from council_helpers import council_review
from decision_helpers import form_ids, make_round, passed_nomination
from personal_data_helpers import CITIZEN_ID, NAME, TODAY
from personal_data_helpers import make_person as make_rich_person

from app.cli.main import main
from app.models import Subject
from app.services.council import get_meeting
from app.services.safety import backup_now, restore_database, save_second_folder
from app.services.safety.integrity import check_database
from app.services.subjects.erase import erase_subject
from app.storage.backup.backups import BackupReason, make_backup
from app.storage.database import open_database
from app.storage.erasures import ERASURES_FILE, read_erasures, remember_erasure

REASON = "Đơn đề nghị xóa dữ liệu ngày 20/11/2026"


def _citizen_id(db, subject_id):
    with db.read() as session:
        subject = session.get(Subject, subject_id)
        return None if subject is None else subject.citizen_id


def test_the_erasure_is_listed_without_personal_data(commune_db, tmp_path, data_dir):
    person = make_rich_person(commune_db, tmp_path / "source")
    result = erase_subject(commune_db, person.subject_id, REASON, NAME, today=TODAY)
    assert result.memory_problem is None
    listed = read_erasures(data_dir)
    assert [e.subject_id for e in listed] == [person.subject_id]
    raw = (data_dir / ERASURES_FILE).read_text(encoding="utf-8")
    assert NAME not in raw and CITIZEN_ID not in raw and REASON not in raw
    assert set(json.loads(raw)["erasures"][0]) == {"subject_id", "erased_at"}
    assert stat.S_IMODE((data_dir / ERASURES_FILE).stat().st_mode) == 0o600


def test_restoring_an_older_backup_erases_the_person_again(commune_db, tmp_path, data_dir):
    person = make_rich_person(commune_db, tmp_path / "source")
    before = make_backup(data_dir, BackupReason.MANUAL)
    newest_in_backup = events(commune_db)[-1].id
    erase_subject(commune_db, person.subject_id, REASON, NAME, today=TODAY)
    assert _citizen_id(commune_db, person.subject_id) is None

    report = restore_database(commune_db, before.path)

    assert report.erased_again == 1
    assert "Đã xóa lại dữ liệu cá nhân của 1 đối tượng đã xóa trước đây" in report.summary()
    assert _citizen_id(commune_db, person.subject_id) is None
    with commune_db.read() as session:
        assert session.get(Subject, person.subject_id).erased_on == dt.datetime.now(dt.UTC).date()
    again = [e for e in events(commune_db, "subject") if e.entity_id == person.subject_id][-1]
    assert again.action == "update" and again.id > newest_in_backup
    assert check_database(commune_db, full=True).ok  # the trail, redacted again, still verifies
    assert restore_database(commune_db, before.path).erased_again == 1  # every time


def test_the_list_travels_with_the_backups_to_a_new_laptop(commune_db, tmp_path, data_dir, monkeypatch):
    person = make_rich_person(commune_db, tmp_path / "source")
    usb = tmp_path / "usb"
    usb.mkdir()
    save_second_folder(commune_db, usb)
    older = backup_now(commune_db).copy
    erase_subject(commune_db, person.subject_id, REASON, NAME, today=TODAY)
    backup_now(commune_db)  # the list is kept beside the copies on the stick
    assert (usb / ERASURES_FILE).exists()
    commune_db.close()

    new_laptop = tmp_path / "may-moi"
    assert main(["--data-dir", str(new_laptop), "restore", str(older.path)]) == 0
    db = open_database(new_laptop)
    try:
        assert _citizen_id(db, person.subject_id) is None
        assert [e.subject_id for e in read_erasures(new_laptop)] == [person.subject_id]
    finally:
        db.close()


def test_a_later_record_under_a_remembered_number_is_left_alone(commune_db, data_dir):
    add_subject(commune_db, "Trần Văn Mới")
    with commune_db.read() as session:
        newest = max(s.id for s in session.query(Subject))
    remember_erasure(data_dir, newest, dt.datetime(2000, 1, 1))  # erased long before this record was made
    before = make_backup(data_dir, BackupReason.MANUAL)
    report = restore_database(commune_db, before.path)
    assert report.erased_again == 0
    with commune_db.read() as session:
        assert session.get(Subject, newest).erased_on is None


def test_a_person_on_a_council_agenda_is_erased_again_with_the_meeting_kept(commune_db, tmp_path, data_dir):
    person = make_rich_person(commune_db, tmp_path / "source", with_history=False)
    nomination_id = passed_nomination(commune_db, make_round(commune_db), person.subject_id,
                                      form_ids(commune_db)["LDTT"], review=False)
    meeting_id = council_review(commune_db, [nomination_id])
    before = make_backup(data_dir, BackupReason.MANUAL)
    erase_subject(commune_db, person.subject_id, REASON, NAME, today=TODAY)
    meeting = get_meeting(commune_db, meeting_id)

    report = restore_database(commune_db, before.path)

    assert (report.erased_again, report.not_erased_again) == (1, 0)
    assert _citizen_id(commune_db, person.subject_id) is None
    assert get_meeting(commune_db, meeting_id).agenda == meeting.agenda
    assert check_database(commune_db, full=True).ok
