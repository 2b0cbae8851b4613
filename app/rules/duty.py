"""The quarterly introduction duty: quarters, deadlines, the bloc rota and each unit's status.

Each unit introduces at least one exemplar with an achievement summary per quarter, by a day of the
quarter's last month (a setting, 5 by default). Blocs take turns by quarter. Pure functions, no database.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from typing import TypeVar

from app.models.enums import LabelledEnum
from app.rules.vntext import vn_short_date

DUE_SOON_DAYS = 14
QUARTERS = (1, 2, 3, 4)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

T = TypeVar("T")


class RotaMode(LabelledEnum):
    """Who owes an exemplar in a quarter (the value is the stored setting)."""

    ALL_UNITS = ("all_units", "Mọi đơn vị, mỗi quý")
    BLOC_ON_TURN = ("bloc_on_turn", "Chỉ các đơn vị của khối trực quý")


class DutyStatus(LabelledEnum):
    """A unit's standing for one quarter."""

    DONE = ("done", "Đã giới thiệu")
    LATE = ("late", "Giới thiệu muộn")
    OVERDUE = ("overdue", "Quá hạn")
    DUE_SOON = ("due_soon", "Sắp đến hạn")
    NOT_YET_DUE = ("not_yet_due", "Chưa đến hạn")

    @property
    def introduced(self) -> bool:
        return self in (DutyStatus.DONE, DutyStatus.LATE)


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of a quarter."""
    last_month = quarter * 3
    first = dt.date(year, last_month - 2, 1)
    return first, dt.date(year, last_month, calendar.monthrange(year, last_month)[1])


def quarter_deadline(year: int, quarter: int, day: int) -> dt.date:
    """The deadline: the day-th of the quarter's last month (March, June, September, December).

    The day is clamped to the month (1 … its length). The deadline is inclusive: an exemplar
    introduced on that very day is on time, one introduced the day after is late.
    """
    month = quarter * 3
    length = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(max(day, 1), length))


def rota_index(year: int, quarter: int, bloc_count: int) -> int | None:
    """Index of the bloc on turn in the rota (blocs ordered by rota_order, then name); None if no blocs."""
    if bloc_count <= 0:
        return None
    return (year * 4 + quarter - 1) % bloc_count


def bloc_on_turn(year: int, quarter: int, rota: Sequence[T]) -> T | None:
    """The bloc whose turn it is, from blocs already in rota order."""
    index = rota_index(year, quarter, len(rota))
    return None if index is None else rota[index]


def counts_for_duty(achievements: str | None) -> bool:
    """An exemplar counts only with an achievement summary (white space alone does not)."""
    return bool(achievements and achievements.strip())


def classify(first_introduced: dt.date | None, deadline: dt.date, today: dt.date) -> DutyStatus:
    """Status of a unit for a quarter, from the date of its first counting exemplar (None: none yet).

    Deadline inclusive; "due soon" while at most DUE_SOON_DAYS days are left (the deadline day included).
    """
    if first_introduced is not None:
        return DutyStatus.DONE if first_introduced <= deadline else DutyStatus.LATE
    left = (deadline - today).days
    if left < 0:
        return DutyStatus.OVERDUE
    return DutyStatus.DUE_SOON if left <= DUE_SOON_DAYS else DutyStatus.NOT_YET_DUE


def roman_quarter(quarter: int | None) -> str:
    """'III' for the third quarter; '' when there is none."""
    return ROMAN.get(quarter or 0, "")


def quarter_label(year: int, quarter: int) -> str:
    """'Quý IV/2026'."""
    return f"Quý {ROMAN[quarter]}/{year}"


def days_phrase(days_left: int) -> str:
    """'còn 14 ngày', 'hôm nay là hạn cuối', 'quá hạn 3 ngày'."""
    if days_left > 0:
        return f"còn {days_left} ngày"
    if days_left == 0:
        return "hôm nay là hạn cuối"
    return f"quá hạn {-days_left} ngày"


def deadline_phrase(deadline: dt.date, today: dt.date) -> str:
    """'hạn ngày 05/12/2026, còn 14 ngày' (or 'hôm nay là hạn cuối', 'đã qua hạn 3 ngày')."""
    left = (deadline - today).days
    tail = days_phrase(left) if left >= 0 else f"đã qua hạn {-left} ngày"
    return f"hạn ngày {vn_short_date(deadline)}, {tail}"
