"""Reading audited rows whole, as the digest sees them, a few hundred keys per query."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, select

from app.storage.audit.registry import Audited

CHUNK = 500  # keys per IN (...): well under every database's limit on bound parameters


def read_row(conn: Connection, entry: Audited, key: Any) -> dict | None:
    column = entry.table.c[entry.key_column]
    row = conn.execute(select(entry.table).where(column == key)).mappings().first()
    return dict(row) if row is not None else None


def read_rows(conn: Connection, entry: Audited, keys: Iterable[Any]) -> dict[Any, dict]:
    """The rows with these keys, by key; keys with no row are left out."""
    column = entry.table.c[entry.key_column]
    wanted = list(dict.fromkeys(keys))
    found: dict[Any, dict] = {}
    for start in range(0, len(wanted), CHUNK):
        query = select(entry.table).where(column.in_(wanted[start:start + CHUNK]))
        for row in conn.execute(query).mappings():
            found[row[entry.key_column]] = dict(row)
    return found


def all_rows(conn: Connection, entry: Audited, batch: int = 2000) -> Iterator[dict]:
    """Every row of the table in key order, streamed."""
    column = entry.table.c[entry.key_column]
    result = conn.execute(select(entry.table).order_by(column).execution_options(yield_per=batch))
    names = list(result.keys())
    for row in result:
        yield dict(zip(names, row, strict=True))
