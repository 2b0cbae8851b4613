"""Whether a data directory was initialised, so that an empty or missing database is never taken for a
fresh start.

On SQLite the folder says it: `init` (the first-run set-up, a demo, a restore) writes the small marker
file INIT_MARKER beside the database, atomically. A restore of a backup replaces the database file only,
so the marker survives it. A folder made before the marker existed still counts as initialised when it
holds a set-aside damaged database or a backup of Sổ Vàng. On a PostgreSQL server the database's own
state says it: Alembic's table is there once Sổ Vàng has set the database up.

FolderState.MISSING (initialised, but the database file is missing or 0 bytes) is refused by
open_database with the way to restore; FolderState.FRESH is refused by every command but `init`.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.errors import DataDirError, NotInitialisedError
from app.storage.atomic import write_atomically
from app.storage.backup.schedule import parse_backup_name
from app.storage.engine import engine_url, make_engine, server_name, unreachable_server_message
from app.storage.paths import DB_FILE_NAME, backups_dir, database_url, init_marker

SET_ASIDE_GLOB = f"{DB_FILE_NAME}.hong-*"


class FolderState(enum.Enum):
    FRESH = "fresh"  # never initialised: nothing of Sổ Vàng's here
    READY = "ready"  # a database file with something in it
    MISSING = "missing"  # initialised, but the database file is missing or empty


def is_local(data_dir: Path) -> bool:
    return engine_url(database_url(data_dir)).get_backend_name() == "sqlite"


def mark_initialised(data_dir: Path) -> None:
    """Write the marker (atomically; a marker already there is kept as it is)."""
    marker = init_marker(data_dir)
    if marker.is_file():
        return
    note = {"initialised": dt.datetime.now().replace(microsecond=0).isoformat(), "database": DB_FILE_NAME}
    try:
        write_atomically(marker, json.dumps(note).encode())
    except OSError as exc:
        raise DataDirError(f"Không ghi được tệp “{marker}”: {exc.strerror or exc}.") from exc


def set_aside_databases(data_dir: Path) -> list[Path]:
    """The damaged databases set aside in this folder, newest name last (their -wal and -shm left out)."""
    try:
        found = [p for p in data_dir.glob(SET_ASIDE_GLOB) if not p.name.endswith(("-wal", "-shm"))]
    except OSError:
        return []
    return sorted(found)


def _has_backups(data_dir: Path) -> bool:
    try:
        return any(parse_backup_name(p.name) for p in backups_dir(data_dir).iterdir())
    except OSError:
        return False


def was_initialised(data_dir: Path) -> bool:
    return init_marker(data_dir).is_file() or bool(set_aside_databases(data_dir)) or _has_backups(data_dir)


def folder_state(data_dir: Path) -> FolderState:
    """The local SQLite folder's state (only a few `stat`s when the database is there)."""
    live = data_dir / DB_FILE_NAME
    try:
        size = live.stat().st_size
    except FileNotFoundError:
        size = 0
    except OSError:
        return FolderState.READY  # unreadable: open_database says why
    if size > 0:
        return FolderState.READY
    return FolderState.MISSING if was_initialised(data_dir) else FolderState.FRESH


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def require_initialised(data_dir: Path) -> None:
    """NotInitialisedError when the data directory (or the server's database) was never set up by
    Sổ Vàng; nothing is created on the way (no folder, no file, no table)."""
    url = engine_url(database_url(data_dir))
    if url.get_backend_name() == "sqlite":
        if database_url(data_dir) == f"sqlite:///{data_dir / DB_FILE_NAME}":
            if folder_state(data_dir) is FolderState.FRESH:
                raise NotInitialisedError(f"Thư mục dữ liệu “{data_dir}”")
        elif url.database and not _has_content(Path(url.database)):
            raise NotInitialisedError(f"Cơ sở dữ liệu “{url.database}”")
        return
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            found = conn.execute(text(
                "SELECT count(*) FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_name = 'alembic_version'")).scalar()
    except DBAPIError as exc:
        raise DataDirError(unreachable_server_message(engine.url, exc)) from exc
    finally:
        engine.dispose()
    if not found:
        raise NotInitialisedError(f"Cơ sở dữ liệu PostgreSQL “{server_name(url)}”")
