"""The backups the running app makes, each one also copied to the second destination when one is set.

`backup_now` ("Sao lưu ngay"), `auto_backup` (the window's timer), `close_step` (the window's close)
and `restore_database` run off the GUI thread; one lock keeps any two of them from running at once.
The second destination — a USB stick or a folder on another disk — is the setting BACKUP_SECOND_FOLDER.
An unplugged stick is a warning carried in the outcome, never a failure of the backup itself. The copies
there are thinned on the same schedule as backups/ (only files named by Sổ Vàng are ever deleted), so
the stick does not fill up. Safety backups ("trước …") stay in backups/ only.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.errors import ServiceError
from app.services.accounts.permissions import PermissionDeniedError
from app.services.safety.integrity import CheckReport, quick_check_on_close
from app.services.settings import BACKUP_SECOND_FOLDER, get_setting, set_setting
from app.services.subjects.erase_again import erase_again
from app.storage.backup import backups as backup
from app.storage.backup.file import BackupInfo
from app.storage.backup.restore import RestoreReport, restore_backup
from app.storage.backup.schedule import BackupReason
from app.storage.backup.sealed import read_backup_key
from app.storage.database import Database, open_database

CLOSE_WAIT_S = 60.0  # closing waits this long at most for an automatic backup that is still running
ON_SERVER = ("Dữ liệu nằm trên máy chủ PostgreSQL: việc sao lưu và khôi phục do người quản trị máy chủ "
             "làm (pg_dump).")
_RUNNING = threading.Lock()


@dataclass(frozen=True)
class BackupOutcome:
    backup: BackupInfo
    copy: BackupInfo | None = None  # the copy in the second destination
    copy_problem: str | None = None  # why the second destination did not get its copy

    def summary(self) -> str:
        lines = [f"Đã sao lưu vào “{self.backup.path}”.", f"Bản sao lưu có {self.backup.counts_text()}."]
        if self.copy is not None:
            lines.append(f"Đã chép thêm một bản tới “{self.copy.path}”.")
        if self.copy_problem:
            lines.append(f"Chưa chép được tới nơi sao lưu thứ hai: {self.copy_problem}")
        return "\n".join(lines)


@contextlib.contextmanager
def _one_at_a_time(wait_s: float = -1) -> Iterator[None]:
    if not _RUNNING.acquire(timeout=wait_s):
        raise ServiceError("Một bản sao lưu khác vẫn đang chạy; hãy thử lại sau ít phút.")
    try:
        yield
    finally:
        _RUNNING.release()


def _require_sqlite(db: Database) -> None:
    if not db.is_sqlite:
        raise ServiceError(ON_SERVER)


def second_folder(db: Database) -> Path | None:
    value = get_setting(db, BACKUP_SECOND_FOLDER)
    return Path(value) if value else None


def probe_writable(folder: Path) -> None:
    """Create and delete a temporary file in the folder (OSError when it cannot be written)."""
    with tempfile.TemporaryFile(dir=folder):
        pass


def check_second_folder(data_dir: Path, folder: Path) -> Path:
    """The folder as it will be stored, after checking that it exists, is writable and is not the data's."""
    folder = backup.chosen_folder(folder.expanduser().absolute())
    real, data = folder.resolve(), data_dir.resolve()
    if real == data or data in real.parents:
        raise ServiceError(
            f"Nơi sao lưu thứ hai phải nằm ngoài thư mục dữ liệu “{data_dir}”: hỏng ổ đĩa hay mất máy "
            "thì bản sao ở đó cũng mất theo. Hãy chọn ổ USB hoặc một thư mục trên ổ đĩa khác.")
    try:
        probe_writable(folder)
    except OSError as exc:
        raise ServiceError(f"Không ghi được vào thư mục “{folder}” ({exc.strerror or exc}). "
                           "Hãy chọn thư mục khác.") from exc
    return folder


def on_same_disk(data_dir: Path, folder: Path) -> bool:
    """True when the folder lies on the disk that holds the data (a copy there does not survive the disk)."""
    try:
        return os.stat(folder).st_dev == os.stat(data_dir).st_dev
    except OSError:
        return False


def save_second_folder(db: Database, folder: Path | None) -> Path | None:
    """Set (after check_second_folder) or clear (None) the second destination."""
    checked = check_second_folder(db.data_dir, folder) if folder is not None else None
    set_setting(db, BACKUP_SECOND_FOLDER, str(checked) if checked is not None else "")
    return checked


def prune_folder(folder: Path, now: dt.datetime | None = None) -> list[Path]:
    """Thin the Sổ Vàng backups in a second destination on the schedule of backups/."""
    try:
        doomed = backup.thinned(folder, now)  # backups of an empty database are thinned apart
        for path in doomed:
            path.unlink(missing_ok=True)
    except OSError as exc:
        reason = exc.strerror or exc
        raise ServiceError(f"Không dọn được các bản sao lưu cũ trong “{folder}” ({reason}).") from exc
    return doomed


def _mirror(db: Database, info: BackupInfo, now: dt.datetime | None) -> tuple[BackupInfo | None, str | None]:
    folder = second_folder(db)
    if folder is None:
        return None, None
    copy = None
    try:
        copy = backup.copy_backup(info.path, folder, read_backup_key(db.data_dir))
        prune_folder(folder, now)
    except ServiceError as exc:
        return copy, str(exc)
    return copy, None


def backup_now(db: Database, now: dt.datetime | None = None) -> BackupOutcome:
    """"Sao lưu ngay": a verified backup into backups/, thinning, then the copy to the second destination."""
    _require_sqlite(db)
    with _one_at_a_time():
        info = backup.make_backup(db.data_dir, BackupReason.MANUAL, now=now)
        backup.prune_backups(db.data_dir, now)
        return BackupOutcome(info, *_mirror(db, info, now))


def auto_backup(db: Database, reason: BackupReason = BackupReason.AUTO, now: dt.datetime | None = None,
                wait_s: float = -1) -> BackupOutcome | None:
    """maybe_backup (only when due: see storage/backup/backups.py) and its copy; None when nothing was due."""
    _require_sqlite(db)
    with _one_at_a_time(wait_s):
        info = backup.maybe_backup(db.data_dir, reason, now)
        return None if info is None else BackupOutcome(info, *_mirror(db, info, now))


@dataclass(frozen=True)
class CloseReport:
    backup_problem: str | None  # the backup at close failed (a full disk, a damaged file…)
    check: CheckReport  # quick_check

    @property
    def damaged(self) -> bool:
        return not self.check.ok

    @property
    def problems(self) -> list[str]:
        found = [f"Không sao lưu được khi đóng: {self.backup_problem}"] if self.backup_problem else []
        return found + ([self.check.summary()] if self.damaged else [])


def close_step(db: Database, now: dt.datetime | None = None) -> CloseReport:
    """When the window closes: the backup if the data changed, then quick_check.

    A second destination that is missing at close (the stick already pulled out) is no problem.
    """
    _require_sqlite(db)
    problem = None
    try:
        auto_backup(db, BackupReason.ON_CLOSE, now, wait_s=CLOSE_WAIT_S)
    except ServiceError as exc:
        problem = str(exc)
    return CloseReport(problem, quick_check_on_close(db))


def restore_database(db: Database, path: Path, passphrase: str | None = None) -> RestoreReport:
    """Replace the open database's data with a backup (the current data is backed up first).

    The engine's connections are closed first; the same Database then reconnects to the restored file,
    which an older backup has brought up to date by then. The second destination is a habit of this
    computer rather than part of the data, so it stays as it was.
    """
    _require_sqlite(db)
    if not db.actor.can_approve:  # a restore can undo a leader's decisions: a leader's step
        raise PermissionDeniedError(f"Chỉ lãnh đạo mới được khôi phục dữ liệu từ bản sao lưu "
                                    f"(tài khoản “{db.actor.label}” không được).")
    with _one_at_a_time():
        kept = get_setting(db, BACKUP_SECOND_FOLDER)
        db.close()
        report = restore_backup(db.data_dir, path, passphrase=passphrase)
        db.clear_damage()  # the damaged file (if it was) is replaced: writes are allowed again
        open_database(db.data_dir).close()  # an older backup is migrated now, after its own backup
        if get_setting(db, BACKUP_SECOND_FOLDER) != kept:
            set_setting(db, BACKUP_SECOND_FOLDER, kept)
        again = erase_again(db)
        return dataclasses.replace(report, erased_again=again[0], not_erased_again=again[1])
