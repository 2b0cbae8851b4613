"""The app on a PostgreSQL server: URLs, migrations from nothing, the list order under a language
collation, the demo's bulk inserts, the database check, backups refused, an unreachable server.

The tests that need a server take it from tests/pg_server.py (they skip, naming what is missing, when
none can be had); the modules marked both_backends run on it too (tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys

import pg_server
import psycopg
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from decision_helpers import make_person
from sqlalchemy import func, inspect, select, text

from app.cli.main import main
from app.errors import DataDirError
from app.models import Base, Subject
from app.rules.vntext import name_sort_key
from app.services.demo.generate import generate_demo
from app.services.safety.integrity import check_database
from app.services.subjects.data import SubjectQuery
from app.services.subjects.search import search_subject_ids, subject_position
from app.storage import migrate
from app.storage.database import open_database
from app.storage.engine import engine_url, make_engine
from app.storage.paths import DB_FILE_NAME
from app.storage.schema import SCHEMA_HEAD

pytestmark = pytest.mark.both_backends

# Names whose official-list order a language collation gets wrong (it skips the keys' separators).
NAMES = ["Lê Văn An", "Trần Thị Ánh", "Nguyễn Anh", "Phạm Ân", "Đỗ Văn Anh", "Hà Bình", "Vũ Văn Ba",
         "Ngô Ba", "Lý A", "Mai Thị Ă", "Đào Văn Đạt", "Hồ Dung", "Tạ Thị Dũng", "Bùi Thị Ư"]


@pytest.fixture
def server_db(pg_url, data_dir):
    """A fresh, migrated database on the test server (SOVANG_DATABASE_URL points at it)."""
    database = open_database(data_dir)
    yield database
    database.close()


@pytest.fixture
def empty_server_db(pg_server, data_dir, monkeypatch):
    """The URL of an empty database (no tables) whose default collation is Vietnamese (ICU) when the
    server has ICU, as a real server's often is; set as SOVANG_DATABASE_URL."""
    name = pg_server.new_name("sovang_empty")
    with pg_server.admin() as conn:
        try:
            conn.execute(f'CREATE DATABASE "{name}" LOCALE_PROVIDER icu ICU_LOCALE \'vi-VN\' '
                         "TEMPLATE template0")
        except psycopg.Error:  # no ICU, or a server older than 15
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    monkeypatch.setenv("SOVANG_DATABASE_URL", pg_server.url(name))
    yield pg_server.url(name)
    pg_server.drop_database(name)


# URLs (no server needed) ---------------------------------------------------------------------------

def test_a_plain_postgresql_url_connects_with_psycopg() -> None:
    assert engine_url("postgresql://can_bo:mk@10.0.0.5/sovang").drivername == "postgresql+psycopg"
    assert engine_url("postgres://can_bo@10.0.0.5:5433/sovang").drivername == "postgresql+psycopg"
    assert engine_url("postgresql+psycopg://h/sovang").drivername == "postgresql+psycopg"
    assert engine_url("sqlite:////tmp/x.sqlite3").drivername == "sqlite"


def test_an_unreachable_server_is_said_in_vietnamese_without_the_password(data_dir, monkeypatch) -> None:
    monkeypatch.setenv("SOVANG_DATABASE_URL", "postgresql://can_bo:bi-mat@127.0.0.1:1/sovang")
    with pytest.raises(DataDirError) as caught:
        open_database(data_dir)
    message = str(caught.value)
    assert message.startswith("Không kết nối được cơ sở dữ liệu PostgreSQL “127.0.0.1:1/sovang”")
    assert "bi-mat" not in message and "dữ liệu không bị thay đổi" in message


def test_no_server_means_a_skip_naming_what_is_missing(monkeypatch) -> None:
    monkeypatch.setattr(pg_server.shutil, "which", lambda _name: None)
    monkeypatch.setattr(pg_server.glob, "glob", lambda _pattern: [])
    with pytest.raises(pg_server.PgUnavailable) as caught:
        pg_server.find_bindir()
    assert str(caught.value).startswith("PostgreSQL không có trên máy này: không tìm thấy initdb")


# Both backends ---------------------------------------------------------------------------------

def test_the_longest_name_allowed_is_saved_and_sorted(db) -> None:
    """A sort key is about twice its name; a server refuses what its column cannot hold."""
    name = ("Nguyễn Thị " * 20)[:199] + "a"
    subject_id = make_person(db, name)
    assert search_subject_ids(db, SubjectQuery("nguyen thi")) == [subject_id]


def test_times_are_stored_in_utc_whatever_the_servers_zone(db) -> None:
    """SQLite's CURRENT_TIMESTAMP is UTC; the test server's zone is Asia/Ho_Chi_Minh (tests/pg_server.py)."""
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    subject_id = make_person(db, "Nguyễn Văn Đạt")
    with db.read() as session:
        created = session.get(Subject, subject_id).created_at
    assert before - dt.timedelta(minutes=5) <= created <= before + dt.timedelta(minutes=5)


# Migrations -----------------------------------------------------------------------------------------

def test_migrations_from_an_empty_database_match_the_models(empty_server_db, data_dir) -> None:
    database = open_database(data_dir)
    try:
        assert migrate.current_revision(database.engine) == SCHEMA_HEAD
        with database.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        for table in ("subject", "unit"):
            columns = {c["name"]: c["type"] for c in inspect(database.engine).get_columns(table)}
            assert columns["sort_key"].collation == "C", table
    finally:
        database.close()


def downgrade_sqlite(path, revision: str) -> None:
    engine = make_engine(f"sqlite:///{path}")
    config = migrate.alembic_config(str(engine.url))
    try:
        with engine.connect() as conn:
            migrate._sqlite_foreign_keys(conn, on=False)  # a table rebuilt must not cascade
            with conn.begin():
                config.attributes["connection"] = conn
                command.downgrade(config, revision)
    finally:
        engine.dispose()


def test_migration_0006_moves_the_old_sort_keys_off_nul(data_dir) -> None:
    """A SQLite database of schema 0005 keeps its keys with \\x00 \\x01 \\x02; 0006 moves them up by one."""
    database = open_database(data_dir)
    ids = [make_person(database, name) for name in NAMES]
    database.close()
    with sqlite3.connect(data_dir / DB_FILE_NAME) as conn:
        keys = dict(conn.execute("SELECT id, sort_key FROM subject"))
    downgrade_sqlite(data_dir / DB_FILE_NAME, "0005")  # every later migration undone; 0006 puts them back
    with sqlite3.connect(data_dir / DB_FILE_NAME) as conn:
        assert all("\x00" in key for (key,) in conn.execute("SELECT sort_key FROM subject"))
    reopened = open_database(data_dir)
    try:
        with reopened.read() as session:
            moved = dict(session.execute(select(Subject.id, Subject.sort_key)).all())
        assert moved == keys and sorted(moved) == sorted(ids)
        assert migrate.current_revision(reopened.engine) == SCHEMA_HEAD
    finally:
        reopened.close()


def test_two_computers_starting_the_new_version_at_once_migrate_it_once(empty_server_db, data_dir) -> None:
    """Two processes (two computers) open an empty database at once: one migrates, the other waits for it."""
    opener = "import sys, pathlib; from app.storage.database import open_database; " \
             "open_database(pathlib.Path(sys.argv[1])).close()"
    starts = [subprocess.Popen([sys.executable, "-c", opener, str(data_dir / name)], stderr=subprocess.PIPE,
                               text=True) for name in ("a", "b")]
    errors = [start.communicate()[1] for start in starts]
    assert [start.returncode for start in starts] == [0, 0], errors
    database = open_database(data_dir)
    try:
        assert migrate.current_revision(database.engine) == SCHEMA_HEAD
    finally:
        database.close()


# The list order ---------------------------------------------------------------------------------

def test_the_list_order_is_the_official_one_under_a_vietnamese_collation(empty_server_db, data_dir) -> None:
    database = open_database(data_dir)
    try:
        ids = {make_person(database, name): name for name in NAMES}
        expected = sorted(NAMES, key=name_sort_key)
        listed = [ids[i] for i in search_subject_ids(database, SubjectQuery())]
        assert listed == expected
        assert [subject_position(database, SubjectQuery(), i) for i in search_subject_ids(
            database, SubjectQuery())] == list(range(len(NAMES)))
        with database.engine.connect() as conn:
            collation = conn.execute(text("SELECT datcollate, daticulocale FROM pg_database "
                                          "WHERE datname = current_database()")).one()
            if collation.daticulocale:  # the data tell a language collation from the keys' own order
                by_language = conn.execute(select(Subject.name).order_by(
                    Subject.sort_key.collate("vi-VN-x-icu"))).scalars().all()
                assert by_language != expected
    finally:
        database.close()


# The demo, the check, backups -------------------------------------------------------------------

def test_the_demo_fills_a_server_database_and_new_records_follow_it(server_db) -> None:
    """The demo inserts subjects in bulk with their ids: the server's id sequence must follow."""
    summary = generate_demo(server_db, subjects=300, seed=2026)
    assert summary.individuals + summary.collectives + summary.households == 300
    new_id = make_person(server_db, "Nguyễn Văn Mới")
    with server_db.read() as session:
        assert new_id == session.scalar(select(func.max(Subject.id))) > 300
    assert len(search_subject_ids(server_db, SubjectQuery("nguyen"))) > 1
    report = check_database(server_db, full=True)
    assert report.ok, report.summary()  # the file and the audit trail (the demo leaves one)


def test_the_check_says_what_the_server_vouches_for_and_what_was_checked(server_db) -> None:
    report = check_database(server_db)
    assert report.ok and report.problems == []
    summary = report.summary().splitlines()[0]
    assert summary.startswith("Cơ sở dữ liệu PostgreSQL “127.0.0.1:") or "PostgreSQL" in summary
    assert "ràng buộc khóa ngoại" in summary and f"lược đồ {SCHEMA_HEAD}" in summary
    assert "quick_check" not in summary


def test_the_full_check_runs_amcheck_when_the_server_has_it(server_db) -> None:
    with server_db.engine.begin() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS amcheck"))
    report = check_database(server_db, full=True)
    assert report.ok, report.summary()
    assert "chỉ mục B-tree (amcheck)" in report.summary()


def test_the_check_reports_a_constraint_the_server_never_checked(server_db) -> None:
    with server_db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE subject ADD CONSTRAINT ck_subject_x CHECK (version > 0) NOT VALID"))
    report = check_database(server_db)
    assert not report.ok
    assert report.problems == ["Bảng subject: ràng buộc ck_subject_x chưa được máy chủ kiểm tra (NOT VALID)."]


def test_backup_and_restore_are_refused_with_pg_dump_named(server_db, data_dir, tmp_path, capsys) -> None:
    for args in (["backup"], ["restore", str(tmp_path / "x.sqlite3")]):
        code = main(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        assert code == 2 and out == ""
        assert "máy chủ PostgreSQL" in err and "pg_dump" in err and "Traceback" not in err
    assert not (data_dir / "backups").exists()
