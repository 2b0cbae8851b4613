"""Reading the audit trail back in tests, and editing the database the way an outside tool would."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select, text

from app.models import AuditEvent
from app.storage.database import Database


@dataclass
class Ev:
    id: int
    actor: str
    action: str
    entity: str
    entity_id: int
    summary: str
    before: dict
    after: dict


def events(db: Database, entity: str | None = None) -> list[Ev]:
    with db.read() as session:
        query = select(AuditEvent).order_by(AuditEvent.id)
        if entity is not None:
            query = query.where(AuditEvent.entity == entity)
        return [Ev(e.id, e.actor, e.action.value, e.entity, e.entity_id, e.summary,
                   json.loads(e.before_json or "{}"), json.loads(e.after_json or "{}"))
                for e in session.scalars(query)]


def outside_edit(db: Database, sql: str, **params) -> None:
    """What a database tool does: plain SQL, no app, no trail."""
    with db.engine.begin() as conn:
        conn.execute(text(sql), params)
