"""A nomination's path: nháp → đã đề nghị → đã thẩm định → đã bình xét (đạt / không đạt) → đã quyết định.

Each step is checked here and written to the nomination's history. The appraisal (thẩm định) is the
checklist: a nomination is appraised only when every criterion is decided and none fails.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.errors import ConflictError, ValidationError, Validator
from app.models import ChecklistItem, Criterion, CriterionMode, CriterionOutcome, Nomination, NominationStatus
from app.rules.vntext import normalize_multiline
from app.services.accounts.permissions import require_approve
from app.services.nominations.crud import (
    add_event,
    check_version,
    described,
    get_nomination_row,
    require_editable,
)
from app.services.nominations.data import JudgementInput
from app.services.nominations.queries import checklist_for
from app.storage.database import Database
from app.storage.versions import bump_version

S = NominationStatus
EMPTY_REPORT = "Thành tích đạt được: báo cáo thành tích chưa có nội dung; hãy nhập trước khi đề nghị."


def _move(nomination: Nomination, target: NominationStatus, text: str) -> None:
    nomination.status = target
    bump_version(nomination)
    add_event(nomination, text, target)


def _expect(nomination: Nomination, *allowed: NominationStatus) -> None:
    if nomination.status not in allowed:
        names = " hoặc ".join(f"“{s.label}”" for s in allowed)
        raise ConflictError(
            f"{described(nomination)} đang “{nomination.status.label}”; "
            f"bước này chỉ làm được khi hồ sơ {names}."
        )


def propose(db: Database, nomination_id: int, expected_version: int | None = None) -> None:
    """Nháp → đã đề nghị: the achievement report must say what was achieved."""
    with db.transaction() as session:
        nomination = get_nomination_row(session, nomination_id)
        check_version(nomination, expected_version)
        _expect(nomination, S.DRAFT)
        if not nomination.report or not nomination.report.achievements.strip():
            raise ValidationError({"report.achievements": EMPTY_REPORT})
        _move(nomination, S.PROPOSED, "Đơn vị đã đề nghị.")


def appraise(db: Database, nomination_id: int, expected_version: int | None = None,
             today: dt.date | None = None) -> None:
    """Đã đề nghị → đã thẩm định: refused, with what is missing, unless the checklist is ready."""
    with db.transaction() as session:
        nomination = get_nomination_row(session, nomination_id)
        check_version(nomination, expected_version)
        _expect(nomination, S.PROPOSED)
        _require_ready(session, nomination, today)
        _move(nomination, S.APPRAISED, "Đã thẩm định: đủ tiêu chuẩn, trình Hội đồng.")


def _require_ready(session: Session, nomination: Nomination, today: dt.date | None) -> None:
    checklist = checklist_for(session, nomination, today or dt.date.today())
    if not checklist.ready:
        problems = [*checklist.failures, *checklist.missing]
        raise ValidationError({"checklist": "Chưa trình Hội đồng được: " + "; ".join(problems) + "."})


def record_review(db: Database, nomination_id: int, passed: bool, note: str = "",
                  expected_version: int | None = None, today: dt.date | None = None) -> None:
    """Đã thẩm định → đã bình xét, đạt or không đạt, for a form the council does not vote on (the
    village meeting reviews GĐVH); a form the council votes on reaches it only through a closed meeting."""
    _refuse_controls("note", "Ghi chú", note)
    with db.transaction() as session:
        require_approve(session, "ghi kết quả bình xét của Hội đồng")
        nomination = get_nomination_row(session, nomination_id)
        check_version(nomination, expected_version)
        form = nomination.award_form
        if form.needs_council_vote:
            raise ConflictError(
                f"“{form.name}” do Hội đồng Thi đua - Khen thưởng biểu quyết: kết quả bình xét của hồ sơ "
                f"{nomination.subject.name} chỉ được ghi qua phiên họp của Hội đồng "
                "(trang Hội đồng, phiên họp)."
            )
        text = "Hội đồng bình xét: " + ("đạt" if passed else "không đạt") + (f". {note}" if note else ".")
        record_council_result(session, nomination, passed, text, today)


def record_council_result(session: Session, nomination: Nomination, passed: bool, text: str,
                          today: dt.date | None = None) -> None:
    """Đã thẩm định → đã bình xét, đạt or không đạt, inside the caller's transaction (a closing meeting's
    poll, or record_review for a form the council does not vote on); `text` goes to the history."""
    _expect(nomination, S.APPRAISED)
    if passed:
        _require_ready(session, nomination, today)
    _move(nomination, S.PASSED if passed else S.FAILED, text)


def mark_decided(session: Session, nomination: Nomination, decision_label: str,
                 allowed: tuple[NominationStatus, ...] = (S.PASSED,)) -> None:
    """Đã bình xét đạt (or, under the simplified procedure, đã thẩm định) → đã quyết định; called by the
    decision service inside its transaction."""
    _expect(nomination, *allowed)
    _move(nomination, S.DECIDED, f"Đã có quyết định khen thưởng: {decision_label}.")


def undo_decided(session: Session, nomination: Nomination, target: NominationStatus, text: str) -> None:
    """Đã quyết định → back to `target` when the decision is cancelled; the reason goes to the history."""
    _expect(nomination, S.DECIDED)
    _move(nomination, target, text)


def return_to_draft(
    db: Database, nomination_id: int, reason: str, expected_version: int | None = None
) -> None:
    """Send a proposed or appraised nomination back for correction; the reason is kept."""
    reason = normalize_multiline(reason)
    if not reason:
        raise ValidationError({"reason": "Lý do trả lại: không được để trống."})
    _refuse_controls("reason", "Lý do trả lại", reason)
    with db.transaction() as session:
        nomination = get_nomination_row(session, nomination_id)
        check_version(nomination, expected_version)
        _expect(nomination, S.PROPOSED, S.APPRAISED)
        _move(nomination, S.DRAFT, f"Trả lại để bổ sung: {reason}")


def set_judgement(db: Database, nomination_id: int, judgement: JudgementInput,
                  today: dt.date | None = None) -> None:
    """The appraiser's decision on one judged criterion, with a note and optionally an evidence file."""
    note = normalize_multiline(judgement.note)
    _refuse_controls("note", "Ghi chú", note)
    with db.transaction() as session:
        nomination = get_nomination_row(session, nomination_id)
        require_editable(nomination)
        criterion = _judged_criterion(session, nomination, judgement.criterion_id)
        if judgement.outcome is CriterionOutcome.NOT_MET and not note:
            raise ValidationError({"note": "Ghi chú: hãy ghi lý do không đạt."})
        stored = _store_evidence(session, db, judgement.file_path) if judgement.file_path else None
        item = next((i for i in nomination.checklist if i.criterion_id == criterion.id), None)
        if item is None:
            item = ChecklistItem(criterion_id=criterion.id)
            nomination.checklist.append(item)
        item.outcome, item.note = judgement.outcome, note
        item.decided_on = judgement.decided_on or today or dt.date.today()
        if stored is not None:
            item.stored_file_id = stored.id
        bump_version(nomination)
        add_event(nomination, f"Đánh giá tiêu chí “{_short(criterion.text)}”: {judgement.outcome.label}"
                              + (f" — {note}" if note else "") + ".")


def _refuse_controls(field: str, label: str, value: str) -> None:
    """A control character (escape, NUL…) is never stored, on either database (Validator.plain_text)."""
    check = Validator()
    check.plain_text(field, label, value)
    check.raise_if_any()


def _short(text: str, limit: int = 60) -> str:
    text = text.rstrip(";.,")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _judged_criterion(session: Session, nomination: Nomination, criterion_id: int) -> Criterion:
    criterion = session.get(Criterion, criterion_id)
    check = Validator()
    if criterion is None or criterion.award_form_id != nomination.award_form_id:
        check.add("criterion_id", "Tiêu chí: không thuộc hình thức khen thưởng của hồ sơ này.")
    elif criterion.mode is not CriterionMode.JUDGED:
        check.add("criterion_id", "Tiêu chí: tiêu chí này do dữ liệu quyết định, không đánh giá tay được.")
    check.raise_if_any()
    return criterion


def _store_evidence(session: Session, db: Database, path: str):
    from app.storage.file_store import store_file

    return store_file(session, db.data_dir, path, evidence=True)  # a document or an image only
