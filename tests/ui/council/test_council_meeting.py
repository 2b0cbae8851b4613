"""The council page through its real widgets: members typed in, a meeting walked from its agenda to its
closed minutes (attendance, a written opinion, a tally with a mismatch, ballots keyed one by one, a
private vote by every member present), then the nominations moved; the private mode's refusals; a
closed meeting read-only."""

from __future__ import annotations

import datetime as dt

import pytest
from council_ui_helpers import MEETING_DAY, NOMINEES
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from qt_typing import replace_text, type_text

from app.errors import ConflictError
from app.models import AttendanceStatus, BallotMark, CouncilRole, NominationStatus, PollEntryMode, PollMethod
from app.services.council import (
    cast_private_ballot,
    get_meeting,
    list_council_members,
    list_meetings,
    start_poll,
)
from app.services.nominations.queries import get_nomination
from app.ui.council import private_vote
from app.ui.council.ballot_grid import BallotEntryDialog
from app.ui.council.meeting_form import MeetingDialog
from app.ui.council.meeting_window import ATTENDANCE_TAB, OPINIONS_TAB, POLLS_TAB, MeetingWindow
from app.ui.council.member_dialog import CouncilMemberDialog
from app.ui.council.page import MEETINGS_TAB, MEMBERS_TAB, CouncilPage
from app.ui.council.private_vote import PrivateVoteWindow
from app.ui.council.tally_dialog import TallyDialog
from app.ui.kit import system_files
from app.ui.kit.document_preview import DocumentPreview
from app.ui.nominations.page import NominationsPage

TYPED_MEMBERS = (("Nguyễn Văn Hùng", "Chủ tịch UBND xã", CouncilRole.CHAIR),
                 ("Trần Thị Lan", "Phó Chủ tịch UBND xã", CouncilRole.VICE_CHAIR),
                 ("Lê Văn Nam", "Chủ tịch Ủy ban MTTQ xã", CouncilRole.MEMBER))


@pytest.fixture
def page(qtbot, commune_db) -> CouncilPage:
    widget = CouncilPage(commune_db)
    qtbot.addWidget(widget)
    widget.resize(1093, 614)
    widget.show()
    widget.on_shown()
    return widget


def open_child(parent, kind):
    """The dialog of this kind open on parent (one closed before may linger until deleted)."""
    [dialog] = [child for child in parent.findChildren(kind) if child.isVisible()]
    return dialog


def press_ok(qtbot, dialog) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_member(qtbot, page: CouncilPage, name: str, position: str, role: CouncilRole) -> None:
    click(qtbot, page.members.add_button)
    dialog = open_child(page.members, CouncilMemberDialog)
    type_text(dialog.name_edit, name)
    type_text(dialog.position_edit, position)
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(role.value))
    type_text(dialog.from_edit.line, "01/01/2026")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def new_meeting(qtbot, page: CouncilPage) -> MeetingWindow:
    page.tabs.setCurrentIndex(MEETINGS_TAB)
    click(qtbot, page.meetings.new_button)
    dialog = open_child(page.meetings, MeetingDialog)
    replace_text(dialog.date_edit.line, "18/11/2026")
    replace_text(dialog.time_edit, "08:00")
    type_text(dialog.place_edit, "Hội trường UBND xã Hòa Bình")
    dialog.chair_combo.setCurrentIndex(dialog.chair_combo.findText("Nguyễn Văn Hùng (Chủ tịch)"))
    dialog.secretary_combo.setCurrentIndex(dialog.secretary_combo.findText("Ngô Thị Yến (Ủy viên thư ký)"))
    type_text(dialog.counters_edit, "Đỗ Văn Long\nBùi Thị Thu")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: any(w.isVisible() for w in page.meetings.findChildren(MeetingWindow)))
    return open_child(page.meetings, MeetingWindow)


def select_items(tab, positions: list[int]) -> None:
    tab.select_rows([position - 1 for position in positions])


def key_ballot(qtbot, grid: BallotEntryDialog, keys: str) -> None:
    for key in keys:
        code = {"1": Qt.Key.Key_1, "2": Qt.Key.Key_2, "0": Qt.Key.Key_0, "x": Qt.Key.Key_X}[key]
        QTest.keyClick(grid.table, code)
    QTest.keyClick(grid.table, Qt.Key.Key_Return)


def totals(grid: BallotEntryDialog) -> list[list[str]]:
    return [[grid.totals.item(row, column).text() for column in range(6)]
            for row in range(grid.totals.rowCount())]


def vote_privately(qtbot, window: PrivateVoteWindow, marks: list[BallotMark]) -> None:
    click(qtbot, window.next_button)
    assert window.stack.currentIndex() == private_vote.VOTING
    assert all(group.checkedButton() is None for group in window.groups.values()), "cleared between voters"
    [item_id] = window.groups
    window.choose(item_id, marks.pop())
    click(qtbot, window.cast_button)


def test_a_meeting_from_agenda_to_closed_minutes(qtbot, page, commune_db, nominees, other_members,
                                                 fake_messages, monkeypatch, tmp_path):
    # The council: three members typed in (three more were there already), and the rules shown.
    page.tabs.setCurrentIndex(MEMBERS_TAB)
    for name, position, role in TYPED_MEMBERS:
        type_member(qtbot, page, name, position, role)
    members = list_council_members(commune_db)
    assert [m.name for m in members][:2] == ["Nguyễn Văn Hùng", "Trần Thị Lan"]
    assert page.members.model.rowCount() == 6 and all(m.serving for m in members)
    assert "2/3" in page.members.rules_label.text()

    # A meeting: its particulars typed, then its window opens.
    window = new_meeting(qtbot, page)
    view = window.view
    assert (view.place, view.chair_name, view.secretary_name) == (
        "Hội trường UBND xã Hòa Bình", "Nguyễn Văn Hùng", "Ngô Thị Yến")
    assert view.ballot_counters == ("Đỗ Văn Long", "Bùi Thị Thu")
    assert window.quorum_label.text() == view.quorum.text and "6/6" in view.quorum.text

    # The agenda: the four appraised nominations, with their round.
    assert window.agenda.table.rowCount() == 4
    assert window.agenda.table.item(0, 3).text() == "Tổng kết năm 2026"
    for name, _code in NOMINEES:
        window.agenda.set_chosen(nominees[name], True)
    click(qtbot, window.agenda.save_button)
    assert [item.nominee_name for item in window.view.agenda] == [name for name, _code in NOMINEES]

    # Attendance: one member absent; the quorum shown is the one counted.
    window.tabs.setCurrentIndex(ATTENDANCE_TAB)
    absent_row = [m.name for m in window.view.members].index("Bùi Thị Thu")
    window.attendance.set_status(absent_row, AttendanceStatus.ABSENT)
    assert window.view.quorum.present == 5
    assert window.quorum_label.text() == window.view.quorum.text
    assert "5/6" in window.quorum_label.text()

    # Her written opinion on the CSTĐCS nomination, with the scanned letter.
    letter = tmp_path / "y-kien-bui-thi-thu.pdf"
    letter.write_bytes(b"%PDF-1.4\n%%EOF\n")
    monkeypatch.setattr(system_files, "choose_file", lambda *_args: str(letter))
    window.tabs.setCurrentIndex(OPINIONS_TAB)
    opinions = window.opinions
    opinions.member_combo.setCurrentIndex(opinions.member_combo.findText("Bùi Thị Thu"))
    opinions.item_combo.setCurrentIndex(3)
    click(qtbot, opinions.file_button)
    assert opinions.file_label.text() == "y-kien-bui-thi-thu.pdf"
    click(qtbot, opinions.save_button)
    [opinion] = window.view.agenda[3].opinions
    assert (opinion.member_name, opinion.agrees, opinion.file_name) == (
        "Bùi Thị Thu", True, "y-kien-bui-thi-thu.pdf")
    assert opinions.table.rowCount() == 1
    assert window.view.members[absent_row].status is AttendanceStatus.ABSENT_WITH_OPINION

    # 1. The paper tally of the first nomination: a mismatch named beside its field, then fixed.
    window.tabs.setCurrentIndex(POLLS_TAB)
    polls = window.polls
    assert polls.table.item(0, 4).text() == window.view.agenda[0].needed_text
    assert window.view.agenda[0].needed_text.startswith("Cần")
    select_items(polls, [1])
    polls.method_combo.setCurrentIndex(polls.method_combo.findData(PollMethod.SECRET_BALLOT.value))
    click(qtbot, polls.tally_button)
    tally = open_child(polls, TallyDialog)
    for key, value in (("ballots_issued", "5"), ("ballots_returned", "5"), ("ballots_valid", "4"),
                       ("ballots_invalid", "0"), ("yes_votes", "3"), ("no_votes", "1")):
        type_text(tally.edits[key], value)
    press_ok(qtbot, tally)
    assert tally.isVisible()
    assert tally.form.rows["ballots_valid"].error.text() == (
        "Số phiếu hợp lệ (4) cộng phiếu không hợp lệ (0) phải bằng số phiếu thu về (5).")
    assert get_meeting(commune_db, window.meeting_id).agenda[0].poll.ballots_valid is None, "nothing saved"
    replace_text(tally.edits["ballots_invalid"], "1")
    press_ok(qtbot, tally)
    qtbot.waitUntil(lambda: not tally.isVisible())
    first = window.view.agenda[0].poll
    assert first.closed and first.passed and first.result_text.endswith("Đạt")
    assert polls.table.item(0, 4).text() == first.result_text

    # 2. Ballot by ballot for the second and third: five papers keyed, one spoiled; totals computed.
    select_items(polls, [2, 3])
    polls.method_combo.setCurrentIndex(polls.method_combo.findData(PollMethod.SECRET_BALLOT.value))
    click(qtbot, polls.ballots_button)
    grid = open_child(polls, BallotEntryDialog)
    for keys in ("11", "12", "x", "21", "10"):
        key_ballot(qtbot, grid, keys)
    assert grid.table.rowCount() == 6  # five keyed, and the new one
    assert totals(grid) == [["Nguyễn Thị Hoa", "3", "1", "0", "4", "1"],
                            ["Lê Thị Ánh", "2", "1", "1", "4", "1"]]
    click(qtbot, grid.finish_button)
    assert grid.totals.item(0, 6).text().endswith("→ Đạt")
    assert grid.totals.item(1, 6).text().endswith("→ Không đạt")
    grid.accept()

    # 3. The private vote on the CSTĐCS nomination: each of the five present in turn.
    select_items(polls, [4])
    click(qtbot, polls.private_button)
    booth = open_child(polls, PrivateVoteWindow)
    assert booth.isFullScreen()
    assert booth.progress_label.text() == "Đã bỏ phiếu: 0/5 thành viên có mặt."
    marks = [BallotMark.YES, BallotMark.YES, BallotMark.YES, BallotMark.NO, BallotMark.YES]
    for _voter in range(5):
        vote_privately(qtbot, booth, marks)
    assert "Đã đủ 5/5" in booth.progress_label.text() and not booth.next_button.isEnabled()
    assert window.view.agenda[3].poll is not None
    window.reload()
    assert window.view.agenda[3].poll.counts_hidden and window.view.agenda[3].poll.yes_votes is None
    fake_messages.text_answer = "nguyễn văn hùng"
    click(qtbot, booth.close_button)
    assert booth.stack.currentIndex() == private_vote.RESULTS
    assert "4 phiếu + 1 ý kiến bằng văn bản = 5/6" in booth.results_label.text()
    click(qtbot, booth.back_button)
    qtbot.waitUntil(lambda: not booth.isVisible())

    # Closing the meeting, after its question; then it is read-only and says so.
    click(qtbot, window.close_meeting_button)
    assert "Lê Thị Ánh — Lao động tiên tiến: không đạt" in fake_messages.questions[-1]
    assert window.view.closed and window.closed_label.isVisible()
    assert_read_only(window)

    # The nominations moved, and the nominations page shows the meeting and the result.
    statuses = {name: get_nomination(commune_db, nominees[name]).status for name, _code in NOMINEES}
    assert statuses == {"Trần Văn Bình": NominationStatus.PASSED, "Nguyễn Thị Hoa": NominationStatus.PASSED,
                        "Lê Thị Ánh": NominationStatus.FAILED, "Phạm Quốc Hưng": NominationStatus.PASSED}
    nominations = NominationsPage(commune_db)
    qtbot.addWidget(nominations)
    nominations.show()
    nominations.on_shown()
    nominations.table.selectRow([r.subject_name for r in nominations.model.rows()].index("Lê Thị Ánh"))
    assert nominations.council_label.text() == (
        "Hội đồng Thi đua - Khen thưởng họp ngày 18/11/2026: không đạt "
        f"({window.view.agenda[2].poll.result_text}).")
    nominations.table.selectRow([r.subject_name for r in nominations.model.rows()].index("Phạm Quốc Hưng"))
    assert "đạt (4 phiếu + 1 ý kiến bằng văn bản = 5/6" in nominations.council_label.text()
    [row] = list_meetings(commune_db)
    assert (row.passed_count, row.failed_count) == (3, 1)


def assert_read_only(window: MeetingWindow) -> None:
    assert not window.agenda.save_button.isVisible()
    table = window.attendance.table
    assert all(table.cellWidget(row, 3) is None for row in range(table.rowCount())), "no status to change"
    assert table.item(0, 3).text() == window.view.members[0].status_label
    assert not window.attendance.override_box.isVisible()
    assert not window.opinions.entry.isVisible() and not window.opinions.remove_button.isVisible()
    assert all(not widget.isVisible() for widget in window.polls.action_buttons)
    assert not window.close_meeting_button.isVisible() and not window.details_button.isVisible()
    assert "không sửa được nữa" in window.closed_label.text()


def test_a_closed_meeting_is_read_only(qtbot, commune_db, nominees, other_members):
    from council_helpers import council_review

    meeting_id = council_review(commune_db, list(nominees.values())[:2], day=MEETING_DAY)
    window = MeetingWindow(commune_db, meeting_id)
    qtbot.addWidget(window)
    window.show()
    assert window.view.closed
    assert_read_only(window)
    assert window.agenda.table.rowCount() == 2
    assert window.polls.table.item(0, 4).text().endswith("→ Đạt")


def test_the_meeting_papers_open_in_the_preview(qtbot, commune_db, nominees, other_members):
    from council_helpers import council_review

    meeting_id = council_review(commune_db, [nominees["Phạm Quốc Hưng"]], day=MEETING_DAY)
    window = MeetingWindow(commune_db, meeting_id)
    qtbot.addWidget(window)
    window.show()
    for kind, button in window.paper_buttons.items():
        click(qtbot, button)
        preview = open_child(window, DocumentPreview)
        qtbot.waitUntil(lambda preview=preview: not preview.rendering, timeout=20000)
        texts = " ".join(preview.document.texts())
        assert "Phạm Quốc Hưng" in texts, kind
        assert preview.page_labels, f"{kind}: its pages are shown"
        preview.close()
        qtbot.waitUntil(lambda preview=preview: not preview.isVisible())


@pytest.fixture
def booth(qtbot, commune_db, nominees, other_members) -> PrivateVoteWindow:
    from council_helpers import open_meeting

    meeting_id = open_meeting(commune_db, MEETING_DAY, [nominees["Phạm Quốc Hưng"]])
    view = get_meeting(commune_db, meeting_id)
    start_poll(commune_db, view.agenda[0].id, PollEntryMode.PRIVATE, PollMethod.SECRET_BALLOT)
    window = PrivateVoteWindow(commune_db, get_meeting(commune_db, meeting_id))
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_private_mode_refuses_an_extra_voter_and_keeps_results_hidden(qtbot, booth, commune_db,
                                                                         fake_messages):
    present = booth.progress.present
    for _voter in range(present):
        vote_privately(qtbot, booth, [BallotMark.YES])
    assert not booth.next_button.isEnabled()
    booth.show_voting()
    assert booth.stack.currentIndex() == private_vote.WAITING
    assert fake_messages.errors == [f"Đã đủ {present} thành viên có mặt bỏ phiếu; không nhận thêm phiếu."]
    with pytest.raises(ConflictError):
        cast_private_ballot(commune_db, booth.meeting.id, {booth.meeting.agenda[0].id: BallotMark.YES})
    QTest.keyClick(booth, Qt.Key.Key_Escape)
    booth.close()
    assert booth.isVisible() and booth.stack.currentIndex() == private_vote.WAITING
    assert booth.results_label.text() == ""
    fake_messages.text_answer = "Trần Thị Lan"  # not the chair
    click(qtbot, booth.close_button)
    assert booth.stack.currentIndex() == private_vote.WAITING and booth.results_label.text() == ""
    assert get_meeting(commune_db, booth.meeting.id).agenda[0].poll.counts_hidden


def test_a_member_outside_the_meeting_day_is_not_offered(qtbot, commune_db, other_members):
    dialog = MeetingDialog(commune_db)
    qtbot.addWidget(dialog)
    replace_text(dialog.date_edit.line, "31/12/2025")
    assert dialog.chair_combo.count() == 1  # only "— Chọn thành viên —": nobody served before 2026
    replace_text(dialog.date_edit.line, "18/11/2026")
    assert dialog.chair_combo.count() == 4
    assert dt.date(2026, 11, 18) == dialog.date_edit.date()
