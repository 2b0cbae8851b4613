"""The backups of a data directory: made, listed, thinned on Anki's schedule, and made automatically.

Every backup goes through `backup_file.write_verified` (SQLite's backup API, then integrity_check).

Change detection for automatic backups: `backups/state.json` records, at each backup into the backups
folder, the time and a fingerprint of the live files — `(mtime_ns, size)` of the database and of its
-wal when that is not empty — taken right after a `wal_checkpoint(PASSIVE)` and before the copy
starts. In WAL mode every commit grows or rewrites the -wal and every checkpoint rewrites the
database, so any saved change alters the fingerprint, while reading never does; reading the two
`stat`s costs microseconds at any database size (a hash of the content would take seconds). A write
that lands during the copy leaves the fingerprint older than the backup, so the error is always one
backup too many, never a missed change. A missing or unreadable state file counts as "changed".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.errors import ServiceError
from app.storage.atomic import stale_temporaries, write_atomically
from app.storage.audit.key import keep_key_beside
from app.storage.backup import file as backup_file
from app.storage.backup.file import BackupInfo, BackupVerificationError, verify_backup
from app.storage.backup.schedule import (
    BackupReason,
    auto_backup_due,
    backup_file_name,
    backups_to_delete,
    parse_backup_name,
)
from app.storage.backup.sealed import ENCRYPTED_SUFFIX, BackupKey, encrypt_to
from app.storage.engine import engine_url, server_name
from app.storage.erasures import keep_erasures_beside
from app.storage.paths import DB_FILE_NAME, backups_dir, database_url
from app.storage.private import private_folder

STATE_FILE = "state.json"
ON_SERVER = ("Dữ liệu nằm trên máy chủ PostgreSQL “{server}”, không phải tệp trong thư mục dữ liệu, "
             "nên Sổ Vàng không sao lưu hay khôi phục nó. Người quản trị máy chủ sao lưu bằng pg_dump "
             "(ví dụ “pg_dump -Fc -f sovang.dump TÊN_CSDL”) và khôi phục bằng pg_restore.")
STALE_TEMP_S = 3600  # a temporary file this old belongs to no running backup
__all__ = ["BackupInfo", "BackupReason", "BackupVerificationError", "make_backup", "copy_backup",
           "list_backups", "prune_backups", "should_auto_backup", "maybe_backup", "verify_backup"]

Fingerprint = tuple[int, int, int, int]


@dataclass(frozen=True)
class BackupState:
    last_backup: dt.datetime
    fingerprint: Fingerprint


def _as_reason(reason: BackupReason | str) -> BackupReason:
    labels = {r.label: r for r in BackupReason}
    return labels[reason] if reason in labels else BackupReason(reason)


def require_local_database(data_dir: Path) -> None:
    """Backups copy the local SQLite file; a database on a server is its administrator's to back up."""
    url = engine_url(database_url(data_dir))
    if url.get_backend_name() != "sqlite":
        raise ServiceError(ON_SERVER.format(server=server_name(url)))


def _live_file(data_dir: Path) -> Path:
    require_local_database(data_dir)
    live = data_dir / DB_FILE_NAME
    if not live.is_file() or live.stat().st_size == 0:
        raise ServiceError(f"Chưa có dữ liệu để sao lưu trong thư mục “{data_dir}”.")
    return live


def chosen_folder(dest: Path) -> Path:
    """A second destination must exist: an unplugged USB stick is not silently replaced by a new folder."""
    if not dest.is_dir():
        raise ServiceError(f"Không có thư mục “{dest}”. Hãy cắm ổ USB hoặc chọn thư mục khác.")
    return dest


def free_backup_path(folder: Path, created: dt.datetime, reason: BackupReason) -> Path:
    serial = 1
    while (folder / backup_file_name(created, reason, serial)).exists():
        serial += 1
    return folder / backup_file_name(created, reason, serial)


def fingerprint(live: Path) -> Fingerprint:
    db = live.stat()
    wal = live.with_name(live.name + "-wal")
    wal_stat = wal.stat() if wal.exists() else None
    if wal_stat is None or wal_stat.st_size == 0:
        return (db.st_mtime_ns, db.st_size, 0, 0)
    return (db.st_mtime_ns, db.st_size, wal_stat.st_mtime_ns, wal_stat.st_size)


def _checkpoint(live: Path) -> None:
    """Copy what the -wal holds into the database file, without waiting for or blocking anyone: PASSIVE.

    A RESTART or TRUNCATE checkpoint resets the -wal, and a save that had read its record before the
    reset and writes after it fails with SQLITE_BUSY, a lost race for the app ("someone else saved"),
    even when it waits on nobody: tests/storage/backup/test_backup_during_saves.py. PASSIVE leaves the
    -wal in place; the app's close folds it in (see `_same_data`)."""
    try:
        conn = sqlite3.connect(live, timeout=backup_file.BUSY_TIMEOUT_S)
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise backup_file.source_error(live, exc) from exc


def make_backup(
    data_dir: Path, reason: BackupReason | str, dest: Path | None = None, now: dt.datetime | None = None
) -> BackupInfo:
    """A verified backup of the live database into backups/ (or the folder `dest`)."""
    live = _live_file(data_dir)
    created = (now or dt.datetime.now()).replace(microsecond=0)
    folder = chosen_folder(dest) if dest is not None else backups_dir(data_dir)
    target = free_backup_path(folder, created, _as_reason(reason))
    _checkpoint(live)
    stamp = fingerprint(live)
    info = backup_file.write_verified(live, target, readonly_source=False)
    if dest is None:
        private_folder(folder)  # backups/ like the data folder; a folder the user chose is theirs
    keep_key_beside(data_dir, folder)
    keep_erasures_beside(data_dir, folder)
    if dest is None:
        _save_state(data_dir, BackupState(created, stamp))
    return info


def copy_backup(backup: Path, dest: Path, key: BackupKey | None = None) -> BackupInfo:
    """A verified copy of a backup file into the folder `dest` (a USB stick, another folder), with the
    trail's key kept beside it as beside the original; encrypted with `key` when one is given
    (storage/backup/sealed.py: only ciphertext is written there)."""
    chosen_folder(dest)
    keep_key_beside(backup.parent, dest)  # the key kept beside the original (none: nothing to copy)
    keep_erasures_beside(backup.parent, dest)
    parsed = parse_backup_name(backup.name)
    name = backup.name if parsed else f"{backup.stem}-ban-sao.sqlite3"
    suffix = ENCRYPTED_SUFFIX if key is not None else ""
    target, serial = dest / f"{name}{suffix}", 1
    while target.exists():
        serial += 1
        target = dest / f"{Path(name).stem}-{serial}.sqlite3{suffix}"
    if key is None:
        return backup_file.write_verified(backup, target)
    source = verify_backup(backup)
    encrypt_to(backup, target, key)
    return dataclasses.replace(source, path=target, size=target.stat().st_size)


def _state_path(data_dir: Path) -> Path:
    return backups_dir(data_dir) / STATE_FILE


def read_state(data_dir: Path) -> BackupState | None:
    try:
        raw = json.loads(_state_path(data_dir).read_text(encoding="utf-8"))
        return BackupState(dt.datetime.fromisoformat(raw["last_backup"]),
                           tuple(int(n) for n in raw["fingerprint"]))  # type: ignore[arg-type]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _save_state(data_dir: Path, state: BackupState) -> None:
    data = {"last_backup": state.last_backup.isoformat(), "fingerprint": list(state.fingerprint)}
    write_atomically(_state_path(data_dir), json.dumps(data).encode())


def data_changed_since_backup(data_dir: Path) -> bool:
    live = data_dir / DB_FILE_NAME
    if not live.is_file():
        return False
    state = read_state(data_dir)
    return state is None or not _same_data(state.fingerprint, fingerprint(live))


def _same_data(saved: Fingerprint, now: Fingerprint) -> bool:
    """Equal fingerprints, or the -wal of the backup's moment folded into an untouched database file at
    the app's close: a save made since would have grown the -wal, so its fold would have rewritten the
    database file."""
    return saved == now or (now[2:] == (0, 0) and now[:2] == saved[:2])


def should_auto_backup(
    data_dir: Path, db_changed: bool | None = None, now: dt.datetime | None = None
) -> bool:
    """At most one automatic backup per 30 minutes, and only after a change.

    `db_changed=None` decides from the file fingerprint; the caller may say True or False itself.
    """
    changed = data_changed_since_backup(data_dir) if db_changed is None else db_changed
    state = read_state(data_dir)
    return auto_backup_due(state.last_backup if state else None, changed, now or dt.datetime.now())


def maybe_backup(data_dir: Path, reason: BackupReason = BackupReason.AUTO,
                 now: dt.datetime | None = None) -> BackupInfo | None:
    """The GUI's timer (AUTO: every 30 min when changed) and close (ON_CLOSE: when changed), then thinning."""
    due = (should_auto_backup(data_dir, now=now) if reason is BackupReason.AUTO
           else data_changed_since_backup(data_dir))
    if not due:
        return None
    info = make_backup(data_dir, reason, now=now)
    prune_backups(data_dir, now)
    return info


def list_backups(data_dir: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups in backups/ (or `folder`), newest first, with their counts of records."""
    folder = folder if folder is not None else backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found = [backup_file.inspect_backup(p) for p in folder.iterdir() if parse_backup_name(p.name)]
    return sorted(found, key=lambda info: (info.created, info.path.name), reverse=True)


def newest_good_backup(data_dir: Path) -> BackupInfo | None:
    """The newest backup that passes verification (the offer after a damaged start)."""
    for info in list_backups(data_dir):
        try:
            return verify_backup(info.path)
        except ServiceError:
            continue
    return None


def is_empty_backup(info: BackupInfo) -> bool:
    """A backup of a database with no subject, no nomination and no award (counts unknown: not empty)."""
    return (info.subjects, info.nominations, info.awards) == (0, 0, 0)


def thinned(folder: Path, now: dt.datetime | None = None) -> list[Path]:
    """The Sổ Vàng backups in `folder` that the schedule no longer keeps (OSError when unreadable).

    A backup of an empty database never counts towards thinning the backups that have data: the two
    kinds are thinned apart, so backups of a database emptied by mistake (or of a fresh one put in the
    place of a lost file), however many, never push a good backup out of the schedule.
    """
    named = [(p, parse_backup_name(p.name)) for p in folder.iterdir()]
    ours = [(p, parsed.created, parsed.reason) for p, parsed in named if parsed and parsed.scheduled]
    empty = {p for p, _, _ in ours if is_empty_backup(backup_file.inspect_backup(p))}
    moment = now or dt.datetime.now()
    doomed: list[Path] = []
    for kind_is_empty in (False, True):
        doomed += backups_to_delete([item for item in ours if (item[0] in empty) == kind_is_empty], moment)
    return doomed


def prune_backups(data_dir: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete what the schedule no longer keeps (see `thinned`), and stale temporary files."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    doomed = thinned(folder, now)
    doomed += stale_temporaries(folder, STALE_TEMP_S)
    for path in doomed:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            reason = exc.strerror or exc
            raise ServiceError(f"Không xóa được bản sao lưu cũ “{path.name}”: {reason}.") from exc
    return doomed
