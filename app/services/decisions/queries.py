"""Reading decisions: the list, one decision in detail, the nominations a decision may include."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import (
    AwardForm,
    Decision,
    DecisionBasis,
    DecisionEntry,
    DecisionStatus,
    DocumentType,
    Nomination,
    NominationStatus,
    Round,
    RoundKind,
)
from app.services.decisions.content import KIND_RANK, amount_for, describe, official_order
from app.services.decisions.data import DecisionDetail, DecisionRow, EntryRow
from app.services.decisions.sorts import decision_keys
from app.services.records import get_or_not_found
from app.services.settings import BASE_SALARY, read_setting
from app.services.sorting import order_by
from app.storage.database import Database

_LOAD = (
    selectinload(Decision.entries).selectinload(DecisionEntry.nomination).selectinload(Nomination.subject),
    selectinload(Decision.register_entries),
    selectinload(Decision.round),
    selectinload(Decision.award_form),
)


def get_decision_row(session: Session, decision_id: int) -> Decision:
    return get_or_not_found(session, Decision, decision_id, "quyết định mã", options=_LOAD)


def includable_statuses(basis: DecisionBasis) -> tuple[NominationStatus, ...]:
    """Council: the nominations it passed. Simplified procedure: the chairman decides on appraised files."""
    if basis is DecisionBasis.SIMPLIFIED:
        return (NominationStatus.APPRAISED, NominationStatus.PASSED)
    return (NominationStatus.PASSED,)


def includable(session: Session, round_: Round, award_form_id: int, basis: DecisionBasis,
               decision_id: int | None = None) -> list[Nomination]:
    """Nominations of the round for the form that the decision may include, in official order: the
    right status, and not already in another decision that is not cancelled."""
    if basis is DecisionBasis.SIMPLIFIED and round_.kind is not RoundKind.AD_HOC:
        return []
    taken = select(DecisionEntry.nomination_id).join(Decision).where(
        Decision.status != DecisionStatus.CANCELLED, Decision.id != (decision_id or 0)
    )
    query = select(Nomination).where(
        Nomination.round_id == round_.id, Nomination.award_form_id == award_form_id,
        Nomination.status.in_(includable_statuses(basis)), Nomination.id.not_in(taken),
    ).options(selectinload(Nomination.subject), selectinload(Nomination.report))
    return official_order(list(session.scalars(query)))


def list_decisions(db: Database, round_id: int | None = None, *, sort: str | None = None,
                   descending: bool = False) -> list[DecisionRow]:
    """The decisions (of a round), newest first; with `sort`, sorted by the query on one of
    sorts.DECISION_SORTS first (empty values last)."""
    with db.read() as session:
        base_salary = read_setting(session, BASE_SALARY)
        newest = Decision.id.desc()
        keys = [newest] if sort is None else order_by(decision_keys(base_salary), sort, descending, newest)
        query = (select(Decision).options(*_LOAD).join(Round, Round.id == Decision.round_id)
                 .join(AwardForm, AwardForm.id == Decision.award_form_id).order_by(*keys))
        if round_id is not None:
            query = query.where(Decision.round_id == round_id)
        return [decision_row(d, base_salary) for d in session.scalars(query)]


def get_decision(db: Database, decision_id: int) -> DecisionDetail:
    with db.read() as session:
        decision = get_decision_row(session, decision_id)
        return decision_detail(decision, read_setting(session, BASE_SALARY))


def entry_rows(decision: Decision, base_salary: int) -> list[EntryRow]:
    if decision.status is DecisionStatus.DRAFT:
        nominations = official_order([e.nomination for e in decision.entries])
        return [EntryRow(n.id, n.subject_id, n.subject.kind, n.subject.name, describe(n),
                         amount_for(decision.award_form, n.subject.kind, base_salary)) for n in nominations]
    return [EntryRow(e.nomination_id, e.nomination.subject_id, e.nomination.subject.kind, e.name,
                     e.description, e.amount, e.golden_book_no) for e in decision.entries]


def decision_row(decision: Decision, base_salary: int, entries: list[EntryRow] | None = None) -> DecisionRow:
    entries = entry_rows(decision, base_salary) if entries is None else entries
    number, proposal = decision.registered(DocumentType.DECISION), decision.registered(DocumentType.PROPOSAL)
    return DecisionRow(
        id=decision.id, status=decision.status, number=number.label if number else "",
        issued_on=decision.issued_on, round_id=decision.round_id, round_name=decision.round.name,
        award_form_id=decision.award_form_id, form_name=decision.award_form.name, basis=decision.basis,
        counts={kind: sum(1 for e in entries if e.kind is kind) for kind in KIND_RANK},
        total=sum(e.amount for e in entries), signer_name=decision.signer_name,
        proposal_number=proposal.label if proposal else "",
    )


def decision_detail(decision: Decision, base_salary: int) -> DecisionDetail:
    entries = entry_rows(decision, base_salary)
    proposal = decision.registered(DocumentType.PROPOSAL)
    return DecisionDetail(
        row=decision_row(decision, base_salary, entries), version=decision.version,
        signer_role=decision.signer_role, achievement=decision.achievement,
        council_meeting_on=decision.council_meeting_on, proposal_on=proposal.issued_on if proposal else None,
        cancelled_on=decision.cancelled_on, cancel_reason=decision.cancel_reason, entries=entries,
    )


def list_includable(db: Database, round_id: int, award_form_id: int, basis: DecisionBasis,
                    decision_id: int | None = None) -> list[EntryRow]:
    """The nominations a decision for this round and form may include, in official order."""
    with db.read() as session:
        round_ = session.get(Round, round_id)
        form = session.get(AwardForm, award_form_id)
        if round_ is None or form is None:
            return []
        base_salary = read_setting(session, BASE_SALARY)
        return [
            EntryRow(n.id, n.subject_id, n.subject.kind, n.subject.name, describe(n),
                     amount_for(form, n.subject.kind, base_salary))
            for n in includable(session, round_, award_form_id, basis, decision_id)
        ]


def next_register_number(db: Database, doc_type: DocumentType, year: int) -> int:
    from app.services.decisions.register import next_number

    with db.read() as session:
        return next_number(session, year, doc_type)


def default_achievement_text(db: Database, round_id: int) -> str:
    """The achievement phrase a new decision of this round gets when the officer leaves it empty."""
    from app.services.decisions.content import default_achievement
    from app.services.wording import read_wording

    with db.read() as session:
        round_ = session.get(Round, round_id)
        return default_achievement(read_wording(session, DocumentType.DECISION), round_) if round_ else ""
