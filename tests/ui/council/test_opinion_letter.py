"""'Mở thư' in the meeting window's opinions tab opens the selected opinion's scanned letter from a copy
in the data folder's tmp/; it is greyed out for an opinion sent without a letter."""

from __future__ import annotations

from pathlib import Path

from council_helpers import open_meeting
from council_ui_helpers import MEETING_DAY
from PySide6.QtCore import Qt

from app.models import AttendanceStatus
from app.services.council import (
    AttendanceInput,
    OpinionInput,
    get_meeting,
    set_attendance,
    set_written_opinion,
)
from app.storage.scratch import scratch_dir
from app.ui.council.meeting_window import OPINIONS_TAB, MeetingWindow
from app.ui.kit import system_files

LETTER = b"%PDF-1.4\n% thu y kien\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def meeting_with_opinions(db, nominees: dict[str, int], letter: Path) -> int:
    """Two absent members' opinions on the first nominee: the first with its scanned letter."""
    meeting_id = open_meeting(db, MEETING_DAY, [next(iter(nominees.values()))])
    writers = get_meeting(db, meeting_id).members[-2:]
    set_attendance(db, meeting_id, [AttendanceInput(m.member_id, AttendanceStatus.ABSENT) for m in writers])
    item = get_meeting(db, meeting_id).agenda[0]
    set_written_opinion(db, meeting_id, OpinionInput(item.id, writers[0].member_id, True, str(letter)))
    set_written_opinion(db, meeting_id, OpinionInput(item.id, writers[1].member_id, False))
    return meeting_id


def test_the_selected_opinions_letter_opens(qtbot, commune_db, nominees, monkeypatch, tmp_path):
    letter = tmp_path / "Thư ý kiến.pdf"
    letter.write_bytes(LETTER)
    window = MeetingWindow(commune_db, meeting_with_opinions(commune_db, nominees, letter))
    qtbot.addWidget(window)
    window.resize(1093, 614)
    window.show()
    window.tabs.setCurrentIndex(OPINIONS_TAB)
    opened: list[str] = []
    monkeypatch.setattr(system_files, "open_file", lambda path: opened.append(path) or True)
    tab = window.opinions
    assert not tab.letter_button.isEnabled()  # nothing selected yet
    tab.table.selectRow(1)
    assert tab.table.item(1, 3).text() == "(không có)" and not tab.letter_button.isEnabled()
    tab.table.selectRow(0)
    assert tab.table.item(0, 3).text() == "Thư ý kiến.pdf" and tab.letter_button.isEnabled()
    if Path("/tmp/h12").is_dir():
        window.grab().save("/tmp/h12/opinion_letter.png")
    qtbot.mouseClick(tab.letter_button, Qt.MouseButton.LeftButton)
    [path] = opened
    assert Path(path).parent == scratch_dir(commune_db.data_dir) and Path(path).read_bytes() == LETTER
