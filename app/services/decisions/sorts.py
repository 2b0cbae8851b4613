"""The decisions list's sorts, as the query's ORDER BY keys (services/sorting.py)."""

from __future__ import annotations

from sqlalchemy import case, func, select

from app.models import (
    AwardForm,
    Decision,
    DecisionEntry,
    DecisionStatus,
    DocumentType,
    Nomination,
    RegisterEntry,
    Round,
    Subject,
    SubjectKind,
)
from app.services.sorting import by_rank, by_text

# DecisionRow's columns: the number and the proposal's number, the date, the form (in the catalogue's
# order), the round, the recipients (counted), the total, the status (draft, issued, cancelled).
DECISION_SORTS = ("number", "issued_on", "form_name", "round_name", "recipients", "total", "status",
                  "proposal_number")


def _registered(doc_type: DocumentType):
    """The number a document of the decision was given, in the register's order (year, then number)."""
    return (select(RegisterEntry.year * 100_000 + RegisterEntry.number)
            .where(RegisterEntry.decision_id == Decision.id, RegisterEntry.doc_type == doc_type)
            .limit(1).scalar_subquery())


def _total(base_salary: int):
    """The decision's total in đồng: the amounts written at issue, or a draft's rewards at today's base
    salary (as catalogue.reward_amount rounds them: whole đồng, halves up)."""
    hundredths = case(
        (Subject.kind == SubjectKind.INDIVIDUAL, AwardForm.reward_individual),
        (Subject.kind == SubjectKind.COLLECTIVE, AwardForm.reward_collective),
        else_=AwardForm.reward_household)
    drafted = (func.coalesce(hundredths, 0) * base_salary + 50) / 100
    amount = case((Decision.status == DecisionStatus.DRAFT, drafted), else_=DecisionEntry.amount)
    return (select(func.coalesce(func.sum(amount), 0))
            .join(Nomination, Nomination.id == DecisionEntry.nomination_id)
            .join(Subject, Subject.id == Nomination.subject_id)
            .where(DecisionEntry.decision_id == Decision.id).scalar_subquery())


def decision_keys(base_salary: int) -> dict:
    """The ORDER BY key of each of DECISION_SORTS (the query joins Round and AwardForm)."""
    recipients = select(func.count()).where(DecisionEntry.decision_id == Decision.id).scalar_subquery()
    return dict(zip(DECISION_SORTS, (
        _registered(DocumentType.DECISION), Decision.issued_on, AwardForm.sort_order, by_text(Round.name),
        recipients, _total(base_salary),
        by_rank(Decision.status, DecisionStatus),
        _registered(DocumentType.PROPOSAL),
    ), strict=True))
