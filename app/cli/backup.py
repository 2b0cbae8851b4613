"""The backup commands: `sovang backup [--to DIR] [--list]`, `sovang restore FILE`; the location warning.

`backup` only reads the live database (through SQLite's backup API), so it runs while the app is
open; `restore` takes the data directory's lock, so it refuses while the app or another command
has the data open.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.storage.lock import InstanceLock

EXIT_OK = 0


def warn_about_location(data_dir: Path) -> None:
    """A data directory on a network share or in a cloud-synced folder: one line on stderr."""
    from app.storage.location import data_dir_warning

    warning = data_dir_warning(data_dir)
    if warning:
        print(f"sovang: {warning}", file=sys.stderr)


def lock_data_dir(lock: InstanceLock, data_dir: Path) -> None:
    """The data directory made and locked, or a Vietnamese DataDirError (a folder where the lock file
    goes, a read-only disk…)."""
    from app.cli.console import os_reason
    from app.errors import DataDirError
    from app.storage.lock import LOCK_FILE_NAME

    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(f"Không tạo được thư mục dữ liệu “{data_dir}”: {os_reason(exc)}.") from None
    try:
        lock.acquire()
    except OSError as exc:
        raise DataDirError(f"Không khóa được thư mục dữ liệu “{data_dir}” (tệp khóa {LOCK_FILE_NAME}): "
                           f"{os_reason(exc)}.") from None


def cmd_backup(args, data_dir: Path) -> int:
    from app.storage.backup.backups import (
        BackupReason,
        chosen_folder,
        copy_backup,
        make_backup,
        prune_backups,
    )

    if args.list:
        if args.to:
            from app.cli.args import UsageError

            raise UsageError("tham số --list không dùng cùng --to")
        return _print_backups(data_dir)
    second = chosen_folder(Path(args.to).expanduser()) if args.to else None  # checked before writing
    info = make_backup(data_dir, BackupReason.MANUAL)
    print(f"Đã sao lưu: {info.path}")
    if second is not None:
        copy = copy_backup(info.path, second)
        print(f"Đã chép bản sao lưu tới: {copy.path}")
    prune_backups(data_dir)
    return EXIT_OK


def _print_backups(data_dir: Path) -> int:
    from app.storage.backup.backups import list_backups
    from app.storage.paths import backups_dir

    backups = list_backups(data_dir)
    if not backups:
        print(f"Chưa có bản sao lưu nào trong “{backups_dir(data_dir)}”.")
    for info in backups:
        print(f"{info.describe()}\t{info.path}")
    return EXIT_OK


def cmd_restore(args, data_dir: Path) -> int:
    from app.storage.backup.restore import restore_backup
    from app.storage.database import open_database
    from app.storage.lock import InstanceLock

    lock = InstanceLock(data_dir)
    lock_data_dir(lock, data_dir)
    try:
        report = restore_backup(data_dir, Path(args.file).expanduser())
        open_database(data_dir).close()  # an older backup is migrated now, after its own backup
    finally:
        lock.release()
    print(report.summary())
    return EXIT_OK
