"""A meeting without quorum: it says why no vote can start, and the chair's reason (typed) lets it go on;
the tally refuses a count that is no number, beside its field."""

from __future__ import annotations

from council_helpers import open_meeting
from council_ui_helpers import MEETING_DAY, add_member
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from qt_typing import type_text

from app.models import AttendanceStatus, CouncilRole
from app.services.council import get_meeting
from app.ui.council.meeting_window import (
    ATTENDANCE_TAB,
    MISSING_STYLE,
    POLLS_TAB,
    REACHED_STYLE,
    MeetingWindow,
)
from app.ui.council.tally_dialog import TallyDialog


def test_without_quorum_no_vote_starts_until_the_chair_gives_a_reason(qtbot, commune_db, nominees,
                                                                      other_members, fake_messages):
    add_member(commune_db, "Nguyễn Văn Hùng", CouncilRole.CHAIR)
    meeting_id = open_meeting(commune_db, MEETING_DAY, [nominees["Trần Văn Bình"]])
    window = MeetingWindow(commune_db, meeting_id)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(ATTENDANCE_TAB)
    for row in (1, 2):  # two of four absent: 2/4 present, 3 needed
        window.attendance.set_status(row, AttendanceStatus.ABSENT)
    quorum = window.view.quorum
    assert not quorum.reached and window.quorum_label.text().endswith("Chưa biểu quyết được.")
    assert window.quorum_label.styleSheet() == MISSING_STYLE
    assert window.attendance.override_box.isVisible()

    window.tabs.setCurrentIndex(POLLS_TAB)
    window.polls.select_rows([0])
    qtbot.mouseClick(window.polls.tally_button, Qt.MouseButton.LeftButton)
    assert fake_messages.errors[-1].startswith("Chưa biểu quyết được:")
    assert window.view.agenda[0].poll is None and not window.polls.findChildren(TallyDialog)

    window.tabs.setCurrentIndex(ATTENDANCE_TAB)
    qtbot.mouseClick(window.attendance.override_button, Qt.MouseButton.LeftButton)
    assert fake_messages.errors[-1] == "Lý do vẫn biểu quyết khi chưa đủ số thành viên: hãy ghi lý do."
    type_text(window.attendance.reason_edit, "Hai thành viên ốm, Chủ tọa quyết định vẫn họp")
    qtbot.mouseClick(window.attendance.override_button, Qt.MouseButton.LeftButton)
    assert get_meeting(commune_db, meeting_id).quorum_override_reason == (
        "Hai thành viên ốm, Chủ tọa quyết định vẫn họp")
    assert "Hai thành viên ốm" in window.quorum_label.text()
    assert window.quorum_label.styleSheet() == REACHED_STYLE

    window.tabs.setCurrentIndex(POLLS_TAB)
    qtbot.mouseClick(window.polls.tally_button, Qt.MouseButton.LeftButton)
    [tally] = [d for d in window.polls.findChildren(TallyDialog) if d.isVisible()]
    type_text(tally.edits["yes_votes"], "hai")
    type_text(tally.edits["no_votes"], "0")
    ok = tally.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert tally.isVisible()
    assert tally.form.rows["yes_votes"].error.text() == "Số thành viên đồng ý: phải là số nguyên."
