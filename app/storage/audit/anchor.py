"""The chain's head kept outside the database: in each backup, and in upload packages.

A backup is a whole copy of the database written atomically (backup/file.py: a temporary file, verified,
renamed), so its own `audit_head` row is the head of the trail at the moment of the copy, in a file that
the live database never writes again; `copy_head` reads it back. An upload package (the exchange
feature) carries `trail_head(conn).as_json()` under "trail_head" in its metadata, and the same head in
its bag-info.txt (Sovang-Trail-Events, -Last-Event-Id, -Last-Hash), read from the zip itself; a JSON file
with that key (or with the head's fields at its top level) is read the same way.

`sovang check-db --against FILE` then asks whether the copy's head is a prefix of the live chain: the live
event with the copy's last number must have the copy's hash. A trail rewritten, shortened, or wiped since
the copy left the laptop fails, even when it was resealed with the key.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

from app.errors import ServiceError
from app.storage.audit.chain import TrailHead

SQLITE_MAGIC = b"SQLite format 3\x00"
ZIP_MAGIC = b"PK\x03\x04"
BAG_INFO = "bag-info.txt"
HEAD_KEY = "trail_head"


def _from_sqlite(path: Path) -> TrailHead:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        query = "SELECT event_count, last_event_id, last_hash FROM audit_head WHERE id = 1"
        row = conn.execute(query).fetchone()
    finally:
        conn.close()
    return TrailHead(0, 0, "") if row is None else TrailHead(int(row[0]), int(row[1]), str(row[2]))


def _from_json(path: Path) -> TrailHead:
    raw = json.loads(path.read_text(encoding="utf-8"))
    head = raw.get(HEAD_KEY, raw)
    return TrailHead(int(head["events"]), int(head["last_event_id"]), str(head["last_hash"]))


def _from_zip(path: Path) -> TrailHead:
    """An upload package (a BagIt bag in a zip): the head its bag-info.txt records."""
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.count("/") == 1 and n.endswith("/" + BAG_INFO))
        text = archive.read(name).decode("utf-8")
    fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
    values = {key.strip(): value.strip() for key, value in fields.items()}
    return TrailHead(int(values["Sovang-Trail-Events"]), int(values["Sovang-Trail-Last-Event-Id"]),
                     values["Sovang-Trail-Last-Hash"])


def copy_head(path: Path) -> TrailHead:
    """The trail's head recorded in a backup (.sqlite3) or a package's metadata (JSON)."""
    name = f"“{path}”"
    try:
        with path.open("rb") as stream:
            magic = stream.read(len(SQLITE_MAGIC))
        if magic == SQLITE_MAGIC:
            return _from_sqlite(path)
        return _from_zip(path) if magic.startswith(ZIP_MAGIC) else _from_json(path)
    except FileNotFoundError as exc:
        raise ServiceError(f"Không có tệp {name} để đối chiếu nhật ký.") from exc
    except sqlite3.DatabaseError as exc:
        raise ServiceError(f"Tệp {name} không phải bản sao lưu có nhật ký thay đổi ({exc}).") from exc
    except (OSError, ValueError, KeyError, TypeError, AttributeError, StopIteration,
            zipfile.BadZipFile) as exc:
        raise ServiceError(f"Không đọc được đầu chuỗi nhật ký trong tệp {name} ({exc}).") from exc


def head_json(head: TrailHead) -> str:
    """The head as an upload package's metadata holds it."""
    return json.dumps({HEAD_KEY: head.as_json()}, ensure_ascii=False)
