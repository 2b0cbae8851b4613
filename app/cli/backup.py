"""The backup commands: `sovang backup [--to DIR] [--list]`, `sovang restore FILE [--passphrase-stdin]`;
the location warning.

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
        from app.storage.backup.sealed import read_backup_key

        copy = copy_backup(info.path, second, read_backup_key(data_dir))  # encrypted when the setting says
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
    from app.services.safety import restore_at_start
    from app.storage.lock import InstanceLock

    backup = Path(args.file).expanduser()
    passphrase = _passphrase_for(backup, args.passphrase_stdin)
    lock = InstanceLock(data_dir)
    lock_data_dir(lock, data_dir)
    try:  # migrated when older, and erasures made since applied again
        report = restore_at_start(data_dir, backup, passphrase)
    finally:
        lock.release()
    print(report.summary())
    return EXIT_OK


def _passphrase_for(backup: Path, from_stdin: bool) -> str | None:
    """The passphrase of an encrypted backup: the first line of standard input, or asked on the terminal;
    None for a backup that is not encrypted. Checked here, before the data folder is locked."""
    from app.services.safety import check_backup_passphrase, is_encrypted_backup

    if not is_encrypted_backup(backup):
        return None
    if from_stdin:
        passphrase = read_stdin_line("--passphrase-stdin", "cụm mật khẩu")
    else:
        passphrase = ask_hidden("Cụm mật khẩu của bản sao lưu: ", "--passphrase-stdin", "cụm mật khẩu")
    check_backup_passphrase(backup, passphrase)
    return passphrase


def read_stdin_line(option: str, what: str) -> str:
    """The first line of standard input (UsageError when empty, closed or not UTF-8)."""
    from app.cli.args import UsageError

    not_utf8 = f"{option}: {what} không phải văn bản UTF-8; hãy ghi {what} ở dòng đầu, mã UTF-8."
    try:
        line = sys.stdin.readline() if sys.stdin is not None else ""
    except (UnicodeDecodeError, ValueError, OSError):
        raise UsageError(not_utf8) from None
    if any("\ud800" <= ch <= "\udfff" for ch in line):  # bytes kept by surrogateescape
        raise UsageError(not_utf8)
    if not line.strip("\r\n"):
        raise UsageError(f"{option}: đầu vào chuẩn trống, không có {what}; hãy ghi {what} ở dòng đầu.")
    return line.rstrip("\r\n")


def ask_hidden(prompt: str, option: str, what: str) -> str:
    import getpass

    from app.cli.args import UsageError

    try:
        return getpass.getpass(prompt)
    except (EOFError, UnicodeDecodeError, OSError):
        raise UsageError(f"không hỏi được {what} (không có bàn phím, đầu vào đã hết); "
                         f"dùng {option} để đọc {what} từ đầu vào chuẩn.") from None
