"""Award rows an issued decision wrote: kept and linked across a subject edit, locked, undone by a cancel."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from decision_helpers import issued_award
from sqlalchemy import select

from app.errors import ValidationError
from app.models import AwardRecord, NominationStatus
from app.services.decisions.issue import cancel_decision
from app.services.nominations.queries import get_nomination
from app.services.subjects.crud import get_subject, update_subject
from app.services.subjects.data import AwardInput

pytestmark = pytest.mark.both_backends

TODAY = dt.date(2026, 11, 21)
OLD_AWARD = AwardInput(form_name="Giấy khen của Chủ tịch UBND huyện", year=2024, decision_no="12/QĐ-UBND",
                       issuer="UBND huyện")


@pytest.fixture
def decided(commune_db):
    """A person with an award typed by hand and a Lao động tiên tiến written by an issued decision."""
    subject_id, nomination_id, decision_id = issued_award(commune_db)
    detail = get_subject(commune_db, subject_id)
    update_subject(commune_db, subject_id, dataclasses.replace(detail, awards=[*detail.awards, OLD_AWARD]),
                   detail.version, TODAY)
    return subject_id, nomination_id, decision_id


def rows(db, subject_id: int) -> list[AwardRecord]:
    with db.read() as session:
        query = select(AwardRecord).where(AwardRecord.subject_id == subject_id).order_by(AwardRecord.year)
        return list(session.scalars(query))


def test_the_form_shows_the_decision_row_locked(commune_db, decided):
    subject_id, _nomination, _decision = decided
    awards = get_subject(commune_db, subject_id).awards
    assert [(a.year, a.locked_by_decision) for a in awards] == [(2024, False), (2026, True)]
    assert awards[1].decision_no.endswith("/QĐ-UBND") and awards[1].record_id is not None


def test_editing_the_phone_keeps_the_link_and_a_cancel_removes_the_award(commune_db, decided):
    subject_id, nomination_id, decision_id = decided
    before = rows(commune_db, subject_id)[1]
    detail = get_subject(commune_db, subject_id)
    update_subject(commune_db, subject_id, dataclasses.replace(detail, phone="0912 345 678"), detail.version,
                   TODAY)
    after = rows(commune_db, subject_id)[1]
    assert (after.id, after.decision_id, after.nomination_id) == (before.id, decision_id, nomination_id)
    cancel_decision(commune_db, decision_id, "Ghi sai năm thành tích.")
    assert [r.year for r in rows(commune_db, subject_id)] == [2024]  # the hand-typed row stays
    assert get_nomination(commune_db, nomination_id, TODAY).status is NominationStatus.PASSED
    assert get_subject(commune_db, subject_id).phone == "0912 345 678"


def test_other_rows_are_edited_while_the_decision_row_stays(commune_db, decided):
    subject_id, _nomination, decision_id = decided
    detail = get_subject(commune_db, subject_id)
    typed, locked = detail.awards
    added = AwardInput(form_name="Giấy khen của Liên đoàn Lao động", year=2025, issuer="LĐLĐ huyện")
    update_subject(commune_db, subject_id, dataclasses.replace(
        detail, awards=[dataclasses.replace(typed, note="Bản gốc lưu ở hồ sơ"), locked, added]),
        detail.version, TODAY)
    stored = rows(commune_db, subject_id)
    assert [(r.year, r.decision_id) for r in stored] == [(2024, None), (2025, None), (2026, decision_id)]
    assert stored[0].id == typed.record_id and stored[0].note == "Bản gốc lưu ở hồ sơ"
    detail = get_subject(commune_db, subject_id)
    update_subject(commune_db, subject_id, dataclasses.replace(detail, awards=[detail.awards[2]]),
                   detail.version, TODAY)
    assert [r.year for r in rows(commune_db, subject_id)] == [2026]


def test_a_locked_row_cannot_be_changed_through_the_subject(commune_db, decided):
    subject_id, _nomination, _decision = decided
    detail = get_subject(commune_db, subject_id)
    typed, locked = detail.awards
    changed = dataclasses.replace(detail, phone="0912345678",
                                  awards=[typed, dataclasses.replace(locked, year=2025)])
    with pytest.raises(ValidationError) as caught:
        update_subject(commune_db, subject_id, changed, detail.version, TODAY)
    message = caught.value.errors["awards.2"]
    assert message.startswith("Khen thưởng dòng 2: không sửa được “Lao động tiên tiến năm 2026”")
    assert locked.decision_no in message and "hủy quyết định" in message
    assert get_subject(commune_db, subject_id).phone == ""  # nothing half-saved


def test_a_locked_row_cannot_be_deleted_through_the_subject(commune_db, decided):
    subject_id, _nomination, decision_id = decided
    detail = get_subject(commune_db, subject_id)
    for awards in ([detail.awards[0]], []):
        with pytest.raises(ValidationError) as caught:
            update_subject(commune_db, subject_id, dataclasses.replace(detail, awards=awards), detail.version,
                           TODAY)
        assert "không xóa được “Lao động tiên tiến năm 2026”" in caught.value.errors["awards"]
    assert [r.decision_id for r in rows(commune_db, subject_id)] == [None, decision_id]


def test_a_copy_of_the_locked_line_without_its_row_is_a_new_row_and_the_original_stays(commune_db, decided):
    subject_id, _nomination, decision_id = decided
    detail = get_subject(commune_db, subject_id)
    stray = dataclasses.replace(detail.awards[1], record_id=None, locked_by_decision=False)
    with pytest.raises(ValidationError):  # the stored decision row is missing from the list
        update_subject(commune_db, subject_id, dataclasses.replace(detail, awards=[stray]), detail.version,
                       TODAY)
    assert [r.decision_id for r in rows(commune_db, subject_id)] == [None, decision_id]
