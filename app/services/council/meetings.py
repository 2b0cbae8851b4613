"""Meetings of the council: date, time, place, chair and secretary, the attendance of every member serving
on the day, the quorum and its override. Closing a meeting is in closing.py."""

from __future__ import annotations

import dataclasses

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.errors import ConflictError, ValidationError, Validator
from app.models import AgendaItem, Attendance, AttendanceStatus, CouncilMember, Meeting, MeetingStatus
from app.rules.vntext import normalize_multiline, normalize_text, vn_short_date
from app.services.council.common import get_meeting_row, meeting_quorum, meeting_title, require_open
from app.services.council.data import AttendanceInput, MeetingInput, MeetingRow, MeetingView
from app.services.council.members import members_by_role, read_council_rules, term_text
from app.services.council.views import meeting_row, meeting_view
from app.services.records import check_version
from app.services.sorting import by_name, by_rank, by_text, order_by
from app.storage.database import Database
from app.storage.versions import bump_version

# The meetings list's sorts: the day, the hour, the place, the chair (official-list order), the status
# (open first), the members present, and the nominations on the agenda (the results' column).
MEETING_SORTS = ("held_on", "starts_at", "place", "chair_name", "status", "members_present", "agenda_count")


def list_meetings(db: Database, *, sort: str = "held_on", descending: bool = True) -> list[MeetingRow]:
    """Sorted by the query on one of MEETING_SORTS (empty values last), then newest first (the default)."""
    chair = aliased(CouncilMember)
    present = select(func.count()).where(Attendance.meeting_id == Meeting.id,
                                         Attendance.status == AttendanceStatus.PRESENT).scalar_subquery()
    agenda = select(func.count()).where(AgendaItem.meeting_id == Meeting.id).scalar_subquery()
    keys = dict(zip(MEETING_SORTS, (
        Meeting.held_on, Meeting.starts_at, by_text(Meeting.place), by_name(chair.name),
        by_rank(Meeting.status, MeetingStatus),
        present, agenda), strict=True))
    statement = (select(Meeting).outerjoin(chair, chair.id == Meeting.chair_id)
                 .order_by(*order_by(keys, sort, descending, Meeting.held_on.desc(), Meeting.id.desc())))
    with db.read() as session:
        return [meeting_row(session, m) for m in session.scalars(statement)]


def get_meeting(db: Database, meeting_id: int) -> MeetingView:
    with db.read() as session:
        return meeting_view(session, get_meeting_row(session, meeting_id))


def create_meeting(db: Database, data: MeetingInput) -> int:
    """A new open meeting; every member serving on its day is listed as present (change it after)."""
    clean = _clean(data)
    with db.transaction() as session:
        meeting = Meeting(status=MeetingStatus.OPEN, version=1, quorum_override_reason="")
        if clean.ballot_counters is None:
            counters = list(read_council_rules(session).ballot_counters)
            clean = dataclasses.replace(clean, ballot_counters=counters)
        serving = members_by_role(session, clean.held_on)
        _check_people(session, clean, serving)
        _apply(meeting, clean)
        meeting.attendance = [Attendance(member=m, status=AttendanceStatus.PRESENT) for m in serving]
        session.add(meeting)
        session.flush()
        return meeting.id


def update_meeting(db: Database, meeting_id: int, data: MeetingInput,
                   expected_version: int | None = None) -> MeetingView:
    """Change an open meeting. A new day keeps the attendance of members still serving, lists the members
    who serve then and refuses when a member with a written opinion would no longer serve."""
    clean = _clean(data)
    with db.transaction() as session:
        meeting = _editable(session, meeting_id, expected_version)
        serving = members_by_role(session, clean.held_on)
        _check_people(session, clean, serving)
        if clean.held_on != meeting.held_on:
            _reroll(meeting, serving)
        if clean.ballot_counters is None:
            clean = dataclasses.replace(clean, ballot_counters=meeting.ballot_counters.splitlines())
        _apply(meeting, clean)
        bump_version(meeting)
        session.flush()
        return meeting_view(session, meeting)


def delete_meeting(db: Database, meeting_id: int) -> None:
    """Delete an open meeting with no poll yet (a closed meeting is part of the record)."""
    with db.transaction() as session:
        meeting = _editable(session, meeting_id, None)
        if any(item.poll is not None for item in meeting.agenda):
            raise ConflictError(f"{meeting_title(meeting)} đã có biểu quyết: không xóa được. "
                                "Hãy xóa các biểu quyết trước.")
        session.delete(meeting)


def set_attendance(db: Database, meeting_id: int, rows: list[AttendanceInput],
                   expected_version: int | None = None) -> MeetingView:
    """Who came: each row one member serving on the meeting's day, listed once."""
    with db.transaction() as session:
        meeting = _editable(session, meeting_id, expected_version)
        by_member = {row.member_id: row for row in meeting.attendance}
        check = Validator()
        seen: set[int] = set()
        for number, wanted in enumerate(rows, start=1):
            _check_attendance_row(session, meeting, by_member, seen, check, number, wanted)
        check.raise_if_any()
        for wanted in rows:
            by_member[wanted.member_id].status = wanted.status
        if meeting.quorum_override_reason and _reached(session, meeting):
            meeting.quorum_override_reason = ""  # a quorum reached needs no override
        bump_version(meeting)
        session.flush()
        return meeting_view(session, meeting)


def _check_attendance_row(session: Session, meeting: Meeting, by_member: dict[int, Attendance],
                          seen: set[int], check: Validator, number: int, wanted: AttendanceInput) -> None:
    field = f"attendance.{number}"
    member = session.get(CouncilMember, wanted.member_id)
    if member is None:
        check.add(field, f"Điểm danh dòng {number}: không tìm thấy thành viên số {wanted.member_id}.")
    elif wanted.member_id in seen:
        check.add(field, f"Điểm danh dòng {number}: “{member.name}” có tên hai lần.")
    elif wanted.member_id not in by_member:
        check.add(field, (f"Điểm danh dòng {number}: “{member.name}” không phải thành viên Hội đồng ngày "
                          f"{vn_short_date(meeting.held_on)} (nhiệm kỳ ngoài ngày họp)."))
    elif wanted.status is not AttendanceStatus.ABSENT_WITH_OPINION and _has_opinions(meeting, member.id):
        check.add(field, (f"Điểm danh dòng {number}: “{member.name}” đã gửi ý kiến bằng văn bản; hãy xóa ý "
                          "kiến đó trước khi đổi."))
    elif (wanted.status is not AttendanceStatus.PRESENT and _votes_started(meeting)
          and by_member[wanted.member_id].status is AttendanceStatus.PRESENT):
        check.add(field, (f"Điểm danh dòng {number}: đã có biểu quyết, không bớt được thành viên có mặt "
                          f"“{member.name}”. Hãy xóa các biểu quyết trước."))
    seen.add(wanted.member_id)


def _has_opinions(meeting: Meeting, member_id: int) -> bool:
    return any(o.member_id == member_id for item in meeting.agenda for o in item.opinions)


def _votes_started(meeting: Meeting) -> bool:
    return any(item.poll is not None for item in meeting.agenda)


def _reached(session: Session, meeting: Meeting) -> bool:
    session.flush()
    return meeting_quorum(session, meeting).reached


def override_quorum(db: Database, meeting_id: int, reason: str) -> MeetingView:
    """The chair goes on to vote without quorum: the reason is kept for the minutes ("" withdraws it)."""
    reason = normalize_multiline(reason)
    check = Validator()
    check.max_length("quorum_override_reason", "Lý do", reason, 1000)
    check.raise_if_any()
    with db.transaction() as session:
        meeting = _editable(session, meeting_id, None)
        if not reason and _votes_started(meeting) and not _reached(session, meeting):
            raise ValidationError({"quorum_override_reason": (
                "Lý do vẫn biểu quyết khi chưa đủ số thành viên: đã có biểu quyết nên phải giữ lý do.")})
        meeting.quorum_override_reason = reason
        bump_version(meeting)
        session.flush()
        return meeting_view(session, meeting)


def _editable(session: Session, meeting_id: int, expected_version: int | None) -> Meeting:
    meeting = get_meeting_row(session, meeting_id)
    require_open(meeting)
    check_version(meeting, expected_version, meeting_title(meeting))
    return meeting


def _clean(data: MeetingInput) -> MeetingInput:
    counters = None if data.ballot_counters is None else [
        name for name in (normalize_text(n) for n in data.ballot_counters) if name]
    clean = dataclasses.replace(data, place=normalize_text(data.place), note=normalize_multiline(data.note),
                                ballot_counters=counters)
    check = Validator()
    if clean.held_on is None:
        check.add("held_on", "Ngày họp: hãy nhập ngày họp.")
    check.require("place", "Địa điểm", clean.place)
    check.max_length("place", "Địa điểm", clean.place, 300)
    check.plain_text("note", "Ghi chú", clean.note)
    for name in counters or []:
        check.max_length("ballot_counters", "Ban kiểm phiếu", name, 200)
    check.raise_if_any()
    return clean


def _check_people(session: Session, data: MeetingInput, serving: list[CouncilMember]) -> None:
    """Chair and secretary: members of the council serving on the meeting's day, two different people."""
    check = Validator()
    ids = {m.id for m in serving}
    if not serving:
        check.add("held_on", (f"Ngày họp: ngày {vn_short_date(data.held_on)} Hội đồng chưa có thành viên nào "
                              "trong nhiệm kỳ; hãy khai báo thành viên Hội đồng trước."))
    for field, label, member_id in (("chair_id", "Chủ trì", data.chair_id),
                                    ("secretary_id", "Thư ký", data.secretary_id)):
        member = session.get(CouncilMember, member_id) if member_id is not None else None
        if member_id is None:
            check.add(field, f"{label}: hãy chọn một thành viên Hội đồng.")
        elif member is None:
            check.add(field, f"{label}: không tìm thấy thành viên số {member_id}.")
        elif member_id not in ids:
            check.add(field, (f"{label}: “{member.name}” không phải thành viên Hội đồng ngày "
                              f"{vn_short_date(data.held_on)} (nhiệm kỳ {_term(member)})."))
    if data.chair_id is not None and data.chair_id == data.secretary_id:
        check.add("secretary_id", "Thư ký: phải là người khác với người chủ trì.")
    check.raise_if_any()


def _term(member: CouncilMember) -> str:
    return term_text(member.term_from, member.term_to)


def _apply(meeting: Meeting, data: MeetingInput) -> None:
    assert data.held_on is not None  # _clean refused it otherwise
    meeting.held_on, meeting.starts_at, meeting.place = data.held_on, data.starts_at, data.place
    meeting.chair_id, meeting.secretary_id, meeting.note = data.chair_id, data.secretary_id, data.note
    meeting.ballot_counters = "\n".join(data.ballot_counters or [])


def _reroll(meeting: Meeting, serving: list[CouncilMember]) -> None:
    """A new day: members who no longer serve leave (refused if they sent an opinion), new ones come."""
    ids = {m.id for m in serving}
    leaving = [row for row in meeting.attendance if row.member_id not in ids]
    blocked = [row.member.name for row in leaving if _has_opinions(meeting, row.member_id)]
    if blocked:
        raise ValidationError({"held_on": (
            f"Ngày họp: “{blocked[0]}” không còn trong nhiệm kỳ ngày đó nhưng đã gửi ý kiến bằng văn bản.")})
    if leaving and _votes_started(meeting):
        raise ValidationError({"held_on": "Ngày họp: đã có biểu quyết, không đổi được thành phần Hội đồng."})
    for row in leaving:
        meeting.attendance.remove(row)
    present = {row.member_id for row in meeting.attendance}
    meeting.attendance.extend(Attendance(member=m, status=AttendanceStatus.PRESENT)
                              for m in serving if m.id not in present)
