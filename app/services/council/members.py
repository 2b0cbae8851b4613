"""The council's members and their terms, and the council's rules (quorum, who counts the ballots)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from app.errors import ConflictError, ValidationError, Validator
from app.models import Attendance, CouncilMember, CouncilRole, Meeting, WrittenOpinion
from app.rules.vntext import normalize_text, vn_short_date
from app.services.council.data import CouncilMemberInput, CouncilMemberRow, CouncilRules
from app.services.records import check_version, get_or_not_found
from app.services.settings import SettingVar, put_setting, read_setting
from app.services.sorting import by_name, by_rank, by_text, order_by
from app.storage.database import Database
from app.storage.versions import bump_version

QUORUM = SettingVar("council.quorum", [2, 3], "Số thành viên có mặt tối thiểu (phần của tổng số)")
BALLOT_COUNTERS = SettingVar("council.ballot_counters", [], "Ban kiểm phiếu")
ROLE_ORDER = (CouncilRole.CHAIR, CouncilRole.VICE_CHAIR, CouncilRole.MEMBER, CouncilRole.SECRETARY)
LABELS = {"name": "Họ và tên", "position": "Chức vụ", "note": "Ghi chú"}


# Members ------------------------------------------------------------------------------------------

# The members list's sorts: the name (official-list order), position, role (chair first), term (its
# start), and whether serving on the day (serving first).
MEMBER_SORTS = ("name", "position", "role", "term", "serving")


def list_council_members(db: Database, on: dt.date | None = None, serving_only: bool = False, *,
                         sort: str = "role", descending: bool = False) -> list[CouncilMemberRow]:
    """Every member sorted by the query on one of MEMBER_SORTS (empty values last), then by role and
    order (the minutes' order, the default); `serving` is said for the day `on` (today by default), and
    `serving_only` keeps only those serving that day."""
    day = on or dt.date.today()
    role = by_rank(CouncilMember.role, ROLE_ORDER)
    serving = and_(CouncilMember.term_from <= day,
                   or_(CouncilMember.term_to.is_(None), CouncilMember.term_to >= day))
    keys = dict(zip(MEMBER_SORTS, (by_name(CouncilMember.name), by_text(CouncilMember.position), role,
                                   CouncilMember.term_from, case((serving, 0), else_=1)), strict=True))
    statement = select(CouncilMember).order_by(
        *order_by(keys, sort, descending, role, CouncilMember.sort_order, CouncilMember.id))
    with db.read() as session:
        members = session.scalars(statement.where(serving) if serving_only else statement)
        return [member_row(m, day) for m in members]


def members_by_role(session: Session, day: dt.date | None = None) -> list[CouncilMember]:
    """The members (serving on `day` when given) in the order the minutes list them."""
    statement = select(CouncilMember).order_by(CouncilMember.sort_order, CouncilMember.id)
    if day is not None:
        statement = statement.where(CouncilMember.term_from <= day, or_(
            CouncilMember.term_to.is_(None), CouncilMember.term_to >= day))
    members = list(session.scalars(statement))
    order = {role: rank for rank, role in enumerate(ROLE_ORDER)}
    return sorted(members, key=lambda m: (order[m.role], m.sort_order, m.id))


def member_row(member: CouncilMember, day: dt.date) -> CouncilMemberRow:
    return CouncilMemberRow(
        id=member.id, version=member.version, name=member.name, position=member.position, role=member.role,
        role_label=member.role.label, term_from=member.term_from, term_to=member.term_to,
        term_text=term_text(member.term_from, member.term_to), serving=member.serves_on(day),
        note=member.note,
    )


def term_text(start: dt.date, end: dt.date | None) -> str:
    return f"từ {vn_short_date(start)}" if end is None else f"{vn_short_date(start)} – {vn_short_date(end)}"


def get_council_member(db: Database, member_id: int) -> CouncilMemberRow:
    with db.read() as session:
        return member_row(get_member_row(session, member_id), dt.date.today())


def get_member_row(session: Session, member_id: int) -> CouncilMember:
    return get_or_not_found(session, CouncilMember, member_id, "thành viên Hội đồng số")


def create_council_member(db: Database, data: CouncilMemberInput) -> int:
    clean = _clean(data)
    with db.transaction() as session:
        member = CouncilMember(version=1)
        _apply(member, clean)
        session.add(member)
        session.flush()
        return member.id


def update_council_member(db: Database, member_id: int, data: CouncilMemberInput,
                          expected_version: int | None = None) -> None:
    """Change a member; a new term may not leave out a meeting the member is recorded at."""
    clean = _clean(data)
    with db.transaction() as session:
        member = get_member_row(session, member_id)
        check_version(member, expected_version, f"Thành viên “{member.name}”")
        _check_meetings_in_term(session, member, clean)
        _apply(member, clean)
        bump_version(member)


def delete_council_member(db: Database, member_id: int) -> None:
    """Delete a member recorded at no meeting (otherwise end the term instead)."""
    with db.transaction() as session:
        member = get_member_row(session, member_id)
        counts = (
            select(func.count()).select_from(Attendance).where(Attendance.member_id == member_id),
            select(func.count()).select_from(Meeting).where(
                or_(Meeting.chair_id == member_id, Meeting.secretary_id == member_id)),
            select(func.count()).select_from(WrittenOpinion).where(WrittenOpinion.member_id == member_id),
        )
        used = sum(session.scalar(count) or 0 for count in counts)
        if used:
            raise ConflictError(
                f"Không xóa được “{member.name}”: thành viên đã có tên trong phiên họp của Hội đồng. "
                "Nếu thành viên thôi tham gia, hãy nhập ngày kết thúc nhiệm kỳ."
            )
        session.delete(member)


def _clean(data: CouncilMemberInput) -> CouncilMemberInput:
    clean = dataclasses.replace(data, name=normalize_text(data.name), position=normalize_text(data.position),
                                note=normalize_text(data.note))
    check = Validator()
    check.require("name", LABELS["name"], clean.name)
    check.max_length("name", LABELS["name"], clean.name, 200)
    check.max_length("position", LABELS["position"], clean.position, 300)
    check.plain_text("note", LABELS["note"], clean.note)
    if clean.term_from is None:
        check.add("term_from", "Nhiệm kỳ từ ngày: hãy nhập ngày bắt đầu.")
    elif clean.term_to is not None and clean.term_to < clean.term_from:
        check.add("term_to", (f"Nhiệm kỳ đến ngày: {vn_short_date(clean.term_to)} sớm hơn ngày bắt đầu "
                              f"({vn_short_date(clean.term_from)})."))
    check.raise_if_any()
    return clean


def _apply(member: CouncilMember, data: CouncilMemberInput) -> None:
    assert data.term_from is not None  # _clean refused it otherwise
    member.name, member.position, member.role = data.name, data.position, data.role
    member.term_from, member.term_to, member.note = data.term_from, data.term_to, data.note


def _check_meetings_in_term(session: Session, member: CouncilMember, data: CouncilMemberInput) -> None:
    start, end = data.term_from or dt.date.min, data.term_to or dt.date.max
    days = session.scalars(select(Meeting.held_on).join(Attendance, Attendance.meeting_id == Meeting.id)
                           .where(Attendance.member_id == member.id).order_by(Meeting.held_on))
    outside = [d for d in days if not start <= d <= end]
    if outside:
        field = "term_from" if outside[0] < start else "term_to"
        raise ValidationError({field: (
            f"Nhiệm kỳ: thành viên đã dự phiên họp ngày {vn_short_date(outside[0])}, "
            "ngày đó phải nằm trong nhiệm kỳ."
        )})


# The council's rules --------------------------------------------------------------------------------

def get_council_rules(db: Database) -> CouncilRules:
    with db.read() as session:
        return read_council_rules(session)


def read_council_rules(session: Session) -> CouncilRules:
    numerator, denominator = read_setting(session, QUORUM)
    counters = tuple(read_setting(session, BALLOT_COUNTERS))
    return CouncilRules(quorum_numerator=numerator, quorum_denominator=denominator, ballot_counters=counters)


def save_council_rules(db: Database, rules: CouncilRules) -> CouncilRules:
    counters = tuple(name for name in (normalize_text(n) for n in rules.ballot_counters) if name)
    check = Validator()
    if not (0 < rules.quorum_denominator <= 1000 and 0 < rules.quorum_numerator <= rules.quorum_denominator):
        check.add("quorum", "Số thành viên có mặt tối thiểu: tỷ lệ phải lớn hơn 0 và không quá 1 "
                            "(ví dụ 2/3).")
    for name in counters:
        check.max_length("ballot_counters", "Ban kiểm phiếu", name, 200)
    check.raise_if_any()
    clean = CouncilRules(rules.quorum_numerator, rules.quorum_denominator, counters)
    with db.transaction() as session:
        put_setting(session, QUORUM, [clean.quorum_numerator, clean.quorum_denominator])
        put_setting(session, BALLOT_COUNTERS, list(clean.ballot_counters))
    return clean
