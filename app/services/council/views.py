"""A meeting read whole, as the pages and the papers show it (MeetingView), and its line in the list."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.models import AgendaItem, AttendanceStatus, Meeting, MeetingStatus, Poll, PollEntryMode, PollMethod
from app.rules.council import Tally as TallyCounts
from app.rules.council import (
    VoteCounts,
    VoteRule,
    base_count,
    hands_problems,
    needed_text,
    percent_text,
    poll_outcome,
    tally_problems,
)
from app.rules.vntext import vn_date, vn_short_date
from app.services.council.common import attendance_counts, form_rule, meeting_quorum, poll_rule
from app.services.council.data import (
    AgendaItemView,
    AttendanceView,
    MeetingRow,
    MeetingView,
    OpinionView,
    PollView,
    QuorumView,
)
from app.services.council.members import ROLE_ORDER, read_council_rules


def time_text(moment: dt.time | dt.datetime | None) -> str:
    """'08 giờ 00'."""
    return "" if moment is None else f"{moment.hour:02d} giờ {moment.minute:02d}"


def meeting_view(session: Session, meeting: Meeting) -> MeetingView:
    chair, secretary = meeting.chair, meeting.secretary
    closed_at = meeting.closed_at
    return MeetingView(
        id=meeting.id, version=meeting.version, held_on=meeting.held_on, date_text=vn_date(meeting.held_on),
        starts_at=meeting.starts_at, time_text=time_text(meeting.starts_at), place=meeting.place,
        status=meeting.status, status_label=meeting.status.label,
        closed=meeting.status is MeetingStatus.CLOSED,
        closed_at=closed_at,
        closing_time_text=f"{time_text(closed_at)}, {vn_date(closed_at.date())}" if closed_at else "",
        chair_id=meeting.chair_id, chair_name=chair.name if chair else "",
        chair_position=chair.position if chair else "",
        secretary_id=meeting.secretary_id, secretary_name=secretary.name if secretary else "",
        secretary_position=secretary.position if secretary else "",
        ballot_counters=tuple(line for line in meeting.ballot_counters.splitlines() if line),
        quorum_override_reason=meeting.quorum_override_reason, note=meeting.note,
        members=tuple(_attendance(row) for row in _ordered_attendance(meeting)),
        quorum=quorum_view(session, meeting),
        agenda=tuple(agenda_item_view(meeting, item) for item in meeting.agenda),
    )


def _ordered_attendance(meeting: Meeting) -> list:
    order = {role: rank for rank, role in enumerate(ROLE_ORDER)}
    return sorted(meeting.attendance, key=lambda a: (order[a.member.role], a.member.sort_order, a.member.id))


def _attendance(row) -> AttendanceView:
    member = row.member
    return AttendanceView(member_id=member.id, name=member.name, position=member.position, role=member.role,
                          role_label=member.role.label, status=row.status, status_label=row.status.label)


def quorum_view(session: Session, meeting: Meeting) -> QuorumView:
    found = meeting_quorum(session, meeting)
    counts = attendance_counts(meeting)
    reason = meeting.quorum_override_reason
    return QuorumView(
        total=found.total, present=found.present,
        absent_with_opinion=counts[AttendanceStatus.ABSENT_WITH_OPINION],
        absent=counts[AttendanceStatus.ABSENT], needed=found.needed,
        fraction_text=read_council_rules(session).quorum_text, reached=found.reached, override_reason=reason,
        can_decide=found.reached or bool(reason),
        text=found.text + (f" Chủ tọa vẫn cho biểu quyết; lý do: {reason}" if reason and not found.reached
                           else ""),
    )


def agenda_item_view(meeting: Meeting, item: AgendaItem) -> AgendaItemView:
    nomination, poll = item.nomination, item.poll
    form, subject = nomination.award_form, nomination.subject
    rule = poll_rule(poll) if poll else form_rule(form)
    opinions = tuple(_opinion(o) for o in item.opinions)
    return AgendaItemView(
        id=item.id, position=item.position, nomination_id=nomination.id, nominee_name=subject.name,
        subject_kind=subject.kind, unit_name=subject.unit.name if subject.unit else "",
        form_id=form.id, form_code=form.code, form_name=form.name, round_id=nomination.round_id,
        round_name=nomination.round.name, nomination_status=nomination.status,
        nomination_status_label=nomination.status.label,
        method=poll.method if poll else form.poll_method,
        needed_text=needed_text(rule, _member_base(rule, meeting, opinions)),
        poll=poll_view(meeting, poll) if poll else None, opinions=opinions,
    )


def _member_base(rule: VoteRule, meeting: Meeting, opinions: tuple[OpinionView, ...]) -> int | None:
    """The base known before the vote (members); None for a base of ballots."""
    if not rule.counts_members:
        return None
    counts = VoteCounts(len(meeting.attendance), attendance_counts(meeting)[AttendanceStatus.PRESENT], 0,
                        opinions_yes=sum(o.agrees for o in opinions),
                        opinions_no=sum(not o.agrees for o in opinions))
    return base_count(rule, counts)


def _opinion(opinion) -> OpinionView:
    stored = opinion.stored_file
    return OpinionView(
        id=opinion.id, agenda_item_id=opinion.agenda_item_id, member_id=opinion.member_id,
        member_name=opinion.member.name, agrees=opinion.agrees,
        choice_label="Đồng ý" if opinion.agrees else "Không đồng ý",
        stored_file_id=opinion.stored_file_id, file_name=stored.original_name if stored else "",
    )


def vote_counts(meeting: Meeting, poll: Poll) -> VoteCounts:
    opinions = poll.agenda_item.opinions
    return VoteCounts(
        members_total=len(meeting.attendance),
        members_present=attendance_counts(meeting)[AttendanceStatus.PRESENT],
        yes=poll.yes_votes or 0, no=poll.no_votes or 0, valid=poll.ballots_valid or 0,
        returned=poll.ballots_returned or 0, opinions_yes=sum(o.agrees for o in opinions),
        opinions_no=sum(not o.agrees for o in opinions),
    )


def poll_problems(meeting: Meeting, poll: Poll, private_voters: int | None = None) -> dict[str, str]:
    """What keeps the poll from closing, by field (empty: it can close)."""
    present = attendance_counts(meeting)[AttendanceStatus.PRESENT]
    if poll.entry_mode is PollEntryMode.PRIVATE:
        return {} if private_voters else {"voters": "Chưa có thành viên nào bỏ phiếu trên máy."}
    if poll.method is PollMethod.SHOW_OF_HANDS and poll.entry_mode is PollEntryMode.TALLY:
        return hands_problems(poll.yes_votes, poll.no_votes, present)
    tally = TallyCounts(poll.ballots_issued, poll.ballots_returned, poll.ballots_valid, poll.ballots_invalid,
                        poll.yes_votes, poll.no_votes)
    return tally_problems(tally, present)


def poll_view(meeting: Meeting, poll: Poll, private_voters: int | None = None) -> PollView:
    rule = poll_rule(poll)
    private = poll.entry_mode is PollEntryMode.PRIVATE
    hidden = private and not poll.closed
    counts = vote_counts(meeting, poll)
    outcome = poll_outcome(rule, counts) if poll.closed else None
    problems = () if poll.closed else tuple(poll_problems(meeting, poll, private_voters).values())
    opinions = poll.agenda_item.opinions

    def shown(value: int | None) -> int | None:
        return None if hidden else value

    return PollView(
        id=poll.id, agenda_item_id=poll.agenda_item_id, method=poll.method, method_label=poll.method.label,
        entry_mode=poll.entry_mode, entry_mode_label=poll.entry_mode.label, closed=poll.closed,
        rule_text=rule.text, needed_text=needed_text(rule, _member_base(
            rule, meeting, tuple(_opinion(o) for o in opinions))),
        counts_hidden=hidden, ballots_issued=shown(poll.ballots_issued),
        ballots_returned=shown(poll.ballots_returned), ballots_valid=shown(poll.ballots_valid),
        ballots_invalid=shown(poll.ballots_invalid), yes_votes=shown(poll.yes_votes),
        no_votes=shown(poll.no_votes), voters=private_voters if private and not poll.closed else (
            poll.ballots_returned if private else None),
        ballots_entered=len(poll.ballots) if poll.entry_mode is PollEntryMode.BALLOTS else 0,
        opinions_yes=counts.opinions_yes, opinions_no=counts.opinions_no,
        opinions_counted=rule.counts_opinions,
        problems=problems, passed=outcome.passed if outcome else None,
        agree=outcome.agree if outcome else None, base=outcome.base if outcome else None,
        result_text=outcome.text if outcome else "",
        share_text=percent_text(outcome.share) if outcome and outcome.share is not None else "",
    )


def meeting_row(session: Session, meeting: Meeting) -> MeetingRow:
    found = meeting_quorum(session, meeting)
    polls = [item.poll for item in meeting.agenda if item.poll is not None and item.poll.closed]
    chair = meeting.chair
    return MeetingRow(
        id=meeting.id, held_on=meeting.held_on, date_text=vn_short_date(meeting.held_on),
        starts_at=meeting.starts_at, place=meeting.place, status=meeting.status,
        status_label=meeting.status.label, chair_name=chair.name if chair else "",
        members_total=found.total, members_present=found.present, quorum_reached=found.reached,
        agenda_count=len(meeting.agenda), passed_count=sum(bool(p.passed) for p in polls),
        failed_count=sum(p.passed is False for p in polls), closed_at=meeting.closed_at,
    )
