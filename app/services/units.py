"""The commune's units, emulation blocs and fields of activity."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import ConflictError, Validator
from app.models import Bloc, Field, Subject, Unit, UnitKind
from app.rules.vntext import fold, normalize_text, text_sort_key
from app.services.records import get_or_not_found
from app.services.sorting import by_label, by_name, by_text, order_by
from app.storage.database import Database


@dataclass
class UnitInput:
    name: str = ""
    kind: UnitKind = UnitKind.VILLAGE
    bloc_id: int | None = None
    head_name: str = ""
    address: str = ""
    phone: str = ""
    note: str = ""


@dataclass(frozen=True)
class UnitRow:
    id: int
    name: str
    kind: UnitKind
    bloc_id: int | None
    bloc_name: str
    head_name: str
    address: str
    phone: str
    note: str
    subject_count: int


@dataclass(frozen=True)
class NamedRow:
    id: int
    name: str


def _clean(data: UnitInput) -> UnitInput:
    return UnitInput(
        name=normalize_text(data.name),
        kind=data.kind,
        bloc_id=data.bloc_id,
        head_name=normalize_text(data.head_name),
        address=normalize_text(data.address),
        phone=normalize_text(data.phone),
        note=normalize_text(data.note),
    )


def _validate(session: Session, data: UnitInput, unit_id: int | None) -> None:
    check = Validator()
    check.require("name", "Tên đơn vị", data.name)
    check.max_length("name", "Tên đơn vị", data.name, 200)
    check.plain_texts(data, {"head_name": "Người đứng đầu", "address": "Địa chỉ", "phone": "Số điện thoại",
                             "note": "Ghi chú"})
    same = session.scalar(select(Unit.id).where(Unit.name_norm == fold(data.name)))
    if data.name and same is not None and same != unit_id:
        check.add("name", f"Tên đơn vị: đã có đơn vị “{data.name}”.")
    if data.bloc_id is not None and session.get(Bloc, data.bloc_id) is None:
        check.add("bloc_id", "Khối thi đua: không còn trong danh sách, hãy chọn lại.")
    check.raise_if_any()


def _apply(unit: Unit, data: UnitInput) -> None:
    for name in ("name", "kind", "bloc_id", "head_name", "address", "phone", "note"):
        setattr(unit, name, getattr(data, name))
    unit.name_norm = fold(data.name)
    unit.sort_key = text_sort_key(data.name)


def create_unit(db: Database, data: UnitInput) -> int:
    clean = _clean(data)
    with db.transaction() as session:
        _validate(session, clean, None)
        unit = Unit()
        _apply(unit, clean)
        session.add(unit)
        session.flush()
        return unit.id


def update_unit(db: Database, unit_id: int, data: UnitInput) -> None:
    clean = _clean(data)
    with db.transaction() as session:
        unit = _get_unit(session, unit_id)
        _validate(session, clean, unit_id)
        _apply(unit, clean)


def delete_unit(db: Database, unit_id: int) -> None:
    """Delete a unit no subject belongs to; refused with the count otherwise."""
    with db.transaction() as session:
        unit = _get_unit(session, unit_id)
        members = session.scalar(select(func.count()).where(Subject.unit_id == unit_id))
        if members:
            raise ConflictError(
                f"Không xóa được đơn vị “{unit.name}”: còn {members} đối tượng thuộc đơn vị này. "
                "Hãy chuyển các đối tượng sang đơn vị khác trước."
            )
        session.delete(unit)


def _get_unit(session: Session, unit_id: int) -> Unit:
    return get_or_not_found(session, Unit, unit_id, "đơn vị số")


# The units list's sorts (UnitRow's fields): sort names the list service accepts.
UNIT_SORTS = ("name", "kind", "bloc_name", "head_name", "address", "subject_count")


def list_units(db: Database, text: str = "", *, sort: str = "name",
               descending: bool = False) -> list[UnitRow]:
    """The units whose name holds every typed word, sorted by the query on one of UNIT_SORTS (empty values
    last), then by name."""
    counts = select(Subject.unit_id, func.count().label("n")).group_by(Subject.unit_id).subquery()
    keys = dict(zip(UNIT_SORTS, (
        Unit.sort_key, by_label(Unit.kind, UnitKind), by_text(Bloc.name), by_name(Unit.head_name),
        by_text(Unit.address), func.coalesce(counts.c.n, 0)), strict=True))
    statement = (
        select(Unit, Bloc.name, counts.c.n)
        .outerjoin(Bloc, Bloc.id == Unit.bloc_id)
        .outerjoin(counts, counts.c.unit_id == Unit.id)
        .order_by(*order_by(keys, sort, descending, Unit.sort_key, Unit.id))
    )
    for word in fold(text).split():
        statement = statement.where(Unit.name_norm.contains(word, autoescape=True))
    with db.read() as session:
        return [_unit_row(unit, bloc, n) for unit, bloc, n in session.execute(statement)]


def _unit_row(unit: Unit, bloc_name: str | None, count: int | None) -> UnitRow:
    return UnitRow(
        id=unit.id, name=unit.name, kind=unit.kind, bloc_id=unit.bloc_id, bloc_name=bloc_name or "",
        head_name=unit.head_name, address=unit.address, phone=unit.phone, note=unit.note,
        subject_count=count or 0,
    )


def list_blocs(db: Database) -> list[NamedRow]:
    with db.read() as session:
        rows = session.execute(select(Bloc.id, Bloc.name).order_by(Bloc.rota_order, Bloc.name))
        return [NamedRow(i, n) for i, n in rows]


def create_bloc(db: Database, name: str) -> int:
    clean = normalize_text(name)
    check = Validator()
    check.require("name", "Tên khối thi đua", clean)
    check.raise_if_any()
    with db.transaction() as session:
        if session.scalar(select(Bloc.id).where(Bloc.name == clean)) is not None:
            raise ConflictError(f"Đã có khối thi đua “{clean}”.")
        order = session.scalar(select(func.coalesce(func.max(Bloc.rota_order), 0))) + 1
        bloc = Bloc(name=clean, rota_order=order)
        session.add(bloc)
        session.flush()
        return bloc.id


def set_bloc_rota(db: Database, ordered_bloc_ids: list[int]) -> None:
    """Put the blocs in this turn order (rota_order 1, 2, …); every bloc exactly once."""
    with db.transaction() as session:
        apply_bloc_rota(session, ordered_bloc_ids)


def apply_bloc_rota(session: Session, ordered_bloc_ids: list[int]) -> None:
    """set_bloc_rota inside the caller's transaction."""
    blocs = {bloc.id: bloc for bloc in session.scalars(select(Bloc))}
    if sorted(ordered_bloc_ids) != sorted(blocs):
        raise ConflictError(
            "Danh sách khối thi đua đã thay đổi trong lúc sắp xếp thứ tự trực; hãy mở lại và sắp xếp lại."
        )
    for order, bloc_id in enumerate(ordered_bloc_ids, start=1):
        blocs[bloc_id].rota_order = order


def list_fields(db: Database) -> list[NamedRow]:
    with db.read() as session:
        return [NamedRow(i, n) for i, n in session.execute(select(Field.id, Field.name).order_by(Field.id))]


def ensure_fields(db: Database, names: list[str]) -> None:
    """Add the fields of activity that are not there yet (used at init)."""
    with db.transaction() as session:
        existing = set(session.scalars(select(Field.name)))
        session.add_all(Field(name=normalize_text(n)) for n in names if normalize_text(n) not in existing)
