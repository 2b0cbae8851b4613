"""Closing a meeting: its results move the nominations (a passed poll to "đã bình xét — đạt", a failed
one to "không đạt", written into each nomination's history with the meeting), and the meeting is locked."""

from __future__ import annotations

import datetime as dt

from app.errors import ConflictError, ValidationError
from app.models import Meeting, MeetingStatus
from app.rules.vntext import vn_short_date
from app.services.accounts.permissions import require_approve
from app.services.council.common import get_meeting_row, meeting_title, require_open
from app.services.council.data import MeetingView
from app.services.council.views import meeting_view, poll_view
from app.services.nominations.flow import record_council_result
from app.services.records import check_version
from app.storage.database import Database
from app.storage.versions import bump_version


def close_meeting(db: Database, meeting_id: int, closed_at: dt.datetime | None = None,
                  expected_version: int | None = None) -> MeetingView:
    """End the meeting at `closed_at` (now by default): every poll must be closed; the nominations voted
    on take their results; attendance, opinions and polls are locked from then on."""
    with db.transaction() as session:
        require_approve(session, "kết thúc phiên họp và ghi kết quả bình xét của Hội đồng")
        meeting = get_meeting_row(session, meeting_id)
        require_open(meeting)
        check_version(meeting, expected_version, meeting_title(meeting))
        moment = (closed_at or dt.datetime.now()).replace(microsecond=0)
        _check_closable(meeting, moment)
        for item in meeting.agenda:
            poll = item.poll
            if poll is not None:
                result = poll_view(meeting, poll).result_text
                text = (f"Hội đồng Thi đua - Khen thưởng họp ngày {vn_short_date(meeting.held_on)} bình xét: "
                        f"{'đạt' if poll.passed else 'không đạt'} ({result}).")
                record_council_result(session, item.nomination, bool(poll.passed), text, meeting.held_on)
        meeting.status, meeting.closed_at = MeetingStatus.CLOSED, moment
        bump_version(meeting)
        session.flush()
        return meeting_view(session, meeting)


def _check_closable(meeting: Meeting, moment: dt.datetime) -> None:
    if moment.date() < meeting.held_on:
        raise ValidationError({"closed_at": (
            f"Thời điểm kết thúc: {vn_short_date(moment.date())} sớm hơn ngày họp "
            f"({vn_short_date(meeting.held_on)}).")})
    if meeting.starts_at and moment.date() == meeting.held_on and moment.time() < meeting.starts_at:
        raise ValidationError({"closed_at": "Thời điểm kết thúc: sớm hơn giờ bắt đầu phiên họp."})
    still_open = [item.nomination.subject.name for item in meeting.agenda
                  if item.poll is not None and not item.poll.closed]
    if still_open:
        raise ConflictError(
            f"{meeting_title(meeting)} còn biểu quyết chưa kết thúc ({', '.join(still_open[:5])}); hãy kết "
            "thúc hoặc xóa các biểu quyết đó trước khi kết thúc phiên họp."
        )
