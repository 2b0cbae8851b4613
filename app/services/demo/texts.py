"""What the demo sections for movements, exemplars, rounds and nominations share: the demo's "today",
each unit's theme, and text templates with random figures.

The award history ends with the last year of awards.json (2025); the demo is set in the year after,
on 21 November: the fourth quarter's exemplar deadline (5 December) is 14 days away and the year-end
round takes nominations until 10 December.

A template may hold figures drawn at random: "[2-6]" an integer, "[2000-12000:500]" a multiple of
500, "[95.0-99.9]" a number with one decimal (written with a comma, "98,5"). Integers of four digits or
more are written with dots ("12.000"). Names in braces ({commune}, {unit}, {year}…) are then filled in.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from sqlalchemy import select

from app.models import Subject
from app.rules.vntext import lower_first, vn_number
from app.services.demo.context import DemoContext, DemoUnit

REFERENCE_DAY = (11, 21)
DEFAULT_THEME = "village"
_RANGE = re.compile(r"\[(\d+(?:\.\d)?)-(\d+(?:\.\d)?)(?::(\d+))?\]")


def demo_today(ctx: DemoContext) -> dt.date:
    """The day the demo is set on: 21 November of the year after the award history."""
    return dt.date(demo_year(ctx), *REFERENCE_DAY)


def demo_year(ctx: DemoContext) -> int:
    return ctx.load("awards")["years"][1] + 1


def unit_theme(ctx: DemoContext, unit_index: int) -> str:
    """'village', 'office', 'school'…: which texts fit the unit's people."""
    themes = ctx.load("exemplars")["profile_themes"]
    return themes.get(ctx.units[unit_index].profile_key, DEFAULT_THEME)


def in_sentence(unit: DemoUnit) -> str:
    """'thôn Đông', 'tổ dân phố số 1' inside a sentence; an organisation keeps its capital."""
    return lower_first(unit.name) if unit.resident else unit.name


def province_name(ctx: DemoContext) -> str:
    """'Phú Thọ' from 'Tỉnh Phú Thọ'."""
    lowered = ctx.province_lc
    for prefix in ("tỉnh ", "thành phố "):
        if lowered.startswith(prefix):
            return lowered[len(prefix):]
    return lowered


def _draw(rng: random.Random, match: re.Match) -> str:
    low, high, step = match.group(1), match.group(2), match.group(3)
    if "." in low or "." in high:
        value = rng.randint(round(float(low) * 10), round(float(high) * 10))
        return f"{value // 10},{value % 10}"
    step_n = int(step or 1)
    value = rng.randrange(int(low), int(high) + 1, step_n) if step_n > 1 else rng.randint(int(low), int(high))
    return vn_number(value) if value >= 1000 else str(value)


def figures(rng: random.Random, template: str) -> str:
    """The template with every "[low-high]" replaced by a random figure."""
    return _RANGE.sub(lambda m: _draw(rng, m), template)


def fill(ctx: DemoContext, rng: random.Random, template: str, **values: str) -> str:
    """Figures drawn, then the commune, province, year and the given names filled in (NFC)."""
    year = demo_year(ctx)
    standard = {"year": str(year), "prev_year": str(year - 1), "province": province_name(ctx),
                "province_lc": ctx.province_lc}
    return ctx.format(figures(rng, template), **{**standard, **values})


def dated(ctx: DemoContext, text: str) -> dt.date:
    """'{year}-10-19' (or '{prev_year}-07-01') as a date of the demo's calendar."""
    year = demo_year(ctx)
    return dt.date.fromisoformat(text.format(year=year, prev_year=year - 1))


def day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A random day from first to last (first when last is earlier)."""
    if last <= first:
        return first
    return dt.date.fromordinal(rng.randint(first.toordinal(), last.toordinal()))


def subject_names(ctx: DemoContext, ids: list[int]) -> dict[int, str]:
    """The names of the given subjects, read in chunks."""
    names: dict[int, str] = {}
    for start in range(0, len(ids), 900):
        query = select(Subject.id, Subject.name).where(Subject.id.in_(ids[start:start + 900]))
        names.update((subject_id, name) for subject_id, name in ctx.session.execute(query))
    return names
