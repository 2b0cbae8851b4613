"""Create, edit, delete and read one subject, with its award history and hold flags."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import ConflictError, Validator
from app.models import AwardRecord, Field, HoldFlag, Movement, Subject, SubjectKind, Unit
from app.rules.vntext import fold, name_sort_key, text_sort_key
from app.services.records import check_version, get_or_not_found
from app.services.subjects.award_rows import award_input, merged_awards
from app.services.subjects.data import HoldInput, SubjectDetail, SubjectInput
from app.services.subjects.validation import normalized, validate_subject
from app.services.subjects.words import index_subject_words
from app.storage.database import Database
from app.storage.versions import bump_version

_KIND_COLUMNS = {
    SubjectKind.INDIVIDUAL: (
        "gender", "birth_date", "birth_year", "position", "occupation_group", "ethnicity", "citizen_id",
        "collective_id",
    ),
    SubjectKind.COLLECTIVE: ("parent_body", "member_count", "female_member_count"),
    SubjectKind.HOUSEHOLD: ("head_name",),
}
_COMMON_COLUMNS = ("kind", "name", "unit_id", "field_id", "address", "phone", "note")
_EMPTY = {
    "gender": None, "birth_date": None, "birth_year": None, "position": "", "occupation_group": None,
    "ethnicity": "", "citizen_id": None, "collective_id": None, "parent_body": "", "member_count": None,
    "female_member_count": None, "head_name": "",
}


def subject_sort_key(kind: SubjectKind, name: str, head_name: str = "") -> str:
    """Individuals by given name; households by their head's given name; collectives as written."""
    if kind is SubjectKind.INDIVIDUAL:
        return name_sort_key(name)
    if kind is SubjectKind.HOUSEHOLD:
        return name_sort_key(head_name or name)
    return text_sort_key(name)


def subject_columns(data: SubjectInput) -> dict:
    """The column values to store for a validated input, other kinds' columns emptied."""
    values = {name: getattr(data, name) for name in _COMMON_COLUMNS}
    values.update(_EMPTY)
    values.update({name: getattr(data, name) for name in _KIND_COLUMNS[data.kind]})
    values["citizen_id"] = values["citizen_id"] or None
    values["name_norm"] = fold(data.name)
    values["sort_key"] = subject_sort_key(data.kind, data.name, data.head_name)
    return values


def _check_references(session: Session, data: SubjectInput) -> None:
    check = Validator()
    if data.unit_id is not None and session.get(Unit, data.unit_id) is None:
        check.add("unit_id", "Đơn vị: không còn trong danh sách, hãy chọn lại.")
    if data.field_id is not None and session.get(Field, data.field_id) is None:
        check.add("field_id", "Lĩnh vực: không còn trong danh sách, hãy chọn lại.")
    if data.kind is SubjectKind.INDIVIDUAL and data.collective_id is not None:
        collective = session.get(Subject, data.collective_id)
        if collective is None or collective.kind is not SubjectKind.COLLECTIVE:
            check.add("collective_id", "Thuộc tập thể: không còn trong danh sách tập thể, hãy chọn lại.")
    _check_award_movements(session, data, check)
    check.raise_if_any()


def _check_award_movements(session: Session, data: SubjectInput, check: Validator) -> None:
    wanted = {a.movement_id for a in data.awards if a.movement_id is not None}
    known = set(session.scalars(select(Movement.id).where(Movement.id.in_(wanted)))) if wanted else set()
    for number, award in enumerate(data.awards, start=1):
        if award.movement_id is not None and award.movement_id not in known:
            check.add(f"awards.{number}.movement_id",
                      f"Khen thưởng dòng {number}, phong trào: không còn trong danh sách phong trào, "
                      "hãy chọn lại hoặc để trống.")


def _prepare(data: SubjectInput, today: dt.date | None) -> SubjectInput:
    clean = normalized(data)
    validate_subject(clean, today or dt.date.today())
    return clean


def _replace_children(subject: Subject, data: SubjectInput) -> None:
    subject.awards = merged_awards(subject, data.awards)
    subject.holds = [HoldFlag(**dataclasses.asdict(h)) for h in data.holds]


def create_subject(db: Database, data: SubjectInput, today: dt.date | None = None) -> SubjectDetail:
    clean = _prepare(data, today)
    with db.transaction() as session:
        _check_references(session, clean)
        subject = Subject(**subject_columns(clean), version=1)
        _replace_children(subject, clean)
        session.add(subject)
        session.flush()
        index_subject_words(session, subject)
        return _detail(subject)


def update_subject(
    db: Database, subject_id: int, data: SubjectInput, expected_version: int, today: dt.date | None = None
) -> SubjectDetail:
    """Save a changed subject; refused when someone else saved it since it was read."""
    clean = _prepare(data, today)
    with db.transaction() as session:
        subject = _get(session, subject_id)
        check_version(subject, expected_version, f"“{subject.name}”")
        _check_references(session, clean)
        for name, value in subject_columns(clean).items():
            setattr(subject, name, value)
        _replace_children(subject, clean)
        bump_version(subject)
        session.flush()
        index_subject_words(session, subject)
        return _detail(subject)


def delete_subject(db: Database, subject_id: int) -> None:
    """Delete a subject that has no commendation history; refused with the reason otherwise."""
    with db.transaction() as session:
        subject = _get(session, subject_id)
        awards = session.scalar(select(func.count()).where(AwardRecord.subject_id == subject_id))
        if awards:
            raise ConflictError(
                f"Không xóa được “{subject.name}”: đối tượng đã có {awards} lần được khen thưởng trong sổ. "
                "Lịch sử khen thưởng phải được giữ lại."
            )
        session.delete(subject)


def get_subject(db: Database, subject_id: int) -> SubjectDetail:
    with db.read() as session:
        return _detail(_get(session, subject_id))


def _get(session: Session, subject_id: int) -> Subject:
    return get_or_not_found(session, Subject, subject_id, "đối tượng số")


def _detail(subject: Subject) -> SubjectDetail:
    values = {name: getattr(subject, name) for name in (*_COMMON_COLUMNS, *_EMPTY)}
    values["citizen_id"] = values["citizen_id"] or ""
    return SubjectDetail(
        id=subject.id,
        version=subject.version,
        awards=[award_input(a) for a in subject.awards],
        holds=[_hold_input(h) for h in subject.holds],
        **values,
    )


def _hold_input(flag: HoldFlag) -> HoldInput:
    return HoldInput(**{f.name: getattr(flag, f.name) for f in dataclasses.fields(HoldInput)})
