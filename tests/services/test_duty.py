"""The quarterly introduction duty: deadlines, the 14-day window, the bloc rota, who owes, what counts."""

from __future__ import annotations

import datetime as dt

import pytest
from duty_data import add_blocs, add_exemplar, add_unit

from app.errors import ConflictError
from app.rules.duty import (
    DutyStatus,
    RotaMode,
    bloc_on_turn,
    classify,
    counts_for_duty,
    deadline_phrase,
    quarter_bounds,
    quarter_deadline,
    quarter_label,
    quarter_of,
)
from app.services.duty import quarter_duty, year_duty
from app.services.settings import DUTY_DAY, DUTY_ROTA_MODE, set_setting
from app.services.units import list_blocs, set_bloc_rota

pytestmark = pytest.mark.both_backends

D = dt.date


# Rules -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quarter", "deadline"),
    [(1, D(2026, 3, 5)), (2, D(2026, 6, 5)), (3, D(2026, 9, 5)), (4, D(2026, 12, 5))],
)
def test_deadline_is_the_day_of_the_quarters_last_month(quarter, deadline):
    assert quarter_deadline(2026, quarter, 5) == deadline


def test_deadline_day_is_clamped_to_the_month():
    assert quarter_deadline(2026, 2, 31) == D(2026, 6, 30)
    assert quarter_deadline(2026, 1, 31) == D(2026, 3, 31)
    assert quarter_deadline(2026, 4, 0) == D(2026, 12, 1)


@pytest.mark.parametrize(
    ("day", "quarter"),
    [(D(2026, 1, 1), 1), (D(2026, 3, 31), 1), (D(2026, 4, 1), 2), (D(2026, 9, 30), 3), (D(2026, 12, 31), 4)],
)
def test_quarter_of_a_date(day, quarter):
    assert quarter_of(day) == quarter


def test_quarter_bounds_and_label():
    assert quarter_bounds(2024, 1) == (D(2024, 1, 1), D(2024, 3, 31))
    assert quarter_bounds(2026, 4) == (D(2026, 10, 1), D(2026, 12, 31))
    assert quarter_label(2026, 4) == "Quý IV/2026"


def test_deadline_day_is_inclusive():
    deadline = D(2026, 12, 5)
    assert classify(D(2026, 12, 5), deadline, D(2026, 12, 20)) is DutyStatus.DONE
    assert classify(D(2026, 12, 6), deadline, D(2026, 12, 20)) is DutyStatus.LATE
    assert classify(None, deadline, D(2026, 12, 5)) is DutyStatus.DUE_SOON
    assert classify(None, deadline, D(2026, 12, 6)) is DutyStatus.OVERDUE


def test_fourteen_day_window():
    deadline = D(2026, 12, 5)
    assert classify(None, deadline, deadline - dt.timedelta(days=14)) is DutyStatus.DUE_SOON
    assert classify(None, deadline, deadline - dt.timedelta(days=15)) is DutyStatus.NOT_YET_DUE


def test_deadline_phrase():
    deadline = D(2026, 12, 5)
    assert deadline_phrase(deadline, D(2026, 11, 21)) == "hạn ngày 05/12/2026, còn 14 ngày"
    assert deadline_phrase(deadline, deadline) == "hạn ngày 05/12/2026, hôm nay là hạn cuối"
    assert deadline_phrase(deadline, D(2026, 12, 8)) == "hạn ngày 05/12/2026, đã qua hạn 3 ngày"


def test_three_blocs_take_turns_across_the_year_end():
    rota = ["A", "B", "C"]
    quarters = [(2025, 3), (2025, 4), (2026, 1), (2026, 2), (2026, 3), (2026, 4), (2027, 1)]
    turns = [bloc_on_turn(year, quarter, rota) for year, quarter in quarters]
    # (year*4 + quarter-1) mod 3: 2025 Q3 -> 8102 mod 3 = 2
    assert turns == ["C", "A", "B", "C", "A", "B", "C"]
    assert bloc_on_turn(2026, 1, []) is None


@pytest.mark.parametrize("text", ["", "   ", "\n\t ", None])
def test_empty_summary_does_not_count(text):
    assert not counts_for_duty(text)


# Service -----------------------------------------------------------------------------------------

TODAY = D(2026, 11, 21)


@pytest.fixture
def commune(db):
    """Three blocs (rota order as created) with a unit each, and one unit in no bloc."""
    blocs = add_blocs(db, "Khối thôn", "Khối cơ quan", "Khối trường học")
    units = {
        "Thôn Đông": add_unit(db, "Thôn Đông", blocs[0]),
        "UBND xã": add_unit(db, "UBND xã", blocs[1]),
        "Trường Tiểu học": add_unit(db, "Trường Tiểu học", blocs[2]),
        "Hợp tác xã": add_unit(db, "Hợp tác xã"),
    }
    return blocs, units


def statuses(duty) -> dict[str, DutyStatus]:
    return {row.unit_name: row.status for row in duty.rows}


def test_all_units_mode_every_unit_owes_and_the_bloc_on_turn_is_shown(db, commune):
    duty = quarter_duty(db, 2026, 4, TODAY)
    assert duty.mode is RotaMode.ALL_UNITS
    assert duty.deadline == D(2026, 12, 5) and duty.days_left == 14
    assert duty.bloc_on_turn == "Khối cơ quan"  # 2026*4 + 3 = 8107, mod 3 = 1
    assert set(statuses(duty)) == {"Thôn Đông", "UBND xã", "Trường Tiểu học", "Hợp tác xã"}
    assert set(statuses(duty).values()) == {DutyStatus.DUE_SOON}


def test_bloc_on_turn_mode_limits_the_units(db, commune):
    set_setting(db, DUTY_ROTA_MODE, RotaMode.BLOC_ON_TURN.value)
    assert list(statuses(quarter_duty(db, 2026, 4, TODAY))) == ["UBND xã"]
    assert list(statuses(quarter_duty(db, 2027, 1, TODAY))) == ["Trường Tiểu học"]
    assert list(statuses(quarter_duty(db, 2027, 2, TODAY))) == ["Thôn Đông"]


def test_bloc_on_turn_mode_without_blocs_every_unit_owes(db):
    set_setting(db, DUTY_ROTA_MODE, RotaMode.BLOC_ON_TURN.value)
    add_unit(db, "Thôn Đông")
    duty = quarter_duty(db, 2026, 4, TODAY)
    assert duty.bloc_on_turn == "" and list(statuses(duty)) == ["Thôn Đông"]


def test_exemplars_make_a_unit_done_or_late(db, commune):
    _blocs, units = commune
    add_exemplar(db, units["Thôn Đông"], D(2026, 12, 5), name="Nguyễn Văn Đạt")
    add_exemplar(db, units["Thôn Đông"], D(2026, 10, 2), name="Trần Thị Lan")
    add_exemplar(db, units["UBND xã"], D(2026, 12, 6), name="Lê Minh Đức")
    duty = quarter_duty(db, 2026, 4, D(2026, 12, 10))
    rows = {row.unit_name: row for row in duty.rows}
    assert rows["Thôn Đông"].status is DutyStatus.DONE
    assert rows["Thôn Đông"].exemplars == ("Trần Thị Lan", "Nguyễn Văn Đạt")
    assert rows["UBND xã"].status is DutyStatus.LATE and rows["UBND xã"].days_late == 1
    assert rows["Hợp tác xã"].status is DutyStatus.OVERDUE and rows["Hợp tác xã"].days_left == -5
    assert duty.introduced_count == 2 and len(duty.missing) == 2


def test_an_exemplar_with_an_empty_summary_does_not_count(db, commune):
    _blocs, units = commune
    add_exemplar(db, units["Thôn Đông"], D(2026, 11, 1), achievements="  \n ")
    add_exemplar(db, units["UBND xã"], D(2026, 11, 1), achievements="")
    rows = {row.unit_name: row for row in quarter_duty(db, 2026, 4, TODAY).rows}
    assert rows["Thôn Đông"].status is DutyStatus.DUE_SOON and rows["Thôn Đông"].exemplars == ()
    assert rows["UBND xã"].status is DutyStatus.DUE_SOON


def test_an_exemplar_counts_for_the_quarter_it_was_introduced_in(db, commune):
    _blocs, units = commune
    add_exemplar(db, units["Thôn Đông"], D(2026, 4, 1))
    assert statuses(quarter_duty(db, 2026, 1, TODAY))["Thôn Đông"] is DutyStatus.OVERDUE
    assert statuses(quarter_duty(db, 2026, 2, TODAY))["Thôn Đông"] is DutyStatus.DONE


def test_the_deadline_day_is_a_setting(db, commune):
    set_setting(db, DUTY_DAY, 20)
    duty = quarter_duty(db, 2026, 4, TODAY)
    assert duty.deadline == D(2026, 12, 20)
    assert set(statuses(duty).values()) == {DutyStatus.NOT_YET_DUE}


def test_year_duty_has_four_quarters_and_empty_cells_when_not_on_turn(db, commune):
    _blocs, units = commune
    set_setting(db, DUTY_ROTA_MODE, RotaMode.BLOC_ON_TURN.value)
    add_exemplar(db, units["Thôn Đông"], D(2026, 2, 1))
    year = year_duty(db, 2026, TODAY)
    assert [q.bloc_on_turn for q in year.quarters] == ["Khối cơ quan", "Khối trường học", "Khối thôn",
                                                       "Khối cơ quan"]
    assert [u.name for u in year.units] == ["Hợp tác xã", "Thôn Đông", "Trường Tiểu học", "UBND xã"]
    assert year.cell(units["Thôn Đông"], 1) is None, "not its bloc's turn, the exemplar is extra"
    assert year.cell(units["Thôn Đông"], 3).status is DutyStatus.OVERDUE
    assert year.cell(units["UBND xã"], 4).status is DutyStatus.DUE_SOON
    assert year.cell(units["Hợp tác xã"], 1) is None


def test_set_bloc_rota_changes_whose_turn_it_is(db, commune):
    blocs, _units = commune
    set_bloc_rota(db, [blocs[2], blocs[0], blocs[1]])
    assert [b.name for b in list_blocs(db)] == ["Khối trường học", "Khối thôn", "Khối cơ quan"]
    assert quarter_duty(db, 2026, 4, TODAY).bloc_on_turn == "Khối thôn"


def test_set_bloc_rota_needs_every_bloc_once(db, commune):
    blocs, _units = commune
    with pytest.raises(ConflictError):
        set_bloc_rota(db, blocs[:2])
    with pytest.raises(ConflictError):
        set_bloc_rota(db, [blocs[0], blocs[0], blocs[1]])
    assert [b.name for b in list_blocs(db)] == ["Khối thôn", "Khối cơ quan", "Khối trường học"]
