"""Issuing a decision's proposal and the decision itself, and cancelling an issued decision.

Issuing takes a register number and fixes the day; the decision's list (names, descriptions, amounts,
golden-book numbers), its wording and its whole text are frozen; the nominations become "đã quyết định"
and each recipient's award history gets a row that points back to the nomination and the decision.
Cancelling keeps the number (marked cancelled), removes those history rows and sends the nominations back,
so that a corrected decision can be made.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.errors import ConflictError, ValidationError, Validator
from app.exporters.award_content import AwardContent
from app.exporters.decision_builder import build_decision, subject_line
from app.exporters.proposal_builder import build_proposal
from app.models import AwardRecord, Decision, DecisionBasis, DecisionStatus, DocumentType, NominationStatus
from app.rules.vntext import normalize_multiline, vn_short_date
from app.services.accounts.permissions import require_approve
from app.services.certificates.golden_book import number_recipients
from app.services.decisions.content import award_content, official_order
from app.services.decisions.data import DecisionDetail, IssueInput
from app.services.decisions.drafts import check_version, editable_draft
from app.services.decisions.meeting_basis import require_meeting
from app.services.decisions.queries import decision_detail, get_decision_row, includable_statuses
from app.services.decisions.register import take_number
from app.services.nominations.flow import mark_decided, undo_decided
from app.services.settings import BASE_SALARY, read_setting
from app.services.wording import read_wording
from app.storage.database import Database
from app.storage.versions import bump_version


def issue_proposal(db: Database, decision_id: int, data: IssueInput) -> DecisionDetail:
    """Give the draft's proposal (tờ trình) its number and day; the draft's list is then locked."""
    with db.transaction() as session:
        decision = editable_draft(session, decision_id, data.expected_version)
        proposal_issued(session, decision, data)
        return _detail(session, decision)


def proposal_issued(session: Session, decision: Decision, data: IssueInput) -> None:
    require_approve(session, "cấp số tờ trình")
    if decision.registered(DocumentType.PROPOSAL):
        raise ConflictError("Tờ trình của dự thảo này đã có số; mỗi dự thảo chỉ có một tờ trình.")
    wording = read_wording(session, DocumentType.PROPOSAL)
    if not wording.get("signer_name"):
        raise ValidationError({"signer_name": (
            "Người ký tờ trình: chưa có họ tên. Hãy khai báo trong Mẫu văn bản › Tờ trình."
        )})
    day = data.day or dt.date.today()
    _check_day(decision, day, None)
    content = award_content(session, decision)  # read once; the number and day are set below
    summary = "Đề nghị " + subject_line(content).removeprefix("Về việc ")
    symbol = wording["symbol"]
    entry = take_number(session, DocumentType.PROPOSAL, day, symbol, summary, decision, data.number)
    content = dataclasses.replace(content, proposal_number=entry.label, proposal_on=day)
    decision.proposal_json = build_proposal(content, wording).to_json()
    bump_version(decision)


def issue_decision(db: Database, decision_id: int, data: IssueInput) -> DecisionDetail:
    """Issue the draft: number, day, frozen text, nominations decided, award history written."""
    with db.transaction() as session:
        decision = editable_draft(session, decision_id, data.expected_version)
        decision_issued(session, decision, data)
        return _detail(session, decision)


def decision_issued(session: Session, decision: Decision, data: IssueInput) -> None:
    require_approve(session, "ban hành quyết định")
    _require_issuable(decision)
    require_meeting(session, decision)  # and its day, for the basis line
    day = data.day or dt.date.today()
    proposal = decision.registered(DocumentType.PROPOSAL)
    _check_day(decision, day, proposal.issued_on if proposal else None)
    content = award_content(session, decision)  # read once; the number and day are set below
    wording = content.wording
    symbol = wording["symbol"]
    entry = take_number(session, DocumentType.DECISION, day, symbol, subject_line(content), decision,
                        data.number)
    decision.issued_on = day
    content = dataclasses.replace(content, number=entry.label, issued_on=day)
    _freeze_entries(decision, content)
    number_recipients(session, decision)  # golden-book numbers, as the commune's setting says
    _write_history(session, decision, content, entry.label)
    decision.wording_json = json.dumps(wording, ensure_ascii=False)
    decision.content_json = build_decision(content).to_json()
    decision.status = DecisionStatus.ISSUED
    bump_version(decision)


def cancel_decision(db: Database, decision_id: int, reason: str, day: dt.date | None = None,
                    expected_version: int | None = None) -> DecisionDetail:
    """Cancel an issued decision: its number stays taken, its awards are withdrawn."""
    with db.transaction() as session:
        decision = get_decision_row(session, decision_id)
        check_version(decision, expected_version)
        decision_cancelled(session, decision, reason, day)
        return _detail(session, decision)


def decision_cancelled(session: Session, decision: Decision, reason: str, day: dt.date | None) -> None:
    require_approve(session, "hủy quyết định")
    reason = normalize_multiline(reason)
    if not reason:
        raise ValidationError({"reason": "Lý do hủy: không được để trống."})
    check = Validator()
    check.plain_text("reason", "Lý do hủy", reason)
    check.raise_if_any()
    if decision.status is not DecisionStatus.ISSUED:
        raise ConflictError(
            f"Chỉ hủy được quyết định đã ban hành; quyết định này “{decision.status.label}”."
        )
    entry = decision.registered(DocumentType.DECISION)
    entry.cancelled, entry.note = True, f"Đã hủy: {reason}"
    session.execute(delete(AwardRecord).where(AwardRecord.decision_id == decision.id))
    back = NominationStatus.PASSED
    if decision.basis is DecisionBasis.SIMPLIFIED:
        back = NominationStatus.APPRAISED
    for item in decision.entries:
        undo_decided(session, item.nomination, back, f"Quyết định số {entry.label} đã bị hủy: {reason}")
    decision.status, decision.cancelled_on = DecisionStatus.CANCELLED, day or dt.date.today()
    decision.cancel_reason = reason
    bump_version(decision)


def _detail(session: Session, decision: Decision) -> DecisionDetail:
    session.flush()
    return decision_detail(decision, read_setting(session, BASE_SALARY))


def _require_issuable(decision: Decision) -> None:
    if not decision.signer_name:
        raise ValidationError({"signer_name": (
            "Người ký: chưa có họ tên người ký. Hãy nhập họ tên Chủ tịch hoặc Phó Chủ tịch ký quyết định."
        )})
    if not decision.entries:
        raise ValidationError({"nomination_ids": "Danh sách khen thưởng: quyết định chưa có ai."})
    allowed = includable_statuses(decision.basis)
    stale = [e.nomination for e in decision.entries if e.nomination.status not in allowed]
    if stale:
        names = "; ".join(f"{n.subject.name} ({n.status.label.lower()})" for n in stale[:5])
        raise ConflictError(
            f"Có hồ sơ không còn ở trạng thái được khen thưởng: {names}. Hãy sửa danh sách của dự thảo."
        )


def _check_day(decision: Decision, day: dt.date, proposal_day: dt.date | None) -> None:
    meeting = decision.council_meeting_on
    if meeting and decision.basis is DecisionBasis.COUNCIL and day < meeting:
        raise ValidationError({"day": (
            f"Ngày ban hành: {vn_short_date(day)} sớm hơn ngày họp Hội đồng ({vn_short_date(meeting)})."
        )})
    if proposal_day and day < proposal_day:
        raise ValidationError({"day": (
            f"Ngày ban hành: {vn_short_date(day)} sớm hơn ngày của tờ trình ({vn_short_date(proposal_day)})."
        )})


def _freeze_entries(decision: Decision, content: AwardContent) -> None:
    """Order the list officially; names, descriptions and amounts as issued; golden-book numbers."""
    order = {n.id: index for index, n in enumerate(official_order([e.nomination for e in decision.entries]))}
    decision.entries.sort(key=lambda e: order[e.nomination_id])
    for position, (item, listed) in enumerate(zip(decision.entries, content.recipients, strict=True), 1):
        item.position = item.golden_book_no = position
        item.name, item.description, item.amount = listed.name, listed.description[:500], listed.amount


def _write_history(session: Session, decision: Decision, content: AwardContent, label: str) -> None:
    form, round_ = decision.award_form, decision.round
    counts = form.counts_toward_merit and round_.kind.counts_toward_merit
    issuer = f"Chủ tịch UBND {content.places.values()['commune_lower']}"
    for item in decision.entries:
        mark_decided(session, item.nomination, label, includable_statuses(decision.basis))
        session.add(AwardRecord(
            subject_id=item.nomination.subject_id, form_name=form.name, year=round_.year, decision_no=label,
            decision_date=decision.issued_on, issuer=issuer, note=f"Số sổ vàng: {item.golden_book_no}",
            award_form_id=form.id, counts_toward_merit=counts, nomination_id=item.nomination_id,
            decision_id=decision.id, movement_id=round_.movement_id,
        ))
