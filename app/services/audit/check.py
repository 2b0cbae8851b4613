"""Checking the audit trail: the hash chain, and the data against the trail (`sovang check-db`).

(a) Every event's hash is recomputed and must link to the one before, with no number missing, and the
head must name the last event. (b) Every audited row's digest must equal the digest of its latest
event; a row with no event, a row the trail says was deleted, and a recorded row that is gone without a
deletion are edits made outside the app. An update's "before" digest must also equal the digest the
trail last recorded: an outside edit later overwritten by the app is found too.

Hashes are checked as stored: from the key's `sealed_from` on, sealed with the data folder's key
(storage/audit/key.py), so a chain recomputed without the key fails. An empty trail over existing data is
a problem (a wiped trail; or a database from before the trail, which its first save records). With
`files`, each stored file's bytes are read and compared with their SHA-256; with `against`, the head kept
in a backup or a package must be a prefix of the live chain (storage/audit/anchor.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Select, func, select

from app.models import StoredFileContent
from app.models.enums import AuditAction
from app.rules.vntext import vn_number
from app.services.audit.format import moment_text
from app.storage.audit.anchor import copy_head
from app.storage.audit.chain import EVENTS, GENESIS, has_events, read_head, stored_hash
from app.storage.audit.key import KEY_FILE, TrailKey, TrailKeyError, read_key
from app.storage.audit.redact import is_redacted, redacted_summary
from app.storage.audit.registry import LATER, REGISTRY, Audited, audited_entity
from app.storage.audit.rows import all_rows
from app.storage.audit.snapshot import row_digest, typed_values
from app.storage.database import Database
from app.storage.file_store import content_digest, content_path, is_sound_name

SHOWN = 12  # lines of the report
KEPT = 200  # problems kept with their text; the others are only counted
TRAIL = "Nhật ký thay đổi"
ADVICE = ("Dữ liệu hoặc nhật ký đã bị sửa bằng công cụ khác ngoài Sổ Vàng; hãy xem lại các bản ghi trên "
          "và đối chiếu với bản sao lưu.")


@dataclass
class TrailReport:
    problems: list[str] = field(default_factory=list)
    total: int = 0  # problems found, kept or not
    events: int = 0
    records: int = 0
    started: bool = True
    waiting: int = 0  # rows of a database made before the trail, recorded at the first save
    notes: list[str] = field(default_factory=list)  # what was checked besides (files, a copy's head)

    @property
    def ok(self) -> bool:
        return self.total == 0

    def add(self, problem: str) -> None:
        self.total += 1
        if len(self.problems) < KEPT:
            self.problems.append(problem)

    def summary(self) -> str:
        """The report in Vietnamese; empty for an empty database (nothing recorded, nothing to record)."""
        if not self.started and self.ok:
            return "\n".join(self.notes)
        if self.ok:
            return "\n".join([f"{TRAIL}: {vn_number(self.events)} sự kiện, chuỗi mã băm đúng; "
                               f"{vn_number(self.records)} bản ghi khớp với nhật ký.", *self.notes])
        lines = [f"{TRAIL} có {vn_number(self.total)} chỗ không khớp:",
                 *[f"- {p}" for p in self.problems[:SHOWN]]]
        if self.total > SHOWN:
            lines.append(f"- … và {vn_number(self.total - SHOWN)} chỗ khác.")
        lines.append(ADVICE)
        return "\n".join(lines)


@dataclass(slots=True)
class Known:
    """What the trail last recorded about a record."""

    digest: str | None  # None: deleted
    event_id: int
    at: dt.datetime


def _bad_redaction(row) -> bool:
    """A redacted event's summary is not covered by its hash: it must read exactly as redaction wrote it."""
    expected = redacted_summary(row["action"], row["entity"], row["entity_id"])
    return is_redacted(row) and row["summary"] != expected


def _record_name(entry: Audited, record_id: int, values: dict | None) -> str:
    try:
        return entry.describe(typed_values(entry, values)) if values else f"{entry.label} số {record_id}"
    except (KeyError, TypeError, ValueError):
        return f"{entry.label} số {record_id}"


class _Walk:
    """One pass over the events in chain order: the chain checks, and each record's last digest."""

    def __init__(self, report: TrailReport, key: TrailKey | None) -> None:
        self.report, self.key = report, key
        self.known: dict[tuple[str, int], Known] = {}
        self.last_id, self.last_hash = 0, GENESIS
        self.unverified = 0  # events that fail without a key: sealed with a key file that is gone

    def event(self, row) -> None:
        self.report.events += 1
        self._chain(row)
        self.last_id, self.last_hash = row["id"], row["hash"]
        entry = audited_entity(row["entity"])
        if entry is not None:
            with contextlib.suppress(ValueError, KeyError, TypeError):  # unreadable JSON: the hash said so
                self._record(entry, row)

    def _chain(self, row) -> None:
        number, expected = row["id"], self.last_id + 1
        event = f"{TRAIL}: sự kiện số {number} ({moment_text(row['at'])})"
        if number != expected:
            missing = f"số {expected}" + (f" đến {number - 1}" if number - 1 > expected else "")
            self.report.add(f"{TRAIL}: thiếu sự kiện {missing} (đã bị xóa).")
        elif row["prev_hash"] != self.last_hash:
            self.report.add(f"{event} không nối tiếp sự kiện trước nó.")
        if stored_hash(row["prev_hash"], row, number, self.key) != row["hash"] or _bad_redaction(row):
            if self.key is None and not _bad_redaction(row):
                self.unverified += 1  # sealed with the key that is gone: said once (_key_gone)
                return
            self.report.add(f"{event} bị sửa ngoài ứng dụng (mã băm không khớp).")

    def _record(self, entry: Audited, row) -> None:
        action, at = AuditAction(row["action"]), row["at"]
        if action is AuditAction.BASELINE:
            for record_id, digest in json.loads(row["after_json"])["rows"]:
                self.known[(entry.entity, record_id)] = Known(digest, row["id"], at)
            return
        key = (entry.entity, row["entity_id"])
        if action is not AuditAction.CREATE:
            before = json.loads(row["before_json"])
            self._compare_before(entry, key, before, at)
        digest = json.loads(row["after_json"])["digest"] if action is not AuditAction.DELETE else None
        self.known[key] = Known(digest, row["id"], at)

    def _compare_before(self, entry: Audited, key: tuple[str, int], before: dict, at: dt.datetime) -> None:
        prior = self.known.get(key)
        if prior is not None and prior.digest is not None and prior.digest != before["digest"]:
            name = _record_name(entry, key[1], before.get("values"))
            self.report.add(f"{name} đã bị sửa ngoài ứng dụng sau lần ghi nhật ký lúc "
                            f"{moment_text(prior.at)} (trước lần sửa lúc {moment_text(at)}).")


def _walk_events(conn: Connection, report: TrailReport, key: TrailKey | None) -> _Walk:
    walk = _Walk(report, key)
    query = select(EVENTS).order_by(EVENTS.c.id).execution_options(yield_per=2000)
    for row in conn.execute(query).mappings():
        walk.event(row)
    return walk


def _key_gone(data_dir: Path, walk: _Walk, report: TrailReport) -> None:
    """Events that do not verify without a key, in a folder that has none: the key file is gone (or the
    events were forged; only the key can tell). One problem, with where a copy of the key is kept."""
    if not walk.unverified:
        return
    copy = data_dir / "backups" / KEY_FILE
    where = (f"bản lưu ở “{copy}”" if copy.is_file()
             else f"thư mục sao lưu hoặc nơi sao lưu thứ hai (tệp {KEY_FILE} nằm cạnh các bản sao lưu)")
    report.add(f"{TRAIL}: tệp khóa niêm phong {KEY_FILE} không còn trong thư mục dữ liệu “{data_dir}”, nên "
               f"không kiểm tra được {vn_number(walk.unverified)} sự kiện đã niêm phong và không ghi thêm "
               f"được nhật ký. Hãy chép lại tệp {KEY_FILE} từ {where} vào thư mục dữ liệu rồi kiểm tra lại.")


def _check_head(conn: Connection, walk: _Walk, report: TrailReport) -> None:
    head = read_head(conn)
    if head is None:
        report.add(f"{TRAIL}: thiếu đầu chuỗi (bảng audit_head) dù đã có sự kiện.")
    elif (head["last_event_id"], head["last_hash"]) != (walk.last_id, walk.last_hash):
        report.add(f"{TRAIL}: đầu chuỗi ghi sự kiện cuối là số {head['last_event_id']} nhưng nhật ký dừng ở "
                   f"số {walk.last_id}: sự kiện cuối đã bị xóa hoặc sửa.")
    elif head["event_count"] != report.events:
        report.add(f"{TRAIL}: đầu chuỗi ghi {vn_number(head['event_count'])} sự kiện nhưng nhật ký có "
                   f"{vn_number(report.events)}.")


def _check_rows(conn: Connection, entry: Audited, walk: _Walk, report: TrailReport) -> None:
    later = walk.key is None and entry in LATER  # followed since the key: recorded at the next save
    for row in all_rows(conn, entry):
        report.records += 1
        record_id = entry.record_id(row)
        known = walk.known.pop((entry.entity, record_id), None)
        if known is None and later:
            report.waiting += 1
        elif known is None:
            report.add(f"{entry.describe(row)} không có trong nhật ký: được thêm ngoài ứng dụng.")
        elif known.digest is None:
            report.add(f"{entry.describe(row)} đã bị xóa lúc {moment_text(known.at)} theo nhật ký nhưng vẫn "
                       "còn trong dữ liệu: được thêm lại ngoài ứng dụng.")
        elif known.digest != row_digest(row):
            report.add(f"{entry.describe(row)} bị sửa ngoài ứng dụng sau lần ghi nhật ký lúc "
                       f"{moment_text(known.at)}.")


def _check_vanished(conn: Connection, walk: _Walk, report: TrailReport) -> None:
    for (entity, record_id), known in walk.known.items():
        if known.digest is None:
            continue
        entry = audited_entity(entity)
        values = _event_values(conn, known.event_id) if len(report.problems) < KEPT else None
        report.add(f"{_record_name(entry, record_id, values)} bị xóa ngoài ứng dụng (nhật ký ghi lần cuối "
                   f"lúc {moment_text(known.at)}, không có lần xóa).")


def _event_values(conn: Connection, event_id: int) -> dict | None:
    text = conn.scalar(select(EVENTS.c.after_json).where(EVENTS.c.id == event_id))
    try:
        return json.loads(text).get("values") if text else None
    except ValueError:
        return None


def _waiting_rows(conn: Connection) -> int:
    return sum(conn.scalar(select(func.count()).select_from(entry.table)) or 0 for entry in REGISTRY)


def _key(db: Database, report: TrailReport) -> TrailKey | None:
    try:
        return read_key(db.data_dir)
    except TrailKeyError as exc:
        report.add(str(exc))
        return None


def _empty_trail(report: TrailReport, key: TrailKey | None) -> None:
    if not report.waiting:
        return
    rows = vn_number(report.waiting)
    if key is not None:
        report.add(f"{TRAIL} trống dù cơ sở dữ liệu có {rows} bản ghi: nhật ký đã bị xóa ngoài ứng dụng.")
    else:
        report.add(f"{TRAIL} trống dù cơ sở dữ liệu có {rows} bản ghi: nhật ký đã bị xóa ngoài ứng dụng, "
                   "hoặc dữ liệu có từ phiên bản Sổ Vàng chưa có nhật ký (khi đó lần lưu đầu tiên sẽ ghi "
                   "nhận ban đầu các bản ghi này).")


def _files_query(shared: bool) -> Select:
    """The stored files; on a shared server with the SHA-256 of their bytes in the database, computed by
    the server (None when the database has none: a file stored before revision 0012)."""
    table = REGISTRY_FILES.table
    query = select(table.c.id, table.c.sha256, table.c.suffix, table.c.original_name)
    if shared:
        content = StoredFileContent.__table__
        kept = func.encode(func.sha256(content.c.content), "hex").label("kept_digest")
        query = query.add_columns(kept).outerjoin(content, content.c.digest == table.c.sha256)
    return query.order_by(table.c.id)


def _check_files(conn: Connection, data_dir: Path, report: TrailReport, shared: bool) -> None:
    """Each stored file's bytes against the SHA-256 its row records: in the database on a shared server,
    in files/ on SQLite. On a shared server a file stored before its bytes went into the database is in
    the data folder of the computer that added it: missing here is then only counted."""
    count, elsewhere = 0, 0
    for row in conn.execute(_files_query(shared)):
        count += 1
        name = f"Tệp lưu trữ số {row.id} (“{row.original_name}”)"
        if not is_sound_name(row.sha256, row.suffix):
            report.add(f"{name}: mã nội dung hoặc đuôi tệp không hợp lệ, bị sửa ngoài ứng dụng.")
            continue
        if shared and row.kept_digest is not None:  # the bytes in the database (PostgreSQL)
            if row.kept_digest != row.sha256:
                report.add(f"{name}: nội dung tệp trong cơ sở dữ liệu đã bị sửa (mã SHA-256 không khớp).")
            continue
        path = content_path(data_dir, row.sha256, row.suffix)
        try:
            digest = content_digest(path)
        except FileNotFoundError:
            if shared:
                elsewhere += 1
            else:
                report.add(f"{name}: không còn trong thư mục files/ ({path.name}).")
            continue
        except OSError as exc:
            report.add(f"{name}: không đọc được ({exc.strerror or exc}).")
            continue
        if digest != row.sha256:
            report.add(f"{name}: nội dung tệp đã bị sửa (mã SHA-256 không khớp).")
    if count > elsewhere:
        report.notes.append(f"Đã đọc lại {vn_number(count - elsewhere)} tệp lưu trữ và đối chiếu mã SHA-256.")
    if elsewhere:
        report.notes.append(f"{vn_number(elsewhere)} tệp lưu trữ không có trên máy này (do máy khác thêm); "
                            "chạy “sovang upload-files” trên máy đã thêm để đưa nội dung lên máy chủ.")


def _check_against(conn: Connection, copy: Path, report: TrailReport) -> None:
    """The head kept in a backup or a package must be a prefix of the live chain."""
    head, name = copy_head(copy), f"“{copy.name}”"
    if head.events == 0:
        report.notes.append(f"Bản sao {name} chưa có nhật ký thay đổi: không có gì để đối chiếu.")
        return
    live = conn.execute(select(EVENTS.c.hash).where(EVENTS.c.id == head.last_event_id)).first()
    if live is None:
        report.add(f"{TRAIL} không có sự kiện số {head.last_event_id} mà bản sao {name} có: các sự kiện "
                   "cuối đã bị xóa (hoặc dữ liệu đã được khôi phục từ một bản sao cũ hơn).")
    elif live.hash != head.last_hash:
        report.add(f"{TRAIL}: sự kiện số {head.last_event_id} khác với bản sao {name}: nhật ký đã bị viết "
                   "lại từ sau khi sao lưu.")
    else:
        report.notes.append(f"Khớp với bản sao {name}: {vn_number(head.events)} sự kiện đầu của nhật ký "
                            "giống hệt.")


def check_audit_trail(db: Database, files: bool = False, against: Path | None = None) -> TrailReport:
    """The chain and the data against it; with `files`, the stored files' bytes; with `against`, the head
    kept in a backup or a package (ServiceError when that file cannot be read)."""
    report = TrailReport()
    key = _key(db, report)
    with db.read() as session:
        conn = session.connection()
        if against is not None:
            _check_against(conn, against, report)
        if files:
            _check_files(conn, db.data_dir, report, shared=not db.is_sqlite)
        if read_head(conn) is None and not has_events(conn):
            report.started, report.waiting = False, _waiting_rows(conn)
            _empty_trail(report, key)
            return report
        if key is None:
            report.notes.append(f"{TRAIL} chưa được niêm phong (thư mục dữ liệu không có tệp {KEY_FILE}): "
                                "nhật ký lập bởi phiên bản trước được niêm phong từ lần lưu tới.")
        walk = _walk_events(conn, report, key)
        _key_gone(db.data_dir, walk, report)
        _check_head(conn, walk, report)
        for entry in REGISTRY:
            _check_rows(conn, entry, walk, report)
        _check_vanished(conn, walk, report)
    return report


REGISTRY_FILES = next(entry for entry in REGISTRY if entry.entity == "stored_file")
