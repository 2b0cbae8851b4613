"""Polls through the services: the tally's checks, ballot by ballot, the private mode (totals only, no
member linked to a choice), thresholds at their boundaries, the votes not on the agenda."""

from __future__ import annotations

import datetime as dt

import pytest
from council_helpers import open_meeting
from sqlalchemy import MetaData, select

from app.errors import ConflictError, ValidationError
from app.models import AttendanceStatus, AuditEvent, BallotMark, PollEntryMode, PollMethod
from app.services.council import (
    AttendanceInput,
    OpinionInput,
    TallyInput,
    add_paper_ballot,
    cast_private_ballot,
    close_poll,
    get_meeting,
    get_poll,
    list_paper_ballots,
    private_progress,
    remove_paper_ballot,
    reopen_poll,
    save_tally,
    set_ballots_issued,
    set_written_opinion,
    start_poll,
)

pytestmark = pytest.mark.both_backends
DAY = dt.date(2026, 11, 18)
M = BallotMark


def meeting_with(db, nominations: list[int], absent: int = 0, with_opinion: int = 0) -> int:
    """An open meeting on DAY; the last `absent` members absent, of whom the first `with_opinion` sent
    a written opinion (recorded separately)."""
    meeting_id = open_meeting(db, DAY, nominations)
    if absent:
        rows = get_meeting(db, meeting_id).members[-absent:]
        from app.services.council import set_attendance

        set_attendance(db, meeting_id, [AttendanceInput(m.member_id, AttendanceStatus.ABSENT) for m in rows])
    return meeting_id


def secret_tally(present: int, yes: int, invalid: int = 0) -> TallyInput:
    valid = present - invalid
    return TallyInput(present, present, valid, invalid, yes, valid - yes)


def test_a_tally_that_does_not_add_up_is_refused_with_every_mismatch_named(commune_db, members, appraised):
    nomination, = appraised("CSTDCS")
    meeting_id = meeting_with(commune_db, [nomination], absent=2)
    poll = start_poll(commune_db, get_meeting(commune_db, meeting_id).agenda[0].id)
    with pytest.raises(ValidationError) as caught:
        save_tally(commune_db, poll.id, TallyInput(13, 13, 11, 1, 9, 3))
    assert caught.value.errors == {
        "ballots_valid": "Số phiếu hợp lệ (11) cộng phiếu không hợp lệ (1) phải bằng số phiếu thu về (13).",
        "yes_votes": ("Số phiếu đồng ý (9) cộng phiếu không đồng ý (3) không được nhiều hơn số phiếu hợp lệ "
                      "(11)."),
    }
    with pytest.raises(ValidationError) as caught:
        save_tally(commune_db, poll.id, TallyInput(14, 15, 15, 0, 12, 3))
    assert caught.value.errors["ballots_issued"] == (
        "Số phiếu phát ra (14) không được nhiều hơn số thành viên có mặt (13).")
    assert caught.value.errors["ballots_returned"] == (
        "Số phiếu thu về (15) không được nhiều hơn số phiếu phát ra (14).")
    unchanged = get_poll(commune_db, poll.id)
    assert unchanged.ballots_issued is None and unchanged.yes_votes is None, "nothing saved"
    with pytest.raises(ValidationError) as caught:
        close_poll(commune_db, poll.id)
    assert caught.value.errors["ballots_issued"] == "Số phiếu phát ra: chưa nhập."


def test_cstdcs_passes_at_exactly_80_percent_of_all_members_and_fails_one_vote_below(
        commune_db, members, appraised):
    first, second = appraised("CSTDCS", 2)
    meeting_id = meeting_with(commune_db, [first, second], absent=2)
    items = get_meeting(commune_db, meeting_id).agenda
    assert items[0].needed_text == "Cần ít nhất 12/15 phiếu đồng ý (≥ 80 % tổng số thành viên Hội đồng)"
    results = []
    for item, yes in zip(items, (12, 11), strict=True):
        poll = start_poll(commune_db, item.id)
        assert poll.method is PollMethod.SECRET_BALLOT
        save_tally(commune_db, poll.id, secret_tally(13, yes))
        results.append(close_poll(commune_db, poll.id))
    assert [r.passed for r in results] == [True, False]
    assert results[0].result_text == (
        "12/15 thành viên đồng ý = 80,0 % ≥ 80 % tổng số thành viên Hội đồng → Đạt")
    assert results[1].result_text == (
        "11/15 thành viên đồng ý = 73,3 % < 80 % tổng số thành viên Hội đồng → Không đạt")


def test_a_written_opinion_tips_cstdcs_but_not_ldtt(commune_db, members, appraised):
    cstdcs, = appraised("CSTDCS")
    meeting_id = meeting_with(commune_db, [cstdcs], absent=2)
    meeting = get_meeting(commune_db, meeting_id)
    writer, item = meeting.members[-1], meeting.agenda[0]
    after = set_written_opinion(commune_db, meeting_id, OpinionInput(item.id, writer.member_id, agrees=True))
    assert after.members[-1].status is AttendanceStatus.ABSENT_WITH_OPINION
    assert after.agenda[0].opinions[0].choice_label == "Đồng ý"
    poll = start_poll(commune_db, item.id)
    save_tally(commune_db, poll.id, secret_tally(13, 11, invalid=1))
    closed = close_poll(commune_db, poll.id)
    assert closed.passed and closed.result_text.startswith("11 phiếu + 1 ý kiến bằng văn bản = 12/15")
    # LĐTT: more than half of the members present; an opinion does not count
    round_two = appraised("LDTT")
    other = meeting_with(commune_db, round_two, absent=2)
    other_meeting = get_meeting(commune_db, other)
    item = other_meeting.agenda[0]
    set_written_opinion(commune_db, other, OpinionInput(item.id, other_meeting.members[-1].member_id, True))
    poll = start_poll(commune_db, item.id)
    assert poll.method is PollMethod.SHOW_OF_HANDS and not poll.opinions_counted
    save_tally(commune_db, poll.id, TallyInput(yes_votes=6, no_votes=7))
    closed = close_poll(commune_db, poll.id)
    assert not closed.passed and closed.agree == 6 and closed.base == 13
    assert closed.result_text == "6/13 thành viên đồng ý = 46,2 % ≤ 50 % số thành viên có mặt → Không đạt"


def test_a_present_member_cannot_send_a_written_opinion(commune_db, members, appraised):
    nomination, = appraised("CSTDCS")
    meeting_id = meeting_with(commune_db, [nomination])
    meeting = get_meeting(commune_db, meeting_id)
    with pytest.raises(ValidationError) as caught:
        set_written_opinion(commune_db, meeting_id, OpinionInput(meeting.agenda[0].id, members[0], True))
    assert "có mặt tại phiên họp" in caught.value.errors["member_id"]
    with pytest.raises(ValidationError) as caught:
        set_written_opinion(commune_db, meeting_id, OpinionInput(999_999, members[0], True))
    assert "không có trong chương trình" in caught.value.errors["agenda_item_id"]


def test_ballot_by_ballot_the_totals_are_computed(commune_db, members, appraised):
    first, second = appraised("CSTDCS", 2)
    meeting_id = meeting_with(commune_db, [first, second], absent=12)  # 3 present
    from app.services.council import override_quorum

    override_quorum(commune_db, meeting_id, "Thử nhập từng phiếu.")
    items = get_meeting(commune_db, meeting_id).agenda
    polls = [start_poll(commune_db, item.id, PollEntryMode.BALLOTS) for item in items]
    assert polls[0].ballots_issued == 3
    assert add_paper_ballot(commune_db, meeting_id, {items[0].id: M.YES, items[1].id: M.NO}) == 1
    assert add_paper_ballot(commune_db, meeting_id, {items[0].id: M.YES}) == 2
    assert add_paper_ballot(commune_db, meeting_id, {}, invalid=True) == 3
    with pytest.raises(ValidationError) as caught:
        add_paper_ballot(commune_db, meeting_id, {items[0].id: M.YES})
    assert "không được nhiều hơn số phiếu phát ra (3)" in caught.value.errors["ballots_returned"]
    first_poll = get_poll(commune_db, polls[0].id)
    assert (first_poll.ballots_returned, first_poll.ballots_valid, first_poll.ballots_invalid,
            first_poll.yes_votes, first_poll.no_votes) == (3, 2, 1, 2, 0)
    second_poll = get_poll(commune_db, polls[1].id)
    assert (second_poll.yes_votes, second_poll.no_votes, second_poll.ballots_valid) == (0, 1, 2)
    marks = [b.marks[items[1].id] for b in list_paper_ballots(commune_db, meeting_id)]
    assert marks == [M.NO, M.BLANK, M.INVALID]
    remove_paper_ballot(commune_db, meeting_id, 3)
    assert get_poll(commune_db, polls[0].id).ballots_invalid == 0
    with pytest.raises(ValidationError):
        set_ballots_issued(commune_db, polls[0].id, 1)  # fewer than the two ballots keyed
    with pytest.raises(ConflictError, match="không phải “Nhập kết quả kiểm phiếu”"):
        save_tally(commune_db, polls[0].id, secret_tally(3, 2))


def test_a_vote_for_a_nomination_not_on_the_agenda_is_refused(commune_db, members, appraised):
    first, second = appraised("CSTDCS", 2)
    meeting_id = meeting_with(commune_db, [first])
    elsewhere = meeting_with(commune_db, [second])
    other_item = get_meeting(commune_db, elsewhere).agenda[0].id
    item = get_meeting(commune_db, meeting_id).agenda[0].id
    start_poll(commune_db, item, PollEntryMode.PRIVATE)
    with pytest.raises(ValidationError) as caught:
        cast_private_ballot(commune_db, meeting_id, {other_item: M.YES})
    assert caught.value.errors["marks"] == (
        f"Phiếu bầu: mục số {other_item} không có trong chương trình phiên họp này.")
    assert private_progress(commune_db, meeting_id).voted == 0, "nothing counted"
    with pytest.raises(ValidationError):
        cast_private_ballot(commune_db, meeting_id, {item: M.INVALID})


def _snapshot(db) -> dict[str, list[tuple]]:
    """Every row of every table, as plain tuples."""
    metadata = MetaData()
    with db.read() as session:
        metadata.reflect(bind=session.connection())
        return {name: sorted(map(tuple, session.execute(select(table)).all()), key=repr)
                for name, table in metadata.tables.items()}


def test_private_mode_keeps_only_totals_and_refuses_an_extra_ballot(commune_db, members, appraised):
    first, second = appraised("CSTDCS", 2)
    meeting_id = meeting_with(commune_db, [first, second], absent=12)  # 3 present
    from app.services.council import override_quorum

    override_quorum(commune_db, meeting_id, "Thử bỏ phiếu trên máy.")
    items = [item.id for item in get_meeting(commune_db, meeting_id).agenda]
    polls = [start_poll(commune_db, item, PollEntryMode.PRIVATE).id for item in items]
    before = _snapshot(commune_db)
    for choices in ({items[0]: M.YES, items[1]: M.NO}, {items[0]: M.NO}, {items[0]: M.YES, items[1]: M.YES}):
        progress = cast_private_ballot(commune_db, meeting_id, choices)
    assert (progress.voted, progress.present, progress.remaining) == (3, 3, 0)
    after = _snapshot(commune_db)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"private_tally"}, "no ballot row, no audit event, no member touched"
    assert sorted(after["private_tally"]) == sorted([(polls[0], 3, 2, 1), (polls[1], 3, 1, 1)])
    hidden = get_poll(commune_db, polls[0])
    assert hidden.counts_hidden and hidden.yes_votes is None and hidden.voters == 3
    assert get_meeting(commune_db, meeting_id).agenda[0].poll.yes_votes is None
    with pytest.raises(ConflictError, match="Đã đủ 3 thành viên có mặt bỏ phiếu"):
        cast_private_ballot(commune_db, meeting_id, {items[0]: M.YES})
    closed = close_poll(commune_db, polls[0])
    assert not closed.counts_hidden and (closed.yes_votes, closed.no_votes, closed.ballots_valid) == (2, 1, 3)
    with pytest.raises(ConflictError, match="không mở lại được"):
        reopen_poll(commune_db, polls[0])
    final = _snapshot(commune_db)
    assert final["ballot"] == [] and [row[0] for row in final["private_tally"]] == [polls[1]]
    with commune_db.read() as session:
        entities = set(session.scalars(select(AuditEvent.entity)))
    assert "private_tally" not in entities and "poll" in entities
