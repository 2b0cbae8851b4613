"""Rounds, award forms and nominations made straight in the database, for the movement and exemplar
tests (their own services belong to the rounds and nominations work)."""

from __future__ import annotations

from app.models import (
    AwardForm,
    AwardKind,
    Nomination,
    NominationStatus,
    PollMethod,
    Round,
    RoundKind,
    RoundStatus,
    ThresholdBase,
)


def add_round(db, movement_id: int | None, name="Khen thưởng chuyên đề 2025") -> int:
    with db.transaction() as session:
        item = Round(name=name, kind=RoundKind.THEMATIC, year=2025, status=RoundStatus.OPEN,
                     movement_id=movement_id)
        session.add(item)
        session.flush()
        return item.id


def add_form(db) -> int:
    with db.transaction() as session:
        form = AwardForm(code="TEST_GIAY_KHEN", name="Giấy khen của Chủ tịch UBND xã",
                         kind=AwardKind.COMMENDATION, reward_individual=15,
                         poll_method=PollMethod.SHOW_OF_HANDS, threshold_base=ThresholdBase.PRESENT,
                         threshold_percent=50)
        session.add(form)
        session.flush()
        return form.id


def nominate(db, round_id, subject_id, form_id, exemplar_id=None, unit_id=None) -> int:
    with db.transaction() as session:
        item = Nomination(round_id=round_id, subject_id=subject_id, award_form_id=form_id,
                          exemplar_id=exemplar_id, proposing_unit_id=unit_id, status=NominationStatus.DRAFT)
        session.add(item)
        session.flush()
        return item.id
