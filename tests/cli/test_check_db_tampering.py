"""`sovang check-db` against the tamperings that used to pass: a wiped trail, a deleted tail with its head
fixed, a chain recomputed with the app's own hash functions (without the key), a stored file's bytes
edited or deleted. Each ends in a non-zero exit status; an untouched database stays clean."""

from __future__ import annotations

import json

import pytest
from audit_helpers import outside_edit
from sqlalchemy import select, text

from app.cli.main import main
from app.models import AuditEvent
from app.models.enums import Gender, SubjectKind
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput
from app.storage.audit.chain import GENESIS, event_hash
from app.storage.audit.key import key_path, read_key
from app.storage.audit.recorder import TrailWipedError
from app.storage.audit.snapshot import row_digest
from app.storage.backup.backups import BackupReason, make_backup
from app.storage.database import Database, open_database
from app.storage.file_store import content_path, store_file


def check_db(capsys, data_dir, *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), "check-db", *args])
    out, err = capsys.readouterr()
    return code, out + err


def person(name: str) -> SubjectInput:
    return SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.MALE)


@pytest.fixture
def worked(commune_db: Database) -> Database:
    create_subject(commune_db, person("Nguyễn Văn An"))
    create_subject(commune_db, person("Trần Thị Bình"))
    return commune_db


def test_an_untouched_database_is_clean_and_its_key_is_private(capsys, data_dir, worked) -> None:
    worked.close()
    code, out = check_db(capsys, data_dir, "--full")
    assert code == 0 and "chuỗi mã băm đúng" in out, out
    assert key_path(data_dir).stat().st_mode & 0o777 == 0o600


def test_a_wiped_trail_is_an_error_and_the_next_save_refuses(capsys, data_dir, worked) -> None:
    outside_edit(worked, "DELETE FROM audit_event")
    outside_edit(worked, "DELETE FROM audit_head")
    outside_edit(worked, "UPDATE subject SET name = 'Nguyễn Văn Ân' WHERE name = 'Nguyễn Văn An'")
    with pytest.raises(TrailWipedError, match="nhật ký đã bị xóa ngoài ứng dụng"):
        create_subject(worked, person("Lê Văn Cường"))  # no baseline laundering the edited name
    worked.close()
    code, out = check_db(capsys, data_dir)
    assert code == 1 and "trống dù cơ sở dữ liệu có" in out and "bị xóa ngoài ứng dụng" in out, out
    db = open_database(data_dir)
    with db.read() as session:  # the refused save wrote nothing: still no trail
        assert session.scalar(select(AuditEvent.id).limit(1)) is None
    db.close()


def test_a_deleted_tail_with_its_head_fixed_is_found_against_a_backup(capsys, data_dir, worked) -> None:
    cuong = create_subject(worked, person("Lê Văn Cường")).id
    worked.close()
    backup = make_backup(data_dir, BackupReason.MANUAL).path  # a copy that left the laptop, with Cường
    db = open_database(data_dir)
    with db.engine.begin() as conn:  # Cường, his events, and the head moved back: consistent in itself
        first = conn.scalar(text("SELECT min(id) FROM audit_event WHERE entity = 'subject' "
                                 "AND entity_id = :id"), {"id": cuong})
        conn.execute(text("DELETE FROM subject WHERE id = :id"), {"id": cuong})
        conn.execute(text("DELETE FROM audit_event WHERE id >= :first"), {"first": first})
        last = conn.execute(text("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")).one()
        conn.execute(text("UPDATE audit_head SET last_event_id = :id, last_hash = :hash, event_count = :id"),
                     {"id": last.id, "hash": last.hash})
    db.close()
    assert check_db(capsys, data_dir)[0] == 0  # nothing inside the database gives it away
    code, out = check_db(capsys, data_dir, "--against", str(backup))
    assert code == 1 and "không có sự kiện số" in out and "các sự kiện cuối đã bị xóa" in out, out
    head = json.dumps({"trail_head": {"events": 3, "last_event_id": 3, "last_hash": "0" * 64}})
    (data_dir / "package.json").write_text(head, encoding="utf-8")  # a package's metadata
    code, out = check_db(capsys, data_dir, "--against", str(data_dir / "package.json"))
    assert code == 1 and "đã bị viết lại" in out, out


def test_a_backup_of_the_same_trail_matches(capsys, data_dir, worked) -> None:
    worked.close()
    backup = make_backup(data_dir, BackupReason.MANUAL).path
    code, out = check_db(capsys, data_dir, "--against", str(backup))
    assert code == 0 and "Khớp với bản sao" in out, out
    db = open_database(data_dir)
    create_subject(db, person("Lê Văn Cường"))  # the trail goes on after the copy: still a prefix
    db.close()
    assert check_db(capsys, data_dir, "--against", str(backup))[0] == 0
    code, out = check_db(capsys, data_dir, "--against", str(data_dir / "no-such-file.sqlite3"))
    assert code == 2 and "Không có tệp" in out, out


def test_a_chain_recomputed_without_the_key_is_found(capsys, data_dir, worked) -> None:
    """The attacker edits a name, fixes the record's digest in its last event, then recomputes every hash
    and the head with the app's own event_hash: all consistent, but not sealed."""
    with worked.engine.begin() as conn:
        conn.execute(text("UPDATE subject SET name = 'Nguyễn Văn Ân' WHERE name = 'Nguyễn Văn An'"))
        row = conn.execute(text("SELECT * FROM subject WHERE name = 'Nguyễn Văn Ân'")).mappings().one()
        event = conn.execute(text("SELECT id, after_json FROM audit_event WHERE entity = 'subject' AND "
                                  "entity_id = :id ORDER BY id DESC LIMIT 1"), {"id": row["id"]}).one()
        after = json.loads(event.after_json)
        after["digest"], after["values"]["name"] = row_digest(dict(row)), row["name"]
        conn.execute(text("UPDATE audit_event SET after_json = :j WHERE id = :id"),
                     {"j": json.dumps(after, ensure_ascii=False), "id": event.id})
        previous = GENESIS
        for stored in conn.execute(select(AuditEvent.__table__).order_by(AuditEvent.id)).mappings().all():
            digest = event_hash(previous, stored)
            conn.execute(text("UPDATE audit_event SET prev_hash = :p, hash = :h WHERE id = :id"),
                         {"p": previous, "h": digest, "id": stored["id"]})
            previous = digest
        conn.execute(text("UPDATE audit_head SET last_hash = :h"), {"h": previous})
    worked.close()
    code, out = check_db(capsys, data_dir)
    assert code == 1 and "mã băm không khớp" in out, out


@pytest.fixture
def stored(worked: Database, tmp_path) -> tuple[Database, object]:
    source = tmp_path / "Báo cáo.pdf"
    source.write_bytes(b"%PDF-1.4 thanh tich 2024")
    with worked.transaction() as session:
        record = store_file(session, worked.data_dir, source)
    return worked, content_path(worked.data_dir, record.sha256, record.suffix)


def test_a_stored_file_is_audited_and_its_bytes_checked(capsys, data_dir, stored) -> None:
    db, path = stored
    with db.read() as session:
        assert session.scalar(select(AuditEvent.summary).where(AuditEvent.entity == "stored_file"))
    db.close()
    code, out = check_db(capsys, data_dir, "--full")
    assert code == 0 and "Đã đọc lại 1 tệp lưu trữ" in out, out


def test_an_edited_stored_file_is_found(capsys, data_dir, stored) -> None:
    db, path = stored
    db.close()
    path.write_bytes(b"%PDF-1.4 thanh tich 2025")
    assert check_db(capsys, data_dir)[0] == 0  # the quick check does not read files
    code, out = check_db(capsys, data_dir, "--full")
    assert code == 1 and "nội dung tệp đã bị sửa" in out, out


def test_a_deleted_stored_file_is_found(capsys, data_dir, stored) -> None:
    db, path = stored
    db.close()
    path.unlink()
    code, out = check_db(capsys, data_dir, "--full")
    assert code == 1 and "không còn trong thư mục files/" in out, out


def test_a_stored_files_row_edited_with_sql_is_found(capsys, data_dir, stored) -> None:
    db, _path = stored
    outside_edit(db, "UPDATE stored_file SET sha256 = '../../../../etc/shadow'")
    db.close()
    code, out = check_db(capsys, data_dir, "--full")
    assert code == 1 and "không hợp lệ" in out and "Tệp lưu trữ số 1" in out, out


def test_an_older_trail_gets_its_key_at_the_next_save(data_dir, worked) -> None:
    """A trail made before the key: verified as before, then sealed from the next event on; the stored
    files it did not follow are recorded then."""
    with worked.engine.begin() as conn:  # as an older version left it: plain hashes, no key
        previous = GENESIS
        for stored in conn.execute(select(AuditEvent.__table__).order_by(AuditEvent.id)).mappings().all():
            digest = event_hash(previous, stored)
            conn.execute(text("UPDATE audit_event SET prev_hash = :p, hash = :h WHERE id = :id"),
                         {"p": previous, "h": digest, "id": stored["id"]})
            previous = digest
        conn.execute(text("UPDATE audit_head SET last_hash = :h"), {"h": previous})
        count = conn.scalar(text("SELECT count(*) FROM audit_event"))
    key_path(data_dir).unlink()
    from app.services.audit.check import check_audit_trail

    report = check_audit_trail(worked)
    assert report.ok and "chưa được niêm phong" in report.summary()
    create_subject(worked, person("Lê Văn Cường"))
    assert read_key(data_dir).sealed_from == count + 1
    assert check_audit_trail(worked).ok
