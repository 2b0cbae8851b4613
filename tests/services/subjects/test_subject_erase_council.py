"""Erasure and the council: a nomination put before a council meeting is kept as a state record (the
meeting's agenda, polls and minutes are the commune's records and name the nominee), and the rest of the
person's data goes; on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import unicodedata

import docx
import pytest
from council_helpers import council_review, open_meeting
from decision_helpers import form_ids, make_round, passed_nomination
from personal_data_helpers import CITIZEN_ID, NAME, TODAY
from personal_data_helpers import make_person as make_rich_person
from sqlalchemy import select

from app.exporters.docx_writer import render_docx
from app.models import AgendaItem, Exemplar, Nomination, Subject
from app.services.council import get_meeting, meeting_papers
from app.services.safety.integrity import check_database
from app.services.subjects.erase import COUNCIL_REASON, erase_plan, erase_subject

REASON = "Đơn đề nghị xóa dữ liệu ngày 20/11/2026"

pytestmark = pytest.mark.both_backends


def minutes_text(db, meeting_id: int) -> str:
    document = next(p.document for p in meeting_papers(db, meeting_id) if p.kind == "bien-ban")
    payload = docx.Document(io.BytesIO(render_docx(document)))
    texts = [p.text for p in payload.paragraphs]
    texts += [cell.text for table in payload.tables for row in table.rows for cell in row.cells]
    return unicodedata.normalize("NFC", " ".join(" ".join(texts).split()))


@pytest.fixture
def nominee(commune_db, tmp_path):
    """The teacher of personal_data_helpers (no award history: otherwise deleted whole), with one more
    nomination passed by a closed council meeting: (person, that nomination, the meeting)."""
    person = make_rich_person(commune_db, tmp_path / "source", with_history=False)
    round_id = make_round(commune_db)
    nomination_id = passed_nomination(commune_db, round_id, person.subject_id, form_ids(commune_db)["LDTT"],
                                      review=False)
    return person, nomination_id, council_review(commune_db, [nomination_id], passed=True)


def test_a_person_on_a_closed_meeting_s_agenda_is_erased_and_the_meeting_stays_whole(commune_db, nominee):
    person, nomination_id, meeting_id = nominee
    meeting, minutes = get_meeting(commune_db, meeting_id), minutes_text(commune_db, meeting_id)
    assert meeting.closed and NAME in minutes

    plan = erase_plan(commune_db, person.subject_id)
    assert not plan.deletes_subject and "phiên họp của Hội đồng Thi đua - Khen thưởng" in plan.rule
    kept = plan.council_kept
    assert kept is not None and kept.why == COUNCIL_REASON
    assert kept.what.startswith(f"Hồ sơ đề nghị số {nomination_id} đã đưa ra phiên họp Hội đồng")
    assert "ngày 21/11/2026" in kept.what and "biên bản" in kept.why
    result = erase_subject(commune_db, person.subject_id, REASON, NAME, today=TODAY)
    assert f"Giữ lại: {kept.what} — {COUNCIL_REASON}." in result.summary()

    after = get_meeting(commune_db, meeting_id)
    assert after == meeting  # nominee, unit, form, poll and result as they were
    (item,) = after.agenda
    assert item.nominee_name == NAME and item.poll is not None and item.poll.passed
    assert minutes_text(commune_db, meeting_id) == minutes
    assert f"Kết quả: {item.poll.result_text}." in minutes
    with commune_db.read() as session:
        subject = session.get(Subject, person.subject_id)
        assert subject.name == NAME and subject.erased_on == TODAY
        personal = (subject.citizen_id, subject.phone, subject.address, subject.birth_date)
        assert personal == (None, "", "", None)
        assert session.get(Nomination, nomination_id) is not None  # the state record
        assert session.get(Nomination, person.open_nomination) is None  # the other nomination
        assert session.get(Exemplar, person.exemplar_id) is None
        assert session.scalars(select(AgendaItem.nomination_id)).all() == [nomination_id]
    assert not [name for name, path in person.files.items() if path.exists() and path != person.shared_file]
    assert check_database(commune_db, full=True).ok


def test_an_open_meeting_s_agenda_keeps_the_nomination_too(commune_db, tmp_path):
    person = make_rich_person(commune_db, tmp_path / "source", with_history=False)
    appraised = passed_nomination(commune_db, make_round(commune_db), person.subject_id,
                                  form_ids(commune_db)["LDTT"], review=False)
    meeting_id = open_meeting(commune_db, TODAY, [appraised])
    erase_subject(commune_db, person.subject_id, REASON, NAME, today=TODAY)
    (item,) = get_meeting(commune_db, meeting_id).agenda
    assert item.nomination_id == appraised and item.nominee_name == NAME
    with commune_db.read() as session:
        assert session.get(Subject, person.subject_id).citizen_id is None
    assert CITIZEN_ID not in minutes_text(commune_db, meeting_id)
    assert check_database(commune_db, full=True).ok
