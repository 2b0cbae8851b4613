"""The subjects list: search by word (services/subjects/words.py) giving ids in the order of any column,
sorted by the query (never in Python, so 100,000 rows stay fast), and rows fetched by id."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, and_, case, exists, extract, func, null, or_, select

from app.models import Field, Gender, HoldFlag, Subject, SubjectKind, Unit
from app.rules.vntext import vn_short_date
from app.services.sorting import by_label
from app.services.subjects.data import SubjectQuery, SubjectRow, mask_citizen_id
from app.services.subjects.segments import PARTED, held, parts_page, place_ids_in_order, value_parts
from app.services.subjects.words import WordSearch, word_search
from app.storage.database import Database

SORTS = (
    "name", "kind", "unit_name", "field_name", "detail", "birth", "gender", "citizen_id_masked", "on_hold"
)


def _search(conn: Connection, query: SubjectQuery) -> WordSearch:
    found = word_search(conn, query.text)
    conditions = list(found.conditions)
    if query.kind is not None:
        conditions.append(Subject.kind == query.kind)
    if query.unit_id is not None:
        conditions.append(Subject.unit_id == query.unit_id)
    if query.field_id is not None:
        conditions.append(Subject.field_id == query.field_id)
    return WordSearch(conditions, found.rank)


def count_subjects(db: Database, query: SubjectQuery | None = None) -> int:
    """How many subjects match (all of them without a query)."""
    with db.engine.connect() as conn:
        return _count(conn, _search(conn, query or SubjectQuery()))


def _count(conn: Connection, found: WordSearch) -> int:
    return conn.execute(select(func.count()).select_from(Subject).where(*found.conditions)).scalar_one()



def _ranked(conn: Connection, column, sort: str) -> Any:
    """A unit or field id as its rank in the alphabetical order of the names (a few dozen, read here):
    the list's covering index holds the ids, so no join and no table read per subject."""
    ranks = {row_id: rank for rank, row_id in enumerate(place_ids_in_order(conn, sort))}
    return case(ranks, value=column) if ranks else null()


def _column_key(conn: Connection, sort: str) -> Any:
    """The expression a column sorts by (NULL for an empty value)."""
    if sort == "unit_name":
        return _ranked(conn, Subject.unit_id, sort)
    if sort == "field_name":
        return _ranked(conn, Subject.field_id, sort)
    detail = case((Subject.kind == SubjectKind.INDIVIDUAL, Subject.position),
                  (Subject.kind == SubjectKind.COLLECTIVE, Subject.parent_body), else_=Subject.address)
    keys = {
        "kind": by_label(Subject.kind, SubjectKind), "gender": by_label(Subject.gender, Gender),
        # An empty number is stored as NULL (crud.subject_columns): the column itself sorts, through
        # ix_subject_citizen_id.
        "detail": func.nullif(detail, ""), "citizen_id_masked": Subject.citizen_id,
        "birth": func.coalesce(Subject.birth_year, extract("year", Subject.birth_date)),
        "on_hold": case((held(dt.date.today()), 1), else_=0),
    }
    if sort not in keys:
        raise ValueError(f"no such sort: {sort}")
    return keys[sort]


def _ordered_ids(conn: Connection, query: SubjectQuery):
    statement, keys = _ids_and_order(conn, _search(conn, query), query)
    return statement.order_by(*keys)


def _ids_and_order(conn: Connection, found: WordSearch, query: SubjectQuery):
    """The matching ids and the keys of the query's order: names typed with their marks first, then the
    column asked for (empty values last), then official-list order (given name, middle names, family
    name)."""
    statement = select(Subject.id).where(*found.conditions)
    keys = [] if found.rank is None else [found.rank]
    direction = (lambda e: e.desc()) if query.descending else (lambda e: e.asc())
    if query.sort != "name":
        key = _column_key(conn, query.sort)
        keys.append(direction(key).nulls_last())
        if query.sort == "birth":
            keys.append(direction(Subject.birth_date).nulls_last())
        keys += [Subject.sort_key, Subject.id]
    else:
        keys += [direction(Subject.sort_key), direction(Subject.id)]
    return statement, keys


def subject_ids_page(db: Database, query: SubjectQuery, offset: int, limit: int) -> list[int]:
    """One page of the matching ids in the query's order: what the list shows as it scrolls."""
    with db.engine.connect() as conn:
        found = _search(conn, query)
        if _in_parts(query, found):
            return _parts_page(conn, found, query, offset, limit)
        statement, keys = _ids_and_order(conn, found, query)
        return list(conn.execute(statement.order_by(*keys).offset(offset).limit(limit)).scalars())


def first_page(db: Database, query: SubjectQuery, limit: int) -> tuple[int, list[int]]:
    """The match count and the first page of ids, scanning the index once when few match."""
    with db.engine.connect() as conn:
        found = _search(conn, query)
        if _in_parts(query, found):
            ids = _parts_page(conn, found, query, 0, limit)
        else:
            statement, keys = _ids_and_order(conn, found, query)
            ids = list(conn.execute(statement.order_by(*keys).limit(limit)).scalars())
        return (len(ids) if len(ids) < limit else _count(conn, found)), ids


def _in_parts(query: SubjectQuery, found: WordSearch) -> bool:
    return query.sort in PARTED and found.rank is None


def _parts_page(conn: Connection, found: WordSearch, query: SubjectQuery, offset: int,
                limit: int | None) -> list[int]:
    parts = value_parts(conn, query.sort, query.descending)
    return parts_page(conn, found.conditions, parts, offset, limit)


def subject_position(db: Database, query: SubjectQuery, subject_id: int) -> int | None:
    """The row of a subject in the ordered result, or None when it does not match the query."""
    with db.engine.connect() as conn:
        statement, keys = _ids_and_order(conn, _search(conn, query), query)
        numbered = statement.add_columns(func.row_number().over(order_by=keys).label("n")).subquery()
        row = conn.execute(select(numbered.c.n).where(numbered.c.id == subject_id)).scalar_one_or_none()
    return None if row is None else row - 1


def search_subject_ids(db: Database, query: SubjectQuery) -> list[int]:
    """Ids of the matching subjects in official-list order ("nguyen van dat" finds "Nguyễn Văn Đạt")."""
    with db.engine.connect() as conn:
        found = _search(conn, query)
        if _in_parts(query, found):
            return _parts_page(conn, found, query, 0, None)
        return list(conn.execute(_ordered_ids(conn, query)).scalars())


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
