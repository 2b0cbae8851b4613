"""Demo section "council": the commune's Hội đồng Thi đua - Khen thưởng and its meetings.

Fifteen members serving the demo year (the Youth Union's secretary replaced on 1 July); for each day the
council reviewed nominations, a closed meeting with quorum (13 present, one absent member's written
opinions, one absent) whose polls explain every passed and failed nomination of a form the council votes
on: one CSTĐCS passes only because the written opinion counts (11 + 1 = 12/15), one fails at 11/15. A
meeting a week before the first lacked quorum and decided nothing; an open meeting on the day the quarter's
nominations go to the council has them on its agenda, ready to vote.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from app.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    AwardForm,
    CouncilMember,
    CouncilRole,
    Meeting,
    MeetingStatus,
    Nomination,
    NominationEvent,
    NominationStatus,
    Poll,
    PollEntryMode,
    PollMethod,
    WrittenOpinion,
)
from app.rules.council import poll_outcome
from app.rules.vntext import vn_number, vn_short_date
from app.services.council.common import poll_rule
from app.services.council.views import vote_counts
from app.services.demo.context import DemoContext
from app.services.demo.texts import dated, demo_year

S = NominationStatus
PLACE = "Hội trường Ủy ban nhân dân xã"
ABSENT_WITH_OPINION, ABSENT = 10, 11  # positions in the list of members below (a day's serving members)
SHORT_OF_QUORUM = 8
# (name, position, role); the profile's chairman, vice-chairman and officer take the first, second and last
MEMBERS = (
    ("", "Chủ tịch UBND xã", CouncilRole.CHAIR),
    ("", "Phó Chủ tịch UBND xã", CouncilRole.VICE_CHAIR),
    ("Đỗ Văn Khánh", "Chủ tịch Ủy ban MTTQ Việt Nam xã", CouncilRole.VICE_CHAIR),
    ("Hoàng Thị Thu", "Chủ tịch Hội Liên hiệp Phụ nữ xã", CouncilRole.MEMBER),
    ("Vũ Đình Lộc", "Chủ tịch Hội Nông dân xã", CouncilRole.MEMBER),
    ("Bùi Văn Tuấn", "Chủ tịch Hội Cựu chiến binh xã", CouncilRole.MEMBER),
    ("Ngô Thị Hằng", "Chủ tịch Công đoàn cơ sở", CouncilRole.MEMBER),
    ("Đặng Minh Quân", "Bí thư Đoàn Thanh niên xã", CouncilRole.MEMBER),  # replaced on 1 July
    ("Trịnh Văn Hải", "Trưởng Công an xã", CouncilRole.MEMBER),
    ("Phan Thị Ngọc", "Trưởng phòng Văn hóa - Xã hội", CouncilRole.MEMBER),
    ("Lý Văn Cường", "Chỉ huy trưởng Ban Chỉ huy Quân sự xã", CouncilRole.MEMBER),
    ("Mai Thị Thanh", "Hiệu trưởng Trường Tiểu học", CouncilRole.MEMBER),
    ("Tạ Quang Định", "Trưởng phòng Kinh tế", CouncilRole.MEMBER),
    ("Cao Thị Bích", "Công chức Văn phòng - Thống kê", CouncilRole.MEMBER),
    ("", "Công chức phụ trách thi đua, khen thưởng", CouncilRole.SECRETARY),
)
REPLACED, SUCCESSOR = 7, "Lưu Thị Hồng Nhung"
COUNTERS = (3, 6, 13)  # the Ban kiểm phiếu, by position


@dataclass
class Reviewed:
    nomination: Nomination
    day: dt.date
    passed: bool


def add_council(ctx: DemoContext) -> None:
    rng = ctx.rng("council")
    members = _members(ctx)
    reviewed = _reviewed(ctx)
    _complete(ctx, reviewed)
    by_day: dict[dt.date, list[Reviewed]] = defaultdict(list)
    for item in reviewed:
        by_day[item.day].append(item)
    special = _specials(reviewed)
    first = min(by_day, default=dt.date(demo_year(ctx), 11, 18))
    _short_meeting(ctx, members, first - dt.timedelta(days=7), by_day.get(first, []))
    for day in sorted(by_day):
        _closed_meeting(ctx, rng, members, day, by_day[day], special)
    _open_meeting(ctx, members, dated(ctx, "{year}-11-25"))
    ctx.session.flush()
    ctx.summary.extras.append(f"{vn_number(len(by_day) + 2)} phiên họp Hội đồng Thi đua - Khen thưởng")


# Members ------------------------------------------------------------------------------------------

def _members(ctx: DemoContext) -> list[CouncilMember]:
    year = demo_year(ctx)
    start, change = dt.date(year, 1, 1), dt.date(year, 7, 1)
    profile = ctx.profile
    names = {0: profile.chairman, 1: next(iter(profile.vice_chairmen), ""), len(MEMBERS) - 1: profile.officer}
    made = []
    for order, (name, position, role) in enumerate(MEMBERS):
        member = CouncilMember(name=names.get(order) or name or f"Thành viên {order + 1}", position=position,
                               role=role, term_from=start, sort_order=order, note="", version=1)
        if order == REPLACED:
            member.term_to = change - dt.timedelta(days=1)
            member.note = "Chuyển công tác từ ngày 01/07; thay bằng Bí thư Đoàn mới."
            successor = CouncilMember(name=SUCCESSOR, position=position, role=role, term_from=change,
                                      sort_order=order, note="", version=1)
            made.append(successor)
        made.append(member)
    ctx.session.add_all(made)
    ctx.session.flush()
    return made


def _serving(members: list[CouncilMember], day: dt.date) -> list[CouncilMember]:
    return sorted((m for m in members if m.serves_on(day)), key=lambda m: (m.sort_order, m.id))


# What the council reviewed ------------------------------------------------------------------------

def _reviewed(ctx: DemoContext) -> list[Reviewed]:
    """Passed and failed nominations of forms the council votes on, with the day of their review."""
    statement = select(Nomination).where(Nomination.status.in_((S.PASSED, S.FAILED)))
    found = []
    for nomination in ctx.session.scalars(statement.order_by(Nomination.id)):
        if not nomination.award_form.needs_council_vote:
            continue
        event = next(e for e in reversed(nomination.events) if e.status is nomination.status)
        found.append(Reviewed(nomination, event.at.date(), nomination.status is S.PASSED))
    return found


def _complete(ctx: DemoContext, reviewed: list[Reviewed]) -> None:
    """A form that counts written opinions (CSTĐCS) shows both of its cases: when the review passed none
    (or failed none) of its nominations, an appraised one is reviewed at the same meeting with that result."""
    counted = [r for r in reviewed if r.nomination.award_form.counts_written_opinions]
    days = [r.day for r in counted] or [r.day for r in reviewed]
    if not days:
        return
    day, taken = max(days), {r.nomination.id for r in reviewed}
    for passed in (True, False):
        if any(r.passed is passed for r in counted):
            continue
        statement = (select(Nomination).join(AwardForm, AwardForm.id == Nomination.award_form_id)
                     .where(Nomination.status == S.APPRAISED, AwardForm.counts_written_opinions.is_(True),
                            AwardForm.needs_council_vote.is_(True)).order_by(Nomination.id))
        candidate = next((n for n in ctx.session.scalars(statement)
                          if n.id not in taken and _appraised_by(n, day - dt.timedelta(days=1))), None)
        if candidate is None:
            continue
        status = S.PASSED if passed else S.FAILED
        text = "Hội đồng bình xét: đạt." if passed else "Hội đồng bình xét: không đạt."
        candidate.status = status
        candidate.version += 1
        candidate.events.append(NominationEvent(status=status, text=text,
                                                at=dt.datetime.combine(day, dt.time(10, 15))))
        reviewed.append(Reviewed(candidate, day, passed))
        counted.append(reviewed[-1])
        taken.add(candidate.id)


def _specials(reviewed: list[Reviewed]) -> dict[int, str]:
    """The CSTĐCS that passes only through the written opinion, and the one that fails at 11/15."""
    counted = [r for r in reviewed if r.nomination.award_form.counts_written_opinions]
    special = {}
    for kind, passed in (("opinion", True), ("eleven", False)):
        found = next((r for r in counted if r.passed is passed), None)
        if found is not None:
            special[found.nomination.id] = kind
    return special


# Meetings -----------------------------------------------------------------------------------------

def _meeting(ctx: DemoContext, members: list[CouncilMember], day: dt.date, start: dt.time,
             statuses: dict[int, AttendanceStatus]) -> tuple[Meeting, list[CouncilMember]]:
    serving = _serving(members, day)
    meeting = Meeting(held_on=day, starts_at=start, place=PLACE, chair=serving[0], secretary=serving[-1],
                      ballot_counters="\n".join(serving[i].name for i in COUNTERS),
                      status=MeetingStatus.OPEN, quorum_override_reason="", note="", version=1)
    meeting.attendance = [Attendance(member=m, status=statuses.get(i, AttendanceStatus.PRESENT))
                          for i, m in enumerate(serving)]
    ctx.session.add(meeting)
    return meeting, serving


def _close(meeting: Meeting, day: dt.date, end: dt.time) -> None:
    meeting.status, meeting.closed_at = MeetingStatus.CLOSED, dt.datetime.combine(day, end)


def _short_meeting(ctx: DemoContext, members: list[CouncilMember], day: dt.date,
                   items: list[Reviewed]) -> None:
    """Only 8 of 15 came: the meeting is recorded, decides nothing, and its nominations wait."""
    absent = {i: AttendanceStatus.ABSENT for i in range(SHORT_OF_QUORUM, len(MEMBERS))}
    meeting, _serving_then = _meeting(ctx, members, day, dt.time(14, 0), absent)
    ready = [r.nomination for r in items if _appraised_by(r.nomination, day)]
    meeting.agenda = [AgendaItem(nomination=n, position=i) for i, n in enumerate(ready, start=1)]
    meeting.note = ("Chỉ có 8/15 thành viên dự họp, chưa đủ 2/3 theo Quy chế: Chủ tọa hoãn phiên họp, "
                    "các hồ sơ chuyển sang phiên họp sau.")
    _close(meeting, day, dt.time(14, 30))


def _appraised_by(nomination: Nomination, day: dt.date) -> bool:
    return any(e.status is S.APPRAISED and e.at.date() <= day for e in nomination.events)


def _closed_meeting(ctx: DemoContext, rng: random.Random, members: list[CouncilMember], day: dt.date,
                    items: list[Reviewed], special: dict[int, str]) -> None:
    statuses = {ABSENT_WITH_OPINION: AttendanceStatus.ABSENT_WITH_OPINION, ABSENT: AttendanceStatus.ABSENT}
    meeting, serving = _meeting(ctx, members, day, dt.time(8, 0), statuses)
    writer = serving[ABSENT_WITH_OPINION]
    polls: list[tuple[AgendaItem, Poll]] = []
    for position, item in enumerate(items, start=1):
        kind = special.get(item.nomination.id, "")
        agenda = AgendaItem(nomination=item.nomination, position=position)
        meeting.agenda.append(agenda)
        agrees = item.passed and kind != "eleven"
        agenda.opinions.append(WrittenOpinion(member=writer, agrees=agrees))
        poll = _poll(rng, item, kind, len(serving) - 2)
        agenda.poll = poll
        polls.append((agenda, poll))
    ctx.session.flush()
    for (agenda, poll), item in zip(polls, items, strict=True):
        _settle(meeting, agenda, poll, item)
    _close(meeting, day, dt.time(11, 30))


def _poll(rng: random.Random, item: Reviewed, kind: str, present: int) -> Poll:
    form = item.nomination.award_form
    poll = Poll(method=form.poll_method, entry_mode=PollEntryMode.TALLY, rule_base=form.threshold_base,
                rule_numerator=form.threshold_numerator, rule_denominator=form.threshold_denominator,
                rule_strict=form.threshold_strict, rule_counts_opinions=form.counts_written_opinions,
                closed=True)
    secret = form.poll_method is PollMethod.SECRET_BALLOT
    invalid = 1 if kind == "opinion" or (secret and rng.random() < 0.3) else 0
    valid = present - invalid
    if kind in ("opinion", "eleven"):
        yes = 11
    elif item.passed:
        yes = valid - rng.randint(0, 1)
    else:
        yes = rng.randint(2, present // 2 - 1)
    poll.ballots_issued = poll.ballots_returned = present
    poll.ballots_valid, poll.ballots_invalid = valid, invalid
    poll.yes_votes, poll.no_votes = yes, valid - yes
    return poll


def _settle(meeting: Meeting, agenda: AgendaItem, poll: Poll, item: Reviewed) -> None:
    """The poll's result, checked against the nomination's (the counts fall back to unanimity should a
    commune's rule differ), and the nomination's history line naming the meeting."""
    outcome = poll_outcome(poll_rule(poll), vote_counts(meeting, poll))
    if outcome.passed != item.passed:
        poll.yes_votes, poll.no_votes = (poll.ballots_valid, 0) if item.passed else (0, poll.ballots_valid)
        agenda.opinions[0].agrees = item.passed
        outcome = poll_outcome(poll_rule(poll), vote_counts(meeting, poll))
    poll.passed = outcome.passed
    event = next(e for e in reversed(item.nomination.events) if e.status is item.nomination.status)
    note = event.text.removeprefix("Hội đồng bình xét: không đạt.").removeprefix("Hội đồng bình xét: đạt.")
    event.text = (f"Hội đồng Thi đua - Khen thưởng họp ngày {vn_short_date(meeting.held_on)} bình xét: "
                  f"{'đạt' if item.passed else 'không đạt'} ({outcome.text}).{note}")


def _open_meeting(ctx: DemoContext, members: list[CouncilMember], day: dt.date) -> None:
    """The next meeting, not yet held: the appraised nominations of forms the council votes on."""
    meeting, _serving_then = _meeting(ctx, members, day, dt.time(8, 0), {})
    statement = select(Nomination).where(Nomination.status == S.APPRAISED).order_by(Nomination.id)
    ready = [n for n in ctx.session.scalars(statement) if n.award_form.needs_council_vote]
    meeting.agenda = [AgendaItem(nomination=n, position=i) for i, n in enumerate(ready, start=1)]
