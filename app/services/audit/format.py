"""How the audit trail's times and values read in Vietnamese: local time, dd/mm/yyyy, labels."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, DateTime

from app.rules.vntext import vn_money, vn_short_date
from app.storage.audit.registry import Audited

EMPTY = "(trống)"
MONEY_COLUMNS = {"amount"}


def local(at: dt.datetime) -> dt.datetime:
    """A stored time (UTC, naive) on this computer's clock."""
    return (at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at).astimezone()


def moment_text(at: dt.datetime) -> str:
    """'14:05 ngày 20/11/2026', as in a sentence."""
    return local(at).strftime("%H:%M ngày %d/%m/%Y")


def short_moment(at: dt.datetime) -> str:
    """'20/11/2026 14:05', as in a table."""
    return local(at).strftime("%d/%m/%Y %H:%M")


def _enum_label(column, value: str) -> str:
    try:
        return column.type.enum_class(value).label
    except ValueError:
        return value


def display_value(entry: Audited, name: str, value: Any) -> str:
    """A value from an event's JSON as the detail view shows it."""
    if value is None or value == "":
        return EMPTY
    column = entry.table.c.get(name)
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if column is not None and getattr(column.type, "enum_class", None) is not None:
        return _enum_label(column, value)
    if column is not None and isinstance(column.type, DateTime):
        return short_moment(dt.datetime.fromisoformat(value))
    if column is not None and isinstance(column.type, Date):
        return vn_short_date(dt.date.fromisoformat(value))
    if name in MONEY_COLUMNS and isinstance(value, int):
        return vn_money(value)
    return str(value)
