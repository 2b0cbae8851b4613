"""A council and its meetings, made through the real services: members, a meeting with its agenda,
polls entered from the tally, the meeting closed (which moves the nominations)."""

from __future__ import annotations

import datetime as dt

from app.models import CouncilRole, PollEntryMode, PollMethod
from app.services.council.agenda import set_agenda
from app.services.council.closing import close_meeting
from app.services.council.data import CouncilMemberInput, MeetingInput, TallyInput
from app.services.council.meetings import create_meeting, get_meeting
from app.services.council.members import create_council_member, list_council_members
from app.services.council.polls import close_poll, save_tally, start_poll

TERM_START = dt.date(2026, 1, 1)
MEMBER_NAMES = (
    "Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Văn Nam", "Phạm Thị Mai", "Hoàng Văn Đức", "Vũ Thị Hạnh",
    "Đỗ Văn Long", "Bùi Thị Thu", "Ngô Văn Sơn", "Dương Thị Hoa", "Lý Văn Tâm", "Đinh Thị Yến",
    "Trịnh Văn Phúc", "Mai Thị Ngọc", "Cao Văn Thành", "Hồ Thị Xuân", "Tạ Văn Quang", "Lưu Thị Vân",
)


def role_for(index: int, size: int) -> CouncilRole:
    if index == 0:
        return CouncilRole.CHAIR
    if index == size - 1:
        return CouncilRole.SECRETARY
    return CouncilRole.VICE_CHAIR if index <= 2 else CouncilRole.MEMBER


def make_council(db, size: int = 15, term_from: dt.date = TERM_START,
                 term_to: dt.date | None = None) -> list[int]:
    """`size` members serving from `term_from`: a chair, two vice-chairs, members, a secretary."""
    return [
        create_council_member(db, CouncilMemberInput(
            name=MEMBER_NAMES[i], position=f"Chức vụ {i + 1}", role=role_for(i, size), term_from=term_from,
            term_to=term_to))
        for i in range(size)
    ]


def ensure_council(db, day: dt.date, size: int = 15) -> list[int]:
    """The members serving on `day`, making a council first when there is none."""
    serving = [m.id for m in list_council_members(db, on=day, serving_only=True)]
    return serving or make_council(db, size)


def open_meeting(db, day: dt.date, nomination_ids: list[int] = (), place: str = "Hội trường UBND xã") -> int:
    """An open meeting on `day` (every serving member present) with these nominations on its agenda."""
    members = ensure_council(db, day)
    meeting_id = create_meeting(db, MeetingInput(held_on=day, starts_at=dt.time(8, 0), place=place,
                                                 chair_id=members[0], secretary_id=members[-1]))
    if nomination_ids:
        set_agenda(db, meeting_id, list(nomination_ids))
    return meeting_id


def vote(db, agenda_item_id: int, yes: int, no: int, present: int,
         method: PollMethod | None = None) -> None:
    """A poll from the paper tally, closed: every member present votes, `yes` agree, `no` disagree."""
    poll = start_poll(db, agenda_item_id, PollEntryMode.TALLY, method)
    save_tally(db, poll.id, TallyInput(present, present, present, 0, yes, no))
    close_poll(db, poll.id)


def council_review(db, nomination_ids: list[int], passed: bool = True, day: dt.date = dt.date(2026, 11, 21)
                   ) -> int:
    """The council meets on `day`, votes every nomination unanimously for (passed) or against, and
    closes: the nominations become "đã bình xét — đạt" (or "không đạt"). Returns the meeting's id."""
    meeting_id = open_meeting(db, day, nomination_ids)
    meeting = get_meeting(db, meeting_id)
    present = meeting.quorum.present
    for item in meeting.agenda:
        vote(db, item.id, present if passed else 0, 0 if passed else present, present)
    close_meeting(db, meeting_id, dt.datetime.combine(day, dt.time(11, 0)))
    return meeting_id
