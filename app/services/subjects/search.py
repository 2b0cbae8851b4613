"""The subjects list: diacritic-insensitive search giving ordered ids, and rows fetched by id."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, exists, func, or_, select

from app.models import Field, Gender, HoldFlag, Subject, SubjectKind, Unit
from app.rules.vntext import fold, vn_short_date
from app.services.subjects.data import SubjectQuery, SubjectRow, mask_citizen_id
from app.storage.database import Database

_LIKE_ESCAPE = "\\"


def _like_pattern(words: list[str]) -> str:
    """'%nguyen%van%d%': the typed words in the typed order, anything between them."""
    escaped = [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in words]
    return "%" + "%".join(escaped) + "%"


def _conditions(query: SubjectQuery) -> list:
    words = fold(query.text).split()
    # One LIKE over the folded name, not one per word: a keystroke scans the index once.
    conditions = [Subject.name_norm.like(_like_pattern(words), escape=_LIKE_ESCAPE)] if words else []
    if query.kind is not None:
        conditions.append(Subject.kind == query.kind)
    if query.unit_id is not None:
        conditions.append(Subject.unit_id == query.unit_id)
    if query.field_id is not None:
        conditions.append(Subject.field_id == query.field_id)
    return conditions


def count_subjects(db: Database, query: SubjectQuery | None = None) -> int:
    """How many subjects match (all of them without a query)."""
    statement = select(func.count()).select_from(Subject).where(*_conditions(query or SubjectQuery()))
    with db.engine.connect() as conn:
        return conn.execute(statement).scalar_one()


def _ordered_ids(query: SubjectQuery):
    return select(Subject.id).where(*_conditions(query)).order_by(Subject.sort_key, Subject.id)


def subject_ids_page(db: Database, query: SubjectQuery, offset: int, limit: int) -> list[int]:
    """One page of the matching ids in official-list order: what the list shows as it scrolls."""
    with db.engine.connect() as conn:
        return list(conn.execute(_ordered_ids(query).offset(offset).limit(limit)).scalars())


def first_page(db: Database, query: SubjectQuery, limit: int) -> tuple[int, list[int]]:
    """The match count and the first page of ids, scanning the index once when few match."""
    ids = subject_ids_page(db, query, 0, limit)
    count = len(ids) if len(ids) < limit else count_subjects(db, query)
    return count, ids


def subject_position(db: Database, query: SubjectQuery, subject_id: int) -> int | None:
    """The row of a subject in the ordered result, or None when it does not match the query."""
    conditions = _conditions(query)
    with db.engine.connect() as conn:
        key = conn.execute(
            select(Subject.sort_key).where(Subject.id == subject_id, *conditions)
        ).scalar_one_or_none()
        if key is None:
            return None
        before = or_(Subject.sort_key < key, and_(Subject.sort_key == key, Subject.id < subject_id))
        statement = select(func.count()).select_from(Subject).where(before, *conditions)
        return conn.execute(statement).scalar_one()


def search_subject_ids(db: Database, query: SubjectQuery) -> list[int]:
    """Ids of the matching subjects in official-list order ("nguyen van dat" finds "Nguyễn Văn Đạt")."""
    with db.engine.connect() as conn:
        return list(conn.execute(_ordered_ids(query)).scalars())


def _on_hold_clause(today: dt.date):
    return exists().where(
        HoldFlag.subject_id == Subject.id,
        HoldFlag.start_date <= today,
        or_(HoldFlag.end_date.is_(None), HoldFlag.end_date >= today),
    )


def fetch_subject_rows(db: Database, ids: list[int], today: dt.date | None = None) -> list[SubjectRow]:
    """The list rows for these ids, in the order given."""
    if not ids:
        return []
    statement = (
        select(
            Subject.id, Subject.kind, Subject.name, Unit.name, Field.name, Subject.position,
            Subject.parent_body, Subject.address, Subject.birth_date, Subject.birth_year, Subject.gender,
            Subject.citizen_id, _on_hold_clause(today or dt.date.today()).label("on_hold"),
        )
        .outerjoin(Unit, Unit.id == Subject.unit_id)
        .outerjoin(Field, Field.id == Subject.field_id)
        .where(and_(Subject.id.in_(ids)))
    )
    with db.engine.connect() as conn:
        by_id = {row[0]: _row(*row) for row in conn.execute(statement)}
    return [by_id[i] for i in ids if i in by_id]


def _row(sid, kind, name, unit, field, position, parent, address, bdate, byear, gender, cid, hold):
    kind = SubjectKind(kind)
    detail = {SubjectKind.INDIVIDUAL: position, SubjectKind.COLLECTIVE: parent}.get(kind, address)
    birth = vn_short_date(bdate) if bdate else (str(byear) if byear else "")
    return SubjectRow(
        id=sid,
        kind=kind,
        name=name,
        unit_name=unit or "",
        field_name=field or "",
        detail=detail or "",
        birth=birth,
        gender=Gender(gender).label if gender else "",
        citizen_id_masked=mask_citizen_id(cid),
        on_hold=bool(hold),
    )


def search_subjects(db: Database, query: SubjectQuery, limit: int | None = None) -> list[SubjectRow]:
    ids = search_subject_ids(db, query)
    return fetch_subject_rows(db, ids[:limit] if limit else ids)


def list_collectives(db: Database, unit_id: int | None) -> list[tuple[str, int]]:
    """The collectives of a unit, by name, as (name, id): where an individual may be a member."""
    if unit_id is None:
        return []
    query = (
        select(Subject.name, Subject.id)
        .where(Subject.kind == SubjectKind.COLLECTIVE, Subject.unit_id == unit_id)
        .order_by(Subject.sort_key)
    )
    with db.read() as session:
        return [(name, id_) for name, id_ in session.execute(query)]
