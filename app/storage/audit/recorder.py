"""The audit recorder: every insert, update and delete of an audited record becomes a chained event,
written in the same transaction as the change.

Installed on the Database's session factory. The unit of work is followed through mapper events (they
fire for each row actually written, cascades included): an update or delete reads the row as it is
before the statement; after the flush, inserted and updated rows are read back whole (server defaults
and all), and the events are appended to the chain. Statements run with `session.execute(update(…))`
or `delete(…)` are recorded by audit_statements; rows inserted in bulk are recorded by the loader
(see audit_baseline). The trail starts at the first write: rows already there (a database made before
the trail existed) are recorded then as a baseline.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, event, inspect
from sqlalchemy.orm import Mapper, Session, object_session, sessionmaker

from app.models.base import Base
from app.models.enums import AuditAction
from app.storage.actor import system_actor
from app.storage.audit.baseline import baseline_unrecorded
from app.storage.audit.cascade import Candidate, collect, resolve
from app.storage.audit.chain import append, has_events, read_head, start_chain, utc_now
from app.storage.audit.changes import Change, Stamp, event_for
from app.storage.audit.registry import audited_for
from app.storage.audit.rows import read_row, read_rows

PENDING = "audit.pending"  # session.info: the changes of the flush in progress
CASCADES = "audit.cascades"  # session.info: rows the database may change by itself in this flush
STARTED = "audit.started"  # session.info: the trail has a head (checked once per transaction)
STAMP = "audit.stamp"  # session.info: a Stamp replacing (now, the session's actor), e.g. for the demo

_mapper_events_installed = False


def install_audit_recorder(sessions: sessionmaker) -> None:
    from app.storage.audit.statements import record_statement

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
    conn = session.connection()
    if read_head(conn) is None:
        fresh = not has_events(conn)
        start_chain(conn)
        if fresh:  # rows from before the trail (schema 0003 or older): their state as found
            at, actor = utc_now(), session.info.get("actor") or system_actor()
            baseline_unrecorded(conn, at, actor)
    session.info[STARTED] = True


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
