"""Backups: made through the backup API, verified, listed with counts, thinned, made when changed."""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
from pathlib import Path

import pytest
from backup_helpers import add_subject, old_schema_database, overwrite_page, page_holding

from app.errors import ServiceError
from app.storage.backup import file as backup_file
from app.storage.backup.backups import (
    BackupReason,
    BackupVerificationError,
    copy_backup,
    data_changed_since_backup,
    list_backups,
    make_backup,
    maybe_backup,
    prune_backups,
    should_auto_backup,
)
from app.storage.backup.schedule import backup_file_name
from app.storage.database import open_database
from app.storage.paths import DB_FILE_NAME, backups_dir
from app.storage.schema import SCHEMA_HEAD


def files_in(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_backup_is_named_verified_and_counted(commune_db, data_dir) -> None:
    add_subject(commune_db, "Nguyễn Văn Đạt", award=True)
    add_subject(commune_db, "Lê Thị Hoa")
    info = make_backup(data_dir, "tự động", now=dt.datetime(2026, 11, 21, 14, 30, 5))
    assert info.path == backups_dir(data_dir) / "sovang-20261121-143005-tu-dong.sqlite3"
    assert info.reason is BackupReason.AUTO and info.revision == SCHEMA_HEAD
    assert (info.subjects, info.nominations, info.awards) == (2, 0, 1)
    assert "2 đối tượng" in info.describe() and "tự động" in info.describe()
    # one whole file, no temp; the trail's key kept beside it
    assert files_in(backups_dir(data_dir)) == ["audit.key", info.path.name, "state.json"]
    with sqlite3.connect(info.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_backup_whose_verification_fails_is_deleted(data_dir) -> None:
    data_dir.mkdir()
    with sqlite3.connect(data_dir / DB_FILE_NAME) as conn:
        conn.execute("CREATE TABLE other_program (id INTEGER PRIMARY KEY)")
    with pytest.raises(BackupVerificationError) as caught:
        make_backup(data_dir, BackupReason.MANUAL)
    assert "không phải cơ sở dữ liệu của Sổ Vàng" in str(caught.value)
    assert files_in(backups_dir(data_dir)) == []


def test_backup_of_a_database_with_a_broken_page_fails_verification(commune_db, data_dir) -> None:
    for n in range(300):
        add_subject(commune_db, f"Trần Văn Bình {n}")
    commune_db.close()
    live = data_dir / DB_FILE_NAME
    overwrite_page(live, page_holding(live, "Trần Văn Bình 150".encode()))
    with pytest.raises(BackupVerificationError) as caught:
        make_backup(data_dir, BackupReason.MANUAL)
    assert "không qua được kiểm tra nên đã bị xóa" in str(caught.value)
    assert [n for n in files_in(backups_dir(data_dir)) if n.endswith(".sqlite3")] == []


def test_backup_into_a_read_only_folder_says_so(db, data_dir, tmp_path, monkeypatch) -> None:
    """The folder refuses writing (injected at mkstemp, so that this also runs as root, whom the
    operating system lets write anywhere)."""
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    real_mkstemp = backup_file.tempfile.mkstemp

    def read_only(*args, **kwargs):
        if Path(kwargs.get("dir", "")) == folder:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(backup_file.tempfile, "mkstemp", read_only)
    with pytest.raises(ServiceError) as caught:
        make_backup(data_dir, BackupReason.MANUAL, dest=folder)
    assert "không cho phép ghi" in str(caught.value)
    assert files_in(folder) == []


def test_full_disk_gives_a_message_and_leaves_nothing(db, data_dir, monkeypatch) -> None:
    def tiny_disk(path):
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA max_page_count = 2")  # SQLite's own "database or disk is full"
        return conn

    monkeypatch.setattr(backup_file, "open_destination", tiny_disk)
    with pytest.raises(ServiceError) as caught:
        make_backup(data_dir, BackupReason.MANUAL)
    assert "ổ đĩa đã đầy" in str(caught.value)
    assert files_in(backups_dir(data_dir)) == []


def test_list_tolerates_older_schemas_and_unreadable_files(db, data_dir) -> None:
    folder = backups_dir(data_dir)
    old = old_schema_database(folder / backup_file_name(dt.datetime(2025, 1, 2, 3, 4, 5), BackupReason.AUTO))
    junk = folder / backup_file_name(dt.datetime(2025, 1, 3), BackupReason.MANUAL)
    junk.write_bytes(b"not a database")
    (folder / "ghi-chu.txt").write_text("không phải bản sao lưu")
    made = make_backup(data_dir, BackupReason.MANUAL)
    listed = list_backups(data_dir)
    assert [info.path for info in listed] == [made.path, junk, old]
    assert (listed[2].subjects, listed[2].nominations, listed[2].revision) == (0, None, "0001")
    assert listed[1].subjects is None and "? đối tượng" in listed[1].describe()


def test_change_detection_and_30_minute_interval(commune_db, data_dir) -> None:
    start = dt.datetime(2026, 11, 21, 9, 0)
    assert should_auto_backup(data_dir, now=start)  # never backed up
    make_backup(data_dir, BackupReason.AUTO, now=start)
    assert not data_changed_since_backup(data_dir)
    assert not should_auto_backup(data_dir, now=start + dt.timedelta(hours=2))
    add_subject(commune_db, "Phạm Thị Mai")
    assert data_changed_since_backup(data_dir)
    assert not should_auto_backup(data_dir, now=start + dt.timedelta(minutes=10))
    assert should_auto_backup(data_dir, now=start + dt.timedelta(minutes=31))
    assert not should_auto_backup(data_dir, db_changed=False, now=start + dt.timedelta(minutes=31))


def test_backup_on_close_only_when_changed_and_the_fingerprint_survives_closing(data_dir) -> None:
    db = open_database(data_dir)
    add_subject(db, "Hoàng Văn Nam")
    first = maybe_backup(data_dir, BackupReason.ON_CLOSE)
    assert first is not None and first.reason is BackupReason.ON_CLOSE
    assert maybe_backup(data_dir, BackupReason.ON_CLOSE) is None
    db.close()
    reopened = open_database(data_dir)
    try:
        assert not data_changed_since_backup(data_dir)  # closing and opening changed no data
        assert maybe_backup(data_dir, BackupReason.AUTO) is None
    finally:
        reopened.close()


def test_prune_applies_the_schedule_to_our_files_only(db, data_dir) -> None:
    folder = backups_dir(data_dir)
    folder.mkdir(exist_ok=True)
    now = dt.datetime(2026, 11, 21, 12, 0)
    names = {days: backup_file_name(now - dt.timedelta(days=days), BackupReason.AUTO) for days in range(400)}
    for name in names.values():
        (folder / name).write_bytes(b"")
    stale = folder / ".tmp-abc.sqlite3"
    stale.write_bytes(b"")
    os.utime(stale, (0, 0))
    legacy = folder / "truoc-nang-cap-20200101-000000.sqlite3"
    legacy.write_bytes(b"")
    deleted = prune_backups(data_dir, now)
    left = set(files_in(folder))
    assert names[0] in left and names[1] in left and names[13] in left and names[14] not in left
    assert legacy.name in left and stale.name not in left
    assert len([n for n in left if n.startswith("sovang-")]) == 2 + 12 + 10 + 9
    assert len(deleted) == 400 - 33 + 1


def test_copy_to_a_second_folder_is_verified(db, data_dir, tmp_path) -> None:
    info = make_backup(data_dir, BackupReason.MANUAL)
    usb = tmp_path / "usb"
    usb.mkdir()
    copy = copy_backup(info.path, usb)
    assert copy.path == usb / info.path.name and copy.revision == SCHEMA_HEAD
    again = copy_backup(info.path, usb)
    assert again.path != copy.path and copy.path.exists()
    with pytest.raises(ServiceError) as caught:
        copy_backup(info.path, tmp_path / "o-usb-da-rut")
    assert "Hãy cắm ổ USB" in str(caught.value)


def test_migration_backs_up_first(data_dir) -> None:
    old_schema_database(data_dir / DB_FILE_NAME)
    open_database(data_dir).close()
    listed = list_backups(data_dir)
    assert [info.reason for info in listed] == [BackupReason.BEFORE_UPGRADE]
    assert listed[0].revision == "0001"
