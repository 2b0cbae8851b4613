"""What an upload package says about its decisions, gathered in one read into plain JSON-ready dicts.

Only issued decisions travel (a draft has no number yet, a cancelled one is not sent). A recipient
carries what the province's lists ask for: kind, name, gender and year of birth, position and unit,
the golden-book number and the reward; never the citizen ID or the phone (legal notes §7).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import ServiceError
from app.models import Decision, DecisionEntry, DecisionStatus, DocumentType, Nomination, Round, Subject
from app.services.decisions.queries import get_decision_row
from app.services.records import get_or_not_found

_LOAD = (
    selectinload(Decision.entries).selectinload(DecisionEntry.nomination).selectinload(Nomination.subject)
    .selectinload(Subject.unit),
    selectinload(Decision.register_entries),
    selectinload(Decision.round),
    selectinload(Decision.award_form),
)


def decision_for_package(session: Session, decision_id: int) -> dict:
    decision = get_decision_row(session, decision_id)
    if decision.status is not DecisionStatus.ISSUED:
        state = "đã bị hủy" if decision.status is DecisionStatus.CANCELLED else "chưa ban hành"
        raise ServiceError(f"Quyết định mã {decision_id} {state}: chỉ quyết định đã ban hành mới gửi tỉnh.")
    return decision_json(decision)


def round_for_package(session: Session, round_id: int) -> tuple[Round, list[dict]]:
    round_ = get_or_not_found(session, Round, round_id, "đợt xét mã")
    query = (select(Decision).where(Decision.round_id == round_id, Decision.status == DecisionStatus.ISSUED)
             .options(*_LOAD).order_by(Decision.issued_on, Decision.id))
    decisions = [decision_json(d) for d in session.scalars(query)]
    if not decisions:
        raise ServiceError(f"Đợt xét “{round_.name}” chưa có quyết định nào đã ban hành để gửi tỉnh.")
    return round_, decisions


def year_for_package(session: Session, year: int) -> list[dict]:
    """Every issued decision of a year's rounds, in the order they were issued."""
    query = (select(Decision).join(Round).where(Round.year == year, Decision.status == DecisionStatus.ISSUED)
             .options(*_LOAD).order_by(Decision.issued_on, Decision.id))
    decisions = [decision_json(d) for d in session.scalars(query)]
    if not decisions:
        raise ServiceError(f"Năm {year} chưa có quyết định nào đã ban hành để gửi tỉnh.")
    return decisions


def decision_json(decision: Decision) -> dict:
    number = decision.registered(DocumentType.DECISION)
    proposal = decision.registered(DocumentType.PROPOSAL)
    round_ = decision.round
    return {
        "id": decision.id,
        "number": number.label if number else "",
        "issued_on": decision.issued_on.isoformat() if decision.issued_on else None,
        "form": {"code": decision.award_form.code, "name": decision.award_form.name,
                 "kind": decision.award_form.kind.value},
        "round": {"id": round_.id, "name": round_.name, "kind": round_.kind.value, "year": round_.year,
                  "quarter": round_.quarter},
        "basis": decision.basis.value,
        "signer": decision.signer_name,
        "achievement": decision.achievement,
        "proposal": {"number": proposal.label if proposal else "",
                     "issued_on": proposal.issued_on.isoformat() if proposal else None},
        "recipients": [_recipient(entry) for entry in decision.entries],
    }


def _recipient(entry: DecisionEntry) -> dict:
    subject = entry.nomination.subject
    return {
        "nomination_id": entry.nomination_id,
        "kind": subject.kind.value,
        "kind_label": subject.kind.label,
        "name": entry.name,
        "description": entry.description,
        "gender": subject.gender.value if subject.gender else None,
        "gender_label": subject.gender.label if subject.gender else "",
        "birth_year": subject.birth_date.year if subject.birth_date else subject.birth_year,
        "position": subject.position,
        "unit": subject.unit.name if subject.unit else "",
        "golden_book_no": entry.golden_book_no,
        "amount": entry.amount,
    }
