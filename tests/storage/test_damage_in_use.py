"""Damage found while working (a page in the middle of the file overwritten) ends the operation with the
damaged-database message, stops every further write in the process, and leads to the set-aside and the
restore offer at the next start; a repair says what it cannot do."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from backup_helpers import add_subject, overwrite_page, page_holding

from app.cli.main import main
from app.errors import DamagedDatabaseError, DamagedInUseError, ServiceError
from app.models import Gender, SubjectKind
from app.services.safety.repair import repair_database
from app.services.subjects import SubjectQuery, search_subjects
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput
from app.storage.backup.backups import BackupReason, make_backup
from app.storage.database import open_database
from app.storage.paths import DAMAGE_NOTE, DB_FILE_NAME

NAME = "Nguyễn Văn Kiểm"


@pytest.fixture
def damaged(commune_db, data_dir):
    """200 subjects, a good backup, the database closed; then a data page in the middle overwritten."""
    for n in range(200):
        add_subject(commune_db, f"{NAME} {n}", award=n % 3 == 0)
    good = make_backup(data_dir, BackupReason.AUTO, now=dt.datetime(2026, 11, 20, 17, 45))
    commune_db.close()
    live = data_dir / DB_FILE_NAME
    overwrite_page(live, page_holding(live, f"{NAME} 100".encode()))
    return good


def files_digest(data_dir) -> str:
    digest = hashlib.sha256()
    for suffix in ("", "-wal"):
        path = data_dir / (DB_FILE_NAME + suffix)
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def test_a_search_ends_with_the_message_and_no_write_follows(damaged, data_dir) -> None:
    db = open_database(data_dir)  # the cheap check at open does not read data pages
    try:
        with pytest.raises(DamagedInUseError) as caught:
            search_subjects(db, SubjectQuery(text="Kiểm"), limit=None)
        message = str(caught.value)
        assert message.startswith("Cơ sở dữ liệu bị hỏng (database disk image is malformed)")
        assert str(damaged.path) in message and "17:45 ngày 20/11/2026" in message
        assert isinstance(caught.value, ServiceError)  # the GUI's service_call shows it in a message box
        assert (data_dir / DAMAGE_NOTE).is_file()
        before = files_digest(data_dir)
        with pytest.raises(DamagedInUseError):  # refused before anything is written
            create_subject(db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Lê Văn Mới",
                                            gender=Gender.MALE))
        with pytest.raises(DamagedInUseError), db.engine.begin() as conn:  # any other way in: refused too
            conn.exec_driver_sql("DELETE FROM subject WHERE id = 1")
        assert files_digest(data_dir) == before
    finally:
        db.close()
    with pytest.raises(DamagedDatabaseError) as at_start:  # the next start: set aside, offer the backup
        open_database(data_dir)
    assert at_start.value.set_aside_as is not None and at_start.value.newest_backup.path == damaged.path
    assert not (data_dir / DAMAGE_NOTE).exists()


@pytest.mark.parametrize("command", [
    ["subjects", "search", "Kiểm"],
    ["subjects", "search", "Kiểm", "--json"],
    ["subject", "export", "101", "--out", "{tmp}/ban-xuat.zip"],
])
def test_the_command_line_says_it_in_one_line(capsys, damaged, data_dir, tmp_path, command) -> None:
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert err.startswith("sovang: Cơ sở dữ liệu bị hỏng") and err.count("\n") == 1
    assert "Traceback" not in err and str(damaged.path) in err
    assert (data_dir / DAMAGE_NOTE).is_file()


def test_repair_says_what_it_cannot_do(capsys, damaged, data_dir) -> None:
    db = open_database(data_dir)
    try:
        report = repair_database(db)
    finally:
        db.close()
    assert not report.ok and report.backup is not None  # the file as it was, kept before trying
    summary = report.summary()
    assert "Không sửa được" in summary and "REINDEX" in summary and "Hãy khôi phục" in summary


def test_repair_on_the_command_line_reports_and_the_next_start_sets_the_file_aside(capsys, damaged,
                                                                                    data_dir) -> None:
    code = main(["--data-dir", str(data_dir), "check-db", "--repair"])
    out, err = capsys.readouterr()
    assert code == 1 and "Không sửa được" in out and "Traceback" not in err
    code = main(["--data-dir", str(data_dir), "check-db"])
    out, err = capsys.readouterr()
    assert code == 2 and "đã được để riêng" in err and str(damaged.path) in err
