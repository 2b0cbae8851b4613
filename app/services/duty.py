"""The quarterly introduction duty, per unit and quarter: who introduced an exemplar, who is missing.

An exemplar counts for the quarter of its `introduced_on`, for the unit that introduced it, and only
with an achievement summary. The deadline day and who owes (every unit, or the bloc on turn) are
settings; the rules are in app.rules.duty.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from app.models import Bloc, Exemplar, Subject, Unit
from app.rules.duty import (
    QUARTERS,
    DutyStatus,
    RotaMode,
    bloc_on_turn,
    classify,
    counts_for_duty,
    quarter_bounds,
    quarter_deadline,
    quarter_label,
)
from app.services.settings import DUTY_DAY, DUTY_ROTA_MODE, get_setting
from app.storage.database import Database

# The first page reads with Core statements over the tables: an ORM query would first configure every
# mapper (about 75 ms at start, before the window is painted).
UNITS, BLOCS, EXEMPLARS, SUBJECTS = Unit.__table__, Bloc.__table__, Exemplar.__table__, Subject.__table__


@dataclass(frozen=True)
class DutyUnit:
    id: int
    name: str
    bloc_id: int | None
    bloc_name: str


@dataclass(frozen=True)
class DutyRow:
    """One unit that owes an exemplar in a quarter."""

    unit_id: int
    unit_name: str
    bloc_name: str
    exemplars: tuple[str, ...]  # the subjects introduced (counting ones), in date order
    first_introduced: dt.date | None
    status: DutyStatus
    days_left: int | None  # still missing: days to the deadline, negative when overdue
    days_late: int | None  # introduced late: days after the deadline


@dataclass(frozen=True)
class QuarterDuty:
    year: int
    quarter: int
    deadline: dt.date
    today: dt.date
    mode: RotaMode
    bloc_on_turn: str  # "" when no bloc is declared
    rows: tuple[DutyRow, ...]

    @property
    def label(self) -> str:
        return quarter_label(self.year, self.quarter)

    @property
    def days_left(self) -> int:
        return (self.deadline - self.today).days

    @property
    def introduced_count(self) -> int:
        return sum(row.status.introduced for row in self.rows)

    @property
    def missing(self) -> tuple[DutyRow, ...]:
        return tuple(row for row in self.rows if not row.status.introduced)

    def count(self, status: DutyStatus) -> int:
        return sum(row.status is status for row in self.rows)


@dataclass(frozen=True)
class YearDuty:
    """The four quarters of a year, for the units × quarters overview."""

    year: int
    units: tuple[DutyUnit, ...]
    quarters: tuple[QuarterDuty, ...]

    def cell(self, unit_id: int, quarter: int) -> DutyRow | None:
        """The unit's row in that quarter; None when it did not owe (not its bloc's turn)."""
        return next((r for r in self.quarters[quarter - 1].rows if r.unit_id == unit_id), None)


@dataclass(frozen=True)
class _Setup:
    day: int
    mode: RotaMode
    units: tuple[DutyUnit, ...]
    rota: tuple[tuple[int, str], ...]  # (bloc id, name) in rota order


@dataclass(frozen=True)
class _Introduction:
    unit_id: int
    on: dt.date
    name: str


def _rota_mode(value: object) -> RotaMode:
    try:
        return RotaMode(value)
    except ValueError:
        return RotaMode.ALL_UNITS


def _load_setup(db: Database) -> _Setup:
    day = int(get_setting(db, DUTY_DAY))
    mode = _rota_mode(get_setting(db, DUTY_ROTA_MODE))
    unit, bloc = UNITS.c, BLOCS.c
    units = (
        select(unit.id, unit.name, unit.bloc_id, bloc.name.label("bloc_name"))
        .outerjoin(BLOCS, bloc.id == unit.bloc_id)
        .order_by(unit.sort_key)
    )
    with db.read() as session:
        unit_rows = session.execute(units).all()
        rota = session.execute(select(bloc.id, bloc.name).order_by(bloc.rota_order, bloc.name)).all()
    return _Setup(
        day=day, mode=mode,
        units=tuple(DutyUnit(r.id, r.name, r.bloc_id, r.bloc_name or "") for r in unit_rows),
        rota=tuple((r.id, r.name) for r in rota),
    )


def _introductions(db: Database, first: dt.date, last: dt.date) -> list[_Introduction]:
    """Counting exemplars introduced by a unit between two dates, in date order."""
    exemplar, subject = EXEMPLARS.c, SUBJECTS.c
    statement = (
        select(exemplar.unit_id, exemplar.introduced_on, exemplar.achievements, subject.name)
        .join(SUBJECTS, subject.id == exemplar.subject_id)
        .where(exemplar.unit_id.is_not(None), exemplar.introduced_on.between(first, last))
        .where(exemplar.achievements != "")
        .order_by(exemplar.introduced_on, exemplar.id)
    )
    with db.read() as session:
        rows = session.execute(statement).all()
    return [_Introduction(row.unit_id, row.introduced_on, row.name)
            for row in rows if counts_for_duty(row.achievements)]


def _owing(setup: _Setup, turn: tuple[int, str] | None) -> tuple[DutyUnit, ...]:
    """Units that owe an exemplar; with no bloc declared there is no turn, so every unit owes."""
    if setup.mode is RotaMode.ALL_UNITS or turn is None:
        return setup.units
    return tuple(unit for unit in setup.units if unit.bloc_id == turn[0])


def _row(unit: DutyUnit, intros: list[_Introduction], deadline: dt.date, today: dt.date) -> DutyRow:
    first = intros[0].on if intros else None
    status = classify(first, deadline, today)
    return DutyRow(
        unit_id=unit.id, unit_name=unit.name, bloc_name=unit.bloc_name,
        exemplars=tuple(i.name for i in intros), first_introduced=first, status=status,
        days_left=None if status.introduced else (deadline - today).days,
        days_late=(first - deadline).days if status is DutyStatus.LATE and first else None,
    )


def _quarter(
    setup: _Setup, year: int, quarter: int, intros: Iterable[_Introduction], today: dt.date
) -> QuarterDuty:
    deadline = quarter_deadline(year, quarter, setup.day)
    turn = bloc_on_turn(year, quarter, setup.rota)
    first, last = quarter_bounds(year, quarter)
    by_unit: dict[int, list[_Introduction]] = defaultdict(list)
    for intro in intros:
        if first <= intro.on <= last:
            by_unit[intro.unit_id].append(intro)
    rows = tuple(_row(unit, by_unit[unit.id], deadline, today) for unit in _owing(setup, turn))
    return QuarterDuty(
        year=year, quarter=quarter, deadline=deadline, today=today, mode=setup.mode,
        bloc_on_turn=turn[1] if turn else "", rows=rows,
    )


def quarter_duty(db: Database, year: int, quarter: int, today: dt.date) -> QuarterDuty:
    """Every owing unit's status for one quarter, as of today."""
    if quarter not in QUARTERS:
        raise ValueError(f"quarter must be 1-4, not {quarter}")
    setup = _load_setup(db)
    return _quarter(setup, year, quarter, _introductions(db, *quarter_bounds(year, quarter)), today)


def year_duty(db: Database, year: int, today: dt.date) -> YearDuty:
    """The four quarters of a year, read in one pass over the year's exemplars."""
    setup = _load_setup(db)
    intros = _introductions(db, dt.date(year, 1, 1), dt.date(year, 12, 31))
    quarters = tuple(_quarter(setup, year, q, intros, today) for q in QUARTERS)
    return YearDuty(year=year, units=setup.units, quarters=quarters)
