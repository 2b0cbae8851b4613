"""Where nominations stand with the council: for the nominations page (each nomination's meeting and
result) and for the decision, which cites the closed meeting that passed its nominations."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AgendaItem, Meeting, MeetingStatus, Poll
from app.services.council.data import NominationCouncilResult
from app.services.council.views import poll_view
from app.storage.database import Database


def nomination_council_results(db: Database, nomination_ids: Iterable[int] | None = None
                               ) -> dict[int, NominationCouncilResult]:
    """The latest meeting (by day) that has each nomination on its agenda, with its poll's result."""
    with db.read() as session:
        statement = (select(AgendaItem).join(Meeting, Meeting.id == AgendaItem.meeting_id)
                     .order_by(Meeting.held_on, Meeting.id))
        if nomination_ids is not None:
            statement = statement.where(AgendaItem.nomination_id.in_(list(nomination_ids)))
        results: dict[int, NominationCouncilResult] = {}
        for item in session.scalars(statement):
            meeting, poll = item.meeting, item.poll
            closed = poll if poll is not None and poll.closed else None
            results[item.nomination_id] = NominationCouncilResult(
                nomination_id=item.nomination_id, meeting_id=meeting.id, held_on=meeting.held_on,
                meeting_closed=meeting.status is MeetingStatus.CLOSED,
                passed=closed.passed if closed else None,
                result_text=poll_view(meeting, closed).result_text if closed else "",
            )
        return results


def passing_meetings(session: Session, nomination_ids: Iterable[int]) -> dict[int, Meeting]:
    """For each nomination, the closed meeting whose poll passed it (the latest, should there be two)."""
    statement = (select(AgendaItem.nomination_id, Meeting)
                 .join(Meeting, Meeting.id == AgendaItem.meeting_id)
                 .join(Poll, Poll.agenda_item_id == AgendaItem.id)
                 .where(AgendaItem.nomination_id.in_(list(nomination_ids)),
                        Meeting.status == MeetingStatus.CLOSED, Poll.closed.is_(True), Poll.passed.is_(True))
                 .order_by(Meeting.held_on, Meeting.id))
    return {nomination_id: meeting for nomination_id, meeting in session.execute(statement)}
