"""Statistics of the commendation work, counted by the database (GROUP BY), never row by row in Python.

Commendations are the award records (the history of every subject, whichever level gave them, and those
the commune's own decisions wrote): by year, form, subject kind, gender, occupation group (the share of
workers, farmers and direct labourers the province asks for), field, unit and movement. Exemplars by
stage of the cycle, the quarterly introduction duty, and the publicity done. A year and a quarter filter
everything; a commendation's quarter is that of its decision's date (a record without a date is left
out when a quarter is chosen).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Select, extract, func, select

from app.models import (
    AwardRecord,
    Decision,
    Exemplar,
    ExemplarStage,
    Field,
    Gender,
    Movement,
    OccupationGroup,
    PublicityItem,
    Round,
    Subject,
    SubjectKind,
    Unit,
)
from app.rules.duty import quarter_bounds, roman_quarter
from app.services.duty import year_duty
from app.storage.database import Database

DIRECT_GROUPS = (OccupationGroup.WORKER, OccupationGroup.FARMER, OccupationGroup.DIRECT_LABOURER)
NONE_LABEL = "Chưa xác định"


@dataclass(frozen=True)
class StatsFilter:
    year: int | None = None
    quarter: int | None = None  # 1–4, only with a year

    @property
    def label(self) -> str:
        if self.year is None:
            return "mọi năm"
        return f"quý {roman_quarter(self.quarter)} năm {self.year}" if self.quarter else f"năm {self.year}"


@dataclass(frozen=True)
class Count:
    label: str
    count: int


@dataclass(frozen=True)
class DutyCount:
    """One quarter of the introduction duty: units that owed, introduced on time, late, still missing."""

    quarter: int
    owing: int
    on_time: int
    late: int
    missing: int


@dataclass(frozen=True)
class Statistics:
    filter: StatsFilter
    total: int
    by_year: list[Count] = field(default_factory=list)
    by_form: list[Count] = field(default_factory=list)
    by_kind: list[Count] = field(default_factory=list)
    by_gender: list[Count] = field(default_factory=list)
    by_occupation: list[Count] = field(default_factory=list)
    by_field: list[Count] = field(default_factory=list)
    by_unit: list[Count] = field(default_factory=list)
    by_movement: list[Count] = field(default_factory=list)
    exemplars_by_stage: list[Count] = field(default_factory=list)
    duty: list[DutyCount] = field(default_factory=list)
    publicity: int = 0
    individuals: int = 0
    direct_workers: int = 0  # individuals of the worker, farmer and direct-labourer groups

    @property
    def direct_share(self) -> float:
        """The share of direct workers among the individuals commended (0 when none)."""
        return self.direct_workers / self.individuals if self.individuals else 0.0


def percent_text(count: int, total: int) -> str:
    """'58%'; a share that rounds to nothing but is not nothing: '<1%'; no total: '—'."""
    if not total:
        return "—"
    percent = round(100 * count / total)
    return "<1%" if count and not percent else f"{percent}%"


def available_years(db: Database) -> list[int]:
    """The years that have commendations or exemplars, newest first."""
    with db.read() as session:
        years = set(session.scalars(select(AwardRecord.year).distinct()))
        years |= {int(y) for y in session.scalars(select(extract("year", Exemplar.introduced_on)).distinct())}
    return sorted(years, reverse=True)


def commendation_statistics(db: Database, stats_filter: StatsFilter,
                            today: dt.date | None = None) -> Statistics:
    chosen = _checked(stats_filter)
    with db.read() as session:
        def grouped(column, *joins, where=None) -> list[tuple]:
            query: Select = select(column, func.count()).select_from(AwardRecord).join(Subject)
            for target, on in joins:
                query = query.outerjoin(target, on)
            if where is not None:
                query = query.where(where)
            query = _filtered(query, chosen).group_by(column).order_by(func.count().desc(), column)
            return [tuple(row) for row in session.execute(query)]

        individual = Subject.kind == SubjectKind.INDIVIDUAL
        total = session.scalar(_filtered(select(func.count()).select_from(AwardRecord), chosen)) or 0
        by_year = sorted(grouped(AwardRecord.year))
        occupations = grouped(Subject.occupation_group, where=individual)
        result = Statistics(
            filter=chosen, total=total,
            by_year=[Count(str(year), n) for year, n in by_year],
            by_form=_counts(grouped(AwardRecord.form_name)),
            by_kind=_counts(grouped(Subject.kind), SubjectKind),
            by_gender=_counts(grouped(Subject.gender, where=individual), Gender),
            by_occupation=_counts(occupations, OccupationGroup),
            by_field=_counts(grouped(Field.name, (Field, Field.id == Subject.field_id))),
            by_unit=_counts(grouped(Unit.name, (Unit, Unit.id == Subject.unit_id))),
            by_movement=_counts(grouped(Movement.name, *_MOVEMENT_JOINS), none="Không gắn phong trào"),
            exemplars_by_stage=_stages(session, chosen),
            publicity=session.scalar(_dated(select(func.count()).select_from(PublicityItem),
                                            PublicityItem.published_on, chosen)) or 0,
            individuals=sum(n for _group, n in occupations),
            direct_workers=sum(n for group, n in occupations if group in DIRECT_GROUPS),
        )
    if chosen.year is None:
        return result
    return _with_duty(db, result, chosen, today or dt.date.today())


# A commendation's movement: the one its row names (typed in the subject's form, or written by the
# decision), else that of its decision's round (rows written before award rows named their movement).
_MOVEMENT_JOINS = (
    (Decision, Decision.id == AwardRecord.decision_id),
    (Round, Round.id == Decision.round_id),
    (Movement, Movement.id == func.coalesce(AwardRecord.movement_id, Round.movement_id)),
)


def _checked(stats_filter: StatsFilter) -> StatsFilter:
    from app.errors import ValidationError

    if stats_filter.quarter is not None and not 1 <= stats_filter.quarter <= 4:
        raise ValidationError({"quarter": "Quý phải từ 1 đến 4."})
    if stats_filter.quarter is not None and stats_filter.year is None:
        raise ValidationError({"quarter": "Hãy chọn năm trước khi chọn quý."})
    if stats_filter.year is not None and not 1900 <= stats_filter.year <= 2200:
        raise ValidationError({"year": f"Năm {stats_filter.year} không hợp lệ."})
    return stats_filter


def _filtered(query: Select, chosen: StatsFilter) -> Select:
    if chosen.year is not None:
        query = query.where(AwardRecord.year == chosen.year)
    if chosen.quarter is not None and chosen.year is not None:
        first, last = quarter_bounds(chosen.year, chosen.quarter)
        query = query.where(AwardRecord.decision_date.between(first, last))
    return query


def _dated(query: Select, column, chosen: StatsFilter) -> Select:
    if chosen.year is None:
        return query
    first, last = quarter_bounds(chosen.year, chosen.quarter) if chosen.quarter else (
        dt.date(chosen.year, 1, 1), dt.date(chosen.year, 12, 31))
    return query.where(column.between(first, last))


def _counts(rows: list[tuple], enum: type | None = None, none: str = NONE_LABEL) -> list[Count]:
    return [Count(none if key is None else (enum(key).label if enum else str(key)), n) for key, n in rows]


def _stages(session, chosen: StatsFilter) -> list[Count]:
    query = _dated(select(Exemplar.stage, func.count()).select_from(Exemplar), Exemplar.introduced_on, chosen)
    found = {stage: count for stage, count in session.execute(query.group_by(Exemplar.stage))}
    return [Count(stage.label, found.get(stage, 0)) for stage in ExemplarStage]


def _with_duty(db: Database, result: Statistics, chosen: StatsFilter, today: dt.date) -> Statistics:
    from dataclasses import replace

    from app.rules.duty import DutyStatus

    year = year_duty(db, chosen.year or today.year, today)
    counts = []
    for quarter in year.quarters:
        if chosen.quarter and quarter.quarter != chosen.quarter:
            continue
        counts.append(DutyCount(quarter.quarter, len(quarter.rows), quarter.count(DutyStatus.DONE),
                                quarter.count(DutyStatus.LATE), len(quarter.missing)))
    return replace(result, duty=counts)
