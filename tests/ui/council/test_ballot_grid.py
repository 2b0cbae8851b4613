"""Keying paper ballots: Backspace corrects the last mark, a ballot keyed by mistake is removed, more
ballots than were handed out are refused, and the totals always come from the ballots."""

from __future__ import annotations

from council_helpers import open_meeting
from council_ui_helpers import MEETING_DAY, add_member
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.models import BallotMark, CouncilRole, PollEntryMode, PollMethod
from app.services.council import get_meeting, list_paper_ballots, start_poll
from app.ui.council.ballot_grid import BallotEntryDialog


def test_keying_correcting_and_removing_ballots(qtbot, commune_db, nominees, other_members, fake_messages):
    add_member(commune_db, "Nguyễn Văn Hùng", CouncilRole.CHAIR)
    meeting_id = open_meeting(commune_db, MEETING_DAY, [nominees["Trần Văn Bình"], nominees["Lê Thị Ánh"]])
    view = get_meeting(commune_db, meeting_id)
    for item in view.agenda:
        start_poll(commune_db, item.id, PollEntryMode.BALLOTS, PollMethod.SECRET_BALLOT)
    grid = BallotEntryDialog(commune_db, get_meeting(commune_db, meeting_id))
    qtbot.addWidget(grid)
    grid.show()
    first, second = (item.id for item in view.agenda)

    for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_Backspace, Qt.Key.Key_2, Qt.Key.Key_Return):
        QTest.keyClick(grid.table, key)
    [ballot] = list_paper_ballots(commune_db, meeting_id)
    assert ballot.marks == {first: BallotMark.YES, second: BallotMark.NO}
    assert grid.totals.item(1, 2).text() == "1", "Lê Thị Ánh: one 'Không đồng ý', counted"

    grid.table.setCurrentCell(0, 1)
    qtbot.mouseClick(grid.remove_button, Qt.MouseButton.LeftButton)
    assert list_paper_ballots(commune_db, meeting_id) == []
    assert grid.totals.item(0, 1).text() == "0"

    grid.issued_spin.setValue(1)
    qtbot.mouseClick(grid.issued_button, Qt.MouseButton.LeftButton)
    for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_2, Qt.Key.Key_2, Qt.Key.Key_Return):
        QTest.keyClick(grid.table, key)
    assert fake_messages.errors == ["Phiếu số 2: số phiếu thu về không được nhiều hơn số phiếu phát ra (1)."]
    assert [b.number for b in list_paper_ballots(commune_db, meeting_id)] == [1]
    assert grid.table.item(grid.table.rowCount() - 1, 1).text() == "Không đồng ý", "kept to correct"
