"""The register of blanks (phôi giấy khen): batches received, blanks spoiled before printing, and the
blanks used by certificates printed on them. Left = received − used − spoiled before printing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import NotFoundError, Validator
from app.models import BlankEntry, BlankEntryKind, Certificate
from app.rules.vntext import normalize_multiline, normalize_text
from app.services.accounts.permissions import session_actor
from app.services.certificates.data import BlankEntryRow, BlankInput, BlankStock
from app.services.sorting import by_label, by_name, by_text, filled, order_by
from app.storage.database import Database

MAX_BATCH = 100_000


def _row(entry: BlankEntry) -> BlankEntryRow:
    return BlankEntryRow(id=entry.id, kind=entry.kind, day=entry.day, count=entry.count,
                         serial_from=entry.serial_from, serial_to=entry.serial_to, note=entry.note,
                         recorded_by=entry.recorded_by)


def _validated(data: BlankInput) -> BlankInput:
    clean = BlankInput(kind=data.kind, day=data.day or dt.date.today(), count=data.count,
                       serial_from=normalize_text(data.serial_from), serial_to=normalize_text(data.serial_to),
                       note=normalize_multiline(data.note))
    check = Validator()
    if not isinstance(clean.count, int) or not 1 <= clean.count <= MAX_BATCH:
        check.add("count", f"Số phôi: phải từ 1 đến {MAX_BATCH:,}.".replace(",", "."))
    if bool(clean.serial_from) != bool(clean.serial_to):
        check.add("serial_to", "Số sê-ri: nhập cả số đầu và số cuối, hoặc để trống cả hai.")
    for name, label in (("serial_from", "Sê-ri từ số"), ("serial_to", "Sê-ri đến số")):
        check.max_length(name, label, getattr(clean, name), 40)
        check.plain_text(name, label, getattr(clean, name))
    check.raise_if_any()
    return clean


def record_blanks(db: Database, data: BlankInput) -> BlankEntryRow:
    """A line of the register: blanks received (a serial range if they are numbered) or spoiled."""
    clean = _validated(data)
    with db.transaction() as session:
        entry = BlankEntry(kind=clean.kind, day=clean.day, count=clean.count, serial_from=clean.serial_from,
                           serial_to=clean.serial_to, note=clean.note,
                           recorded_by=session_actor(session).label[:200])
        session.add(entry)
        session.flush()
        return _row(entry)


def delete_blank_entry(db: Database, entry_id: int) -> None:
    """Remove a line typed by mistake (the audit trail keeps it)."""
    with db.transaction() as session:
        entry = session.get(BlankEntry, entry_id)
        if entry is None:
            raise NotFoundError(f"Không có dòng sổ phôi số {entry_id}.")
        session.delete(entry)


# The register's sorts (BlankEntryRow's fields).
BLANK_SORTS = ("day", "kind", "count", "serial_from", "serial_to", "recorded_by", "note")


def stock_of(session: Session, sort: str = "day", descending: bool = True) -> BlankStock:
    sums = dict(session.execute(
        select(BlankEntry.kind, func.coalesce(func.sum(BlankEntry.count), 0)).group_by(BlankEntry.kind)
    ).all())
    used = session.scalar(select(func.count()).select_from(Certificate).where(Certificate.on_blank)) or 0
    misprinted = session.scalar(select(func.count()).select_from(Certificate).where(
        Certificate.on_blank, Certificate.spoiled)) or 0
    keys = dict(zip(BLANK_SORTS, (
        BlankEntry.day, by_label(BlankEntry.kind, BlankEntryKind), BlankEntry.count,
        filled(BlankEntry.serial_from), filled(BlankEntry.serial_to), by_name(BlankEntry.recorded_by),
        by_text(BlankEntry.note)), strict=True))
    newest = (BlankEntry.day.desc(), BlankEntry.id.desc())
    entries = session.scalars(select(BlankEntry).order_by(*order_by(keys, sort, descending, *newest)))
    return BlankStock(received=int(sums.get(BlankEntryKind.RECEIVED, 0)), used=int(used),
                      spoiled=int(sums.get(BlankEntryKind.SPOILED, 0)), misprinted=int(misprinted),
                      entries=[_row(e) for e in entries])


def blank_stock(db: Database, *, sort: str = "day", descending: bool = True) -> BlankStock:
    """Received, used, spoiled and left, with every line of the register sorted by the query on one of
    BLANK_SORTS (empty values last), then newest first (the default)."""
    with db.read() as session:
        return stock_of(session, sort, descending)
