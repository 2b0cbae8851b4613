"""What the council's services take and give: inputs the forms fill, and frozen views the pages and the
meeting papers read (everything a ballot paper, the vote-count record and the minutes print)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction

from app.models import (
    AttendanceStatus,
    BallotMark,
    CouncilRole,
    MeetingStatus,
    NominationStatus,
    PollEntryMode,
    PollMethod,
    SubjectKind,
)
from app.rules.council import fraction_text

# Inputs -------------------------------------------------------------------------------------------


@dataclass
class CouncilMemberInput:
    name: str = ""
    position: str = ""  # chức vụ, đơn vị: "Phó Chủ tịch UBND xã"
    role: CouncilRole = CouncilRole.MEMBER
    term_from: dt.date | None = None
    term_to: dt.date | None = None  # None: still serving
    note: str = ""


@dataclass(frozen=True)
class CouncilRules:
    """The council's own rules (its Quy chế), kept as settings: the quorum, and who counts the ballots
    (Ban kiểm phiếu: the names a new meeting starts with)."""

    quorum_numerator: int = 2
    quorum_denominator: int = 3
    ballot_counters: tuple[str, ...] = ()

    @property
    def quorum_fraction(self) -> Fraction:
        return Fraction(self.quorum_numerator, self.quorum_denominator)

    @property
    def quorum_text(self) -> str:
        """'2/3', '80 %'."""
        return fraction_text(self.quorum_fraction)


@dataclass
class MeetingInput:
    held_on: dt.date | None = None
    starts_at: dt.time | None = None
    place: str = ""
    chair_id: int | None = None  # council members serving on held_on
    secretary_id: int | None = None
    ballot_counters: list[str] | None = None  # None: the council rules' names
    note: str = ""


@dataclass(frozen=True)
class AttendanceInput:
    member_id: int
    status: AttendanceStatus


@dataclass
class OpinionInput:
    """An absent member's written opinion on one agenda item, with the scanned letter (optional)."""

    agenda_item_id: int
    member_id: int
    agrees: bool
    file_path: str | None = None


@dataclass
class TallyInput:
    """The paper tally of a secret ballot; for a show of hands only yes_votes and no_votes are read."""

    ballots_issued: int | None = None
    ballots_returned: int | None = None
    ballots_valid: int | None = None
    ballots_invalid: int | None = None
    yes_votes: int | None = None
    no_votes: int | None = None


# Views --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CouncilMemberRow:
    id: int
    version: int
    name: str
    position: str
    role: CouncilRole
    role_label: str
    term_from: dt.date
    term_to: dt.date | None
    term_text: str  # "từ 01/01/2026" or "01/01/2026 – 30/06/2026"
    serving: bool  # on the day asked (today by default)
    note: str


@dataclass(frozen=True)
class MeetingRow:
    id: int
    held_on: dt.date
    date_text: str  # "05/01/2026"
    starts_at: dt.time | None
    place: str
    status: MeetingStatus
    status_label: str
    chair_name: str
    members_total: int
    members_present: int
    quorum_reached: bool
    agenda_count: int
    passed_count: int
    failed_count: int
    closed_at: dt.datetime | None


@dataclass(frozen=True)
class AttendanceView:
    member_id: int
    name: str
    position: str
    role: CouncilRole
    role_label: str
    status: AttendanceStatus
    status_label: str


@dataclass(frozen=True)
class OpinionView:
    id: int
    agenda_item_id: int
    member_id: int
    member_name: str
    agrees: bool
    choice_label: str  # "Đồng ý" / "Không đồng ý"
    stored_file_id: int | None
    file_name: str  # the scanned letter's original name, "" when none


@dataclass(frozen=True)
class QuorumView:
    total: int  # members of the council on the meeting's day
    present: int
    absent_with_opinion: int
    absent: int
    needed: int
    fraction_text: str  # "2/3"
    reached: bool
    override_reason: str  # the chair proceeded without quorum, and why ("" when not)
    can_decide: bool  # reached, or overridden with a reason
    text: str  # "Có mặt 10/15 thành viên; cần ít nhất 10 (2/3 tổng số thành viên): đủ …"


@dataclass(frozen=True)
class PollView:
    """One poll. While a private-mode poll is open its counts are hidden (None, counts_hidden) and only
    `voters` shows; the result (passed, result_text, agree, base) is set once the poll is closed."""

    id: int
    agenda_item_id: int
    method: PollMethod
    method_label: str
    entry_mode: PollEntryMode
    entry_mode_label: str
    closed: bool
    rule_text: str  # "≥ 80 % tổng số thành viên Hội đồng (tính cả ý kiến bằng văn bản …)"
    needed_text: str  # "Cần ít nhất 12/15 phiếu đồng ý (≥ 80 % tổng số thành viên Hội đồng)"
    counts_hidden: bool
    ballots_issued: int | None
    ballots_returned: int | None
    ballots_valid: int | None
    ballots_invalid: int | None
    yes_votes: int | None
    no_votes: int | None
    voters: int | None  # private mode: how many have voted so far; otherwise None
    ballots_entered: int  # ballot-by-ballot mode: paper ballots keyed so far
    opinions_yes: int
    opinions_no: int
    opinions_counted: bool
    problems: tuple[str, ...]  # what does not add up yet (empty: the tally can close)
    passed: bool | None
    agree: int | None
    base: int | None
    result_text: str  # "12/15 thành viên đồng ý = 80,0 % ≥ 80 % tổng số thành viên Hội đồng → Đạt"
    share_text: str = ""  # agree/base as a percent, "80,0 %" ("" until closed or with a base of 0)


@dataclass(frozen=True)
class AgendaItemView:
    id: int
    position: int
    nomination_id: int
    nominee_name: str
    subject_kind: SubjectKind
    unit_name: str
    form_id: int
    form_code: str
    form_name: str
    round_id: int
    round_name: str
    nomination_status: NominationStatus
    nomination_status_label: str
    method: PollMethod  # the poll's, or the form's before the poll starts
    needed_text: str  # before the vote, from the form's rule and the attendance
    poll: PollView | None
    opinions: tuple[OpinionView, ...]


@dataclass(frozen=True)
class MeetingView:
    """A meeting as the pages and the papers (ballots, vote-count record, minutes) show it."""

    id: int
    version: int
    held_on: dt.date
    date_text: str  # "ngày 05 tháng 01 năm 2026"
    starts_at: dt.time | None
    time_text: str  # "08 giờ 00" ("" when not given)
    place: str
    status: MeetingStatus
    status_label: str
    closed: bool
    closed_at: dt.datetime | None
    closing_time_text: str  # "11 giờ 30 ngày 05 tháng 01 năm 2026" ("" while open)
    chair_id: int | None
    chair_name: str
    chair_position: str
    secretary_id: int | None
    secretary_name: str
    secretary_position: str
    ballot_counters: tuple[str, ...]
    quorum_override_reason: str
    note: str
    members: tuple[AttendanceView, ...]
    quorum: QuorumView
    agenda: tuple[AgendaItemView, ...]


@dataclass(frozen=True)
class AgendaCandidate:
    """A nomination the council may take up: appraised, of a form the council votes on, on no other
    open meeting's agenda."""

    nomination_id: int
    nominee_name: str
    form_code: str
    form_name: str
    round_id: int
    round_name: str
    on_agenda: bool  # already on this meeting's agenda


@dataclass(frozen=True)
class PrivateProgress:
    """Private-vote mode: how many of the members present have voted; nothing else until closed."""

    meeting_id: int
    voted: int
    present: int

    @property
    def remaining(self) -> int:
        return max(self.present - self.voted, 0)


@dataclass(frozen=True)
class NominationCouncilResult:
    """Where a nomination stands with the council: the latest meeting that has it on its agenda."""

    nomination_id: int
    meeting_id: int
    held_on: dt.date
    meeting_closed: bool
    passed: bool | None  # None: not voted (yet)
    result_text: str


@dataclass(frozen=True)
class PaperBallotMarks:
    """One paper ballot keyed in ballot-by-ballot mode: its number and its mark per agenda item."""

    number: int
    marks: dict[int, BallotMark] = field(default_factory=dict)
