"""The data folder is 0700 and its files 0600 (POSIX): the database and its -wal/-shm, the backups, the
file store's files, whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.storage.backup.backups import make_backup
from app.storage.backup.schedule import BackupReason
from app.storage.database import open_database
from app.storage.file_store import store_file, stored_path
from app.storage.paths import DB_FILE_NAME, backups_dir

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask():
    previous = os.umask(0o022)  # the usual one: new files 0644, new folders 0755
    yield
    os.umask(previous)


def database_files(data_dir: Path) -> list[Path]:
    return [p for p in (data_dir / DB_FILE_NAME, data_dir / f"{DB_FILE_NAME}-wal",
                        data_dir / f"{DB_FILE_NAME}-shm") if p.exists()]


def test_a_new_data_folder_and_its_database_are_private(tmp_path) -> None:
    data_dir = tmp_path / "moi" / "data"
    db = open_database(data_dir)
    try:
        with db.transaction() as session:  # the -wal and -shm exist while the connection is open
            session.connection().exec_driver_sql("CREATE TABLE t (x)")
        files = database_files(data_dir)
        assert len(files) == 3
        assert mode(data_dir) == 0o700
        assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
    finally:
        db.close()


def test_an_open_folder_of_an_earlier_version_is_made_private(db) -> None:
    db.close()
    data_dir = db.data_dir
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / DB_FILE_NAME, 0o644)
    open_database(data_dir).close()
    assert mode(data_dir) == 0o700
    assert mode(data_dir / DB_FILE_NAME) == 0o600


def test_backups_are_private(db) -> None:
    info = make_backup(db.data_dir, BackupReason.MANUAL)
    assert mode(info.path) == 0o600
    assert mode(backups_dir(db.data_dir)) == 0o700


def test_the_file_stores_files_are_private(db, tmp_path) -> None:
    source = tmp_path / "giay-khen.pdf"
    source.write_bytes(b"%PDF-1.4 noi dung")
    with db.transaction() as session:
        stored = store_file(session, db.data_dir, source)
    assert mode(stored_path(db.data_dir, stored)) == 0o600
