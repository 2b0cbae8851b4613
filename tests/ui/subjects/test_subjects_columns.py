"""The subjects list's columns: a header click sorts through the query, Enter opens the selected row, and
widths, order and sort are remembered for the next time the page is made."""

from __future__ import annotations

import pytest
from header_clicks import click_header
from PySide6.QtCore import Qt

from app.ui.subjects.dialog import SubjectDialog
from app.ui.subjects.page import SubjectsPage
from app.ui.subjects.table_model import KIND, NAME, STT, UNIT


def make_page(qtbot, db) -> SubjectsPage:
    widget = SubjectsPage(db)
    qtbot.addWidget(widget)
    widget.resize(1093, 614)
    widget.show()
    widget.on_shown()
    return widget


@pytest.fixture
def page(qtbot, commune_db, people) -> SubjectsPage:
    return make_page(qtbot, commune_db)


def listed(page: SubjectsPage, column: int = NAME) -> list[str]:
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def test_a_header_click_sorts_by_that_column_and_again_the_other_way(qtbot, page) -> None:
    assert page.query().sort == "name"
    click_header(qtbot, page.table, KIND)
    assert (page.query().sort, page.query().descending) == ("kind", False)
    assert listed(page, KIND) == ["Cá nhân", "Cá nhân", "Cá nhân", "Hộ gia đình", "Tập thể"]
    assert listed(page, STT) == ["1", "2", "3", "4", "5"]
    click_header(qtbot, page.table, KIND)
    assert page.query().descending
    assert listed(page, KIND) == ["Tập thể", "Hộ gia đình", "Cá nhân", "Cá nhân", "Cá nhân"]
    click_header(qtbot, page.table, UNIT)  # empty units last, whichever way
    assert listed(page, UNIT)[-1] == ""


def test_the_number_column_goes_back_to_the_official_order(qtbot, page) -> None:
    before = listed(page)
    click_header(qtbot, page.table, KIND)
    click_header(qtbot, page.table, STT)
    assert page.query().sort == "name" and not page.query().descending
    assert listed(page) == before


def test_enter_opens_the_selected_row(qtbot, page) -> None:
    page.table.selectRow(listed(page).index("Trần Thị Lan"))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.findChild(SubjectDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Sửa: Trần Thị Lan"
    dialog.reject()


def test_widths_order_and_sort_are_remembered(qtbot, commune_db, people) -> None:
    first = make_page(qtbot, commune_db)
    header = first.table.horizontalHeader()
    header.resizeSection(UNIT, 233)
    header.moveSection(header.visualIndex(UNIT), 1)
    click_header(qtbot, first.table, UNIT)
    first.column_layout.save()
    again = make_page(qtbot, commune_db)
    header = again.table.horizontalHeader()
    assert header.sectionSize(UNIT) == 233
    assert header.visualIndex(UNIT) == 1
    assert again.query().sort == "unit_name"
    assert header.sectionsMovable()


def test_long_text_shows_whole_on_hover(page) -> None:
    row = listed(page).index("Chi hội Phụ nữ thôn Đông")
    index = page.model.index(row, NAME)
    assert page.model.data(index, Qt.ItemDataRole.ToolTipRole) == "Chi hội Phụ nữ thôn Đông"
