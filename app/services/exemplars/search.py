"""The exemplars list: filters, and search by the subject's name with or without diacritics."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.models import Exemplar, ExemplarStage, Field, Movement, Subject, SubjectKind, Unit
from app.rules.vntext import fold
from app.services.exemplars.data import ExemplarQuery, ExemplarRow
from app.services.sorting import by_label, by_rank, by_text, order_by
from app.storage.database import Database

_ESCAPE = "\\"


def _name_pattern(text: str) -> str | None:
    """'%nguyen%dat%' for 'Nguyễn Đạt': the typed words in order, anything between (as subject search)."""
    words = [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in fold(text).split()]
    return "%" + "%".join(words) + "%" if words else None


def _conditions(query: ExemplarQuery) -> list:
    conditions = []
    pattern = _name_pattern(query.text)
    if pattern is not None:
        conditions.append(Subject.name_norm.like(pattern, escape=_ESCAPE))
    for column, value in ((Exemplar.movement_id, query.movement_id), (Exemplar.stage, query.stage),
                          (Exemplar.unit_id, query.unit_id), (Exemplar.field_id, query.field_id)):
        if value is not None:
            conditions.append(column == value)
    if query.year is not None:
        first, last = dt.date(query.year, 1, 1), dt.date(query.year, 12, 31)
        conditions.append(Exemplar.introduced_on.between(first, last))
    return conditions


# The exemplars list's sorts (ExemplarRow's fields).
EXEMPLAR_SORTS = ("subject_name", "subject_kind", "unit_name", "movement_name", "field_name", "introduced_on",
                  "stage", "achievements")


def search_exemplars(db: Database, query: ExemplarQuery | None = None) -> list[ExemplarRow]:
    """The matching exemplars sorted by the query on one of EXEMPLAR_SORTS (empty values last; latest
    introduced first unless asked otherwise), then in official-list order of the subject."""
    query = query or ExemplarQuery()
    keys = dict(zip(EXEMPLAR_SORTS, (
        Subject.sort_key, by_label(Subject.kind, SubjectKind), Unit.sort_key, by_text(Movement.name),
        by_text(Field.name), Exemplar.introduced_on,
        # The cycle's order (phát hiện, bồi dưỡng, tổng kết, nhân rộng), as the stage filter lists it.
        by_rank(Exemplar.stage, ExemplarStage),
        by_text(Exemplar.achievements)), strict=True))
    statement = (
        select(Exemplar.id, Subject.id, Subject.name, Subject.kind, Unit.name, Movement.name, Field.name,
               Exemplar.introduced_on, Exemplar.stage, Exemplar.achievements)
        .join(Subject, Subject.id == Exemplar.subject_id)
        .outerjoin(Unit, Unit.id == Exemplar.unit_id)
        .outerjoin(Movement, Movement.id == Exemplar.movement_id)
        .outerjoin(Field, Field.id == Exemplar.field_id)
        .where(*_conditions(query))
        .order_by(*order_by(keys, query.sort, query.descending, Subject.sort_key, Exemplar.id))
    )
    with db.read() as session:
        return [_row(*values) for values in session.execute(statement)]


def _row(eid, sid, name, kind, unit, movement, field, introduced_on, stage, achievements) -> ExemplarRow:
    return ExemplarRow(
        id=eid, subject_id=sid, subject_name=name, subject_kind=kind, unit_name=unit or "",
        movement_name=movement or "", field_name=field or "", introduced_on=introduced_on, stage=stage,
        achievements=achievements,
    )


def exemplar_years(db: Database) -> list[int]:
    """The years in which exemplars were introduced, latest first (for the year filter)."""
    with db.read() as session:
        dates = session.scalars(select(Exemplar.introduced_on).distinct())
        return sorted({day.year for day in dates}, reverse=True)
