"""Possible duplicates of a subject being saved: a warning the officer may accept, never a refusal.

Two records are likely the same person when they share the CCCD, or the kind and the full name
(diacritics and case as written, NFC) and the date of birth or, where only a year is known, the year
of birth. Collectives and households have no birth date: the same kind and name is enough.
Erased subjects are not compared.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from app.models import Subject, SubjectKind
from app.rules.vntext import fold, normalize_text, vn_short_date
from app.services.subjects.data import SubjectInput
from app.services.subjects.validation import normalized
from app.storage.database import Database

_SHOWN = 5


@dataclass(frozen=True)
class PossibleDuplicate:
    id: int
    name: str
    birth: str  # "05/01/1980", "1980" or ""
    unit_name: str
    reason: str  # "cùng số CCCD", "cùng họ tên và năm sinh"…


def find_possible_duplicates(db: Database, data: SubjectInput, subject_id: int | None = None
                             ) -> list[PossibleDuplicate]:
    """The saved subjects this input may duplicate (itself left out when subject_id is given)."""
    clean = normalized(data)
    wanted = [Subject.name_norm == fold(clean.name)]
    if clean.kind is SubjectKind.INDIVIDUAL and clean.citizen_id:
        wanted.append(Subject.citizen_id == clean.citizen_id)
    query = select(Subject).where(or_(*wanted), Subject.erased_on.is_(None)).order_by(Subject.id)
    if subject_id is not None:
        query = query.where(Subject.id != subject_id)
    with db.read() as session:
        found = [(s, reason) for s in session.scalars(query) if (reason := _reason(clean, s))]
        return [_duplicate(s, reason) for s, reason in found]


def duplicates_question(found: list[PossibleDuplicate]) -> str:
    """The Vietnamese question the form asks before saving anyway."""
    lines = [f"• {d.name}{_birth_text(d)}{_unit_text(d)}: {d.reason}" for d in found[:_SHOWN]]
    if len(found) > _SHOWN:
        lines.append(f"• và {len(found) - _SHOWN} đối tượng khác")
    return (
        "Có thể đối tượng này đã có trong sổ:\n" + "\n".join(lines)
        + "\n\nVẫn lưu thành một đối tượng riêng?"
    )


def _reason(data: SubjectInput, other: Subject) -> str:
    if data.kind is SubjectKind.INDIVIDUAL and data.citizen_id and other.citizen_id == data.citizen_id:
        return "cùng số CCCD"
    if other.kind is not data.kind or normalize_text(other.name).casefold() != data.name.casefold():
        return ""
    if data.kind is not SubjectKind.INDIVIDUAL:
        return "cùng loại và cùng tên"
    if data.birth_date and other.birth_date:
        return "cùng họ tên và ngày sinh" if data.birth_date == other.birth_date else ""
    year, other_year = _year(data.birth_date, data.birth_year), _year(other.birth_date, other.birth_year)
    return "cùng họ tên và năm sinh" if year is not None and year == other_year else ""


def _year(birth_date, birth_year: int | None) -> int | None:
    return birth_date.year if birth_date else birth_year


def _duplicate(subject: Subject, reason: str) -> PossibleDuplicate:
    year = _year(subject.birth_date, subject.birth_year)
    birth = vn_short_date(subject.birth_date) if subject.birth_date else ("" if year is None else str(year))
    unit = subject.unit.name if subject.unit else ""
    return PossibleDuplicate(subject.id, subject.name, birth, unit, reason)


def _birth_text(found: PossibleDuplicate) -> str:
    return f", sinh {found.birth}" if found.birth else ""


def _unit_text(found: PossibleDuplicate) -> str:
    return f", {found.unit_name}" if found.unit_name else ""
