"""Opening the data directory: folder, engine, migrations (after a backup), sessions."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from app.storage.engine import make_engine
from app.storage.paths import DB_FILE_NAME, backups_dir, database_url
from app.storage.schema import SCHEMA_HEAD


class DataDirError(RuntimeError):
    """The data directory cannot be created or written."""


class Database:
    """An open database: the engine and a session factory. Services use transaction()."""

    def __init__(self, data_dir: Path, engine: Engine) -> None:
        self.data_dir = data_dir
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / DB_FILE_NAME

    def close(self) -> None:
        self.engine.dispose()


def _ensure_dir(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(f"Không tạo được thư mục dữ liệu {data_dir}: {exc.strerror or exc}.") from exc


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live SQLite database through its backup API (never a file copy)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def open_database(data_dir: Path) -> Database:
    """Open (creating if needed) and migrate the database of a data directory."""
    _ensure_dir(data_dir)
    engine = make_engine(database_url(data_dir))
    try:
        stored = _stored_revision(engine)
        if stored != SCHEMA_HEAD:
            _migrate(data_dir, engine, stored)
    except Exception:
        engine.dispose()
        raise
    return Database(data_dir, engine)


def _stored_revision(engine: Engine) -> str | None:
    """The schema revision recorded in the database, read without Alembic (fast path at start)."""
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except (OperationalError, ProgrammingError):
        return None


def _migrate(data_dir: Path, engine: Engine, stored: str | None) -> None:
    from app.storage import migrate  # Alembic is imported only when there is something to do

    if migrate.needs_upgrade(engine):  # raises DatabaseTooNewError before anything is written
        if stored is not None:
            _backup_before_migration(data_dir, engine)
        migrate.upgrade(engine)


def _backup_before_migration(data_dir: Path, engine: Engine) -> None:
    db_file = data_dir / DB_FILE_NAME
    if engine.dialect.name != "sqlite":
        return
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup_sqlite(db_file, backups_dir(data_dir) / f"truoc-nang-cap-{stamp}.sqlite3")
