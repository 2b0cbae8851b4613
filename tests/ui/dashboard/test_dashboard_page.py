"""The dashboard page: the current quarter's header and units, the to-do list, other quarters, the year."""

from __future__ import annotations

import datetime as dt

import pytest
from duty_data import add_blocs, add_exemplar, add_unit
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import AwardForm, Exemplar, Nomination, NominationStatus, Round, RoundKind, RoundStatus
from app.rules.duty import RotaMode
from app.services.settings import DUTY_ROTA_MODE, set_setting
from app.ui.dashboard import duty_models as cols
from app.ui.dashboard.page import UNITS_TAB, YEAR_TAB, DashboardPage

D = dt.date
TODAY = D(2026, 11, 21)


@pytest.fixture
def units(commune_db) -> dict[str, int]:
    villages, agencies = add_blocs(commune_db, "Khối thôn, tổ dân phố", "Khối cơ quan")
    return {
        "Thôn Đông": add_unit(commune_db, "Thôn Đông", villages),
        "Thôn Tây": add_unit(commune_db, "Thôn Tây", villages),
        "UBND xã": add_unit(commune_db, "UBND xã", agencies),
    }


def make_page(qtbot, db, today: dt.date = TODAY) -> DashboardPage:
    page = DashboardPage(db, today=lambda: today)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.on_shown()
    return page


def column(model, col: int) -> list[str]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


def table(page: DashboardPage) -> dict[str, tuple[str, str]]:
    model = page.duty_model
    rows = zip(column(model, cols.UNIT), column(model, cols.STATUS), column(model, cols.TIMING), strict=True)
    return {unit: (status, timing) for unit, status, timing in rows}


def todo_texts(page: DashboardPage) -> list[str]:
    return [page.todo_list.item(row).text() for row in range(page.todo_list.count())]


def test_header_and_units_of_the_current_quarter(qtbot, qtmodeltester, commune_db, units):
    add_exemplar(commune_db, units["Thôn Đông"], D(2026, 11, 2), name="Nguyễn Văn Đạt")
    page = make_page(qtbot, commune_db)
    assert page.title_label.text() == "Quý IV/2026"
    assert page.deadline_label.text() == "hạn ngày 05/12/2026, còn 14 ngày"
    assert page.turn_label.text().startswith("Khối trực quý: Khối cơ quan")
    assert page.summary_label.text() == "Đã giới thiệu: 1/3 đơn vị · Chưa giới thiệu: 2 đơn vị"
    assert table(page) == {
        "Thôn Đông": ("Đã giới thiệu", "02/11/2026"),
        "Thôn Tây": ("Sắp đến hạn", "Còn 14 ngày"),
        "UBND xã": ("Sắp đến hạn", "Còn 14 ngày"),
    }
    assert page.duty_model.index(0, cols.EXEMPLARS).data() == "Nguyễn Văn Đạt"
    assert page.duty_model.index(0, cols.STATUS).data(Qt.ItemDataRole.DecorationRole) is not None
    qtmodeltester.check(page.duty_model)
    qtmodeltester.check(page.year_model)


def test_late_overdue_and_not_yet_due(qtbot, commune_db, units):
    add_exemplar(commune_db, units["Thôn Đông"], D(2026, 12, 5))
    add_exemplar(commune_db, units["Thôn Tây"], D(2026, 12, 8), name="Trần Thị Lan")
    page = make_page(qtbot, commune_db, today=D(2026, 12, 10))
    assert page.deadline_label.text() == "hạn ngày 05/12/2026, đã qua hạn 5 ngày"
    assert table(page) == {
        "Thôn Đông": ("Đã giới thiệu", "05/12/2026"),
        "Thôn Tây": ("Giới thiệu muộn", "08/12/2026, muộn 3 ngày"),
        "UBND xã": ("Quá hạn", "Quá hạn 5 ngày"),
    }
    page.year_spin.setValue(2027)
    page.quarter_combo.setCurrentIndex(page.quarter_combo.findData(1))
    assert page.title_label.text() == "Quý I/2027"
    assert set(column(page.duty_model, cols.STATUS)) == {"Chưa đến hạn"}


def test_shown_again_reads_the_data_again(qtbot, commune_db, units):
    page = make_page(qtbot, commune_db)
    assert table(page)["Thôn Tây"][0] == "Sắp đến hạn"
    add_exemplar(commune_db, units["Thôn Tây"], D(2026, 11, 20))
    page.on_shown()
    assert table(page)["Thôn Tây"] == ("Đã giới thiệu", "20/11/2026")


def test_todo_lists_overdue_quarters_and_opens_them(qtbot, commune_db, units):
    for unit_id in units.values():
        for day in (D(2026, 2, 1), D(2026, 5, 1)):
            add_exemplar(commune_db, unit_id, day)
    add_exemplar(commune_db, units["Thôn Đông"], D(2026, 8, 1))
    page = make_page(qtbot, commune_db)
    assert todo_texts(page) == [
        "Quá hạn 77 ngày — Quý III/2026: 2 đơn vị chưa giới thiệu điển hình\nThôn Tây, UBND xã",
        "Còn 14 ngày — Quý IV/2026: 3 đơn vị chưa giới thiệu điển hình\nThôn Đông, Thôn Tây, UBND xã",
    ]
    page.tabs.setCurrentIndex(YEAR_TAB)
    page.todo_list.setFocus()
    page.todo_list.setCurrentRow(0)
    qtbot.keyClick(page.todo_list, Qt.Key.Key_Return)
    assert page.selected_quarter() == (2026, 3)
    assert page.tabs.currentIndex() == UNITS_TAB
    assert page.title_label.text() == "Quý III/2026"
    qtbot.mouseClick(page.current_button, Qt.MouseButton.LeftButton)
    assert page.title_label.text() == "Quý IV/2026"


def test_nothing_to_do(qtbot, commune_db):
    page = make_page(qtbot, commune_db)
    assert todo_texts(page) == ["Không có việc nào quá hạn hay sắp đến hạn."]
    assert page.summary_label.text() == "Chưa có đơn vị nào phải giới thiệu điển hình trong quý này."
    assert page.rounds_label.text() == "Không có đợt xét nào đang mở."


def test_rounds_closing_and_totals(qtbot, commune_db, units):
    exemplar_id = add_exemplar(commune_db, units["Thôn Đông"], D(2026, 11, 2))
    with commune_db.transaction() as session:
        round_ = Round(name="Tổng kết năm 2026", kind=RoundKind.YEAR_END, year=2026,
                       deadline=D(2026, 11, 30), status=RoundStatus.OPEN)
        form = session.scalars(select(AwardForm)).first()
        session.add(round_)
        session.flush()
        session.add(Nomination(round_id=round_.id, subject_id=session.get(Exemplar, exemplar_id).subject_id,
                               award_form_id=form.id, status=NominationStatus.DRAFT))
    page = make_page(qtbot, commune_db)
    assert (
        "Còn 9 ngày — Đợt xét “Tổng kết năm 2026” nhận hồ sơ đến 30/11/2026\n1 hồ sơ, 1 hồ sơ còn nháp"
        in todo_texts(page)
    )
    assert page.rounds_label.text() == "• Tổng kết năm 2026 — hạn 30/11/2026: 1 hồ sơ (nháp 1)"
    assert page.totals_label.text().splitlines() == [
        "Đối tượng: 1",
        "Điển hình tiên tiến: 1 (phát hiện 1, bồi dưỡng 0, tổng kết 0, nhân rộng 0)",
    ]


def test_year_grid_in_bloc_on_turn_mode(qtbot, qtmodeltester, commune_db, units):
    set_setting(commune_db, DUTY_ROTA_MODE, RotaMode.BLOC_ON_TURN.value)
    page = make_page(qtbot, commune_db)
    page.tabs.setCurrentIndex(YEAR_TAB)
    model = page.year_model
    assert model.headerData(cols.GRID_FIRST_QUARTER, Qt.Orientation.Horizontal) == "Quý I\nhạn 05/03/2026"
    # (2026*4 + q-1) mod 2: the villages' bloc is on turn in Q1 and Q3, the agencies' in Q2 and Q4
    assert column(model, cols.GRID_UNIT) == ["Thôn Đông", "Thôn Tây", "UBND xã"]
    quarters = [column(model, cols.GRID_FIRST_QUARTER + q) for q in range(4)]
    assert quarters == [
        ["Quá hạn", "Quá hạn", "—"],
        ["—", "—", "Quá hạn"],
        ["Quá hạn", "Quá hạn", "—"],
        ["—", "—", "Sắp đến hạn"],
    ]
    assert page.turn_label.text() == (
        "Khối trực quý: Khối cơ quan · Phải giới thiệu điển hình: chỉ các đơn vị của khối trực"
    )
    qtmodeltester.check(model)


def test_several_open_rounds_are_summed(qtbot, commune_db):
    with commune_db.transaction() as session:
        for name, deadline in (("Tổng kết năm 2026", D(2026, 12, 20)), ("Đột xuất", None)):
            session.add(Round(name=name, kind=RoundKind.YEAR_END, year=2026, deadline=deadline,
                              status=RoundStatus.OPEN))
    page = make_page(qtbot, commune_db)
    assert page.rounds_label.text().splitlines() == [
        "• Tổng kết năm 2026 — hạn 20/12/2026: 0 hồ sơ",
        "• Đột xuất — chưa đặt hạn: 0 hồ sơ",
        "Cộng: 0 hồ sơ",
    ]
