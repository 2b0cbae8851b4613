"""Recording UPDATE and DELETE statements run through `session.execute()` on audited tables.

They bypass the unit of work, so its mapper events never see them. A single statement (one set of
parameters) is recorded here: the rows it matches are read before it runs, and again after an update.
Inserts, and statements run with a list of parameter sets (a bulk loader's executemany), are left to
their caller, which records the rows it wrote with `audit_baseline.baseline_unrecorded`; a row nobody
recorded is reported by `sovang check-db`.
"""

from __future__ import annotations

from sqlalchemy import Delete, Update, select
from sqlalchemy.orm import ORMExecuteState

from app.models.enums import AuditAction
from app.storage.audit.cascade import Candidate, collect
from app.storage.audit.changes import Change
from app.storage.audit.recorder import ensure_started, record_changes
from app.storage.audit.registry import audited_table
from app.storage.audit.rows import read_rows


def record_statement(state: ORMExecuteState):
    """do_orm_execute hook: None lets the statement run as usual."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    statement = state.statement
    entry = audited_table(getattr(statement, "table", None))
    if entry is None:
        return None
    ensure_started(state.session)
    if state.is_insert or not isinstance(statement, Update | Delete) or isinstance(state.parameters, list):
        return None
    state.session.flush()  # pending rows first, as the statement itself would: they are read below
    conn = state.session.connection()
    query = select(entry.table)
    if statement.whereclause is not None:
        query = query.where(statement.whereclause)
    befores = {row[entry.key_column]: dict(row) for row in conn.execute(query, state.parameters).mappings()}
    if not befores:
        return None
    action = AuditAction.DELETE if state.is_delete else AuditAction.UPDATE
    candidates: list[Candidate] = []
    if action is AuditAction.DELETE:
        for row in befores.values():
            collect(conn, entry, row, candidates)
    result = state.invoke_statement()
    afters = read_rows(conn, entry, befores) if action is AuditAction.UPDATE else {}
    changes = [Change(entry, action, key, before, afters.get(key)) for key, before in befores.items()]
    record_changes(state.session, conn, changes, candidates)
    return result
