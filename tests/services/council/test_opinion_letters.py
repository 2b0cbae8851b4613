"""A written opinion's scanned letter is opened from a copy in the data folder's tmp/, never from the
file store itself; an opinion without a letter, or whose bytes are gone, says so in Vietnamese."""

from __future__ import annotations

import datetime as dt

import pytest
from council_helpers import open_meeting
from sqlalchemy import delete

from app.errors import NotFoundError, ServiceError
from app.models import AttendanceStatus, StoredFileContent
from app.services.council import (
    AttendanceInput,
    OpinionInput,
    get_meeting,
    opinion_letter_path,
    set_attendance,
    set_written_opinion,
)
from app.storage.scratch import scratch_dir

pytestmark = pytest.mark.both_backends
DAY = dt.date(2026, 11, 18)
LETTER = b"%PDF-1.4\n% thu y kien\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def opinion_of(db, nomination: int, letter=None):
    meeting_id = open_meeting(db, DAY, [nomination])
    absent = get_meeting(db, meeting_id).members[-1]
    set_attendance(db, meeting_id, [AttendanceInput(absent.member_id, AttendanceStatus.ABSENT)])
    item = get_meeting(db, meeting_id).agenda[0]
    view = set_written_opinion(db, meeting_id, OpinionInput(item.id, absent.member_id, True,
                                                            str(letter) if letter else None))
    return view.agenda[0].opinions[0]


def test_the_letter_opens_from_a_copy_in_the_scratch_folder(commune_db, members, appraised, tmp_path):
    nomination, = appraised("CSTDCS")
    letter = tmp_path / "Thư ý kiến ông Bình.pdf"
    letter.write_bytes(LETTER)
    opinion = opinion_of(commune_db, nomination, letter)
    path = opinion_letter_path(commune_db, opinion.id)
    assert path.parent == scratch_dir(commune_db.data_dir)
    assert path.name == f"y-kien-{opinion.id}-Thư ý kiến ông Bình.pdf"
    assert path.read_bytes() == LETTER
    path.write_bytes(b"changed in the viewer")
    assert opinion_letter_path(commune_db, opinion.id).read_bytes() == LETTER  # the store is untouched


def test_an_opinion_without_a_letter_says_so(commune_db, members, appraised):
    nomination, = appraised("CSTDCS")
    opinion = opinion_of(commune_db, nomination)
    with pytest.raises(NotFoundError, match="không kèm thư đã quét"):
        opinion_letter_path(commune_db, opinion.id)
    with pytest.raises(NotFoundError, match="Không tìm thấy ý kiến bằng văn bản số 999999"):
        opinion_letter_path(commune_db, 999_999)


def test_a_letter_whose_bytes_are_gone_says_so(commune_db, members, appraised, tmp_path):
    nomination, = appraised("CSTDCS")
    letter = tmp_path / "thu.pdf"
    letter.write_bytes(LETTER)
    opinion = opinion_of(commune_db, nomination, letter)
    for stored in (commune_db.data_dir / "files").rglob("*.pdf"):
        stored.unlink()
    with commune_db.transaction() as session:  # on PostgreSQL the bytes are in the database
        session.execute(delete(StoredFileContent))
    with pytest.raises(ServiceError, match="Không tìm thấy tệp thư “thu.pdf” trong kho tệp"):
        opinion_letter_path(commune_db, opinion.id)
