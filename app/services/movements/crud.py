"""Emulation movements (phong trào thi đua): create, edit, delete, list, and a movement's page."""

from __future__ import annotations

import dataclasses

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.errors import ConflictError, Validator
from app.models import (
    AwardForm,
    AwardRecord,
    Exemplar,
    Field,
    Movement,
    MovementKind,
    Nomination,
    Round,
    Subject,
    Unit,
)
from app.rules.vntext import fold, normalize_text, vn_short_date
from app.services.exemplars.data import ExemplarQuery
from app.services.exemplars.search import search_exemplars
from app.services.movements.data import (
    MovementDetail,
    MovementInput,
    MovementNominationRow,
    MovementOverview,
    MovementRow,
)
from app.services.movements.sorts import nomination_order
from app.services.records import check_version, get_or_not_found
from app.services.sorting import by_label, by_text, order_by
from app.storage.database import Database
from app.storage.versions import bump_version

_COLUMNS = ("name", "kind", "launched_by", "start_date", "end_date", "field_id", "description")


def _clean(data: MovementInput) -> MovementInput:
    return dataclasses.replace(
        data,
        name=normalize_text(data.name),
        launched_by=normalize_text(data.launched_by),
        description=(data.description or "").strip(),
    )


def _validate(session: Session, data: MovementInput) -> None:
    check = Validator()
    check.require("name", "Tên phong trào", data.name)
    check.max_length("name", "Tên phong trào", data.name, 300)
    check.max_length("launched_by", "Cơ quan phát động", data.launched_by, 200)
    check.plain_text("description", "Nội dung", data.description)
    if data.kind is None:
        check.add("kind", "Loại phong trào: hãy chọn thường xuyên, theo đợt hoặc chuyên đề.")
    if data.start_date is None:
        check.add("start_date", "Ngày phát động: không được để trống.")
    elif data.end_date is not None and data.end_date < data.start_date:
        check.add(
            "end_date", f"Ngày kết thúc: không được trước ngày phát động ({vn_short_date(data.start_date)})."
        )
    if data.field_id is not None and session.get(Field, data.field_id) is None:
        check.add("field_id", "Lĩnh vực: không còn trong danh sách, hãy chọn lại.")
    check.raise_if_any()


def _apply(movement: Movement, data: MovementInput) -> None:
    for name in _COLUMNS:
        setattr(movement, name, getattr(data, name))
    movement.kind = MovementKind(data.kind)
    movement.name_norm = fold(data.name)


def create_movement(db: Database, data: MovementInput) -> MovementDetail:
    clean = _clean(data)
    with db.transaction() as session:
        _validate(session, clean)
        movement = Movement(version=1)
        _apply(movement, clean)
        session.add(movement)
        session.flush()
        return _detail(movement)


def update_movement(
    db: Database, movement_id: int, data: MovementInput, expected_version: int
) -> MovementDetail:
    """Save a changed movement; refused when someone else saved it since it was read."""
    clean = _clean(data)
    with db.transaction() as session:
        movement = _get(session, movement_id)
        check_version(movement, expected_version, f"Phong trào “{movement.name}”")
        _validate(session, clean)
        _apply(movement, clean)
        bump_version(movement)
        session.flush()
        return _detail(movement)


def delete_movement(db: Database, movement_id: int) -> None:
    """Delete a movement with no exemplar, no round and no award naming it; refused with the reason
    otherwise."""
    with db.transaction() as session:
        movement = _get(session, movement_id)
        exemplars = session.scalar(select(func.count()).where(Exemplar.movement_id == movement_id))
        rounds = session.scalar(select(func.count()).where(Round.movement_id == movement_id))
        reasons = [f"{exemplars} điển hình tiên tiến"] if exemplars else []
        reasons += [f"{rounds} đợt xét khen thưởng"] if rounds else []
        awards = session.scalar(select(func.count()).where(AwardRecord.movement_id == movement_id))
        reasons += [f"{awards} lần khen thưởng ghi trong lịch sử của đối tượng"] if awards else []
        if reasons:
            listed = " và ".join([", ".join(reasons[:-1]), reasons[-1]] if len(reasons) > 2 else reasons)
            raise ConflictError(
                f"Không xóa được phong trào “{movement.name}”: phong trào đã có {listed}. "
                "Hãy xóa hoặc chuyển chúng sang phong trào khác trước."
            )
        session.delete(movement)


def get_movement(db: Database, movement_id: int) -> MovementDetail:
    with db.read() as session:
        return _detail(_get(session, movement_id))


def _get(session: Session, movement_id: int) -> Movement:
    return get_or_not_found(session, Movement, movement_id, "phong trào số")


def _detail(movement: Movement) -> MovementDetail:
    values = {name: getattr(movement, name) for name in _COLUMNS}
    field_name = movement.field.name if movement.field else ""
    return MovementDetail(id=movement.id, version=movement.version, field_name=field_name, **values)


# The movements list's sorts (MovementRow's fields): "start_date" is the period's column.
MOVEMENT_SORTS = ("name", "kind", "launched_by", "start_date", "field_name", "exemplar_count")


def list_movements(db: Database, text: str = "", kind: MovementKind | None = None, *,
                   sort: str = "start_date", descending: bool = True) -> list[MovementRow]:
    """Movements whose name holds every typed word (diacritics optional), sorted by the query on one of
    MOVEMENT_SORTS (empty values last), then by name; latest started first unless asked otherwise."""
    counts = select(Exemplar.movement_id, func.count().label("n")).group_by(Exemplar.movement_id).subquery()
    keys = dict(zip(MOVEMENT_SORTS, (
        by_text(Movement.name), by_label(Movement.kind, MovementKind), by_text(Movement.launched_by),
        Movement.start_date, by_text(Field.name), func.coalesce(counts.c.n, 0)), strict=True))
    statement = (
        select(Movement, Field.name, counts.c.n)
        .outerjoin(Field, Field.id == Movement.field_id)
        .outerjoin(counts, counts.c.movement_id == Movement.id)
        .order_by(*order_by(keys, sort, descending, by_text(Movement.name), Movement.id))
    )
    for word in fold(text).split():
        statement = statement.where(Movement.name_norm.contains(word, autoescape=True))
    if kind is not None:
        statement = statement.where(Movement.kind == kind)
    with db.read() as session:
        return [_row(movement, field, n) for movement, field, n in session.execute(statement)]


def _row(movement: Movement, field_name: str | None, count: int | None) -> MovementRow:
    return MovementRow(
        id=movement.id, name=movement.name, kind=movement.kind, launched_by=movement.launched_by,
        start_date=movement.start_date, end_date=movement.end_date, field_name=field_name or "",
        exemplar_count=count or 0,
    )


def movement_overview(db: Database, movement_id: int, *,
                      exemplars: tuple[str, bool] = ("introduced_on", True),
                      nominations: tuple[str, bool] = ("round_year", True)) -> MovementOverview:
    """The movement with its exemplars and its nominations (through an exemplar or a round of it), each
    list sorted by the query on one of its sorts and the direction (by default latest first)."""
    movement = get_movement(db, movement_id)
    sort, descending = exemplars
    found = search_exemplars(db, ExemplarQuery(movement_id=movement_id, sort=sort, descending=descending))
    return MovementOverview(movement, found, _nominations(db, movement_id, *nominations))


def _nominations(db: Database, movement_id: int, sort: str, descending: bool) -> list[MovementNominationRow]:
    statement = (
        select(Nomination.id, Subject.name, AwardForm.name, Round.name, Round.year, Unit.name,
               Nomination.status)
        .join(Subject, Subject.id == Nomination.subject_id)
        .join(AwardForm, AwardForm.id == Nomination.award_form_id)
        .join(Round, Round.id == Nomination.round_id)
        .outerjoin(Exemplar, Exemplar.id == Nomination.exemplar_id)
        .outerjoin(Unit, Unit.id == Nomination.proposing_unit_id)
        .where(or_(Exemplar.movement_id == movement_id, Round.movement_id == movement_id))
        .order_by(*nomination_order(sort, descending))
    )
    with db.read() as session:
        return [
            MovementNominationRow(nid, subject, award, round_name, year, unit or "", status)
            for nid, subject, award, round_name, year, unit, status in session.execute(statement)
        ]
