"""Golden-book numbers (số sổ vàng), given to each recipient when the decision is issued.

The commune's practice is a setting: the recipient's order in the decision (the default, as ND 98/2023
Điều 104 reads), or a running number in the commune's golden book, restarted each year or never. A number
is stored per recipient (golden_book_entry, and on the decision's list line) and never given again: the
database refuses a second (book, number) pair, and the rows stay when a decision is cancelled.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.errors import ConflictError, ValidationError
from app.models import Decision, GoldenBookEntry, GoldenBookScheme
from app.services.settings import GOLDEN_BOOK_SCHEME, get_setting, put_setting, read_setting
from app.storage.database import Database


def get_golden_book_scheme(db: Database) -> GoldenBookScheme:
    return _scheme(get_setting(db, GOLDEN_BOOK_SCHEME))


def set_golden_book_scheme(db: Database, scheme: GoldenBookScheme | str) -> None:
    """Change how later decisions number their recipients (numbers already given stay)."""
    try:
        value = GoldenBookScheme(scheme)
    except ValueError:
        raise ValidationError({"golden_book_scheme": (
            f"{GOLDEN_BOOK_SCHEME.label}: hãy chọn một trong các cách có sẵn.")}) from None
    with db.transaction() as session:
        put_setting(session, GOLDEN_BOOK_SCHEME, value.value)


def _scheme(value: object) -> GoldenBookScheme:
    try:
        return GoldenBookScheme(str(value))
    except ValueError:
        return GoldenBookScheme.DECISION_ORDER  # an unknown stored value: the national default


def book_scope(scheme: GoldenBookScheme, decision: Decision) -> str:
    if scheme is GoldenBookScheme.DECISION_ORDER:
        return f"decision:{decision.id}"
    if scheme is GoldenBookScheme.YEARLY:
        return f"year:{decision.issued_on.year if decision.issued_on else decision.round.year}"
    return "all"


def book_name(scope: str, decision_number: str = "") -> str:
    """How the register names a book: 'Quyết định 05/QĐ-UBND', 'Sổ vàng năm 2026', 'Sổ vàng'."""
    kind, _, value = scope.partition(":")
    if kind == "decision":
        return f"Quyết định {decision_number}" if decision_number else "Theo quyết định"
    if kind == "year":
        return f"Sổ vàng năm {value}"
    return "Sổ vàng"


def last_number(session: Session, scope: str) -> int:
    """The highest number given in a book (0 for a new book)."""
    query = select(func.max(GoldenBookEntry.number)).where(GoldenBookEntry.scope == scope)
    return session.scalar(query) or 0


def number_recipients(session: Session, decision: Decision) -> None:
    """Give each recipient of a decision being issued its golden-book number (its list is already in
    official order, positions set): stored in golden_book_entry and on the list line. Called by
    decisions/issue.py inside the issuing transaction."""
    scheme = _scheme(read_setting(session, GOLDEN_BOOK_SCHEME))
    scope = book_scope(scheme, decision)
    last = 0 if scheme is GoldenBookScheme.DECISION_ORDER else last_number(session, scope)
    for entry in decision.entries:
        number = entry.position if scheme is GoldenBookScheme.DECISION_ORDER else last + entry.position
        entry.golden_book_no = number
        session.add(GoldenBookEntry(decision_entry_id=entry.id, decision_id=decision.id, scheme=scheme,
                                    scope=scope, number=number))
    try:
        session.flush()
    except IntegrityError as exc:  # another officer's decision took these numbers a moment ago
        raise ConflictError("Số sổ vàng vừa được cấp cho một quyết định khác ban hành cùng lúc; chưa có gì "
                            "được lưu. Hãy ban hành lại.") from exc
