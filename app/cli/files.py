"""`sovang upload-files`: on a PostgreSQL server, upload the bytes of the stored files this computer added
before they were kept in the database (revision 0012); says how many were uploaded, already there and
still missing. Safe to run again, and on every computer."""

from __future__ import annotations

from collections.abc import Callable

from app.storage.database import Database

EXIT_OK = 0
EXIT_PROBLEM = 1
Printer = Callable[[str], None]


def add_files_command(commands) -> None:
    commands.add_parser(
        "upload-files", add_help=False,
        help="máy chủ PostgreSQL: tải lên các tệp lưu trữ có trên máy này mà máy chủ chưa có nội dung")


def upload_files_command(db: Database, out: Printer = print) -> int:
    from app.services.safety import upload_local_files

    report = upload_local_files(db)
    out(report.summary())
    return EXIT_PROBLEM if report.changed else EXIT_OK
