"""The dashboard's figures: what is overdue or due soon, rounds closing, nominations, totals."""

from __future__ import annotations

import datetime as dt

import pytest
from duty_data import add_blocs, add_exemplar, add_unit
from sqlalchemy import event, select

from app.models import (
    AwardForm,
    AwardKind,
    Exemplar,
    ExemplarStage,
    Nomination,
    NominationStatus,
    PollMethod,
    Round,
    RoundKind,
    RoundStatus,
    ThresholdBase,
)
from app.rules.duty import DutyStatus
from app.services.dashboard import DUTY, ROUND, dashboard

pytestmark = pytest.mark.both_backends

D = dt.date
TODAY = D(2026, 11, 21)


@pytest.fixture
def units(db) -> dict[str, int]:
    [bloc] = add_blocs(db, "Khối thôn")
    return {name: add_unit(db, name, bloc) for name in ("Thôn Đông", "Thôn Tây")}


def add_round(db, name: str, deadline: dt.date | None, status=RoundStatus.OPEN, nominations=()) -> int:
    """A round with nominations of the given statuses (subjects come from the exemplars made here)."""
    with db.transaction() as session:
        round_ = Round(name=name, kind=RoundKind.YEAR_END, year=2026, deadline=deadline, status=status)
        form = session.scalar(select(AwardForm).where(AwardForm.code == "TEST")) or AwardForm(
            code="TEST", name="Giấy khen", kind=AwardKind.COMMENDATION, poll_method=PollMethod.SECRET_BALLOT,
            threshold_base=ThresholdBase.ALL_MEMBERS, threshold_percent=50,
        )
        session.add_all([round_, form])
        session.flush()
        round_id, form_id = round_.id, form.id
    for n, nomination_status in enumerate(nominations):
        exemplar_id = add_exemplar(db, None, D(2026, 1, 1), name=f"Người {n} {name}")
        with db.transaction() as session:
            subject_id = session.get(Exemplar, exemplar_id).subject_id
            session.add(Nomination(
                round_id=round_id, subject_id=subject_id, award_form_id=form_id, status=nomination_status
            ))
    return round_id


def test_overdue_quarters_and_the_current_quarter_due_soon(db, units):
    for quarter_end in (D(2026, 3, 1), D(2026, 6, 1)):
        add_exemplar(db, units["Thôn Đông"], quarter_end)
        add_exemplar(db, units["Thôn Tây"], quarter_end, name="Trần Thị Lan")
    add_exemplar(db, units["Thôn Đông"], D(2026, 8, 1))  # Q3: Thôn Tây missing
    data = dashboard(db, TODAY)
    assert data.duty.label == "Quý IV/2026" and data.duty.days_left == 14
    assert data.duty.bloc_on_turn == "Khối thôn"
    assert data.duty.count(DutyStatus.DUE_SOON) == 2
    duty_items = [item for item in data.todo if item.kind == DUTY]
    assert [(i.quarter, i.overdue, i.detail) for i in duty_items] == [
        (3, True, "Thôn Tây"),
        (4, False, "Thôn Đông, Thôn Tây"),
    ]
    assert duty_items[0].title == "Quý III/2026: 1 đơn vị chưa giới thiệu điển hình"
    assert duty_items[0].days_left == -77


def test_nothing_to_do_when_the_next_deadline_is_far(db, units):
    for quarter_end in (D(2026, 3, 1), D(2026, 6, 1), D(2026, 9, 1)):
        for unit_id in units.values():
            add_exemplar(db, unit_id, quarter_end)
    data = dashboard(db, D(2026, 11, 20))  # 15 days before 05/12
    assert data.todo == ()
    assert data.duty.count(DutyStatus.NOT_YET_DUE) == 2


def test_rounds_closing_within_fourteen_days_or_past_while_open(db):
    add_round(db, "Đột xuất chống bão", D(2026, 11, 10))
    add_round(db, "Tổng kết năm 2026", D(2026, 12, 5), nominations=[NominationStatus.DRAFT] * 2)
    add_round(db, "Chuyên đề chuyển đổi số", D(2026, 12, 6))
    add_round(db, "Chưa đặt hạn", None)
    add_round(db, "Đợt đã kết thúc", D(2026, 11, 1), status=RoundStatus.CLOSED)
    data = dashboard(db, TODAY)
    rounds = [(i.title, i.days_left, i.detail) for i in data.todo if i.kind == ROUND]
    assert rounds == [
        ("Đợt xét “Đột xuất chống bão” nhận hồ sơ đến 10/11/2026", -11, "0 hồ sơ"),
        ("Đợt xét “Tổng kết năm 2026” nhận hồ sơ đến 05/12/2026", 14, "2 hồ sơ, 2 hồ sơ còn nháp"),
    ]
    assert [r.name for r in data.open_rounds] == [
        "Đột xuất chống bão", "Tổng kết năm 2026", "Chuyên đề chuyển đổi số", "Chưa đặt hạn",
    ]


def test_nomination_counts_by_status_for_open_rounds_only(db):
    add_round(db, "Tổng kết năm 2026", D(2026, 12, 5),
              nominations=[NominationStatus.DRAFT, NominationStatus.PROPOSED, NominationStatus.PROPOSED])
    add_round(db, "Đợt cũ", D(2025, 12, 5), status=RoundStatus.CLOSED, nominations=[NominationStatus.DECIDED])
    data = dashboard(db, TODAY)
    counts = dict(data.nominations_by_status)
    assert counts[NominationStatus.DRAFT] == 1 and counts[NominationStatus.PROPOSED] == 2
    assert counts[NominationStatus.DECIDED] == 0
    [open_round] = data.open_rounds
    assert open_round.nominations == ((NominationStatus.DRAFT, 1), (NominationStatus.PROPOSED, 2))
    assert open_round.total == 3


def test_totals(db, units):
    add_exemplar(db, units["Thôn Đông"], D(2026, 2, 1), stage=ExemplarStage.NURTURED)
    add_exemplar(db, units["Thôn Tây"], D(2026, 2, 1), stage=ExemplarStage.NURTURED, name="Trần Thị Lan")
    add_exemplar(db, None, D(2026, 2, 1), stage=ExemplarStage.REPLICATED, name="Lê Minh Đức")
    data = dashboard(db, TODAY)
    assert data.subject_count == 3
    assert data.exemplars_by_stage == (
        (ExemplarStage.DISCOVERED, 0), (ExemplarStage.NURTURED, 2),
        (ExemplarStage.SUMMARISED, 0), (ExemplarStage.REPLICATED, 1),
    )


def count_statements(db, today: dt.date) -> int:
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731 - (conn, cursor, statement, …)
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        dashboard(db, today)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    return len(statements)


def test_the_number_of_queries_does_not_grow_with_the_data(db, units):
    add_round(db, "Tổng kết năm 2026", D(2026, 12, 5), nominations=[NominationStatus.DRAFT])
    few = count_statements(db, TODAY)
    for n in range(10):
        unit_id = add_unit(db, f"Tổ dân phố {n}")
        add_exemplar(db, unit_id, D(2026, 5, 1), name=f"Người thứ {n}")
    add_round(db, "Đột xuất", D(2026, 12, 1), nominations=[NominationStatus.PROPOSED] * 3)
    assert count_statements(db, TODAY) == few
