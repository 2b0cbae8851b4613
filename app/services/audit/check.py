"""Checking the audit trail: the hash chain, and the data against the trail (`sovang check-db`).

(a) Every event's hash is recomputed and must link to the one before, with no number missing, and the
head must name the last event. (b) Every audited row's digest must equal the digest of its latest
event; a row with no event, a row the trail says was deleted, and a recorded row that is gone without a
deletion are edits made outside the app. An update's "before" digest must also equal the digest the
trail last recorded: an outside edit later overwritten by the app is found too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select

from app.models.enums import AuditAction
from app.rules.vntext import vn_number
from app.services.audit.format import moment_text
from app.storage.audit.chain import EVENTS, GENESIS, event_hash, has_events, read_head
from app.storage.audit.redact import is_redacted, redacted_summary
from app.storage.audit.registry import REGISTRY, Audited, audited_entity
from app.storage.audit.rows import all_rows
from app.storage.audit.snapshot import row_digest, typed_values
from app.storage.database import Database

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

    @property
    def ok(self) -> bool:
        return self.total == 0

    def add(self, problem: str) -> None:
        self.total += 1
        if len(self.problems) < KEPT:
            self.problems.append(problem)

    def summary(self) -> str:
        """The report in Vietnamese; empty for an empty database (nothing recorded, nothing to record)."""
        if not self.started:
            if not self.waiting:
                return ""
            return (f"{TRAIL} chưa bắt đầu: {vn_number(self.waiting)} bản ghi có từ trước sẽ được ghi nhận "
                    "ban đầu ở lần lưu đầu tiên.")
        if self.ok:
            return (f"{TRAIL}: {vn_number(self.events)} sự kiện, chuỗi mã băm đúng; "
                    f"{vn_number(self.records)} bản ghi khớp với nhật ký.")
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

    def __init__(self, report: TrailReport) -> None:
        self.report = report
        self.known: dict[tuple[str, int], Known] = {}
        self.last_id, self.last_hash = 0, GENESIS

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
        if event_hash(row["prev_hash"], row) != row["hash"] or _bad_redaction(row):
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


def _walk_events(conn: Connection, report: TrailReport) -> _Walk:
    walk = _Walk(report)
    query = select(EVENTS).order_by(EVENTS.c.id).execution_options(yield_per=2000)
    for row in conn.execute(query).mappings():
        walk.event(row)
    return walk


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
    for row in all_rows(conn, entry):
        report.records += 1
        record_id = entry.record_id(row)
        known = walk.known.pop((entry.entity, record_id), None)
        if known is None:
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


def check_audit_trail(db: Database) -> TrailReport:
    report = TrailReport()
    with db.read() as session:
        conn = session.connection()
        if read_head(conn) is None and not has_events(conn):
            report.started, report.waiting = False, _waiting_rows(conn)
            return report
        walk = _walk_events(conn, report)
        _check_head(conn, walk, report)
        for entry in REGISTRY:
            _check_rows(conn, entry, walk, report)
        _check_vanished(conn, walk, report)
    return report
