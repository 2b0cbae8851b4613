"""Polls, one per agenda item, entered three ways: the paper tally's totals, each paper ballot in turn
(totals computed), or the members voting on the laptop in private mode (only totals kept, hidden until
the poll closes). Every vote waits for the quorum (or the chair's reason to go on without)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.errors import ConflictError, ValidationError, Validator
from app.models import (
    AgendaItem,
    Ballot,
    BallotMark,
    Meeting,
    NominationStatus,
    Poll,
    PollEntryMode,
    PollMethod,
    PrivateTally,
)
from app.rules.council import poll_outcome
from app.services.council.common import (
    get_agenda_item_row,
    get_meeting_row,
    get_poll_row,
    members_present,
    poll_rule,
    require_open,
    require_quorum,
)
from app.services.council.data import PaperBallotMarks, PollView, PrivateProgress, TallyInput
from app.services.council.views import poll_problems, poll_view, vote_counts
from app.storage.database import Database

CHOICES = (BallotMark.YES, BallotMark.NO, BallotMark.BLANK)


def _name(item: AgendaItem) -> str:
    return item.nomination.subject.name


# Starting, closing, reopening -------------------------------------------------------------------------

def start_poll(db: Database, agenda_item_id: int, entry_mode: PollEntryMode = PollEntryMode.TALLY,
               method: PollMethod | None = None) -> PollView:
    """Open the vote on one agenda item, with the form's vote rule copied in (the form's method unless
    another is given). Ballot-by-ballot and private entry are for secret ballots only."""
    with db.transaction() as session:
        item = get_agenda_item_row(session, agenda_item_id)
        meeting = item.meeting
        require_open(meeting)
        require_quorum(session, meeting)
        if item.poll is not None:
            raise ConflictError(f"Hồ sơ của “{_name(item)}” đã có biểu quyết trong phiên họp này.")
        if item.nomination.status is not NominationStatus.APPRAISED:
            raise ConflictError(f"Hồ sơ của “{_name(item)}” đang “{item.nomination.status.label}”; chỉ hồ sơ "
                                "đã thẩm định mới đưa ra biểu quyết.")
        form = item.nomination.award_form
        method = method or form.poll_method
        if entry_mode is not PollEntryMode.TALLY and method is not PollMethod.SECRET_BALLOT:
            raise ValidationError({"entry_mode": (
                f"Cách nhập kết quả: “{entry_mode.label}” chỉ dùng khi bỏ phiếu kín.")})
        poll = Poll(method=method, entry_mode=entry_mode, rule_base=form.threshold_base,
                    rule_numerator=form.threshold_numerator, rule_denominator=form.threshold_denominator,
                    rule_strict=form.threshold_strict, rule_counts_opinions=form.counts_written_opinions,
                    closed=False)
        if entry_mode is PollEntryMode.BALLOTS:
            poll.ballots_issued = members_present(meeting)
            _recount(poll)
        item.poll = poll
        session.flush()
        if entry_mode is PollEntryMode.PRIVATE:
            session.add(PrivateTally(poll_id=poll.id, voters=0, yes_votes=0, no_votes=0))
            session.flush()
        return _view(session, meeting, poll)


def close_poll(db: Database, poll_id: int) -> PollView:
    """Close the vote when its counts add up; the result is then fixed (shown, and moved onto the
    nomination when the meeting closes). A private poll's totals leave their hidden counter here."""
    with db.transaction() as session:
        poll = get_poll_row(session, poll_id)
        meeting = _open_meeting_of(poll)
        if poll.closed:
            raise ConflictError("Biểu quyết này đã kết thúc.")
        tally = session.get(PrivateTally, poll.id)
        problems = poll_problems(meeting, poll, tally.voters if tally else None)
        if problems:
            raise ValidationError(problems)
        if tally is not None:
            poll.ballots_issued = members_present(meeting)
            poll.ballots_returned = poll.ballots_valid = tally.voters
            poll.ballots_invalid, poll.yes_votes, poll.no_votes = 0, tally.yes_votes, tally.no_votes
            session.delete(tally)
        poll.closed = True
        poll.passed = poll_outcome(poll_rule(poll), vote_counts(meeting, poll)).passed
        session.flush()
        return _view(session, meeting, poll)


def reopen_poll(db: Database, poll_id: int) -> PollView:
    """Reopen a closed poll to correct its entry while the meeting is open (not a private one: its
    voters cannot vote again)."""
    with db.transaction() as session:
        poll = get_poll_row(session, poll_id)
        meeting = _open_meeting_of(poll)
        if poll.entry_mode is PollEntryMode.PRIVATE:
            raise ConflictError("Biểu quyết trên máy đã kết thúc thì không mở lại được (các thành viên không "
                                "bỏ phiếu lại được). Nếu cần, hãy xóa biểu quyết này và biểu quyết lại.")
        poll.closed, poll.passed = False, None
        session.flush()
        return _view(session, meeting, poll)


def delete_poll(db: Database, poll_id: int) -> None:
    """Discard a poll (its ballots and counts) while the meeting is open, to vote again."""
    with db.transaction() as session:
        poll = get_poll_row(session, poll_id)
        _open_meeting_of(poll)
        session.execute(delete(PrivateTally).where(PrivateTally.poll_id == poll.id))
        poll.agenda_item.poll = None
        session.flush()


def get_poll(db: Database, poll_id: int) -> PollView:
    with db.read() as session:
        poll = get_poll_row(session, poll_id)
        return _view(session, poll.agenda_item.meeting, poll)


def _open_meeting_of(poll: Poll) -> Meeting:
    meeting = poll.agenda_item.meeting
    require_open(meeting)
    return meeting


def _open_poll(session: Session, poll_id: int, mode: PollEntryMode) -> tuple[Poll, Meeting]:
    poll = get_poll_row(session, poll_id)
    meeting = _open_meeting_of(poll)
    if poll.closed:
        raise ConflictError(f"Biểu quyết về “{_name(poll.agenda_item)}” đã kết thúc; hãy mở lại nếu cần sửa.")
    if poll.entry_mode is not mode:
        raise ConflictError(f"Biểu quyết này nhập theo cách “{poll.entry_mode.label}”, "
                            f"không phải “{mode.label}”.")
    return poll, meeting


def _view(session: Session, meeting: Meeting, poll: Poll) -> PollView:
    tally = session.get(PrivateTally, poll.id) if poll.entry_mode is PollEntryMode.PRIVATE else None
    return poll_view(meeting, poll, tally.voters if tally else None)


# 1. The paper tally -----------------------------------------------------------------------------------

def save_tally(db: Database, poll_id: int, tally: TallyInput) -> PollView:
    """The totals of the paper tally; refused, every mismatch named, unless they add up. A show of
    hands needs only yes and no (each member present holds up a hand once)."""
    with db.transaction() as session:
        poll, meeting = _open_poll(session, poll_id, PollEntryMode.TALLY)
        present = members_present(meeting)
        values: tuple[int | None, ...]
        if poll.method is PollMethod.SHOW_OF_HANDS:
            values = (present, present, present, 0, tally.yes_votes, tally.no_votes)
        else:
            values = (tally.ballots_issued, tally.ballots_returned, tally.ballots_valid,
                      tally.ballots_invalid, tally.yes_votes, tally.no_votes)
        (poll.ballots_issued, poll.ballots_returned, poll.ballots_valid, poll.ballots_invalid,
         poll.yes_votes, poll.no_votes) = values
        problems = poll_problems(meeting, poll)
        if problems:
            raise ValidationError(problems)  # the transaction rolls back: nothing saved
        session.flush()
        return _view(session, meeting, poll)


# 2. Ballot by ballot -----------------------------------------------------------------------------------

def set_ballots_issued(db: Database, poll_id: int, issued: int) -> PollView:
    """How many ballot papers were handed out (by default the members present)."""
    with db.transaction() as session:
        poll, meeting = _open_poll(session, poll_id, PollEntryMode.BALLOTS)
        present, returned = members_present(meeting), poll.ballots_returned or 0
        if not returned <= issued <= present:
            raise ValidationError({"ballots_issued": (
                f"Số phiếu phát ra ({issued}): phải từ số phiếu đã nhập ({returned}) đến số thành viên "
                f"có mặt ({present}).")})
        poll.ballots_issued = issued
        session.flush()
        return _view(session, meeting, poll)


def add_paper_ballot(db: Database, meeting_id: int, marks: Mapping[int, BallotMark],
                     invalid: bool = False) -> int:
    """Key one paper ballot: its mark for each agenda item being entered ballot by ballot (an item left
    out is unmarked; `invalid` spoils the whole paper). Returns the ballot's number."""
    with db.transaction() as session:
        meeting = get_meeting_row(session, meeting_id)
        require_open(meeting)
        polls = _ballot_polls(meeting)
        _check_marks(meeting, polls, marks, allowed=tuple(BallotMark))
        number = max((b.number for p in polls.values() for b in p.ballots), default=0) + 1
        check = Validator()
        for poll in polls.values():
            if number > (poll.ballots_issued or 0):
                check.add("ballots_returned", (f"Phiếu số {number}: số phiếu thu về không được nhiều hơn số "
                                               f"phiếu phát ra ({poll.ballots_issued or 0})."))
        check.raise_if_any()
        for item_id, poll in polls.items():
            mark = BallotMark.INVALID if invalid else marks.get(item_id, BallotMark.BLANK)
            poll.ballots.append(Ballot(number=number, mark=mark))
            _recount(poll)
        session.flush()
        return number


def remove_paper_ballot(db: Database, meeting_id: int, number: int) -> None:
    """Take back a ballot keyed by mistake (the numbers of the others stay)."""
    with db.transaction() as session:
        meeting = get_meeting_row(session, meeting_id)
        require_open(meeting)
        polls = _ballot_polls(meeting)
        found = False
        for poll in polls.values():
            for ballot in [b for b in poll.ballots if b.number == number]:
                poll.ballots.remove(ballot)
                found = True
            _recount(poll)
        if not found:
            raise ValidationError({"number": f"Phiếu số {number}: không có trong các phiếu đã nhập."})
        session.flush()


def list_paper_ballots(db: Database, meeting_id: int) -> list[PaperBallotMarks]:
    """The ballots keyed so far, by number, with their mark per agenda item."""
    with db.read() as session:
        meeting = get_meeting_row(session, meeting_id)
        rows: dict[int, dict[int, BallotMark]] = {}
        for item in meeting.agenda:
            if item.poll is not None and item.poll.entry_mode is PollEntryMode.BALLOTS:
                for ballot in item.poll.ballots:
                    rows.setdefault(ballot.number, {})[item.id] = ballot.mark
        return [PaperBallotMarks(number, marks) for number, marks in sorted(rows.items())]


def _ballot_polls(meeting: Meeting) -> dict[int, Poll]:
    polls = {item.id: item.poll for item in meeting.agenda if item.poll is not None and not item.poll.closed
             and item.poll.entry_mode is PollEntryMode.BALLOTS}
    if not polls:
        raise ConflictError("Phiên họp chưa có biểu quyết nào đang nhập từng phiếu.")
    return polls


def _check_marks(meeting: Meeting, polls: Mapping[int, Poll], marks: Mapping[int, BallotMark],
                 allowed: tuple[BallotMark, ...]) -> None:
    """Every mark is for an item of this meeting being voted in this way, and an allowed mark."""
    check = Validator()
    items = {item.id: item for item in meeting.agenda}
    for item_id, mark in marks.items():
        if item_id not in items:
            check.add("marks", f"Phiếu bầu: mục số {item_id} không có trong chương trình phiên họp này.")
        elif item_id not in polls:
            check.add("marks", (f"Phiếu bầu: hồ sơ của “{_name(items[item_id])}” không đang được biểu quyết "
                                "theo cách này."))
        elif mark not in allowed:
            check.add("marks", f"Phiếu bầu: “{mark.label}” không dùng được ở đây.")
    check.raise_if_any()


def _recount(poll: Poll) -> None:
    """Ballot-by-ballot totals, computed from the ballots (never typed)."""
    marks = [b.mark for b in poll.ballots]
    poll.ballots_returned = len(marks)
    poll.ballots_invalid = marks.count(BallotMark.INVALID)
    poll.ballots_valid = poll.ballots_returned - poll.ballots_invalid
    poll.yes_votes, poll.no_votes = marks.count(BallotMark.YES), marks.count(BallotMark.NO)


# 3. Private mode on the laptop -----------------------------------------------------------------------------

def cast_private_ballot(db: Database, meeting_id: int, choices: Mapping[int, BallotMark]) -> PrivateProgress:
    """One member's vote on every agenda item open in private mode (an item left out is unmarked).
    Only the totals move; refused once as many have voted as members are present."""
    with db.transaction() as session:
        meeting = get_meeting_row(session, meeting_id)
        require_open(meeting)
        tallies = _private_tallies(session, meeting)
        _check_marks(meeting, {item_id: p for item_id, (p, _t) in tallies.items()}, choices, CHOICES)
        present = members_present(meeting)
        if any(t.voters >= present for _p, t in tallies.values()):
            raise ConflictError(f"Đã đủ {present} thành viên có mặt bỏ phiếu; không nhận thêm phiếu.")
        for item_id, (_poll, tally) in tallies.items():
            tally.voters += 1
            mark = choices.get(item_id, BallotMark.BLANK)
            tally.yes_votes += mark is BallotMark.YES
            tally.no_votes += mark is BallotMark.NO
        session.flush()
        return PrivateProgress(meeting.id, max(t.voters for _p, t in tallies.values()), present)


def private_progress(db: Database, meeting_id: int) -> PrivateProgress:
    with db.read() as session:
        meeting = get_meeting_row(session, meeting_id)
        present = members_present(meeting)
        try:
            tallies = _private_tallies(session, meeting)
        except ConflictError:
            return PrivateProgress(meeting.id, 0, present)
        return PrivateProgress(meeting.id, max(t.voters for _p, t in tallies.values()), present)


def _private_tallies(session: Session, meeting: Meeting) -> dict[int, tuple[Poll, PrivateTally]]:
    polls = {item.id: item.poll for item in meeting.agenda if item.poll is not None and not item.poll.closed
             and item.poll.entry_mode is PollEntryMode.PRIVATE}
    if not polls:
        raise ConflictError("Phiên họp chưa có biểu quyết nào đang bỏ phiếu trên máy.")
    tallies = {t.poll_id: t for t in session.scalars(
        select(PrivateTally).where(PrivateTally.poll_id.in_([p.id for p in polls.values()])))}
    return {item_id: (poll, tallies[poll.id]) for item_id, poll in polls.items()}

