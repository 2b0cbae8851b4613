"""Data directory, SQLite settings, migrations and the single-instance lock."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from app.errors import AlreadyRunningError
from app.models import Base
from app.storage import migrate
from app.storage.database import open_database
from app.storage.lock import InstanceLock
from app.storage.paths import DB_FILE_NAME, resolve_data_dir
from app.storage.schema import SCHEMA_HEAD

pytestmark = pytest.mark.both_backends


def test_upgrade_from_empty_matches_models(db) -> None:
    assert migrate.current_revision(db.engine) == migrate.head_revision() == SCHEMA_HEAD
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


@pytest.mark.sqlite_only
def test_sqlite_pragmas(db) -> None:
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


def test_reopen_does_not_migrate_again(data_dir) -> None:
    open_database(data_dir).close()
    reopened = open_database(data_dir)
    assert not migrate.needs_upgrade(reopened.engine)
    reopened.close()
    assert not (data_dir / "backups").exists()


def test_database_from_newer_app_is_refused_and_left_alone(data_dir) -> None:
    open_database(data_dir).close()
    path = data_dir / DB_FILE_NAME
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = path.read_bytes()
    with pytest.raises(migrate.DatabaseTooNewError) as caught:
        open_database(data_dir)
    assert "phiên bản Sổ Vàng mới hơn" in str(caught.value)
    assert path.read_bytes() == before


def test_data_dir_resolution(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOVANG_DATA_DIR", str(tmp_path / "from-env"))
    assert resolve_data_dir(None) == (tmp_path / "from-env").resolve()
    assert resolve_data_dir(tmp_path / "explicit") == (tmp_path / "explicit").resolve()
    monkeypatch.delenv("SOVANG_DATA_DIR")
    assert "SoVang" in str(resolve_data_dir(None))


def test_second_instance_is_refused(data_dir) -> None:
    data_dir.mkdir(parents=True)
    with InstanceLock(data_dir):
        with pytest.raises(AlreadyRunningError) as caught:
            InstanceLock(data_dir).acquire()
        assert "đang mở" in str(caught.value)
    with InstanceLock(data_dir):
        pass


def test_schema_change_in_a_failed_transaction_rolls_back(db) -> None:
    with pytest.raises(RuntimeError), db.transaction() as session:
        session.execute(text("DROP INDEX ix_subject_list"))
        raise RuntimeError("interrupted")
    assert "ix_subject_list" in {index["name"] for index in inspect(db.engine).get_indexes("subject")}
