"""Decision drafts: create, change, delete. Issuing and cancelling are in decision_issue.py.

A draft names the round, the award form, who approved (the council, or the chairman under the simplified
procedure for ad-hoc commendations), the signer and the nominations it includes. Only nominations that
passed (or, under the simplified procedure, were appraised) and are in no other live decision can be
included. Once its proposal (tờ trình) has a number, the draft's list is locked.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session

from app.errors import ConflictError, ValidationError, Validator
from app.models import (
    AwardForm,
    Decision,
    DecisionBasis,
    DecisionEntry,
    DecisionStatus,
    DocumentType,
    Nomination,
    Round,
    RoundKind,
    SignerRole,
)
from app.rules.vntext import normalize_multiline, normalize_text
from app.services import records
from app.services.decisions.content import default_achievement
from app.services.decisions.data import DecisionDetail, DecisionInput
from app.services.decisions.meeting_basis import set_meeting_day
from app.services.decisions.queries import decision_detail, get_decision_row, includable
from app.services.settings import BASE_SALARY, read_commune_profile, read_setting
from app.services.wording import read_wording
from app.storage.database import Database
from app.storage.versions import bump_version

NO_NOMINATIONS = (
    "Danh sách khen thưởng: chưa có hồ sơ nào được Hội đồng bình xét đạt (hoặc được Chủ tịch duyệt theo "
    "thủ tục đơn giản) cho hình thức này trong đợt; không lập được quyết định."
)


def create_decision(db: Database, data: DecisionInput) -> DecisionDetail:
    with db.transaction() as session:
        decision = new_draft(session, data)
        return decision_detail(get_decision_row(session, decision.id), read_setting(session, BASE_SALARY))


def new_draft(session: Session, data: DecisionInput) -> Decision:
    """A draft decision inside the caller's transaction (the demo data uses it too)."""
    round_, form = _references(session, data)
    decision = Decision(round_id=round_.id, award_form_id=form.id, status=DecisionStatus.DRAFT,
                        basis=data.basis, signer_role=data.signer_role, version=1)
    decision.round, decision.award_form = round_, form
    _apply(session, decision, data)
    session.add(decision)
    session.flush()
    return decision


def update_decision(db: Database, decision_id: int, data: DecisionInput,
                    expected_version: int | None = None) -> DecisionDetail:
    with db.transaction() as session:
        decision = editable_draft(session, decision_id, expected_version)
        locked = decision.registered(DocumentType.PROPOSAL) is not None
        if locked and _list_changes(decision, data):
            raise ConflictError(
                "Tờ trình của dự thảo này đã có số: danh sách khen thưởng không đổi được nữa. "
                "Hãy lập dự thảo mới nếu cần đổi danh sách."
            )
        if locked:  # the proposal's list stands: nothing comes in or goes out
            data = dataclasses.replace(data, nomination_ids=[e.nomination_id for e in decision.entries])
        decision.basis, decision.signer_role = data.basis, data.signer_role
        _check_basis(session, decision.round, data.basis)
        _apply(session, decision, data)
        bump_version(decision)
        session.flush()
        return decision_detail(get_decision_row(session, decision.id), read_setting(session, BASE_SALARY))


def delete_decision(db: Database, decision_id: int, expected_version: int | None = None) -> None:
    """Delete a draft. A number its proposal took stays in the register, marked cancelled."""
    with db.transaction() as session:
        decision = editable_draft(session, decision_id, expected_version)
        for entry in decision.register_entries:
            entry.cancelled = True
            entry.note = "Dự thảo quyết định kèm theo đã bị xóa."
        session.delete(decision)


def editable_draft(session: Session, decision_id: int, expected_version: int | None) -> Decision:
    decision = get_decision_row(session, decision_id)
    check_version(decision, expected_version)
    if decision.status is not DecisionStatus.DRAFT:
        raise ConflictError(
            f"Quyết định {_label(decision)} đã {decision.status.label.lower()}: nội dung không sửa được nữa. "
            "Muốn thay đổi, hãy hủy quyết định này và lập quyết định mới."
        )
    return decision


def check_version(decision: Decision, expected_version: int | None) -> None:
    records.check_version(decision, expected_version, "Quyết định", "Hãy đóng biểu mẫu, mở lại rồi làm lại.")


def _label(decision: Decision) -> str:
    entry = decision.registered(DocumentType.DECISION)
    return f"số {entry.label}" if entry else f"(dự thảo {decision.id})"


def _references(session: Session, data: DecisionInput) -> tuple[Round, AwardForm]:
    check = Validator()
    round_ = session.get(Round, data.round_id) if data.round_id else None
    form = session.get(AwardForm, data.award_form_id) if data.award_form_id else None
    if round_ is None:
        check.add("round_id", "Đợt xét: hãy chọn đợt xét.")
    if form is None:
        check.add("award_form_id", "Hình thức khen thưởng: hãy chọn hình thức.")
    check.raise_if_any()
    _check_basis(session, round_, data.basis)
    return round_, form


def _check_basis(session: Session, round_: Round, basis: DecisionBasis) -> None:
    if basis is DecisionBasis.SIMPLIFIED and round_.kind is not RoundKind.AD_HOC:
        raise ValidationError({"basis": (
            "Căn cứ xét: thủ tục đơn giản chỉ dùng cho khen thưởng đột xuất; "
            f"đợt “{round_.name}” là đợt {round_.kind.label.lower()}."
        )})


def _apply(session: Session, decision: Decision, data: DecisionInput) -> None:
    """Signer, achievement phrase, meeting day and the list; ValidationError naming the field."""
    profile = read_commune_profile(session)
    name = normalize_text(data.signer_name)
    if not name:
        name = profile.chairman if data.signer_role is SignerRole.CHAIRMAN else next(
            iter(profile.vice_chairmen), "")
    decision.signer_name = name
    wording = read_wording(session, DocumentType.DECISION)
    achievement = normalize_multiline(data.achievement) or default_achievement(wording, decision.round)
    decision.achievement = achievement.rstrip(" .")
    decision.council_meeting_on = data.council_meeting_on
    _check_lengths(decision)
    _set_entries(session, decision, data.nomination_ids)
    set_meeting_day(session, decision)  # the council's meeting that passed the list, when it votes


def _check_lengths(decision: Decision) -> None:
    check = Validator()
    check.max_length("signer_name", "Người ký", decision.signer_name, 200)
    check.max_length("achievement", "Thành tích", decision.achievement, 1000)
    check.plain_text("signer_name", "Người ký", decision.signer_name)
    check.plain_text("achievement", "Thành tích", decision.achievement)
    check.raise_if_any()


def _names_of(session: Session, nomination_ids: list[int]) -> str:
    """The people (or collectives) of these nominations, as the officer knows them; a nomination that no
    longer exists is said so, without its number."""
    found = {n.id: n.subject.name for n in (session.get(Nomination, i) for i in nomination_ids[:5]) if n}
    names = [found.get(i, "(một hồ sơ đã bị xóa)") for i in nomination_ids[:5]]
    return ", ".join(names) + ("…" if len(nomination_ids) > 5 else "")


def _set_entries(session: Session, decision: Decision, wanted: list[int] | None) -> None:
    allowed = includable(session, decision.round, decision.award_form_id, decision.basis, decision.id)
    allowed_ids = [n.id for n in allowed]
    chosen = allowed_ids if wanted is None else [i for i in allowed_ids if i in set(wanted)]
    stray = sorted(set(wanted or []) - set(allowed_ids))
    if stray:
        raise ValidationError({"nomination_ids": (
            f"Danh sách khen thưởng: không đưa vào quyết định này được hồ sơ của {_names_of(session, stray)} "
            "(chưa được bình xét đạt, khác đợt hoặc hình thức, hoặc đã có trong quyết định khác)."
        )})
    if not chosen:
        raise ValidationError({"nomination_ids": NO_NOMINATIONS})
    current = {entry.nomination_id: entry for entry in decision.entries}
    by_id = {n.id: n for n in allowed}
    decision.entries = [current.get(i) or DecisionEntry(nomination=by_id[i]) for i in chosen]
    for position, entry in enumerate(decision.entries, start=1):
        entry.position = position


def _list_changes(decision: Decision, data: DecisionInput) -> bool:
    current = {entry.nomination_id for entry in decision.entries}
    return data.nomination_ids is not None and set(data.nomination_ids) != current or (
        data.basis is not decision.basis)
