"""Rows inserted with their ids chosen by the caller (the demo's bulk loader): the id sequence follows.

SQLite gives a new row max(id) + 1 anyway; PostgreSQL takes ids from a sequence that explicit ids do
not move, so the next row saved normally would collide with one of them.
"""

from __future__ import annotations

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session


def follow_explicit_ids(session: Session, table: Table) -> None:
    """Set the table's id sequence past the largest id, on PostgreSQL (nothing to do on SQLite)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    sequence = func.pg_get_serial_sequence(table.name, "id")
    largest = select(func.max(table.c.id)).scalar_subquery()
    # setval(seq, n, is_called): with is_called false the next value is n itself (1 in an empty table).
    session.execute(select(func.setval(sequence, func.coalesce(largest + 1, 1), False)))
