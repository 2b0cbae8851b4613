"""Repair: index damage is rebuilt after a backup; a sound database is left alone."""

from __future__ import annotations

import sqlite3

import pytest

from app.errors import ServiceError
from app.models.enums import Gender, SubjectKind
from app.services.safety.integrity import check_database
from app.services.safety.repair import repair_database
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput
from app.storage.backup.backups import list_backups
from app.storage.backup.schedule import BackupReason
from app.storage.database import open_database


def damage_an_index(path) -> str:
    """Point an index of the subject table at another column, so its entries no longer match the rows."""
    conn = sqlite3.connect(path)
    try:
        name = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'subject' "
                            "AND sql IS NOT NULL ORDER BY name").fetchone()[0]
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?",
                     (f'CREATE INDEX "{name}" ON subject (name, id)', name))
        conn.commit()
    finally:
        conn.close()
    return name


@pytest.fixture
def damaged(data_dir):
    db = open_database(data_dir)
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
        create_subject(db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.FEMALE))
    db.close()
    damage_an_index(data_dir / "sovang.sqlite3")
    db = open_database(data_dir)
    yield db
    db.close()


def test_index_damage_is_rebuilt_after_a_backup(damaged) -> None:
    assert not check_database(damaged, full=True).ok
    report = repair_database(damaged)
    assert not report.before.ok and report.ok
    assert check_database(damaged, full=True).ok
    assert report.backup.reason is BackupReason.BEFORE_REPAIR
    assert [b.path for b in list_backups(damaged.data_dir)] == [report.backup.path]
    assert "Sau khi sửa, cơ sở dữ liệu không còn lỗi." in report.summary()
    with sqlite3.connect(damaged.sqlite_path) as conn:
        assert conn.execute("SELECT count(*) FROM subject").fetchone()[0] == 3  # nothing lost


def test_a_sound_database_is_not_touched(db) -> None:
    report = repair_database(db)
    assert report.ok and report.after is None and report.backup is None
    assert report.summary() == "Tệp cơ sở dữ liệu không có lỗi cấu trúc, không cần sửa."
    assert list_backups(db.data_dir) == []


def test_postgresql_is_left_to_its_server(db, monkeypatch) -> None:
    monkeypatch.setattr(type(db), "is_sqlite", property(lambda self: False))
    with pytest.raises(ServiceError, match="PostgreSQL"):
        repair_database(db)


def test_the_command_line_repairs(damaged, capsys) -> None:
    from app.cli.main import main

    damaged.close()
    assert main(["--data-dir", str(damaged.data_dir), "check-db", "--full"]) == 1
    capsys.readouterr()
    assert main(["--data-dir", str(damaged.data_dir), "check-db", "--repair"]) == 0
    out = capsys.readouterr().out
    assert "Đã dựng lại các chỉ mục (REINDEX)." in out and "không còn lỗi" in out
    assert main(["--data-dir", str(damaged.data_dir), "check-db", "--full"]) == 0


def test_an_outside_edit_is_reported_not_repaired(db) -> None:
    subject = create_subject(db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Nguyễn Văn An",
                                              gender=Gender.MALE))
    with sqlite3.connect(db.sqlite_path) as conn:
        conn.execute("UPDATE subject SET name = 'Nguyễn Văn Ân' WHERE id = ?", (subject.id,))
    report = repair_database(db)
    assert report.after is None and report.backup is None and not report.ok
    assert report.summary().startswith("Tệp cơ sở dữ liệu không có lỗi cấu trúc, không cần sửa.\n")
    assert f"số {subject.id}" in report.summary()
