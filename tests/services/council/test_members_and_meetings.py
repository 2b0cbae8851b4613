"""Members and terms, meetings, attendance and the quorum, through the services: every refusal names
its field in Vietnamese and saves nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from council_helpers import open_meeting

from app.errors import ConflictError, ValidationError
from app.models import AttendanceStatus, CouncilRole, PollEntryMode
from app.services.council import (
    AttendanceInput,
    CouncilMemberInput,
    CouncilRules,
    MeetingInput,
    create_council_member,
    create_meeting,
    delete_council_member,
    get_council_rules,
    get_meeting,
    list_council_members,
    list_meetings,
    override_quorum,
    save_council_rules,
    set_agenda,
    set_attendance,
    start_poll,
    update_council_member,
    update_meeting,
)

pytestmark = pytest.mark.both_backends
DAY = dt.date(2026, 11, 18)


def absent(meeting_id: int, db, how_many: int) -> None:
    """The last `how_many` members do not come."""
    rows = get_meeting(db, meeting_id).members
    set_attendance(db, meeting_id, [AttendanceInput(m.member_id, AttendanceStatus.ABSENT)
                                    for m in rows[-how_many:]])


def test_a_meeting_lists_the_members_serving_on_its_day(commune_db, members):
    leaving = members[7]
    data = CouncilMemberInput(name="Đỗ Văn Long", position="Bí thư Đoàn", role=CouncilRole.MEMBER,
                              term_from=dt.date(2026, 1, 1), term_to=dt.date(2026, 6, 30))
    update_council_member(commune_db, leaving, data)
    successor = create_council_member(commune_db, CouncilMemberInput(
        name="Lưu Thị Nhung", position="Bí thư Đoàn", term_from=dt.date(2026, 7, 1)))
    in_june = get_meeting(commune_db, open_meeting(commune_db, dt.date(2026, 6, 15)))
    in_november = get_meeting(commune_db, open_meeting(commune_db, DAY))
    assert leaving in {m.member_id for m in in_june.members} - {m.member_id for m in in_november.members}
    assert successor in {m.member_id for m in in_november.members}
    assert in_june.quorum.total == in_november.quorum.total == 15
    assert in_november.members[0].role is CouncilRole.CHAIR and in_november.members[-1].role is (
        CouncilRole.SECRETARY)
    serving = list_council_members(commune_db, on=DAY, serving_only=True)
    assert leaving not in {m.id for m in serving} and len(serving) == 15


def test_a_meeting_dated_outside_a_members_term_is_refused(commune_db, members):
    early = MeetingInput(held_on=dt.date(2025, 12, 1), place="Hội trường", chair_id=members[0],
                         secretary_id=members[-1])
    with pytest.raises(ValidationError) as caught:
        create_meeting(commune_db, early)
    assert "Hội đồng chưa có thành viên nào trong nhiệm kỳ" in caught.value.errors["held_on"]
    assert "không phải thành viên Hội đồng ngày 01/12/2025" in caught.value.errors["chair_id"]
    assert list_meetings(commune_db) == []


def test_a_member_outside_their_term_is_refused_as_chair_or_in_attendance(commune_db, members):
    later = create_council_member(commune_db, CouncilMemberInput(name="Hồ Văn Mới",
                                                                 term_from=dt.date(2026, 12, 1)))
    data = MeetingInput(held_on=DAY, place="Hội trường", chair_id=later, secretary_id=members[-1])
    with pytest.raises(ValidationError) as caught:
        create_meeting(commune_db, data)
    assert caught.value.errors["chair_id"] == (
        "Chủ trì: “Hồ Văn Mới” không phải thành viên Hội đồng ngày 18/11/2026 (nhiệm kỳ từ 01/12/2026).")
    meeting_id = open_meeting(commune_db, DAY)
    version = get_meeting(commune_db, meeting_id).version
    with pytest.raises(ValidationError) as caught:
        set_attendance(commune_db, meeting_id, [AttendanceInput(members[1], AttendanceStatus.ABSENT),
                                                AttendanceInput(later, AttendanceStatus.PRESENT)])
    refusal = caught.value.errors["attendance.2"]
    assert "“Hồ Văn Mới” không phải thành viên Hội đồng ngày 18/11/2026" in refusal
    after = get_meeting(commune_db, meeting_id)
    assert after.version == version and after.quorum.present == 15, "nothing saved"


def test_a_member_listed_twice_is_refused(commune_db, members):
    meeting_id = open_meeting(commune_db, DAY)
    rows = [AttendanceInput(members[2], AttendanceStatus.ABSENT), AttendanceInput(members[2],
                                                                                  AttendanceStatus.PRESENT)]
    with pytest.raises(ValidationError) as caught:
        set_attendance(commune_db, meeting_id, rows)
    assert caught.value.errors == {"attendance.2": "Điểm danh dòng 2: “Lê Văn Nam” có tên hai lần."}
    assert get_meeting(commune_db, meeting_id).quorum.absent == 0


def test_a_nomination_listed_twice_or_not_ready_is_refused_on_the_agenda(commune_db, members, appraised):
    nomination, = appraised("LDTT")
    meeting_id = open_meeting(commune_db, DAY)
    with pytest.raises(ValidationError) as caught:
        set_agenda(commune_db, meeting_id, [nomination, nomination, 999_999])
    assert "có tên hai lần" in caught.value.errors["agenda.2"]
    assert caught.value.errors["agenda.3"] == (
        "Nội dung họp dòng 3: không tìm thấy hồ sơ này (có thể đã bị xóa).")
    assert get_meeting(commune_db, meeting_id).agenda == ()
    set_agenda(commune_db, meeting_id, [nomination])
    other = open_meeting(commune_db, DAY + dt.timedelta(days=1))
    with pytest.raises(ValidationError) as caught:
        set_agenda(commune_db, other, [nomination])
    assert "đã có trong một phiên họp khác chưa kết thúc" in caught.value.errors["agenda.1"]


def test_without_quorum_a_meeting_is_recorded_but_cannot_decide_until_the_chair_gives_a_reason(
        commune_db, members, appraised):
    nomination, = appraised("LDTT")
    meeting_id = open_meeting(commune_db, DAY, [nomination])
    absent(meeting_id, commune_db, 6)  # 9 of 15 present: 2/3 needs 10
    meeting = get_meeting(commune_db, meeting_id)
    assert not meeting.quorum.reached and not meeting.quorum.can_decide
    assert meeting.quorum.text == ("Có mặt 9/15 thành viên; cần ít nhất 10 (2/3 tổng số thành viên): "
                                   "chưa đủ số thành viên để biểu quyết.")
    item = meeting.agenda[0]
    with pytest.raises(ConflictError, match="Chưa biểu quyết được: có mặt 9/15 thành viên"):
        start_poll(commune_db, item.id)
    with pytest.raises(ValidationError):
        override_quorum(commune_db, meeting_id, "\x1b")
    overridden = override_quorum(commune_db, meeting_id, "Chủ tịch đề nghị biểu quyết vì hết hạn gửi hồ sơ.")
    assert overridden.quorum.can_decide and overridden.quorum_override_reason.startswith("Chủ tịch đề nghị")
    assert "Chủ tọa vẫn cho biểu quyết; lý do: Chủ tịch đề nghị" in overridden.quorum.text
    assert start_poll(commune_db, item.id, PollEntryMode.TALLY).closed is False


def test_the_quorum_is_a_setting(commune_db, members, appraised):
    assert get_council_rules(commune_db) == CouncilRules(2, 3, ())
    with pytest.raises(ValidationError) as caught:
        save_council_rules(commune_db, CouncilRules(4, 3, ()))
    assert "quorum" in caught.value.errors
    save_council_rules(commune_db, CouncilRules(4, 5, ("Trần Thị Lan", " Lê Văn Nam ")))
    meeting_id = open_meeting(commune_db, DAY)
    absent(meeting_id, commune_db, 4)  # 11 of 15: 2/3 would do, 80 % needs 12
    meeting = get_meeting(commune_db, meeting_id)
    assert not meeting.quorum.reached and meeting.quorum.needed == 12
    assert meeting.quorum.fraction_text == "80 %"
    assert meeting.ballot_counters == ("Trần Thị Lan", "Lê Văn Nam")


def test_changing_the_day_re_lists_the_members_and_a_used_member_cannot_be_deleted(commune_db, members):
    meeting_id = open_meeting(commune_db, DAY)
    with pytest.raises(ConflictError, match="đã có tên trong phiên họp"):
        delete_council_member(commune_db, members[3])
    short = CouncilMemberInput(name="Phạm Thị Mai", term_from=dt.date(2026, 1, 1),
                               term_to=dt.date(2026, 6, 30))
    with pytest.raises(ValidationError) as caught:
        update_council_member(commune_db, members[3], short)
    assert "đã dự phiên họp ngày 18/11/2026" in caught.value.errors["term_to"]
    meeting = get_meeting(commune_db, meeting_id)
    data = MeetingInput(held_on=dt.date(2026, 11, 19), starts_at=dt.time(14, 0), place="Phòng họp số 2",
                        chair_id=members[0], secretary_id=members[-1])
    changed = update_meeting(commune_db, meeting_id, data, meeting.version)
    assert changed.date_text == "ngày 19 tháng 11 năm 2026" and changed.time_text == "14 giờ 00"
    with pytest.raises(ConflictError, match="vừa được sửa ở nơi khác"):
        update_meeting(commune_db, meeting_id, data, meeting.version)
