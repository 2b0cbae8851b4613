"""The subjects list sorted by a column of few values (the kind, the unit, the field, gender, on hold),
read without sorting 100,000 rows by a computed key: one part per value in the column's order (the empty
value last), each part read in official-list order over the list's indexes, the parts one after the
other. Sorted by the CCCD number, two parts: the numbers in their order, then those without one in
official-list order (both read in ix_subject_citizen_id's order). The same order as
search._ids_and_order gives, page for page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, func, or_, select

from app.models import Field, Gender, HoldFlag, Subject, SubjectKind, Unit
from app.rules.vntext import text_sort_key

# The sorts read in parts: the column, and how its values are listed in order.
PARTED = ("kind", "unit_name", "field_name", "gender", "on_hold", "citizen_id_masked")
OFFICIAL = (Subject.sort_key, Subject.id)


def held(today: dt.date):
    """Whether a subject is on hold today, as one list of ids read once (not a look-up per subject)."""
    return Subject.id.in_(select(HoldFlag.subject_id).where(
        HoldFlag.start_date <= today, or_(HoldFlag.end_date.is_(None), HoldFlag.end_date >= today)))


def place_ids_in_order(conn: Connection, sort: str) -> list[int]:
    """The units (sort "unit_name") or the fields ("field_name") in the list's order of their names: a
    few dozen rows, the fields' names sorted by the Vietnamese alphabet here ("Đoàn thể" before "Y tế"),
    the units by their stored sort key. The one order both the parted read and the ranked sort use."""
    if sort == "unit_name":
        return list(conn.execute(select(Unit.id).order_by(Unit.sort_key, Unit.id)).scalars())
    fields = conn.execute(select(Field.id, Field.name)).all()
    return [row.id for row in sorted(fields, key=lambda row: (text_sort_key(row.name), row.id))]


def value_parts(conn: Connection, sort: str, descending: bool) -> list[tuple[Any, tuple]]:
    """The condition of each part and the order within it, in the order the list shows them."""
    if sort == "citizen_id_masked":
        number = Subject.citizen_id.desc() if descending else Subject.citizen_id.asc()
        return [(Subject.citizen_id.is_not(None), (number, *OFFICIAL)),
                (Subject.citizen_id.is_(None), OFFICIAL)]
    if sort == "on_hold":
        now = held(dt.date.today())
        return [(part, OFFICIAL) for part in ([now, ~now] if descending else [~now, now])]
    values: list[Any]
    column: Any
    if sort in ("kind", "gender"):
        enum, column = (SubjectKind, Subject.kind) if sort == "kind" else (Gender, Subject.gender)
        values = [member.value for member in sorted(enum, key=lambda member: text_sort_key(member.label))]
    else:
        values = place_ids_in_order(conn, sort)
        column = Subject.unit_id if sort == "unit_name" else Subject.field_id
    ordered = values[::-1] if descending else values
    # The empty value last either way.
    return [(part, OFFICIAL) for part in (*(column == value for value in ordered), column.is_(None))]


def parts_page(conn: Connection, conditions: list, parts: list[tuple[Any, tuple]], offset: int,
               limit: int | None) -> list[int]:
    """`limit` ids (all with None) from `offset` of the parts put one after the other, each in its order.
    A part that ends before the page is counted, not read: the first part (often the largest: those not
    on hold, the individuals) is read at once, and counted only when it ends before the page."""
    ids: list[int] = []
    skip = offset
    for number, (part, order) in enumerate(parts):
        if limit is not None and len(ids) >= limit:
            break
        counted = select(func.count()).select_from(Subject).where(*conditions, part)
        if skip and number:
            size = conn.execute(counted).scalar_one()
            if size <= skip:
                skip -= size
                continue
        statement = select(Subject.id).where(*conditions, part).order_by(*order).offset(skip)
        page = statement if limit is None else statement.limit(limit - len(ids))
        found = list(conn.execute(page).scalars())
        if skip and not found:  # the first part ends before the page
            skip -= conn.execute(counted).scalar_one()
            continue
        ids += found
        skip = 0
    return ids
