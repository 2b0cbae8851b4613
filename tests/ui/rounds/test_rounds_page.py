"""The Rounds page and the round dialog driven through their real widgets."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from qt_typing import replace_text, type_text

from app.models.enums import MovementKind, RoundKind, RoundStatus
from app.services.movements.crud import create_movement
from app.services.movements.data import MovementInput
from app.services.nominations.crud import create_nomination
from app.services.nominations.data import NominationInput
from app.services.rounds import RoundInput, create_round, get_round, list_rounds
from app.ui.kit.row_table import RowTableModel
from app.ui.rounds.dialog import RoundDialog
from app.ui.rounds.page import ROUND_COLUMNS, RoundsPage, deadline_cell

THIS_YEAR = dt.date.today().year


@pytest.fixture
def rounds(commune_db) -> dict[str, int]:
    return {
        "2025": create_round(commune_db, RoundInput("Tổng kết năm 2025", RoundKind.YEAR_END, 2025,
                                                    deadline=dt.date(2025, 12, 10))),
        "2024": create_round(commune_db, RoundInput("Tổng kết năm 2024", RoundKind.YEAR_END, 2024,
                                                    status=RoundStatus.CLOSED)),
    }


@pytest.fixture
def page(qtbot, commune_db, rounds) -> RoundsPage:
    widget = RoundsPage(commune_db)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    widget.on_shown()
    return widget


def listed(page: RoundsPage) -> list[str]:
    return [row.name for row in page.model.rows()]


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_add_dialog(qtbot, page: RoundsPage) -> RoundDialog:
    click(qtbot, page.add_button)
    dialog = page.findChild(RoundDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def save(qtbot, dialog: RoundDialog) -> None:
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_lists_rounds_newest_first_with_a_year_filter(page):
    assert listed(page) == ["Tổng kết năm 2025", "Tổng kết năm 2024"]
    assert page.count_label.text() == "2 đợt xét"
    choose(page.year_combo, 2024)
    assert listed(page) == ["Tổng kết năm 2024"]
    assert not page.edit_button.isEnabled(), "nothing selected, nothing to edit"


def test_add_a_quarter_round_whose_name_follows_its_kind(qtbot, page, commune_db):
    dialog = open_add_dialog(qtbot, page)
    assert dialog.name_edit.text() == f"Tổng kết phong trào thi đua năm {THIS_YEAR}"
    assert not dialog.quarter_combo.isVisibleTo(dialog), "the quarter is asked for quarterly rounds only"
    choose(dialog.kind_combo, RoundKind.QUARTER.value)
    assert dialog.quarter_combo.isVisibleTo(dialog)
    choose(dialog.quarter_combo, 2)
    dialog.year_spin.setValue(2027)
    assert dialog.name_edit.text() == "Khen thưởng quý II/2027"
    type_text(dialog.deadline_edit.line, "05/06/2027")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    detail = get_round(commune_db, dialog.saved_id)
    assert (detail.name, detail.kind, detail.year, detail.quarter, detail.deadline) == (
        "Khen thưởng quý II/2027", RoundKind.QUARTER, 2027, 2, dt.date(2027, 6, 5))
    assert page.selected_id() == detail.id, "the new round is selected"
    assert page.model.index(0, 4).data() == "05/06/2027"


def test_a_typed_name_is_kept_until_cleared(qtbot, page):
    dialog = open_add_dialog(qtbot, page)
    replace_text(dialog.name_edit, "Khen thưởng thành tích phòng chống bão lũ")
    choose(dialog.kind_combo, RoundKind.AD_HOC.value)
    assert dialog.name_edit.text() == "Khen thưởng thành tích phòng chống bão lũ"
    replace_text(dialog.name_edit, "")
    choose(dialog.kind_combo, RoundKind.YEAR_END.value)
    assert dialog.name_edit.text() == f"Tổng kết phong trào thi đua năm {THIS_YEAR}"


def test_a_thematic_round_needs_a_movement(qtbot, page, commune_db):
    movement = create_movement(commune_db, MovementInput(
        name="Toàn dân đoàn kết xây dựng đời sống văn hóa", kind=MovementKind.ONGOING,
        start_date=dt.date(2020, 1, 1)))
    dialog = open_add_dialog(qtbot, page)
    choose(dialog.kind_combo, RoundKind.THEMATIC.value)
    assert dialog.movement_combo.itemText(0) == "— Chọn phong trào —"
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "phải gắn với một phong trào" in dialog.form.rows["movement_id"].error.text()
    choose(dialog.movement_combo, movement.id)
    save(qtbot, dialog)
    assert get_round(commune_db, dialog.saved_id).movement_id == movement.id


def test_a_deadline_that_is_no_date_is_shown_beside_it(qtbot, page, commune_db):
    dialog = open_add_dialog(qtbot, page)
    type_text(dialog.deadline_edit.line, "31/02/2026")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "Hạn nộp hồ sơ: không phải ngày hợp lệ" in dialog.form.rows["deadline"].error.text()
    assert len(list_rounds(commune_db)) == 2, "nothing saved"


def test_edit_a_round(qtbot, page, commune_db, rounds):
    page.table.selectRow(0)
    click(qtbot, page.edit_button)
    dialog = page.findChild(RoundDialog)
    assert dialog.name_edit.text() == "Tổng kết năm 2025"
    choose(dialog.status_combo, RoundStatus.REVIEWING.value)
    save(qtbot, dialog)
    assert get_round(commune_db, rounds["2025"]).status is RoundStatus.REVIEWING
    assert page.model.index(0, 5).data() == "Đang xét"


def test_delete_a_round_only_without_nominations(qtbot, page, commune_db, rounds, people, fake_messages):
    from app.services.catalogue.forms import list_award_forms

    ldtt = next(f.id for f in list_award_forms(commune_db) if f.code == "LDTT")
    data = NominationInput(rounds["2025"], people["Trần Thị Lan"], ldtt)
    create_nomination(commune_db, data, confirmed=True)  # the 2025 deadline has passed
    page.refresh()
    page.table.selectRow(0)
    click(qtbot, page.delete_button)
    assert "đã có 1 hồ sơ đề nghị" in fake_messages.errors[-1]
    assert len(listed(page)) == 2
    assert page.model.index(0, 6).data() == "1"
    page.table.selectRow(1)
    click(qtbot, page.delete_button)
    assert fake_messages.questions[-1] == "Xóa đợt xét “Tổng kết năm 2024”?"
    assert listed(page) == ["Tổng kết năm 2025"]


def test_view_nominations_asks_for_the_round(qtbot, page, rounds):
    page.table.selectRow(1)
    button = next(b for b in page.findChildren(QPushButton) if b.text() == "Xem hồ sơ đề nghị")
    with qtbot.waitSignal(page.open_nominations) as signal:
        click(qtbot, button)
    assert signal.args == [rounds["2024"]]


def test_view_decisions_asks_for_the_round(qtbot, page, rounds):
    page.table.selectRow(0)
    with qtbot.waitSignal(page.open_decisions) as signal:
        click(qtbot, page.decisions_button)
    assert signal.args == [page.selected_id()]
    page.table.clearSelection()
    assert not page.decisions_button.isEnabled()


def test_a_passed_deadline_is_marked_while_the_round_is_open(commune_db, rounds):
    row = next(r for r in list_rounds(commune_db) if r.id == rounds["2025"])
    assert deadline_cell(row, dt.date(2025, 12, 11)) == "10/12/2025 (đã quá hạn)"
    assert deadline_cell(row, dt.date(2025, 12, 10)) == "10/12/2025"


def test_round_model_passes_modeltester(qtmodeltester, commune_db, rounds):
    model = RowTableModel(ROUND_COLUMNS)
    model.set_rows(list_rounds(commune_db))
    qtmodeltester.check(model)
