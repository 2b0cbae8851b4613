"""The registers: every print of a decision's certificates, every certificate (the golden-book number it
carries and to whom, a reprint linked to the one it replaced, a misprint marked spoiled), and the golden
book's numbers as given at issue."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload

from app.errors import NotFoundError, ValidationError
from app.models import (
    Certificate,
    CertificatePrint,
    Decision,
    DecisionEntry,
    DecisionStatus,
    DocumentType,
    GoldenBookEntry,
    Nomination,
    RegisterEntry,
    Subject,
    SubjectKind,
)
from app.rules.vntext import normalize_multiline
from app.services.certificates.data import CertificateRow, GoldenBookRow, PrintRow
from app.services.certificates.golden_book import book_name
from app.services.sorting import by_label, by_text, filled, order_by
from app.storage.database import Database

_ENTRY = (selectinload(DecisionEntry.nomination).selectinload(Nomination.subject),
          selectinload(DecisionEntry.decision).selectinload(Decision.register_entries))


def _number(decision: Decision) -> str:
    entry = decision.registered(DocumentType.DECISION)
    return entry.label if entry else ""


# The prints' sorts (the columns of PRINT_COLUMNS).
PRINT_SORTS = ("printed_at", "printed_by", "recipients", "count", "reprints", "blank_form", "layout_name",
               "printer_name", "note")


def _print_keys() -> dict:
    reprints = select(func.count()).where(Certificate.print_id == CertificatePrint.id,
                                          Certificate.reprint_of_id.is_not(None)).scalar_subquery()
    p = CertificatePrint
    return dict(zip(PRINT_SORTS, (
        p.printed_at, filled(p.printed_by), p.recipients, p.count, reprints,
        case((p.blank_form, 1), else_=0),  # "giấy trắng" before "lên phôi"
        filled(p.layout_name), filled(p.printer_name), by_text(p.note)), strict=True))


def list_prints(db: Database, decision_id: int | None = None, *, sort: str = "printed_at",
                descending: bool = True) -> list[PrintRow]:
    """Every batch printed, of one decision or all, sorted by the query on one of PRINT_SORTS (empty values
    last), then newest first (the default)."""
    query = select(CertificatePrint).options(selectinload(CertificatePrint.certificates)).order_by(
        *order_by(_print_keys(), sort, descending, CertificatePrint.id.desc()))
    if decision_id is not None:
        query = query.where(CertificatePrint.decision_id == decision_id)
    with db.read() as session:
        return [PrintRow(
            id=p.id, decision_id=p.decision_id, printed_at=p.printed_at, printed_by=p.printed_by,
            layout_name=p.layout_name, blank_form=p.blank_form, printer_name=p.printer_name,
            offset_x_mm=p.offset_x_mm, offset_y_mm=p.offset_y_mm, scale=p.scale, recipients=p.recipients,
            count=p.count, reprints=sum(1 for c in p.certificates if c.reprint_of_id is not None),
            over_stock=p.over_stock, note=p.note,
        ) for p in session.scalars(query)]


def _certificate_row(certificate: Certificate) -> CertificateRow:
    entry, printed = certificate.decision_entry, certificate.print_
    return CertificateRow(
        id=certificate.id, print_id=certificate.print_id, decision_id=entry.decision_id,
        decision_number=_number(entry.decision), decision_date=entry.decision.issued_on,
        position=entry.position,
        golden_book_no=certificate.golden_book_no, recipient=entry.name, kind=entry.nomination.subject.kind,
        printed_at=printed.printed_at, on_blank=certificate.on_blank, reprint_of_id=certificate.reprint_of_id,
        spoiled=certificate.spoiled, spoil_reason=certificate.spoil_reason,
    )


# The certificates register's sorts (the columns of CERTIFICATE_COLUMNS): "state" is first print, spoiled,
# reprint.
CERTIFICATE_SORTS = ("position", "recipient", "golden_book_no", "printed_at", "on_blank", "state")


def _certificates(session: Session, decision_id: int | None, sort: str,
                  descending: bool) -> list[Certificate]:
    keys = dict(zip(CERTIFICATE_SORTS, (
        DecisionEntry.position, Subject.sort_key, Certificate.golden_book_no, CertificatePrint.printed_at,
        case((Certificate.on_blank, 0), else_=1),  # "có" first
        case((Certificate.spoiled, 1), (Certificate.reprint_of_id.is_not(None), 2), else_=0)), strict=True))
    query = (select(Certificate).join(Certificate.decision_entry)
             .join(CertificatePrint, CertificatePrint.id == Certificate.print_id)
             .join(Nomination, Nomination.id == DecisionEntry.nomination_id)
             .join(Subject, Subject.id == Nomination.subject_id)
             .options(selectinload(Certificate.print_),
                      selectinload(Certificate.decision_entry).options(*_ENTRY))
             .order_by(*order_by(keys, sort, descending, Certificate.id)))
    if decision_id is not None:
        query = query.where(DecisionEntry.decision_id == decision_id)
    return list(session.scalars(query))


def list_certificates(db: Database, decision_id: int | None = None, *, sort: str = "printed_at",
                      descending: bool = False) -> list[CertificateRow]:
    """The register of certificates printed (which golden-book number went to whom), sorted by the query
    on one of CERTIFICATE_SORTS (empty values last), then oldest first (the default)."""
    with db.read() as session:
        return [_certificate_row(c) for c in _certificates(session, decision_id, sort, descending)]


def spoil_certificate(db: Database, certificate_id: int, reason: str) -> CertificateRow:
    """Mark a printed certificate spoiled (a misprint, a torn blank): its blank stays counted as used;
    print the recipient again to reprint it (linked to this one)."""
    reason = normalize_multiline(reason)
    if not reason:
        raise ValidationError({"reason": "Lý do hỏng: không được để trống."})
    with db.transaction() as session:
        certificate = session.get(Certificate, certificate_id)
        if certificate is None:
            raise NotFoundError(f"Không có giấy khen đã in số {certificate_id}.")
        certificate.spoiled, certificate.spoil_reason = True, reason
        session.flush()
        return _certificate_row(certificate)


# The golden book's sorts (GoldenBookRow's columns): the book (its scope: all, a year, a decision), the
# number, the recipient (official-list order), the kind, the decision (its register number), its date,
# and how many times the certificate was printed.
GOLDEN_BOOK_SORTS = ("book", "number", "recipient", "kind", "decision_number", "decision_date",
                     "certificates")


def _golden_book_keys() -> dict:
    registered = (select(RegisterEntry.year * 100_000 + RegisterEntry.number)
                  .where(RegisterEntry.decision_id == Decision.id,
                         RegisterEntry.doc_type == DocumentType.DECISION)
                  .limit(1).scalar_subquery())
    printed = select(func.count()).where(Certificate.decision_entry_id == DecisionEntry.id).scalar_subquery()
    scope = GoldenBookEntry.scope  # "decision:12" before "decision:112": shorter first, then the text
    return dict(zip(GOLDEN_BOOK_SORTS, (
        (func.length(scope), scope), GoldenBookEntry.number, Subject.sort_key,
        by_label(Subject.kind, SubjectKind), registered, Decision.issued_on, printed), strict=True))


def list_golden_book(db: Database, year: int | None = None, *, sort: str = "decision_date",
                     descending: bool = False) -> list[GoldenBookRow]:
    """The golden book: every number given at issue (in a year's decisions), to whom, by which decision,
    and how many times its certificate was printed (a cancelled decision's numbers stay, marked); sorted
    by the query on one of GOLDEN_BOOK_SORTS (empty values last), then by date, decision and number."""
    query = (select(GoldenBookEntry).options(selectinload(GoldenBookEntry.decision_entry).options(*_ENTRY))
             .join(DecisionEntry, DecisionEntry.id == GoldenBookEntry.decision_entry_id)
             .join(Decision, Decision.id == DecisionEntry.decision_id)
             .join(Nomination, Nomination.id == DecisionEntry.nomination_id)
             .join(Subject, Subject.id == Nomination.subject_id)
             .order_by(*order_by(_golden_book_keys(), sort, descending, Decision.issued_on, Decision.id,
                                 GoldenBookEntry.number)))
    if year is not None:
        query = query.where(Decision.issued_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    with db.read() as session:
        printed = dict(session.execute(select(Certificate.decision_entry_id, func.count()).group_by(
            Certificate.decision_entry_id)).all())
        rows = []
        for book in session.scalars(query):
            entry = book.decision_entry
            decision = entry.decision
            number = _number(decision)
            rows.append(GoldenBookRow(
                id=book.id, scheme=book.scheme, book=book_name(book.scope, number), number=book.number,
                recipient=entry.name, kind=entry.nomination.subject.kind, decision_id=decision.id,
                decision_number=number, decision_date=decision.issued_on,
                cancelled=decision.status is DecisionStatus.CANCELLED, certificates=printed.get(entry.id, 0),
            ))
    return rows
