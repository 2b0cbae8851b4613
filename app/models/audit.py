"""The audit trail: one row per create, change or delete, chained by SHA-256 hashes.

Each event's hash covers the previous event's hash and the event's own fields, so an edit made
outside the app (to an event, or to a record without its event) is found by `sovang check-db`.
`AuditHead` is a single row holding the chain's last hash: updating it in the same transaction as
the event serialises concurrent writers on PostgreSQL (a row lock) as SQLite's write lock does.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, enum_type
from app.models.enums import AuditAction


class AuditEvent(Base):
    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_entity", "entity", "entity_id"),
        Index("ix_audit_event_at", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(200))  # "username (full name)" or the system account
    user_id: Mapped[int | None] = mapped_column(Integer)  # no foreign key: events outlive accounts
    action: Mapped[AuditAction] = mapped_column(enum_type(AuditAction))
    entity: Mapped[str] = mapped_column(String(50))  # the table name
    entity_id: Mapped[int] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")  # a Vietnamese line for the audit page
    before_json: Mapped[str] = mapped_column(Text, default="")
    after_json: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditHead(Base):
    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    last_event_id: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
    event_count: Mapped[int] = mapped_column(Integer, default=0)
