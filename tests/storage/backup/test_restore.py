"""Restore: verified first, the current database backed up (or set aside when damaged), then replaced."""

from __future__ import annotations

import sqlite3

import pytest
from backup_helpers import add_subject, old_schema_database, overwrite, subject_names

from app.errors import ServiceError
from app.storage import migrate
from app.storage.backup.backups import BackupReason, BackupVerificationError, list_backups, make_backup
from app.storage.backup.restore import restore_backup
from app.storage.database import open_database
from app.storage.paths import DB_FILE_NAME
from app.storage.schema import SCHEMA_HEAD


def test_round_trip_drops_later_data_and_keeps_it_in_a_safety_backup(commune_db, data_dir) -> None:
    add_subject(commune_db, "Nguyễn Văn Đạt", award=True)
    saved = make_backup(data_dir, BackupReason.MANUAL)
    add_subject(commune_db, "Lê Thị Hoa")
    commune_db.close()

    report = restore_backup(data_dir, saved.path)

    assert subject_names(data_dir / DB_FILE_NAME) == {"Nguyễn Văn Đạt"}
    assert report.safety_backup is not None and report.safety_backup.reason is BackupReason.BEFORE_RESTORE
    assert subject_names(report.safety_backup.path) == {"Nguyễn Văn Đạt", "Lê Thị Hoa"}
    assert report.set_aside is None and not report.needs_upgrade
    summary = report.summary()
    assert summary.startswith("Đã khôi phục dữ liệu từ bản sao lưu lập lúc")
    assert "1 đối tượng" in summary and "1 lượt khen thưởng" in summary and "trước khi khôi phục" in summary
    reopened = open_database(data_dir)
    reopened.close()
    assert BackupReason.BEFORE_RESTORE in {info.reason for info in list_backups(data_dir)}


def test_backup_from_a_newer_app_is_refused_and_nothing_changes(db, data_dir) -> None:
    saved = make_backup(data_dir, BackupReason.MANUAL)
    with sqlite3.connect(saved.path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    db.close()
    live = data_dir / DB_FILE_NAME
    before = live.read_bytes()
    with pytest.raises(ServiceError) as caught:
        restore_backup(data_dir, saved.path)
    assert "phiên bản Sổ Vàng mới hơn" in str(caught.value)
    assert live.read_bytes() == before
    assert [info.reason for info in list_backups(data_dir)] == [BackupReason.MANUAL]


def test_a_file_that_is_not_a_backup_is_refused(db, data_dir, tmp_path) -> None:
    bogus = tmp_path / "ghi-chu.sqlite3"
    bogus.write_bytes(b"day khong phai co so du lieu" * 200)
    db.close()
    with pytest.raises(BackupVerificationError):
        restore_backup(data_dir, bogus)
    with pytest.raises(ServiceError) as caught:
        restore_backup(data_dir, tmp_path / "khong-co.sqlite3")
    assert "Không có tệp sao lưu" in str(caught.value)
    with pytest.raises(ServiceError):
        restore_backup(data_dir, data_dir / DB_FILE_NAME)


def test_older_backup_is_restored_then_migrated_on_open(db, data_dir, tmp_path) -> None:
    old = old_schema_database(tmp_path / "cu" / "sovang-cu.sqlite3")
    db.close()
    report = restore_backup(data_dir, old)
    assert report.needs_upgrade and report.restored.reason is None
    reopened = open_database(data_dir)
    try:
        assert migrate.current_revision(reopened.engine) == SCHEMA_HEAD
    finally:
        reopened.close()


def test_damaged_current_database_is_set_aside_not_overwritten(commune_db, data_dir) -> None:
    add_subject(commune_db, "Đỗ Văn Hải")
    saved = make_backup(data_dir, BackupReason.MANUAL)
    commune_db.close()
    live = data_dir / DB_FILE_NAME
    overwrite(live, 0, b"hong hoan toan!!")
    damaged = live.read_bytes()
    report = restore_backup(data_dir, saved.path)
    assert report.safety_backup is None and report.set_aside is not None
    assert report.set_aside.read_bytes() == damaged
    assert "để riêng" in report.summary()
    assert subject_names(live) == {"Đỗ Văn Hải"}


def test_restore_into_a_new_data_folder(db, data_dir, tmp_path) -> None:
    add_subject(db, "Vũ Thị Thu")
    saved = make_backup(data_dir, BackupReason.MANUAL)
    fresh = tmp_path / "may-moi"
    report = restore_backup(fresh, saved.path)
    assert report.safety_backup is None and report.set_aside is None
    assert subject_names(fresh / DB_FILE_NAME) == {"Vũ Thị Thu"}
