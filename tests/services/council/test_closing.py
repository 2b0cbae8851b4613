"""Closing a meeting: the nominations take their results, everything on the meeting is locked, and the
decision cites the meeting (and is not issued without one). The vote rule is edited in the catalogue."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from council_helpers import council_review, open_meeting, vote
from decision_helpers import MEETING_DAY, TODAY

from app.errors import ConflictError, ValidationError
from app.models import AttendanceStatus, BallotMark, Decision, Nomination, NominationStatus, PollEntryMode
from app.services.catalogue import get_award_form, update_award_form
from app.services.council import (
    AttendanceInput,
    MeetingInput,
    OpinionInput,
    TallyInput,
    add_paper_ballot,
    cast_private_ballot,
    close_meeting,
    close_poll,
    delete_meeting,
    delete_poll,
    get_meeting,
    nomination_council_results,
    override_quorum,
    remove_written_opinion,
    reopen_poll,
    save_tally,
    set_agenda,
    set_attendance,
    set_written_opinion,
    start_poll,
    update_meeting,
)
from app.services.decisions.data import DecisionInput, IssueInput
from app.services.decisions.drafts import create_decision
from app.services.decisions.issue import issue_decision
from app.services.nominations.queries import get_nomination

pytestmark = pytest.mark.both_backends
S = NominationStatus


def test_closing_moves_the_nominations_and_names_the_meeting(commune_db, members, appraised):
    passing, failing, waiting = appraised("LDTT", 3)
    meeting_id = open_meeting(commune_db, MEETING_DAY, [passing, failing, waiting])
    items = get_meeting(commune_db, meeting_id).agenda
    vote(commune_db, items[0].id, yes=10, no=5, present=15)
    vote(commune_db, items[1].id, yes=7, no=8, present=15)
    closed = close_meeting(commune_db, meeting_id, dt.datetime(2026, 11, 18, 11, 30))
    assert closed.closed and closed.closing_time_text == "11 giờ 30, ngày 18 tháng 11 năm 2026"
    statuses = [get_nomination(commune_db, n, TODAY).status for n in (passing, failing, waiting)]
    assert statuses == [S.PASSED, S.FAILED, S.APPRAISED], "not voted: it waits for another meeting"
    history = get_nomination(commune_db, passing, TODAY).events[-1].text
    assert history == ("Hội đồng Thi đua - Khen thưởng họp ngày 18/11/2026 bình xét: đạt "
                       "(10/15 thành viên đồng ý = 66,7 % > 50 % số thành viên có mặt → Đạt).")
    results = nomination_council_results(commune_db, [passing, failing, waiting])
    assert results[passing].passed and results[failing].passed is False and results[waiting].passed is None
    assert results[passing].meeting_id == meeting_id and results[passing].held_on == MEETING_DAY


def test_a_closed_meeting_is_locked(commune_db, members, appraised):
    voted, other = appraised("CSTDCS", 2)
    meeting_id = open_meeting(commune_db, MEETING_DAY, [voted])
    meeting = get_meeting(commune_db, meeting_id)
    absent = meeting.members[-1].member_id
    set_attendance(commune_db, meeting_id, [AttendanceInput(absent, AttendanceStatus.ABSENT)])
    item = meeting.agenda[0].id
    written = set_written_opinion(commune_db, meeting_id, OpinionInput(item, absent, True))
    opinion = written.agenda[0].opinions[0]
    poll = start_poll(commune_db, item)
    save_tally(commune_db, poll.id, TallyInput(14, 14, 14, 0, 13, 1))
    close_poll(commune_db, poll.id)
    with pytest.raises(ConflictError, match="còn biểu quyết chưa kết thúc"):
        reopen_poll(commune_db, poll.id) and close_meeting(commune_db, meeting_id)
    close_poll(commune_db, poll.id)
    closed = close_meeting(commune_db, meeting_id)
    locked = "Phiên họp ngày 18/11/2026 đã kết thúc: điểm danh, ý kiến bằng văn bản và biểu quyết không sửa"
    attempts = [
        lambda: set_attendance(commune_db, meeting_id, [AttendanceInput(absent, AttendanceStatus.PRESENT)]),
        lambda: set_written_opinion(commune_db, meeting_id, OpinionInput(item, absent, False)),
        lambda: remove_written_opinion(commune_db, opinion.id),
        lambda: set_agenda(commune_db, meeting_id, [voted, other]),
        lambda: start_poll(commune_db, item),
        lambda: save_tally(commune_db, poll.id, TallyInput(14, 14, 14, 0, 1, 13)),
        lambda: reopen_poll(commune_db, poll.id),
        lambda: close_poll(commune_db, poll.id),
        lambda: delete_poll(commune_db, poll.id),
        lambda: add_paper_ballot(commune_db, meeting_id, {item: BallotMark.NO}),
        lambda: cast_private_ballot(commune_db, meeting_id, {item: BallotMark.NO}),
        lambda: override_quorum(commune_db, meeting_id, "Muộn"),
        lambda: update_meeting(commune_db, meeting_id, MeetingInput(
            held_on=MEETING_DAY, place="Nơi khác", chair_id=members[0], secretary_id=members[-1])),
        lambda: close_meeting(commune_db, meeting_id),
        lambda: delete_meeting(commune_db, meeting_id),
    ]
    for attempt in attempts:
        with pytest.raises(ConflictError, match=locked):
            attempt()
    assert get_meeting(commune_db, meeting_id) == closed, "nothing changed"
    assert get_nomination(commune_db, voted, TODAY).status is S.PASSED


def test_a_poll_needs_an_agenda_item_still_awaiting_the_council(commune_db, members, appraised):
    nomination, = appraised("LDTT")
    council_review(commune_db, [nomination], day=MEETING_DAY)
    later = open_meeting(commune_db, MEETING_DAY + dt.timedelta(days=1))
    with pytest.raises(ValidationError) as caught:
        set_agenda(commune_db, later, [nomination])
    assert "chỉ hồ sơ đã thẩm định mới đưa ra Hội đồng" in caught.value.errors["agenda.1"]


def test_the_decision_cites_the_meeting_that_passed_its_nominations(commune_db, members, appraised, forms):
    nominations = appraised("LDTT", 2)
    council_review(commune_db, nominations, day=MEETING_DAY)
    with commune_db.read() as session:
        round_id = session.get(Nomination, nominations[0]).round_id
    data = DecisionInput(round_id=round_id, award_form_id=forms["LDTT"],
                         council_meeting_on=dt.date(2026, 1, 1))
    draft = create_decision(commune_db, data)
    assert draft.council_meeting_on == MEETING_DAY, "the day comes from the meeting, not from the form"
    issued = issue_decision(commune_db, draft.row.id, IssueInput(day=TODAY))
    with commune_db.read() as session:
        content = session.get(Decision, issued.row.id).content_json
    basis = r"Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng xã [^\"]+ ngày 18 tháng 11 năm 2026"
    assert re.search(basis, content)


def test_a_council_decision_is_not_issued_without_its_meeting(commune_db, members, appraised, forms):
    nomination, = appraised("LDTT")
    with commune_db.transaction() as session:  # passed before the council existed (an old database)
        session.get(Nomination, nomination).status = S.PASSED
    with commune_db.read() as session:
        round_id = session.get(Nomination, nomination).round_id
    data = DecisionInput(round_id=round_id, award_form_id=forms["LDTT"], council_meeting_on=MEETING_DAY)
    draft = create_decision(commune_db, data)
    assert draft.council_meeting_on is None
    with pytest.raises(ConflictError, match="chưa có phiên họp nào bình xét đạt cho: Trần Văn Bình"):
        issue_decision(commune_db, draft.row.id, IssueInput(day=TODAY))


def test_the_vote_rule_is_edited_in_the_catalogue(commune_db, members, appraised, forms):
    form = get_award_form(commune_db, forms["LDTT"])
    assert (form.threshold_numerator, form.threshold_denominator, form.threshold_strict) == (50, 100, True)
    two_thirds = update_award_form(commune_db, form.id, _input(form, threshold_numerator=2,
                                                              threshold_denominator=3), form.version)
    assert two_thirds.threshold_percent == 67
    kept = update_award_form(commune_db, form.id, _input(two_thirds), two_thirds.version)
    assert (kept.threshold_numerator, kept.threshold_denominator) == (2, 3), "the percent unchanged keeps 2/3"
    with pytest.raises(ValidationError) as caught:
        update_award_form(commune_db, form.id, _input(kept, threshold_numerator=4, threshold_denominator=3),
                          kept.version)
    assert "threshold_numerator" in caught.value.errors
    nomination, = appraised("LDTT")
    meeting_id = open_meeting(commune_db, MEETING_DAY, [nomination])
    poll = start_poll(commune_db, get_meeting(commune_db, meeting_id).agenda[0].id, PollEntryMode.TALLY)
    assert poll.rule_text == "> 2/3 số thành viên có mặt"
    save_tally(commune_db, poll.id, TallyInput(yes_votes=10, no_votes=5))
    assert close_poll(commune_db, poll.id).result_text == (
        "10/15 thành viên đồng ý = 66,7 % ≤ 2/3 số thành viên có mặt → Không đạt")


def _input(detail, **changes):
    import dataclasses

    from app.services.catalogue import AwardFormInput

    names = {f.name for f in dataclasses.fields(AwardFormInput)}
    values = {name: getattr(detail, name) for name in names}
    values.update(threshold_numerator=None, threshold_denominator=None)
    values.update(changes)
    return AwardFormInput(**values)
