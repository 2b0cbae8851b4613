"""An award history row names the movement it came from: typed in the subject's form for older awards,
the round's movement for the rows an issued decision writes; the statistics count by it, a movement in
use is not deleted, and an unknown movement is refused with the row named."""

from __future__ import annotations

import dataclasses

import pytest
from award_movement_helpers import CULTURE, PATRIOTIC, issued_in, movement, person
from decision_helpers import TODAY
from sqlalchemy import select, update

from app.errors import ConflictError, ValidationError
from app.models import AwardRecord
from app.services.exchange import StatsFilter, commendation_statistics
from app.services.movements.crud import delete_movement
from app.services.subjects.crud import get_subject, update_subject
from app.services.subjects.data import AwardInput

pytestmark = pytest.mark.both_backends

NONE = "Không gắn phong trào"


def test_a_typed_row_keeps_its_movement_and_changes_it(db) -> None:
    patriotic, culture = movement(db, PATRIOTIC), movement(db, CULTURE)
    subject_id = person(db, [AwardInput(form_name="Lao động tiên tiến", year=2023, movement_id=patriotic),
                             AwardInput(form_name="Giấy khen", year=2024)])
    detail = get_subject(db, subject_id)
    assert [(a.year, a.movement_id) for a in detail.awards] == [(2023, patriotic), (2024, None)]
    first, second = detail.awards
    update_subject(db, subject_id, dataclasses.replace(detail, awards=[
        dataclasses.replace(first, movement_id=None), dataclasses.replace(second, movement_id=culture)]),
        detail.version, TODAY)
    assert [a.movement_id for a in get_subject(db, subject_id).awards] == [None, culture]


def test_an_unknown_movement_is_refused_with_the_row_named(db) -> None:
    known = movement(db, PATRIOTIC)
    with pytest.raises(ValidationError) as caught:
        person(db, [AwardInput(form_name="Lao động tiên tiến", year=2023, movement_id=known),
                    AwardInput(form_name="Giấy khen", year=2024, movement_id=known + 999)])
    assert set(caught.value.errors) == {"awards.2.movement_id"}
    assert caught.value.errors["awards.2.movement_id"].startswith("Khen thưởng dòng 2, phong trào:")
    with db.read() as session:
        assert session.scalar(select(AwardRecord.id)) is None  # nothing half-saved


def test_a_movement_named_by_an_award_is_not_deleted(db) -> None:
    used, unused = movement(db, PATRIOTIC), movement(db, CULTURE)
    person(db, [AwardInput(form_name="Lao động tiên tiến", year=2023, movement_id=used)])
    with pytest.raises(ConflictError) as caught:
        delete_movement(db, used)
    assert "1 lần khen thưởng ghi trong lịch sử của đối tượng" in str(caught.value)
    delete_movement(db, unused)


def test_an_issued_decision_writes_its_rounds_movement(commune_db) -> None:
    patriotic = movement(commune_db, PATRIOTIC)
    subject_id, decision_id = issued_in(commune_db, patriotic)
    (award,) = get_subject(commune_db, subject_id).awards
    assert award.locked_by_decision and award.movement_id == patriotic


def test_statistics_count_the_rows_own_movement_first_then_the_decisions_round(commune_db) -> None:
    patriotic, culture = movement(commune_db, PATRIOTIC), movement(commune_db, CULTURE)
    person(commune_db, [AwardInput(form_name="Lao động tiên tiến", year=2024, movement_id=patriotic),
                        AwardInput(form_name="Gia đình văn hóa", year=2025, movement_id=culture),
                        AwardInput(form_name="Giấy khen", year=2025)])
    _subject, decision_id = issued_in(commune_db, patriotic)
    counts = {c.label: c.count for c in commendation_statistics(commune_db, StatsFilter()).by_movement}
    assert counts == {PATRIOTIC: 2, CULTURE: 1, NONE: 1}
    # A row a decision wrote before rows named their movement (upgraded from 0013): its round's counts.
    with commune_db.transaction() as session:
        session.execute(update(AwardRecord).where(AwardRecord.decision_id == decision_id)
                        .values(movement_id=None))
    counts = {c.label: c.count for c in commendation_statistics(commune_db, StatsFilter()).by_movement}
    assert counts == {PATRIOTIC: 2, CULTURE: 1, NONE: 1}
    by_year = {c.label: c.count for c in commendation_statistics(commune_db, StatsFilter(2025)).by_movement}
    assert by_year == {CULTURE: 1, NONE: 1}


def test_a_decision_in_a_round_without_movement_counts_under_none(commune_db) -> None:
    issued_in(commune_db, None)
    counts = {c.label: c.count for c in commendation_statistics(commune_db, StatsFilter()).by_movement}
    assert counts == {NONE: 1}
