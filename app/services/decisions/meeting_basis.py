"""The meeting a decision under the council procedure cites: the closed council meeting that passed its
nominations (its day goes into the basis line "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng xã
ngày …"). Without that meeting such a decision is not issued."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.errors import ConflictError
from app.models import Decision, DecisionBasis
from app.services.council.results import passing_meetings


def cites_meeting(decision: Decision) -> bool:
    """Under the council procedure, for a form the council votes on."""
    return decision.basis is DecisionBasis.COUNCIL and decision.award_form.needs_council_vote


def set_meeting_day(session: Session, decision: Decision) -> None:
    """The day of the latest closed meeting that passed the decision's nominations (left as given for a
    form the council does not vote on, and None when no such meeting is found)."""
    if not cites_meeting(decision):
        return
    meetings = passing_meetings(session, [entry.nomination.id for entry in decision.entries])
    decision.council_meeting_on = max((m.held_on for m in meetings.values()), default=None)


def require_meeting(session: Session, decision: Decision) -> None:
    """Refuse to issue a council decision one of whose nominations no closed meeting passed."""
    if not cites_meeting(decision):
        return
    meetings = passing_meetings(session, [entry.nomination.id for entry in decision.entries])
    missing = [entry.nomination for entry in decision.entries if entry.nomination.id not in meetings]
    if missing:
        names = "; ".join(n.subject.name for n in missing[:5]) + ("…" if len(missing) > 5 else "")
        raise ConflictError(
            "Chưa ban hành được: quyết định theo đề nghị của Hội đồng Thi đua - Khen thưởng phải căn cứ biên "
            f"bản phiên họp đã kết thúc của Hội đồng, nhưng chưa có phiên họp nào bình xét đạt cho: {names}. "
            "Hãy đưa các hồ sơ này ra phiên họp của Hội đồng."
        )
    set_meeting_day(session, decision)
