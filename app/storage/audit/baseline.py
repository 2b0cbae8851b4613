"""Baseline events: rows that were there before the trail started, or that a bulk loader inserted.

Rows come in batches of BATCH rows per event, each event listing its rows' numbers and digests, so
100,000 subjects cost 100 events rather than 100,000. Rows that already have an event are skipped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Connection, select

from app.models.enums import AuditAction
from app.rules.vntext import lower_first, vn_number
from app.storage.actor import Actor
from app.storage.audit.chain import EVENTS, NewEvent, append
from app.storage.audit.registry import REGISTRY, Audited
from app.storage.audit.rows import all_rows
from app.storage.audit.snapshot import canonical, row_digest

BATCH = 1000


def recorded_ids(conn: Connection, entry: Audited) -> set[int]:
    query = select(EVENTS.c.entity_id).where(EVENTS.c.entity == entry.entity).distinct()
    return set(conn.scalars(query))


def baseline_summary(entry: Audited, rows: list[tuple[int, str]], first: dict) -> str:
    if len(rows) == 1:
        return f"{AuditAction.BASELINE.label} {lower_first(entry.label)} {entry.name(first)}"
    return (f"{AuditAction.BASELINE.label} {vn_number(len(rows))} {lower_first(entry.label)} "
            f"(số {rows[0][0]} – {rows[-1][0]})")


def baseline_batches(conn: Connection, entry: Audited, skip: set[int]) -> Iterable[tuple[list, dict]]:
    rows, first = [], None
    for values in all_rows(conn, entry):
        record_id = entry.record_id(values)
        if record_id in skip:
            continue
        first = first or values
        rows.append((record_id, row_digest(values)))
        if len(rows) == BATCH:
            yield rows, first
            rows, first = [], None
    if rows:
        yield rows, first


def baseline_unrecorded(conn: Connection, at: dt.datetime, actor: Actor,
                        entries: Iterable[Audited] = REGISTRY) -> int:
    """Record every row of the audited tables that has no event yet; returns how many rows."""
    total = 0
    for entry in entries:
        batches = list(baseline_batches(conn, entry, recorded_ids(conn, entry)))
        append(conn, [baseline_event(entry, rows, first, at, actor) for rows, first in batches])
        total += sum(len(rows) for rows, _first in batches)
    return total


def baseline_event(entry: Audited, rows: list[tuple[int, str]], first: dict, at: dt.datetime,
                   actor: Actor, why: str = "") -> NewEvent:
    """One baseline event for a batch of rows; `why` goes before the summary ("Nâng cấp …: ")."""
    return NewEvent(at=at, actor=actor.label, user_id=actor.user_id, action=AuditAction.BASELINE,
                    entity=entry.entity, entity_id=rows[0][0],
                    summary=why + baseline_summary(entry, rows, first),
                    after_json=canonical({"rows": [list(row) for row in rows]}))
