"""A meeting's agenda (nominations ready for the council, from one or more rounds) and the written
opinions of its absent members."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ConflictError, ValidationError, Validator
from app.models import (
    AgendaItem,
    AttendanceStatus,
    AwardForm,
    Meeting,
    MeetingStatus,
    Nomination,
    NominationStatus,
    WrittenOpinion,
)
from app.rules.vntext import vn_short_date
from app.services.council.common import get_agenda_item_row, get_meeting_row, meeting_title, require_open
from app.services.council.data import AgendaCandidate, MeetingView, OpinionInput
from app.services.council.views import meeting_view
from app.services.records import check_version, get_or_not_found
from app.storage.database import Database
from app.storage.versions import bump_version


def agenda_candidates(db: Database, meeting_id: int) -> list[AgendaCandidate]:
    """Appraised nominations of forms the council votes on, from every round, on no other open meeting's
    agenda; those already on this meeting's agenda are marked."""
    with db.read() as session:
        meeting = get_meeting_row(session, meeting_id)
        on_this = {item.nomination_id for item in meeting.agenda}
        elsewhere = _on_other_open_agendas(session, meeting.id)
        statement = (select(Nomination).join(AwardForm, AwardForm.id == Nomination.award_form_id)
                     .where(Nomination.status == NominationStatus.APPRAISED,
                            AwardForm.needs_council_vote.is_(True))
                     .order_by(Nomination.round_id, AwardForm.sort_order, Nomination.id))
        rows = [n for n in session.scalars(statement) if n.id not in elsewhere]
        return [_candidate(n, n.id in on_this) for n in rows]


def _candidate(nomination: Nomination, on_agenda: bool) -> AgendaCandidate:
    form = nomination.award_form
    return AgendaCandidate(nomination_id=nomination.id, nominee_name=nomination.subject.name,
                           form_code=form.code, form_name=form.name, round_id=nomination.round_id,
                           round_name=nomination.round.name, on_agenda=on_agenda)


def _on_other_open_agendas(session: Session, meeting_id: int) -> set[int]:
    statement = (select(AgendaItem.nomination_id).join(Meeting, Meeting.id == AgendaItem.meeting_id)
                 .where(Meeting.status == MeetingStatus.OPEN, Meeting.id != meeting_id))
    return set(session.scalars(statement))


def set_agenda(db: Database, meeting_id: int, nomination_ids: list[int],
               expected_version: int | None = None) -> MeetingView:
    """The agenda in the order given. An item whose poll has started stays; a nomination listed twice,
    not appraised, of a form the council does not vote on, or on another open meeting is refused."""
    with db.transaction() as session:
        meeting = get_meeting_row(session, meeting_id)
        require_open(meeting)
        check_version(meeting, expected_version, meeting_title(meeting))
        _check_agenda(session, meeting, nomination_ids)
        current = {item.nomination_id: item for item in meeting.agenda}
        meeting.agenda = [current.get(n) or AgendaItem(nomination_id=n) for n in nomination_ids]
        for position, item in enumerate(meeting.agenda, start=1):
            item.position = position
        bump_version(meeting)
        session.flush()
        session.expire(meeting, ["agenda"])
        return meeting_view(session, meeting)


def _check_agenda(session: Session, meeting: Meeting, nomination_ids: list[int]) -> None:
    check = Validator()
    elsewhere = _on_other_open_agendas(session, meeting.id)
    current = {item.nomination_id: item for item in meeting.agenda}
    seen: set[int] = set()
    for number, nomination_id in enumerate(nomination_ids, start=1):
        field, where = f"agenda.{number}", f"Nội dung họp dòng {number}"
        nomination = session.get(Nomination, nomination_id)
        if nomination is None:
            check.add(field, f"{where}: không tìm thấy hồ sơ này (có thể đã bị xóa).")
        elif nomination_id in seen:
            check.add(field, f"{where}: hồ sơ của {nomination.subject.name} có tên hai lần.")
        elif nomination_id in current:
            pass  # already on the agenda: it stays as it is
        elif not nomination.award_form.needs_council_vote:
            check.add(field, (f"{where}: “{nomination.award_form.name}” (hồ sơ của "
                              f"{nomination.subject.name}) không do Hội đồng biểu quyết."))
        elif nomination.status is not NominationStatus.APPRAISED:
            check.add(field, (f"{where}: hồ sơ của {nomination.subject.name} đang "
                              f"“{nomination.status.label}”; chỉ hồ sơ đã thẩm định mới đưa ra Hội đồng."))
        elif nomination_id in elsewhere:
            check.add(field, (f"{where}: hồ sơ của {nomination.subject.name} đã có trong "
                              "một phiên họp khác chưa kết thúc."))
        seen.add(nomination_id)
    for nomination_id, item in current.items():
        if nomination_id not in seen and (item.poll is not None or item.opinions):
            name = item.nomination.subject.name
            check.add("agenda", (f"Nội dung họp: hồ sơ của {name} đã "
                                 "có biểu quyết hoặc ý kiến bằng văn bản, không bỏ khỏi phiên họp được."))
    check.raise_if_any()


def set_written_opinion(db: Database, meeting_id: int, data: OpinionInput) -> MeetingView:
    """An absent member's written opinion on one agenda item; the member is then recorded as absent with
    a written opinion. Refused for a member present, an item not on this meeting's agenda or one voted."""
    with db.transaction() as session:
        meeting = get_meeting_row(session, meeting_id)
        require_open(meeting)
        item = _item_of(session, meeting, data.agenda_item_id)
        row = next((a for a in meeting.attendance if a.member_id == data.member_id), None)
        _check_opinion(meeting, item, row, data)
        assert row is not None  # refused above otherwise
        stored = _store_letter(session, db, data.file_path) if data.file_path else None
        opinion = next((o for o in item.opinions if o.member_id == data.member_id), None)
        if opinion is None:
            opinion = WrittenOpinion(member_id=data.member_id)
            item.opinions.append(opinion)
        opinion.agrees = data.agrees
        if stored is not None:
            opinion.stored_file_id = stored.id
        row.status = AttendanceStatus.ABSENT_WITH_OPINION
        bump_version(meeting)
        session.flush()
        session.expire(item, ["opinions"])
        return meeting_view(session, meeting)


def _item_of(session: Session, meeting: Meeting, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != meeting.id:
        raise ValidationError({"agenda_item_id": (
            f"Nội dung họp: mục số {item_id} không có trong chương trình {meeting_title(meeting).lower()}.")})
    return item


def _check_opinion(meeting: Meeting, item: AgendaItem, row, data: OpinionInput) -> None:
    check = Validator()
    if row is None:
        check.add("member_id", (f"Thành viên: số {data.member_id} không phải thành viên Hội đồng ngày "
                                f"{vn_short_date(meeting.held_on)}."))
    elif row.status is AttendanceStatus.PRESENT:
        check.add("member_id", (f"Thành viên: “{row.member.name}” có mặt tại phiên họp; ý kiến bằng văn bản "
                                "chỉ dành cho thành viên vắng mặt."))
    if item.poll is not None and item.poll.closed:
        name = item.nomination.subject.name
        check.add("agenda_item_id", (f"Nội dung họp: hồ sơ của “{name}” đã biểu quyết xong; "
                                     "không thêm ý kiến được."))
    check.raise_if_any()


def _store_letter(session: Session, db: Database, path: str):
    from app.storage.file_store import store_file

    return store_file(session, db.data_dir, path, "file_path", evidence=True)  # a document or an image


def remove_written_opinion(db: Database, opinion_id: int) -> MeetingView:
    """Remove an opinion entered by mistake (the member stays absent with a written opinion only if they
    still have another)."""
    with db.transaction() as session:
        opinion = get_or_not_found(session, WrittenOpinion, opinion_id, "ý kiến bằng văn bản số")
        item = get_agenda_item_row(session, opinion.agenda_item_id)
        meeting = item.meeting
        require_open(meeting)
        if item.poll is not None and item.poll.closed:
            raise ConflictError(f"Hồ sơ của “{item.nomination.subject.name}” đã biểu quyết xong; "
                                "không xóa ý kiến được.")
        member_id = opinion.member_id
        item.opinions.remove(opinion)
        session.flush()
        if not any(o.member_id == member_id for i in meeting.agenda for o in i.opinions):
            row = next(a for a in meeting.attendance if a.member_id == member_id)
            row.status = AttendanceStatus.ABSENT
        bump_version(meeting)
        session.flush()
        return meeting_view(session, meeting)
