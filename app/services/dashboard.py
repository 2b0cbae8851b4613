"""The first page's figures: this quarter's duty, what is overdue or due soon, open rounds, totals.

Everything is read with grouped counts, so the page stays quick with 100,000 subjects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from app.models import Exemplar, ExemplarStage, Nomination, NominationStatus, Round, RoundStatus, Subject
from app.rules.duty import DUE_SOON_DAYS, DutyStatus, quarter_of
from app.rules.vntext import vn_short_date
from app.services.duty import QuarterDuty, YearDuty, year_duty
from app.storage.database import Database

DUTY, ROUND = "duty", "round"
NAMES_SHOWN = 5
# Core statements over the tables, like app/services/duty.py: the first page is painted before any ORM
# query configures the mappers.
NOMINATIONS, ROUNDS = Nomination.__table__, Round.__table__
SUBJECTS, EXEMPLARS = Subject.__table__, Exemplar.__table__


@dataclass(frozen=True)
class TodoItem:
    """Something overdue or due within DUE_SOON_DAYS days."""

    kind: str  # DUTY or ROUND
    title: str
    detail: str
    deadline: dt.date
    days_left: int  # negative: overdue by that many days
    year: int
    quarter: int | None = None  # DUTY items
    round_id: int | None = None  # ROUND items

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


@dataclass(frozen=True)
class OpenRound:
    id: int
    name: str
    deadline: dt.date | None
    days_left: int | None
    nominations: tuple[tuple[NominationStatus, int], ...]  # statuses with at least one nomination

    @property
    def total(self) -> int:
        return sum(n for _status, n in self.nominations)


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    year: YearDuty  # the current year, quarter by quarter
    todo: tuple[TodoItem, ...]  # overdue first (the oldest first), then by deadline
    open_rounds: tuple[OpenRound, ...]
    nominations_by_status: tuple[tuple[NominationStatus, int], ...]  # over all open rounds, every status
    subject_count: int
    exemplars_by_stage: tuple[tuple[ExemplarStage, int], ...]  # every stage, in cycle order

    @property
    def duty(self) -> QuarterDuty:
        """The current quarter."""
        return self.year.quarters[quarter_of(self.today) - 1]


def _names(rows) -> str:
    names = [row.unit_name for row in rows]
    more = len(names) - NAMES_SHOWN
    return ", ".join(names[:NAMES_SHOWN]) + (f" và {more} đơn vị khác" if more > 0 else "")


def _duty_items(year: YearDuty) -> list[TodoItem]:
    items = []
    for quarter in year.quarters:
        for status in (DutyStatus.OVERDUE, DutyStatus.DUE_SOON):
            rows = [row for row in quarter.rows if row.status is status]
            if rows:
                items.append(TodoItem(
                    kind=DUTY, title=f"{quarter.label}: {len(rows)} đơn vị chưa giới thiệu điển hình",
                    detail=_names(rows), deadline=quarter.deadline, days_left=quarter.days_left,
                    year=quarter.year, quarter=quarter.quarter,
                ))
    return items


def _round_items(rounds: tuple[OpenRound, ...], today: dt.date) -> list[TodoItem]:
    items = []
    for round_ in rounds:
        if round_.deadline is None or round_.days_left is None or round_.days_left > DUE_SOON_DAYS:
            continue
        drafts = dict(round_.nominations).get(NominationStatus.DRAFT, 0)
        detail = f"{round_.total} hồ sơ" + (f", {drafts} hồ sơ còn nháp" if drafts else "")
        items.append(TodoItem(
            kind=ROUND, title=f"Đợt xét “{round_.name}” nhận hồ sơ đến {vn_short_date(round_.deadline)}",
            detail=detail, deadline=round_.deadline, days_left=round_.days_left, year=today.year,
            round_id=round_.id,
        ))
    return items


def _open_rounds(db: Database, today: dt.date) -> tuple[OpenRound, ...]:
    nomination, round_ = NOMINATIONS.c, ROUNDS.c
    counts = (
        select(nomination.round_id, nomination.status, func.count().label("n"))
        .join(ROUNDS, round_.id == nomination.round_id)
        .where(round_.status == RoundStatus.OPEN)
        .group_by(nomination.round_id, nomination.status)
    )
    rounds = (
        select(round_.id, round_.name, round_.deadline)
        .where(round_.status == RoundStatus.OPEN)
        .order_by(round_.deadline.is_(None), round_.deadline, round_.id)
    )
    with db.read() as session:
        by_round: dict[int, dict[NominationStatus, int]] = {}
        for count in session.execute(counts):
            by_round.setdefault(count.round_id, {})[count.status] = count.n
        rows = session.execute(rounds).all()
    return tuple(
        OpenRound(
            id=row.id, name=row.name, deadline=row.deadline,
            days_left=None if row.deadline is None else (row.deadline - today).days,
            nominations=tuple((s, n) for s in NominationStatus if (n := by_round.get(row.id, {}).get(s))),
        )
        for row in rows
    )


def _status_totals(rounds: tuple[OpenRound, ...]) -> tuple[tuple[NominationStatus, int], ...]:
    totals = dict.fromkeys(NominationStatus, 0)
    for round_ in rounds:
        for status, n in round_.nominations:
            totals[status] += n
    return tuple(totals.items())


def _totals(db: Database) -> tuple[int, tuple[tuple[ExemplarStage, int], ...]]:
    by_stage = select(EXEMPLARS.c.stage, func.count().label("n")).group_by(EXEMPLARS.c.stage)
    with db.read() as session:
        subjects = session.scalar(select(func.count()).select_from(SUBJECTS)) or 0
        stages = {row.stage: row.n for row in session.execute(by_stage)}
    return subjects, tuple((stage, stages.get(stage, 0)) for stage in ExemplarStage)


def dashboard(db: Database, today: dt.date) -> Dashboard:
    """Everything the first page shows, as of today."""
    year = year_duty(db, today.year, today)
    rounds = _open_rounds(db, today)
    todo = _duty_items(year) + _round_items(rounds, today)
    todo.sort(key=lambda item: (not item.overdue, item.deadline, item.kind))
    subjects, stages = _totals(db)
    return Dashboard(
        today=today, year=year, todo=tuple(todo), open_rounds=rounds,
        nominations_by_status=_status_totals(rounds), subject_count=subjects, exemplars_by_stage=stages,
    )
