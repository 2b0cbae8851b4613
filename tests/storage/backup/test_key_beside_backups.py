"""The trail's sealing key travels with the backups, as a file of its own: a laptop that died is replaced by
restoring a backup (from the second destination) into a new data folder, and the officer can go on saving,
with the trail still sealed and checked."""

from __future__ import annotations

from backup_helpers import add_subject

from app.services.safety.integrity import check_database
from app.storage.audit.key import KEY_FILE, key_path
from app.storage.backup.backups import BackupReason, copy_backup, make_backup
from app.storage.backup.restore import restore_backup
from app.storage.database import open_database


def test_a_backup_keeps_the_key_beside_it_and_a_restore_elsewhere_takes_it(commune_db, data_dir, tmp_path):
    add_subject(commune_db, "Nguyễn Văn Đạt", award=True)
    saved = make_backup(data_dir, BackupReason.MANUAL)
    commune_db.close()
    key = key_path(data_dir).read_bytes()
    assert (saved.path.parent / KEY_FILE).read_bytes() == key
    usb = tmp_path / "usb"
    usb.mkdir()
    copied = copy_backup(saved.path, usb)  # the second destination
    assert (usb / KEY_FILE).read_bytes() == key and (usb / KEY_FILE).stat().st_mode & 0o777 == 0o600

    new_folder = tmp_path / "may-moi"  # a new laptop: the old data folder is gone
    restore_backup(new_folder, copied.path)
    assert key_path(new_folder).read_bytes() == key
    database = open_database(new_folder)
    try:
        add_subject(database, "Lê Thị Hoa")  # saving goes on, sealed with the same key
        report = check_database(database, full=True)
        assert report.ok, report.summary()
    finally:
        database.close()


def test_a_restore_never_replaces_the_folders_own_key(commune_db, data_dir, tmp_path):
    add_subject(commune_db, "Nguyễn Văn Đạt")
    saved = make_backup(data_dir, BackupReason.MANUAL)
    commune_db.close()
    own = key_path(data_dir).read_bytes()
    (saved.path.parent / KEY_FILE).write_text('{"key": "00", "sealed_from": 1}', encoding="utf-8")
    restore_backup(data_dir, saved.path)
    assert key_path(data_dir).read_bytes() == own
