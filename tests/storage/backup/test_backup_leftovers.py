"""What a killed backup leaves in backups/ (`.tmp-*`, a whole plaintext copy) is removed at the next
start, when the opening process holds the data directory's lock and the file has been untouched for two
minutes (a backup of another process, `sovang backup`, keeps touching its own)."""

from __future__ import annotations

import os
import time

from app.storage.backup.backups import make_backup
from app.storage.backup.schedule import BackupReason
from app.storage.database import open_database
from app.storage.lock import InstanceLock, holds_lock
from app.storage.paths import backups_dir


def leave_leftovers(data_dir, age_s: float = 600) -> list:
    folder = backups_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    leftovers = [folder / ".tmp-k1ll3d.sqlite3", folder / ".tmp-k1ll3d.sqlite3-journal"]
    for path in leftovers:
        path.write_bytes(b"SQLite format 3\x00" + b"CCCD 001203004567" * 10)
        then = time.time() - age_s
        os.utime(path, (then, then))
    return leftovers


def test_leftovers_of_a_killed_backup_are_removed_at_open_under_the_lock(db) -> None:
    kept = make_backup(db.data_dir, BackupReason.MANUAL).path
    db.close()
    leftovers = leave_leftovers(db.data_dir)
    with InstanceLock(db.data_dir):
        assert holds_lock(db.data_dir)
        open_database(db.data_dir).close()
    assert not any(path.exists() for path in leftovers)
    assert kept.is_file()  # the backups themselves are kept
    assert not holds_lock(db.data_dir)


def test_without_the_lock_a_fresh_leftover_may_belong_to_a_running_backup(db) -> None:
    db.close()
    leftovers = leave_leftovers(db.data_dir)
    open_database(db.data_dir).close()  # a reading command: another process may be backing up
    assert all(path.exists() for path in leftovers)


def test_a_writing_command_removes_them(commune_db, capsys) -> None:
    from app.cli.main import main

    commune_db.close()
    leftovers = leave_leftovers(commune_db.data_dir)
    assert main(["--data-dir", str(commune_db.data_dir), "demo", "--subjects", "1"]) == 0
    assert not any(path.exists() for path in leftovers)


def test_a_file_still_being_written_is_kept_even_under_the_lock(db) -> None:
    db.close()
    running = leave_leftovers(db.data_dir, age_s=5)  # touched seconds ago: a backup of another process
    with InstanceLock(db.data_dir):
        open_database(db.data_dir).close()
    assert all(path.exists() for path in running)
