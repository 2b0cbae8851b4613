"""Rows a migration rewrote, recorded again right after the upgrade.

A migration that adds NOT NULL columns to an audited table and fills them changes every existing row's
state (the digest covers every non-empty column), which the trail would otherwise read as an edit made
outside the app. Right after such an upgrade, the rows of those tables are recorded in baseline events
that say so: the upgrade is the app's own change, in the trail like any other.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from app.errors import ServiceError
from app.storage.actor import system_actor
from app.storage.audit.baseline import baseline_batches, baseline_event
from app.storage.audit.chain import append, read_head, utc_now
from app.storage.audit.registry import REGISTRY

# revision -> the audited tables whose existing rows that migration rewrote
REWRITTEN_BY = {
    "0008": ("award_form",),  # the council's vote rule on every award form
    "0014": ("award_record",),  # the rows decisions wrote take their round's movement
}
# table -> the condition on the rows a migration rewrote, when it rewrote only some (the others are left
# as they were recorded): a column that did not exist before can only have been filled by the migration
ONLY_ROWS = {"award_record": "movement_id IS NOT NULL"}


def rewritten_tables(before: str | None) -> set[str]:
    """The tables to record again after upgrading from `before` (None: a new database, nothing to do)."""
    if before is None:
        return set()
    return {table for revision, tables in REWRITTEN_BY.items() if before < revision for table in tables}


def _untouched(conn: Connection, table: str) -> set[int]:
    """The ids of the table's rows the migration left alone (ONLY_ROWS), recorded as they were."""
    if table not in ONLY_ROWS:
        return set()
    return set(conn.execute(text(f"SELECT id FROM {table} WHERE NOT ({ONLY_ROWS[table]})")).scalars())


def record_upgraded_rows(data_dir: Path, engine: Engine, before: str | None) -> int:
    """Baseline events for the rows the migrations after `before` rewrote; how many rows were recorded.
    Nothing when the trail has not started (its first save records every row) or cannot be written to
    (a missing key: the next save says so, as it would have anyway)."""
    from app.storage.audit.recorder import DATA_DIR, ensure_started  # the recorder imports the baseline

    tables = rewritten_tables(before)
    entries = [entry for entry in REGISTRY if entry.entity in tables]
    if not entries:
        return 0
    with Session(engine, info={DATA_DIR: data_dir}) as session, session.begin():
        conn = session.connection()
        if read_head(conn) is None:
            return 0
        try:
            ensure_started(session)
        except ServiceError:
            return 0
        at, actor = utc_now(), system_actor()
        why = f"Nâng cấp cơ sở dữ liệu (phiên bản {before} trở lên): "
        batches = [(entry, rows, first) for entry in entries
                   for rows, first in baseline_batches(conn, entry, skip=_untouched(conn, entry.entity))]
        append(conn, [baseline_event(entry, rows, first, at, actor, why) for entry, rows, first in batches])
        return sum(len(rows) for _entry, rows, _first in batches)
