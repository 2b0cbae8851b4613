"""Declarative base with a naming convention, so every constraint has a name (Alembic on SQLite)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Enum, MetaData, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.rules.vntext import SORT_KEY_LENGTH

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# The table options of an audited record with a number of its own: the audit trail files events by that
# number, so SQLite must never give a deleted record's number to a new one (AUTOINCREMENT; PostgreSQL's
# sequences never do). `__table_args__ = NEVER_REUSED`, or `(constraints…, NEVER_REUSED)`.
NEVER_REUSED = {"sqlite_autoincrement": True}


class Timestamped:
    """Creation and last-change times, set by the database."""

    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


def enum_type(enum_cls: type) -> Enum:
    """Store an enum by its value in a VARCHAR (no native enum, portable to PostgreSQL)."""
    return Enum(enum_cls, native_enum=False, length=32, values_callable=lambda e: [m.value for m in e])


def sort_key_type() -> String:
    """A sort key (app/rules/vntext.py) compares code point by code point: on PostgreSQL the column is
    COLLATE "C", as a language collation would skip the separators (SQLite compares bytes anyway)."""
    return String(SORT_KEY_LENGTH).with_variant(String(SORT_KEY_LENGTH, collation="C"), "postgresql")
