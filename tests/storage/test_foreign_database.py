"""check-db and opening: a SQLite file that is not a Sổ Vàng database is refused, never migrated into;
a sealed trail whose key file is gone is one problem that says how to bring the key back."""

from __future__ import annotations

import sqlite3

import pytest
from backup_helpers import add_subject

from app.cli.main import main
from app.errors import DataDirError
from app.services.safety.integrity import check_database
from app.storage.audit.key import KEY_FILE
from app.storage.backup.backups import BackupReason, make_backup
from app.storage.database import open_database
from app.storage.paths import DB_FILE_NAME


def _foreign_file(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE khach_hang (id INTEGER PRIMARY KEY, ten TEXT)")
        conn.execute("INSERT INTO khach_hang (ten) VALUES ('Công ty A')")
    conn.close()
    return path.read_bytes()


def test_another_programs_database_is_refused_and_left_as_it_was(tmp_path) -> None:
    data_dir = tmp_path / "data"
    before = _foreign_file(data_dir / DB_FILE_NAME)
    with pytest.raises(DataDirError) as caught:
        open_database(data_dir, replace_missing=True)
    message = str(caught.value)
    assert "không phải cơ sở dữ liệu của Sổ Vàng" in message and "khach_hang" in message
    assert (data_dir / DB_FILE_NAME).read_bytes() == before


def test_check_db_on_another_programs_database_exits_2(tmp_path, capsys) -> None:
    data_dir = tmp_path / "data"
    before = _foreign_file(data_dir / DB_FILE_NAME)
    code = main(["--data-dir", str(data_dir), "check-db"])
    err = capsys.readouterr().err
    assert code == 2 and "không phải cơ sở dữ liệu của Sổ Vàng" in err and "Traceback" not in err
    assert (data_dir / DB_FILE_NAME).read_bytes() == before


def test_a_missing_key_over_a_sealed_trail_is_one_clear_problem(db, data_dir) -> None:
    db.mark_initialised()
    add_subject(db, "Nguyễn Văn Một")
    add_subject(db, "Trần Thị Hai")
    make_backup(data_dir, BackupReason.MANUAL)  # keeps a copy of the key beside the backups
    (data_dir / KEY_FILE).unlink()
    report = check_database(db, full=True)
    assert not report.ok
    [problem] = report.trail.problems
    assert f"tệp khóa niêm phong {KEY_FILE} không còn" in problem
    assert str(data_dir / "backups" / KEY_FILE) in problem and "chép lại" in problem


def test_a_missing_key_is_an_error_of_check_db(db, data_dir, capsys) -> None:
    db.mark_initialised()
    add_subject(db, "Nguyễn Văn Một")
    db.close()
    (data_dir / KEY_FILE).unlink()
    code = main(["--data-dir", str(data_dir), "check-db"])
    out = capsys.readouterr()
    assert code != 0 and f"{KEY_FILE} không còn" in out.out + out.err
