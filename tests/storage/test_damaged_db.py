"""A damaged database at start is set aside, never overwritten; deeper damage is found by the checks."""

from __future__ import annotations

import datetime as dt

import pytest
from backup_helpers import add_subject, overwrite, overwrite_page, page_holding

from app.errors import DamagedDatabaseError, DataDirError
from app.services.safety.integrity import check_database, quick_check_on_close
from app.storage.backup.backups import BackupReason, make_backup
from app.storage.damage import set_aside
from app.storage.database import open_database
from app.storage.paths import DB_FILE_NAME


@pytest.fixture
def closed_db(commune_db, data_dir):
    """A database with some subjects, closed, as a laptop leaves it at shutdown."""
    for n in range(200):
        add_subject(commune_db, f"Nguyễn Văn Kiểm {n}", award=n % 3 == 0)
    commune_db.close()
    return data_dir / DB_FILE_NAME


def set_aside_files(data_dir) -> list:
    return sorted(p for p in data_dir.iterdir() if ".hong-" in p.name)


def test_overwritten_header_is_set_aside_with_its_bytes(closed_db, data_dir) -> None:
    overwrite(closed_db, 0, b"\x00" * 16)
    wal = closed_db.with_name(DB_FILE_NAME + "-wal")
    wal.write_bytes(b"saves not yet checkpointed")
    damaged = closed_db.read_bytes()
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(data_dir)
    moved, moved_wal = set_aside_files(data_dir)
    assert moved.name.startswith("sovang.sqlite3.hong-") and moved_wal.name == moved.name + "-wal"
    assert moved.read_bytes() == damaged and moved_wal.read_bytes() == b"saves not yet checkpointed"
    assert not closed_db.exists() and not wal.exists()
    message = str(caught.value)
    assert moved.name in message and "không ghi đè" in message and "không có bản sao lưu tốt" in message
    assert isinstance(caught.value, DataDirError)  # the CLI's exit status 2, the GUI's start-up message


def test_overwritten_schema_page_in_the_middle_is_found_at_open(closed_db, data_dir) -> None:
    good = make_backup(data_dir, BackupReason.AUTO, now=dt.datetime(2026, 11, 20, 17, 45))
    overwrite_page(closed_db, page_holding(closed_db, b"CREATE TABLE"))
    damaged = closed_db.read_bytes()
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(data_dir)
    [moved] = set_aside_files(data_dir)
    assert moved.read_bytes() == damaged
    assert caught.value.newest_backup.path == good.path
    assert str(good.path) in str(caught.value) and "17:45 ngày 20/11/2026" in str(caught.value)


def test_damaged_data_page_is_reported_by_the_checks(closed_db, data_dir) -> None:
    overwrite_page(closed_db, page_holding(closed_db, "Nguyễn Văn Kiểm 100".encode()))
    db = open_database(data_dir)  # the cheap check at open does not read data pages
    try:
        for report in (check_database(db), check_database(db, full=True), quick_check_on_close(db)):
            assert not report.ok
            assert report.summary().startswith("Cơ sở dữ liệu có lỗi:")
            assert "Hãy khôi phục từ bản sao lưu" in report.summary()
    finally:
        db.close()
    assert closed_db.exists() and set_aside_files(data_dir) == []


def test_sound_database_reports_which_check_ran(db) -> None:
    assert check_database(db, full=True).summary() == (
        "Cơ sở dữ liệu không có lỗi (integrity_check: ok; không có lỗi khóa ngoại).")
    assert quick_check_on_close(db).summary() == "Cơ sở dữ liệu không có lỗi (quick_check: ok)."


def test_an_empty_file_is_a_new_database_not_damage(data_dir) -> None:
    data_dir.mkdir()
    (data_dir / DB_FILE_NAME).write_bytes(b"")
    open_database(data_dir).close()
    assert set_aside_files(data_dir) == []


def test_set_aside_never_overwrites(tmp_path) -> None:
    moment = dt.datetime(2026, 11, 21, 8, 0, 0)
    first = tmp_path / DB_FILE_NAME
    first.write_bytes(b"first")
    taken = set_aside(first, moment)
    second = tmp_path / DB_FILE_NAME
    second.write_bytes(b"second")
    other = set_aside(second, moment)
    assert taken.name == "sovang.sqlite3.hong-20261121-080000" and other.name == taken.name + "-2"
    assert taken.read_bytes() == b"first" and other.read_bytes() == b"second"
