"""What the database changes by itself when a row is deleted (ON DELETE CASCADE / SET NULL).

Those rows change without any ORM event: a collective's members lose their collective_id, a criterion's
judgements go with it. Before the delete, the rows that point at the deleted one are read; after it,
each one that is gone or changed and that the ORM did not record itself is recorded as the database's
doing ("khi xóa …").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Connection, select

from app.models.enums import AuditAction
from app.rules.vntext import lower_first
from app.storage.audit.changes import Change
from app.storage.audit.registry import REGISTRY, Audited
from app.storage.audit.rows import read_rows
from app.storage.audit.snapshot import row_digest

ON_DELETE = ("CASCADE", "SET NULL")
MAX_DEPTH = 4


@dataclass(frozen=True)
class Dependent:
    entry: Audited
    column: str  # the referring column
    cascade: bool  # True: the row goes too; False: the column is set to NULL


@dataclass
class Candidate:
    entry: Audited
    key: Any
    before: Mapping[str, Any]
    because: str


@cache
def dependents(table_name: str) -> tuple[Dependent, ...]:
    """Audited tables whose rows the database changes when a row of `table_name` is deleted."""
    found = []
    for entry in REGISTRY:
        for fk in entry.table.foreign_keys:
            ondelete = (fk.ondelete or "").upper()
            if fk.column.table.name == table_name and ondelete in ON_DELETE:
                found.append(Dependent(entry, fk.parent.name, ondelete == "CASCADE"))
    return tuple(found)


def collect(conn: Connection, entry: Audited, row: Mapping[str, Any], into: list[Candidate],
            depth: int = 0) -> None:
    """Read the rows the database will change when `row` is deleted (and theirs, for cascades)."""
    if depth >= MAX_DEPTH:
        return
    because = f"khi xóa {lower_first(entry.label)} {entry.name(row)}"
    key = row[entry.key_column]
    for dep in dependents(entry.entity):
        column = dep.entry.table.c[dep.column]
        for found in conn.execute(select(dep.entry.table).where(column == key)).mappings():
            found = dict(found)
            into.append(Candidate(dep.entry, found[dep.entry.key_column], found, because))
            if dep.cascade:
                collect(conn, dep.entry, found, into, depth + 1)


def resolve(conn: Connection, candidates: list[Candidate], recorded: set[tuple[str, Any]]) -> list[Change]:
    """The changes the database made to the candidates, leaving out rows already recorded."""
    changes: list[Change] = []
    by_entry: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        if (candidate.entry.entity, candidate.key) not in recorded:
            recorded.add((candidate.entry.entity, candidate.key))
            by_entry.setdefault(candidate.entry.entity, []).append(candidate)
    for group in by_entry.values():
        now = read_rows(conn, group[0].entry, [c.key for c in group])
        for c in group:
            after = now.get(c.key)
            if after is None:
                changes.append(Change(c.entry, AuditAction.DELETE, c.key, before=c.before, because=c.because))
            elif row_digest(after) != row_digest(c.before):
                changes.append(Change(c.entry, AuditAction.UPDATE, c.key, c.before, after, because=c.because))
    return changes
