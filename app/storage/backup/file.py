"""One backup file: copied through SQLite's backup API (never a file copy), whole, verified, described.

A copy is written under a temporary name in the target folder, switched to a rollback journal (so the
backup is one self-contained file that opening never changes), verified — `PRAGMA integrity_check`
is "ok" and the `alembic_version` table is there — and only then renamed to its final name. A copy
that fails anywhere is deleted: no half-written or unverified file ever carries a backup's name.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.errors import ServiceError
from app.rules.vntext import vn_number
from app.storage.atomic import TEMP_PREFIX, output_error
from app.storage.backup.schedule import BackupReason, parse_backup_name
from app.storage.damage import SIDE_FILES, is_damage_error
from app.storage.private import private_file

BUSY_TIMEOUT_S = 5.0
COUNTED_TABLES = {"subjects": "subject", "nominations": "nomination", "awards": "award_record"}
# SQLite result codes of a destination that cannot be written, as the errno output_error words.
_SQLITE_TO_ERRNO = {13: errno.ENOSPC, 8: errno.EROFS, 14: errno.EACCES, 3: errno.EPERM, 23: errno.EACCES}


class BackupVerificationError(ServiceError):
    """A backup (or the database being backed up) is not a sound Sổ Vàng database."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    reason: BackupReason | None  # None for a file not named by Sổ Vàng (chosen by the user)
    size: int
    revision: str | None  # the schema revision; None when unreadable
    subjects: int | None  # None: unknown (an older schema without the table, or an unreadable file)
    nominations: int | None
    awards: int | None

    def counts_text(self) -> str:
        def shown(value: int | None) -> str:
            return "?" if value is None else vn_number(value)

        return (f"{shown(self.subjects)} đối tượng, {shown(self.nominations)} hồ sơ đề nghị, "
                f"{shown(self.awards)} lượt khen thưởng")

    def describe(self) -> str:
        reason = self.reason.label if self.reason else "không rõ lý do"
        size = f"{self.size / 1_000_000:.1f} MB".replace(".", ",")
        return f"{self.created:%d/%m/%Y %H:%M:%S} · {reason} · {self.counts_text()} · {size}"


def connect_readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _counts(conn: sqlite3.Connection) -> dict[str, int | None]:
    counts: dict[str, int | None] = {}
    for key, table in COUNTED_TABLES.items():
        try:
            counts[key] = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        except sqlite3.DatabaseError:
            counts[key] = None
    return counts


def _revision(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def _info(path: Path, revision: str | None, counts: dict[str, int | None]) -> BackupInfo:
    stat = path.stat()
    parsed = parse_backup_name(path.name)
    created = parsed.created if parsed else dt.datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0)
    return BackupInfo(path, created, parsed.reason if parsed else None, stat.st_size, revision, **counts)


def inspect_backup(path: Path) -> BackupInfo:
    """Date, size and counts of records, read without checking; unknown counts when unreadable."""
    try:
        conn = connect_readonly(path)
        try:
            return _info(path, _revision(conn), _counts(conn))
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return _info(path, None, dict.fromkeys(COUNTED_TABLES))


def _checked(path: Path, shown_name: str) -> tuple[str, dict[str, int | None]]:
    name = f"“{shown_name}”"
    try:
        conn = connect_readonly(path)
        try:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            revision = _revision(conn)
            counts = _counts(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        state = "bị hỏng" if is_damage_error(exc) else "không đọc được"
        raise BackupVerificationError(f"Tệp {name} {state} ({exc}).") from exc
    if result != ["ok"]:
        raise BackupVerificationError(f"Tệp {name} không qua được kiểm tra toàn vẹn ({result[0]}).")
    if revision is None:
        raise BackupVerificationError(
            f"Tệp {name} không phải cơ sở dữ liệu của Sổ Vàng (thiếu bảng alembic_version).")
    return revision, counts


def verify_backup(path: Path) -> BackupInfo:
    """The backup's description, after integrity_check; BackupVerificationError when it fails."""
    if not path.is_file():
        raise ServiceError(f"Không có tệp sao lưu “{path}”.")
    return _info(path, *_checked(path, path.name))


def source_error(source: Path, exc: sqlite3.Error) -> ServiceError:
    """The message for a database that cannot be read to be backed up."""
    if is_damage_error(exc):
        return BackupVerificationError(
            f"Không sao lưu được: cơ sở dữ liệu “{source.name}” bị hỏng ({exc}). "
            "Hãy khôi phục từ một bản sao lưu tốt.")
    return ServiceError(f"Không đọc được cơ sở dữ liệu “{source.name}” để sao lưu ({exc}). Hãy thử lại sau.")


def target_error(target: Path, exc: sqlite3.Error) -> ServiceError:
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    number = _SQLITE_TO_ERRNO.get(code, errno.EIO)
    return output_error(target, OSError(number, str(exc)))


def open_destination(path: Path) -> sqlite3.Connection:
    """The connection a copy is written through (a seam for the tests' full-disk case)."""
    return sqlite3.connect(path)


def _copy(source: Path, temp: Path, target: Path, readonly_source: bool) -> None:
    try:
        src = connect_readonly(source) if readonly_source else sqlite3.connect(source, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise source_error(source, exc) from exc
    try:
        dst = open_destination(temp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise (source_error(source, exc) if is_damage_error(exc) else target_error(target, exc)) from exc
    finally:
        src.close()


def _remove(temp: Path) -> None:
    for suffix in ("", "-journal", *SIDE_FILES):
        temp.with_name(temp.name + suffix).unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows makes a rename durable without a directory handle
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _verified_copy(temp: Path, name: str) -> tuple[str, dict[str, int | None]]:
    try:
        return _checked(temp, name)
    except BackupVerificationError as exc:
        raise BackupVerificationError(
            f"Bản sao lưu vừa lập không qua được kiểm tra nên đã bị xóa: {exc} "
            "Dữ liệu gốc có thể đã hỏng; hãy kiểm tra cơ sở dữ liệu.") from exc


def write_verified(source: Path, target: Path, *, readonly_source: bool = True,
                   verify: bool = True) -> BackupInfo:
    """Copy the database `source` to `target` (a free name) through the backup API, verified.

    `verify=False` only for the copy taken before a repair of a damaged file: that copy cannot pass
    integrity_check, and it is kept as it was (restore verifies it and refuses it if it is bad)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".sqlite3", dir=target.parent)
        os.close(handle)
    except OSError as exc:
        raise output_error(target, exc) from exc
    temp = Path(temp_name)
    try:
        _copy(source, temp, target, readonly_source)
        unknown: dict[str, int | None] = dict.fromkeys(COUNTED_TABLES)
        revision, counts = _verified_copy(temp, target.name) if verify else (None, unknown)
        private_file(temp)  # 0600 already (mkstemp), said again: a backup is all the personal data
        os.replace(temp, target)
        _sync_folder(target.parent)
    except OSError as exc:
        _remove(temp)
        raise output_error(target, exc) from exc
    except BaseException:
        _remove(temp)
        raise
    return _info(target, revision, counts)
