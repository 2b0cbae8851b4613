"""Opening the data directory: folder, engine, migrations (after a backup), sessions."""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, event, text
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import DamagedDatabaseError, DamagedInUseError, DataDirError, MissingDatabaseError
from app.storage.actor import Actor, system_actor
from app.storage.atomic import stale_temporaries
from app.storage.audit.recorder import install_audit_recorder
from app.storage.conflicts import refuse_lost_races
from app.storage.damage import header_is_damaged, is_damage_error, set_aside
from app.storage.engine import make_engine, server_name, unreachable_server_message
from app.storage.initialised import FolderState, folder_state, mark_initialised, set_aside_databases
from app.storage.lock import holds_lock
from app.storage.paths import DB_FILE_NAME, backups_dir, damage_note, database_url
from app.storage.private import FOLDER_MODE, private_file, private_folder
from app.storage.schema import SCHEMA_HEAD
from app.storage.versions import install_version_counter
from app.storage.write_guard import install_write_guard

# What a damaged database may still run: reading, and ending the transactions it is in.
_READ_ONLY_SQL = re.compile(r"\s*(SELECT|PRAGMA|BEGIN|COMMIT|ROLLBACK|RELEASE|SAVEPOINT|EXPLAIN)\b", re.I)


class Database:
    """An open database: the engine and a session factory. Services use transaction().

    Damage found while the app works (SQLite's "database disk image is malformed" or "not a database",
    whatever the operation) ends that operation with DamagedInUseError, notes it in the data directory
    (so the next start sets the file aside and offers a backup) and stops every further write through
    this Database: transaction() is refused, and so is any statement but a read.
    """

    def __init__(self, data_dir: Path, engine: Engine) -> None:
        self.data_dir = data_dir
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        install_write_guard(self._sessions)  # a viewer's transaction may not write
        install_version_counter(self._sessions)  # each save: version +1 (app/storage/versions.py)
        install_audit_recorder(self._sessions, data_dir)  # every change: a chained, sealed audit event
        self.actor: Actor = system_actor()  # replaced by the signed-in account
        self.damage: DamagedInUseError | None = None  # set when SQLite reported damage: no more writes
        if engine.dialect.name == "sqlite":
            event.listen(engine, "handle_error", self._on_error)
            event.listen(engine, "before_cursor_execute", self._refuse_writes_when_damaged)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error.

        A save that lost a race with another one (the row was changed or deleted since it was read)
        raises ConflictError, nothing saved (app/storage/conflicts.py). On a database found damaged,
        DamagedInUseError before anything is done.
        """
        if self.damage is not None:
            raise self._refusal()
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

    def mark_initialised(self) -> None:
        """This data directory now holds the commune's data (the marker file; on a server the database's
        own tables say it)."""
        if self.is_sqlite:
            mark_initialised(self.data_dir)

    def note_damage(self, cause: BaseException) -> DamagedInUseError:
        """Record damage SQLite reported: no more writes here, and the note for the next start."""
        original = getattr(cause, "orig", None) or cause
        detail = str(original).strip() or type(original).__name__  # the driver's words, never the SQL
        if self.damage is None:
            from app.storage.backup.backups import newest_good_backup  # only on this rare path

            self.damage = DamagedInUseError(detail, newest_good_backup(self.data_dir))
            _write_damage_note(self.data_dir, detail)
        return self._refusal()

    def clear_damage(self) -> None:
        """After a restore replaced the damaged file: writes are allowed again."""
        self.damage = None
        damage_note(self.data_dir).unlink(missing_ok=True)

    def _refusal(self) -> DamagedInUseError:
        assert self.damage is not None
        return DamagedInUseError(self.damage.detail, self.damage.newest_backup)

    def _on_error(self, context) -> None:
        if is_damage_error(context.original_exception):
            raise self.note_damage(context.original_exception)

    def _refuse_writes_when_damaged(self, _conn, _cursor, statement: str, *_args) -> None:
        if self.damage is not None and not _READ_ONLY_SQL.match(statement):
            raise self._refusal()


def _write_damage_note(data_dir: Path, detail: str) -> None:
    from app.storage.atomic import write_atomically

    # A full or read-only disk: no note, and the damage is still found by the checks and at close.
    with contextlib.suppress(OSError):
        write_atomically(damage_note(data_dir), json.dumps({"detail": detail}, ensure_ascii=False).encode())


def _ensure_dir(data_dir: Path) -> None:
    try:
        data_dir.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(f"Không tạo được thư mục dữ liệu {data_dir}: {exc.strerror or exc}.") from exc
    private_folder(data_dir)  # also a folder made 0755 by an earlier version or by the lock


# A backup being written touches its temporary file all the time; one untouched this long was killed.
# (`sovang backup` does not take the lock, so a backup of another process may be running: the wait keeps
# its file, and prune_backups removes what is left after an hour.)
LEFTOVER_QUIET_S = 120


def _remove_backup_leftovers(data_dir: Path) -> None:
    """The temporary files of a backup that was killed (`.tmp-*` in backups/: a whole plaintext copy of
    the database, or part of one), under the data directory's lock, once untouched for two minutes."""
    try:
        leftovers = stale_temporaries(backups_dir(data_dir), LEFTOVER_QUIET_S)
    except OSError:
        return
    for path in leftovers:
        with contextlib.suppress(OSError):  # a read-only folder: prune_backups tries again later
            path.unlink(missing_ok=True)


def open_database(data_dir: Path, *, replace_missing: bool = False) -> Database:
    """Open (creating if needed) and migrate the database of a data directory.

    A damaged SQLite file (a bad header, "not a database" / "malformed" on the first query, or damage
    noted while the app last worked and confirmed by quick_check) is set aside and DamagedDatabaseError
    raised; a sound file pays for one 100-byte read (see damage.py). In a folder that was initialised
    (app/storage/initialised.py) a missing or empty database is MissingDatabaseError, with the newest good
    backup, unless `replace_missing` (`sovang init`, asked for in so many words) starts a new one.
    """
    url = database_url(data_dir)
    local_file = data_dir / DB_FILE_NAME if url == f"sqlite:///{data_dir / DB_FILE_NAME}" else None
    if local_file is not None and not replace_missing and folder_state(data_dir) is FolderState.MISSING:
        raise _missing(data_dir, local_file)
    _ensure_dir(data_dir)
    if local_file is not None and holds_lock(data_dir):  # no backup of another process can be running
        _remove_backup_leftovers(data_dir)
    if local_file is not None and header_is_damaged(local_file):
        raise _set_aside_damaged(data_dir, local_file)
    if local_file is not None and damage_note(data_dir).exists() and _still_damaged(data_dir, local_file):
        raise _set_aside_damaged(data_dir, local_file)
    if local_file is not None:
        _refuse_foreign(f"Tệp “{local_file}”", _sqlite_tables(local_file))
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
    if local_file is not None:
        _keep_database_private(local_file)
    return Database(data_dir, engine)


def _keep_database_private(db_file: Path) -> None:
    """The database 0600 (SQLite gives a new -wal or -shm the mode of the database), and any -wal and -shm
    made before that."""
    for path in (db_file, db_file.with_name(db_file.name + "-wal"), db_file.with_name(db_file.name + "-shm")):
        if path.exists():
            private_file(path)


def _set_aside_damaged(data_dir: Path, db_file: Path) -> DamagedDatabaseError:
    from app.storage.backup.backups import newest_good_backup  # only on this rare path

    try:
        moved, detail = set_aside(db_file), ""
        damage_note(data_dir).unlink(missing_ok=True)
    except OSError as exc:
        moved, detail = None, str(exc.strerror or exc)
    return DamagedDatabaseError(moved, newest_good_backup(data_dir), detail)


def _missing(data_dir: Path, db_file: Path) -> MissingDatabaseError:
    from app.storage.backup.backups import newest_good_backup  # only on this rare path

    earlier = set_aside_databases(data_dir)
    return MissingDatabaseError(data_dir, db_file.exists(), newest_good_backup(data_dir),
                                earlier[-1] if earlier else None)


def _still_damaged(data_dir: Path, db_file: Path) -> bool:
    """Damage was noted while the app worked: quick_check says whether the file is still damaged (a sound
    one, restored meanwhile by hand, is kept and the note dropped)."""
    try:
        conn = sqlite3.connect(db_file)
        try:
            verdict = [row[0] for row in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return is_damage_error(exc)  # busy, unreadable…: not a verdict; the note stays for the next start
    if verdict != ["ok"]:
        return True
    damage_note(data_dir).unlink(missing_ok=True)
    return False


def _stored_revision(engine: Engine) -> str | None:
    """The schema revision recorded in the database, read without Alembic (fast path at start)."""
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except (OperationalError, ProgrammingError) as exc:
        if is_damage_error(exc):
            raise
        return None


def _sqlite_tables(db_file: Path) -> list[str]:
    """The tables of a SQLite file, read without changing a byte of it (the engine would switch it to WAL)."""
    if not db_file.is_file() or db_file.stat().st_size == 0:
        return []
    try:
        conn = sqlite3.connect(f"{db_file.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return []  # unreadable: the damage checks of open_database say so


def _refuse_foreign(where: str, tables: list[str]) -> None:
    """A database that holds tables but no schema revision was not made by Sổ Vàng: never migrated into."""
    tables = sorted(name for name in tables if not name.startswith("sqlite_"))
    if not tables or "alembic_version" in tables:
        return
    shown = ", ".join(tables[:5]) + (f"… ({len(tables)} bảng)" if len(tables) > 5 else "")
    raise DataDirError(
        f"{where} không phải cơ sở dữ liệu của Sổ Vàng (không có bảng alembic_version, mà có các bảng "
        f"khác: {shown}). Sổ Vàng không ghi gì vào đó. Hãy kiểm tra thư mục dữ liệu (--data-dir, "
        "SOVANG_DATA_DIR) hoặc SOVANG_DATABASE_URL, hoặc khôi phục dữ liệu từ bản sao lưu (sovang restore).")


def _migrate(data_dir: Path, engine: Engine, stored: str | None) -> None:
    from app.storage import migrate  # Alembic is imported only when there is something to do

    if stored is None and engine.dialect.name != "sqlite":  # a local file was looked at before opening
        from sqlalchemy import inspect

        _refuse_foreign(f"Cơ sở dữ liệu “{server_name(engine.url)}”", inspect(engine).get_table_names())
    if migrate.needs_upgrade(engine):  # raises DatabaseTooNewError before anything is written
        if stored is not None:
            _backup_before_migration(data_dir, engine)
        migrate.upgrade(engine)
        from app.storage.audit.upgraded import record_upgraded_rows

        record_upgraded_rows(data_dir, engine, stored)  # rows a migration rewrote: the upgrade's own change


def _backup_before_migration(data_dir: Path, engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return
    from app.storage.backup.backups import BackupReason, make_backup

    make_backup(data_dir, BackupReason.BEFORE_UPGRADE)  # verified; raises (nothing migrated) when it fails
