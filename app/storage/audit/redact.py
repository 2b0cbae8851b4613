"""Removing a person's data from the audit trail when it is erased on request, without breaking the chain.

Each event of the record keeps its time, actor, action, record number and row digests (so the check of
the data against the trail still works); its values and its summary are replaced by their SHA-256,
which is what the chain's hashes cover (audit_seal). Call it in the erasing transaction, after the
flush that recorded the erasure itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, RowMapping, select, update

from app.models.enums import AuditAction
from app.rules.vntext import lower_first
from app.storage.audit.chain import EVENTS
from app.storage.audit.registry import audited_entity
from app.storage.audit.seal import REDACTED, sha
from app.storage.audit.snapshot import canonical

REDACTED_NOTE = "nội dung đã xóa theo yêu cầu xóa dữ liệu cá nhân"
_BATCH = 500  # event ids per query (well under any database's limit on bound parameters)


def _without_values(text: str, summary: str | None) -> str:
    if not text:
        return text
    envelope = json.loads(text)
    hidden = dict(envelope.get(REDACTED, {}))
    if "values" in envelope:
        hidden["values"] = sha(canonical(envelope.pop("values")))
    if summary is not None and "summary" not in hidden:
        hidden["summary"] = sha(summary)
    envelope[REDACTED] = hidden
    return canonical(envelope)


def redacted_summary(action: AuditAction, entity: str, record_id: int) -> str:
    """What a redacted event says instead of its summary (the check holds it to exactly this)."""
    entry = audited_entity(entity)
    label = lower_first(entry.label) if entry else entity
    return f"{action.label} {label} số {record_id} ({REDACTED_NOTE})"


def is_redacted(row) -> bool:
    return any(f'"{REDACTED}":' in (row[name] or "") for name in ("before_json", "after_json"))


def redact_record(conn: Connection, entity: str, record_id: int) -> int:
    """Redact every event filed under one record's number (baselines hold no values); returns how many
    events. On a database from before schema 0007 a number may have been given to more than one record:
    redact_events then takes only the events of the person's own records."""
    query = select(EVENTS).where(EVENTS.c.entity == entity, EVENTS.c.entity_id == record_id,
                                 EVENTS.c.action != AuditAction.BASELINE)
    return _redact(conn, conn.execute(query).mappings().all())


def redact_events(conn: Connection, event_ids: Iterable[int]) -> int:
    """Redact these events (a baseline among them is left as it is); returns how many were redacted."""
    wanted = sorted(set(event_ids))
    rows: list[RowMapping] = []
    for start in range(0, len(wanted), _BATCH):
        query = select(EVENTS).where(EVENTS.c.id.in_(wanted[start:start + _BATCH]),
                                     EVENTS.c.action != AuditAction.BASELINE)
        rows += conn.execute(query).mappings().all()
    return _redact(conn, rows)


def _redact(conn: Connection, rows: Sequence[RowMapping]) -> int:
    for row in rows:
        summary = row["summary"]  # kept (as its SHA-256) in the snapshot the chain reads it from
        after_keeps = bool(row["after_json"])
        conn.execute(update(EVENTS).where(EVENTS.c.id == row["id"]).values(
            summary=redacted_summary(row["action"], row["entity"], row["entity_id"]),
            before_json=_without_values(row["before_json"], None if after_keeps else summary),
            after_json=_without_values(row["after_json"], summary if after_keeps else None),
        ))
    return len(rows)
