"""The audit recorder: every insert, update and delete of an audited record becomes a chained event,
written in the same transaction as the change.

Installed on the Database's session factory. The unit of work is followed through mapper events (they
fire for each row actually written, cascades included): an update or delete reads the row as it is
before the statement; after the flush, inserted and updated rows are read back whole (server defaults
and all), and the events are appended to the chain. Statements run with `session.execute(update(…))`
or `delete(…)` are recorded by audit_statements; rows inserted in bulk are recorded by the loader
(see audit_baseline). The trail starts at the first write: rows already there (a database made before
the trail existed) are recorded then as a baseline.

The data folder's key (audit_key) is read at the start of each transaction that writes and put on the
connection for the chain; it is made there when missing: on a fresh database, or on a trail made by an
older version (sealed from its next event on; the records the trail did not follow then, stored files,
are recorded as a baseline). An empty trail over existing data in a folder that has its key is a wiped
trail: the write is refused (TrailWipedError) rather than baselining the data as found, which would
launder whatever was edited with it. Only a folder without a key (a database from before the trail) is
baselined.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, event, func, inspect, select
from sqlalchemy.orm import Mapper, Session, object_session, sessionmaker

from app.errors import ServiceError
from app.models.base import Base
from app.models.enums import AuditAction
from app.storage.actor import system_actor
from app.storage.audit.baseline import baseline_unrecorded
from app.storage.audit.cascade import Candidate, collect, resolve
from app.storage.audit.chain import (
    EVENTS,
    KEY_INFO,
    append,
    event_hash,
    has_events,
    read_head,
    start_chain,
    utc_now,
)
from app.storage.audit.changes import Change, Stamp, event_for
from app.storage.audit.registry import LATER, REGISTRY, Audited, audited_for
from app.storage.audit.rows import read_row, read_rows

if TYPE_CHECKING:
    from app.storage.audit.key import TrailKey

PENDING = "audit.pending"  # session.info: the changes of the flush in progress
CASCADES = "audit.cascades"  # session.info: rows the database may change by itself in this flush
STARTED = "audit.started"  # session.info: the trail has a head (checked once per transaction)
STAMP = "audit.stamp"  # session.info: a Stamp replacing (now, the session's actor), e.g. for the demo
DATA_DIR = "audit.data_dir"  # session.info: the data folder, where the trail's key lives
REASON = "audit.reason"  # session.info: why the transaction changed what it did (said after each summary)
WIPED = ("Nhật ký thay đổi trống dù cơ sở dữ liệu đã có {rows} bản ghi: nhật ký đã bị xóa ngoài ứng dụng. "
         "Sổ Vàng không ghi gì thêm để khỏi che dấu việc này. Hãy chạy “sovang check-db” và khôi phục "
         "từ một bản sao lưu tốt.")
FOREIGN_SEAL = ("Nhật ký thay đổi đã được niêm phong bằng một khóa không có trong thư mục dữ liệu này "
                "(thiếu tệp {file}). Hãy chép tệp khóa từ máy đã lập nhật ký vào thư mục dữ liệu, hoặc "
                "khôi phục từ một bản sao lưu tốt; Sổ Vàng không ghi gì thêm cho đến khi đó.")


class TrailWipedError(ServiceError):
    """The trail is empty (or sealed with a key that is gone) over data it should have recorded."""

_mapper_events_installed = False


def install_audit_recorder(sessions: sessionmaker, data_dir: Path | None = None) -> None:
    from app.storage.audit.statements import record_statement

    if data_dir is not None:  # every session of the factory knows where the key is
        sessions.kw["info"] = {**sessions.kw.get("info", {}), DATA_DIR: data_dir}
    _install_mapper_events()
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", record_statement)
    event.listen(sessions, "after_soft_rollback", lambda session, _previous: session.info.pop(STARTED, None))


def _install_mapper_events() -> None:
    global _mapper_events_installed
    if _mapper_events_installed:
        return
    event.listen(Base, "after_insert", _after_insert, propagate=True)
    event.listen(Base, "before_update", _before_update, propagate=True)
    event.listen(Base, "before_delete", _before_delete, propagate=True)
    _mapper_events_installed = True


# The trail's start ------------------------------------------------------------------------------------

def ensure_started(session: Session) -> None:
    """Make sure the chain has its head before anything is written (once per transaction)."""
    if session.info.get(STARTED):
        return
    from app.storage.audit.key import read_key  # at the first write, not at start-up

    conn = session.connection()
    data_dir: Path | None = session.info.get(DATA_DIR)
    key = read_key(data_dir) if data_dir is not None else None
    at, actor = utc_now(), session.info.get("actor") or system_actor()
    baseline: tuple[Audited, ...] = ()
    head = read_head(conn)
    if head is None:
        fresh = not has_events(conn)
        if fresh and key is not None and (rows := _audited_rows(conn)):
            raise TrailWipedError(WIPED.format(rows=rows))
        start_chain(conn)
        head = read_head(conn)
        if fresh:  # rows from before the trail (schema 0003 or older): their state as found
            baseline = REGISTRY
    if data_dir is not None:
        key, added = _key_for(conn, data_dir, key, head)
        baseline = baseline or added
    conn.info[KEY_INFO] = key
    if baseline:
        baseline_unrecorded(conn, at, actor, baseline)
    session.info[STARTED] = True


def _audited_rows(conn: Connection) -> int:
    return sum(conn.scalar(select(func.count()).select_from(entry.table)) or 0 for entry in REGISTRY)


def _key_for(conn: Connection, data_dir: Path, key: TrailKey | None,
             head) -> tuple[TrailKey, tuple[Audited, ...]]:
    """The folder's key, made when missing; and the entries to baseline then (followed since the key)."""
    from app.storage.audit.key import KEY_FILE, TrailKey, TrailKeyError, new_key, write_key

    following = head["last_event_id"] + 1
    if key is None:
        if not _last_event_is_plain(conn, head):
            raise TrailKeyError(FOREIGN_SEAL.format(file=data_dir / KEY_FILE))
        return new_key(data_dir, following), (LATER if head["last_event_id"] else ())
    if key.sealed_from > following:  # a database restored from before the key: seal from here on
        key = TrailKey(key.secret, following)
        write_key(data_dir, key)
    return key, ()


def _last_event_is_plain(conn: Connection, head) -> bool:
    """An older trail's last event carries its plain chained hash; a sealed one does not."""
    if not head["last_event_id"]:
        return True
    row = conn.execute(select(EVENTS).where(EVENTS.c.id == head["last_event_id"])).mappings().first()
    return row is not None and event_hash(row["prev_hash"], dict(row)) == row["hash"]


# Session events ---------------------------------------------------------------------------------------

def _before_flush(session: Session, _context, _instances) -> None:
    if not (session.new or session.dirty or session.deleted):
        return
    ensure_started(session)
    session.info[PENDING] = []
    session.info[CASCADES] = []


def _after_flush(session: Session, _context) -> None:
    changes: list[Change] = session.info.pop(PENDING, None) or []
    candidates: list[Candidate] = session.info.pop(CASCADES, None) or []
    if changes or candidates:
        record_changes(session, session.connection(), changes, candidates)


def record_changes(session: Session, conn: Connection, changes: list[Change],
                   candidates: list[Candidate] | None = None) -> None:
    """Read what the changes left, add what the database did by itself, append the events."""
    _read_after(conn, changes)
    recorded = {(c.entry.entity, c.key) for c in changes}
    changes = [c for c in changes if c.values is not None] + resolve(conn, candidates or [], recorded)
    reason = session.info.get(REASON, "")
    for change in changes:
        change.because = change.because or reason
    stamp = _stamp(session)
    events = [event_for(change, *stamp(change)) for change in changes]
    append(conn, [e for e in events if e is not None])


def _read_after(conn: Connection, changes: list[Change]) -> None:
    waiting: dict[str, list[Change]] = {}
    for change in changes:
        if change.action is not AuditAction.DELETE and change.after is None:
            waiting.setdefault(change.entry.entity, []).append(change)
    for group in waiting.values():
        rows = read_rows(conn, group[0].entry, [c.key for c in group])
        for change in group:
            change.after = rows.get(change.key)


def _stamp(session: Session) -> Stamp:
    custom: Stamp | None = session.info.get(STAMP)
    if custom is not None:
        return custom
    at, actor = utc_now(), session.info.get("actor") or system_actor()
    return lambda _change: (at, actor)


# Mapper events (one call per row written) ----------------------------------------------------------------

def _pending(target: Any) -> list[Change] | None:
    session = object_session(target)
    return None if session is None else session.info.get(PENDING)


def _after_insert(mapper: Mapper, _conn: Connection, target: Any) -> None:
    entry, pending = audited_for(mapper.class_), _pending(target)
    if entry is not None and pending is not None:
        key = mapper.primary_key_from_instance(target)[0]
        pending.append(Change(entry, AuditAction.CREATE, key, target=target))


def _before_update(mapper: Mapper, conn: Connection, target: Any) -> None:
    entry, pending = audited_for(mapper.class_), _pending(target)
    if entry is None or pending is None or not _columns_changed(mapper, target):
        return
    key = inspect(target).identity[0]
    before = read_row(conn, entry, key)
    if before is not None:  # else the UPDATE finds no row and the flush fails
        pending.append(Change(entry, AuditAction.UPDATE, key, before=before, target=target))


def _before_delete(mapper: Mapper, conn: Connection, target: Any) -> None:
    entry, pending = audited_for(mapper.class_), _pending(target)
    if entry is None or pending is None:
        return
    key = inspect(target).identity[0]
    before = read_row(conn, entry, key)
    if before is not None:
        pending.append(Change(entry, AuditAction.DELETE, key, before=before, target=target))
        collect(conn, entry, before, object_session(target).info[CASCADES])


def _columns_changed(mapper: Mapper, target: Any) -> bool:
    state = inspect(target)
    return any(state.attrs[prop.key].history.has_changes() for prop in mapper.column_attrs)
