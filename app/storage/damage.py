"""Recognising a damaged SQLite file cheaply, and setting it aside without ever overwriting it.

At start the app only reads the file's 100-byte header (the magic string and a valid page size) and
watches the first query for SQLite's "not a database" and "disk image is malformed" errors: both are
free when the file is sound. Damage deeper in the file is found by quick_check on close and by
`sovang check-db`, not at every start (quick_check on 100,000 subjects takes a noticeable fraction
of a second).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26
SIDE_FILES = ("-wal", "-shm")


def header_is_damaged(path: Path) -> bool:
    """True when the file exists, is not empty and its header is not a SQLite header."""
    try:
        with open(path, "rb") as stream:
            header = stream.read(HEADER_SIZE)
    except FileNotFoundError:
        return False
    if not header:
        return False  # an empty file is an empty database to SQLite (a crash before the first write)
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        return True
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    return not (512 <= page_size <= 65536 and page_size & (page_size - 1) == 0)


def is_damage_error(exc: BaseException) -> bool:
    """True for SQLite's SQLITE_CORRUPT and SQLITE_NOTADB, raw or wrapped by SQLAlchemy."""
    original = getattr(exc, "orig", exc)
    code = getattr(original, "sqlite_errorcode", None)
    return isinstance(original, sqlite3.DatabaseError) and code is not None and code & 0xFF in (
        SQLITE_CORRUPT, SQLITE_NOTADB)


def set_aside(db_file: Path, now: dt.datetime | None = None) -> Path:
    """Move a damaged database (with its -wal and -shm) to `NAME.hong-YYYYMMDD-HHMMSS`; return the new path.

    The new name is always a free one, so nothing is overwritten; the -wal keeps the name SQLite
    looks for next to the set-aside file, so a recovery tool opening it still sees the last saves.
    """
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = _free_name(db_file.with_name(f"{db_file.name}.hong-{stamp}"))
    os.rename(db_file, target)
    for suffix in SIDE_FILES:
        side = db_file.with_name(db_file.name + suffix)
        if side.exists():
            os.rename(side, target.with_name(target.name + suffix))
    return target


def _free_name(wanted: Path) -> Path:
    candidate, serial = wanted, 1
    while any(candidate.with_name(candidate.name + s).exists() for s in ("", *SIDE_FILES)):
        serial += 1
        candidate = wanted.with_name(f"{wanted.name}-{serial}")
    return candidate
