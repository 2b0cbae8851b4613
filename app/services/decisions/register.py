"""The document register (sổ đăng ký văn bản): numbers per year and document type, never reused.

A number is taken when a document is issued. Rows are never deleted: a cancelled document, or the
proposal of a deleted draft, keeps its row marked cancelled, so the next number is always one more than
the largest ever given. The officer may give a number from the office's own register instead (the
commune numbers all its decisions in one book); a number already in this register is refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.models import Decision, DocumentType, RegisterEntry
from app.rules.vntext import vn_short_date
from app.storage.database import Database

MAX_NUMBER = 99_999


@dataclass(frozen=True)
class RegisterRow:
    id: int
    year: int
    doc_type: DocumentType
    number: str
    issued_on: dt.date
    summary: str
    cancelled: bool
    note: str
    decision_id: int | None


def next_number(session: Session, year: int, doc_type: DocumentType) -> int:
    query = select(func.max(RegisterEntry.number)).where(
        RegisterEntry.year == year, RegisterEntry.doc_type == doc_type
    )
    return (session.scalar(query) or 0) + 1


def take_number(session: Session, doc_type: DocumentType, day: dt.date, symbol: str, summary: str,
                decision: Decision | None, number: int | None = None) -> RegisterEntry:
    """Register a document; ValidationError (field "number") when the chosen number is taken."""
    if number is None:
        number = next_number(session, day.year, doc_type)
    elif not 1 <= number <= MAX_NUMBER:
        raise ValidationError({"number": f"Số văn bản: phải từ 1 đến {MAX_NUMBER}."})
    else:
        _refuse_taken(session, doc_type, day.year, number, symbol)
    entry = RegisterEntry(year=day.year, doc_type=doc_type, number=number, symbol=symbol, issued_on=day,
                          summary=summary[:500], cancelled=False, note="")
    if decision is not None:
        decision.register_entries.append(entry)
    session.add(entry)
    session.flush()
    return entry


def _refuse_taken(session: Session, doc_type: DocumentType, year: int, number: int, symbol: str) -> None:
    taken = session.scalar(select(RegisterEntry).where(
        RegisterEntry.year == year, RegisterEntry.doc_type == doc_type, RegisterEntry.number == number
    ))
    if taken is None:
        return
    state = " (đã hủy, số không dùng lại)" if taken.cancelled else ""
    free = next_number(session, year, doc_type)
    raise ValidationError({"number": (
        f"Số {number:02d}/{symbol} năm {year} đã cấp cho văn bản ngày "
        f"{vn_short_date(taken.issued_on)}{state}. "
        f"Hãy chọn số khác; số tiếp theo còn trống là {free:02d}."
    )})


def list_register(db: Database, year: int | None = None) -> list[RegisterRow]:
    query = select(RegisterEntry).order_by(RegisterEntry.year.desc(), RegisterEntry.doc_type,
                                           RegisterEntry.number.desc())
    if year is not None:
        query = query.where(RegisterEntry.year == year)
    with db.read() as session:
        return [
            RegisterRow(id=e.id, year=e.year, doc_type=e.doc_type, number=e.label, issued_on=e.issued_on,
                        summary=e.summary, cancelled=e.cancelled, note=e.note, decision_id=e.decision_id)
            for e in session.scalars(query)
        ]
