"""What the council's modules share inside a transaction: a meeting loaded and its lock, the vote rule
of a form or a poll, the attendance counted."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

from sqlalchemy.orm import Session

from app.errors import ConflictError
from app.models import AgendaItem, AttendanceStatus, AwardForm, Meeting, MeetingStatus, Poll
from app.rules.council import Quorum, VoteRule, quorum
from app.rules.vntext import vn_short_date
from app.services.council.members import read_council_rules
from app.services.records import get_or_not_found


def get_meeting_row(session: Session, meeting_id: int) -> Meeting:
    return get_or_not_found(session, Meeting, meeting_id, "phiên họp Hội đồng số")


def get_agenda_item_row(session: Session, item_id: int) -> AgendaItem:
    return get_or_not_found(session, AgendaItem, item_id, "nội dung họp số")


def get_poll_row(session: Session, poll_id: int) -> Poll:
    return get_or_not_found(session, Poll, poll_id, "biểu quyết số")


def require_open(meeting: Meeting) -> None:
    """A closed meeting is locked: attendance, opinions and polls no longer change."""
    if meeting.status is MeetingStatus.CLOSED:
        raise ConflictError(
            f"Phiên họp ngày {vn_short_date(meeting.held_on)} đã kết thúc: điểm danh, ý kiến bằng văn bản và "
            "biểu quyết không sửa được nữa. Muốn điều chỉnh, hãy lập phiên họp mới."
        )


def meeting_title(meeting: Meeting) -> str:
    return f"Phiên họp ngày {vn_short_date(meeting.held_on)}"


def form_rule(form: AwardForm) -> VoteRule:
    return VoteRule(form.threshold_base, Fraction(form.threshold_numerator, form.threshold_denominator),
                    form.threshold_strict, form.counts_written_opinions)


def poll_rule(poll: Poll) -> VoteRule:
    """The rule copied into the poll when it started (the catalogue may have changed since)."""
    return VoteRule(poll.rule_base, Fraction(poll.rule_numerator, poll.rule_denominator), poll.rule_strict,
                    poll.rule_counts_opinions)


def attendance_counts(meeting: Meeting) -> Counter[AttendanceStatus]:
    return Counter(row.status for row in meeting.attendance)


def members_present(meeting: Meeting) -> int:
    return attendance_counts(meeting)[AttendanceStatus.PRESENT]


def meeting_quorum(session: Session, meeting: Meeting) -> Quorum:
    rules = read_council_rules(session)
    return quorum(members_present(meeting), len(meeting.attendance), rules.quorum_fraction)


def can_decide(session: Session, meeting: Meeting) -> bool:
    return meeting_quorum(session, meeting).reached or bool(meeting.quorum_override_reason)


def require_quorum(session: Session, meeting: Meeting) -> None:
    """Before any vote: enough members present, or the chair's reason for going on without."""
    found = meeting_quorum(session, meeting)
    if not found.reached and not meeting.quorum_override_reason:
        raise ConflictError(
            f"Chưa biểu quyết được: {found.text[0].lower()}{found.text[1:]} Nếu Chủ tọa vẫn cho biểu quyết, "
            "hãy ghi lý do (lý do được ghi vào biên bản)."
        )
