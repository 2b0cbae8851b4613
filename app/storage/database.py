"""Opening the data directory: folder, engine, migrations (after a backup), sessions."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import DamagedDatabaseError, DataDirError
from app.storage.actor import Actor, system_actor
from app.storage.audit.recorder import install_audit_recorder
from app.storage.conflicts import refuse_lost_races
from app.storage.damage import header_is_damaged, is_damage_error, set_aside
from app.storage.engine import make_engine, unreachable_server_message
from app.storage.paths import DB_FILE_NAME, database_url
from app.storage.schema import SCHEMA_HEAD
from app.storage.versions import install_version_counter
from app.storage.write_guard import install_write_guard


class Database:
    """An open database: the engine and a session factory. Services use transaction()."""

    def __init__(self, data_dir: Path, engine: Engine) -> None:
        self.data_dir = data_dir
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        install_write_guard(self._sessions)  # a viewer's transaction may not write
        install_version_counter(self._sessions)  # each save: version +1 (app/storage/versions.py)
        install_audit_recorder(self._sessions)  # every change goes into the chained audit trail
        self.actor: Actor = system_actor()  # replaced by the signed-in account

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error.

        A save that lost a race with another one (the row was changed or deleted since it was read)
        raises ConflictError, nothing saved (app/storage/conflicts.py).
        """
        with refuse_lost_races(), self._sessions() as session, session.begin():
            session.info["actor"] = self.actor
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


def open_database(data_dir: Path) -> Database:
    """Open (creating if needed) and migrate the database of a data directory.

    A damaged SQLite file (a bad header, or "not a database" / "malformed" on the first query) is
    set aside and DamagedDatabaseError raised; a sound file pays for one 100-byte read (see damage.py).
    """
    _ensure_dir(data_dir)
    url = database_url(data_dir)
    local_file = data_dir / DB_FILE_NAME if url == f"sqlite:///{data_dir / DB_FILE_NAME}" else None
    if local_file is not None and header_is_damaged(local_file):
        raise _set_aside_damaged(data_dir, local_file)
    engine = make_engine(url)
    try:
        stored = _stored_revision(engine)
        if stored != SCHEMA_HEAD:
            _migrate(data_dir, engine, stored)
    except Exception as exc:
        engine.dispose()
        if local_file is not None and is_damage_error(exc):
            raise _set_aside_damaged(data_dir, local_file) from exc
        if engine.dialect.name != "sqlite" and isinstance(exc, OperationalError):
            raise DataDirError(unreachable_server_message(engine.url, exc)) from exc
        raise
    return Database(data_dir, engine)


def _set_aside_damaged(data_dir: Path, db_file: Path) -> DamagedDatabaseError:
    from app.storage.backup.backups import newest_good_backup  # only on this rare path

    try:
        moved, detail = set_aside(db_file), ""
    except OSError as exc:
        moved, detail = None, str(exc.strerror or exc)
    return DamagedDatabaseError(moved, newest_good_backup(data_dir), detail)


def _stored_revision(engine: Engine) -> str | None:
    """The schema revision recorded in the database, read without Alembic (fast path at start)."""
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except (OperationalError, ProgrammingError) as exc:
        if is_damage_error(exc):
            raise
        return None


def _migrate(data_dir: Path, engine: Engine, stored: str | None) -> None:
    from app.storage import migrate  # Alembic is imported only when there is something to do

    if migrate.needs_upgrade(engine):  # raises DatabaseTooNewError before anything is written
        if stored is not None:
            _backup_before_migration(data_dir, engine)
        migrate.upgrade(engine)


def _backup_before_migration(data_dir: Path, engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return
    from app.storage.backup.backups import BackupReason, make_backup

    make_backup(data_dir, BackupReason.BEFORE_UPGRADE)  # verified; raises (nothing migrated) when it fails
