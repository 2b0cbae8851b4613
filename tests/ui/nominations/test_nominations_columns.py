"""The nominations list's columns: a header click lists again through the query, the nominations chosen
for a step stay chosen, and widths, order and sort are remembered for the next time the page is made."""

from __future__ import annotations

import pytest
from header_clicks import click_header
from nomination_helpers import form_ids, make_round
from PySide6.QtCore import QSettings

from app.services.nominations.crud import create_nomination
from app.services.nominations.data import NominationInput, ReportInput
from app.ui.kit.table_columns import LAYOUT_FILE
from app.ui.nominations.page import NAME, STT, UNIT, NominationsPage

DAT, DUC, LAN = "Nguyễn Văn Đạt", "Lê Minh Đức", "Trần Thị Lan"


@pytest.fixture
def nominated(commune_db, people):
    """Three LĐTT nominations: Đạt and Lan of the village, Đức of no unit."""
    round_id, forms = make_round(commune_db), form_ids(commune_db)
    for name in (LAN, DUC, DAT):
        create_nomination(commune_db, NominationInput(round_id, people[name], forms["LDTT"]),
                          ReportInput(achievements="Hoàn thành tốt nhiệm vụ."))
    return commune_db


def make_page(qtbot, db) -> NominationsPage:
    widget = NominationsPage(db)
    qtbot.addWidget(widget)
    widget.resize(1093, 614)
    widget.show()
    widget.on_shown()
    return widget


def listed(page: NominationsPage, column: int = NAME) -> list[str]:
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def test_a_header_click_lists_again_in_that_order(qtbot, nominated) -> None:
    page = make_page(qtbot, nominated)
    assert listed(page) == [DAT, DUC, LAN], "the official order: given names"
    click_header(qtbot, page.table, NAME)
    assert page.sort() == ("subject_name", False)
    click_header(qtbot, page.table, NAME)
    assert page.sort() == ("subject_name", True)
    assert listed(page) == [LAN, DUC, DAT]
    assert listed(page, STT) == ["1", "2", "3"]
    click_header(qtbot, page.table, UNIT)
    assert listed(page) == [DAT, LAN, DUC], "no unit last"
    click_header(qtbot, page.table, STT)
    assert page.sort() == ("form", False)
    assert listed(page) == [DAT, DUC, LAN]


def test_the_nominations_chosen_stay_chosen_in_the_new_order(qtbot, nominated) -> None:
    page = make_page(qtbot, nominated)
    chosen = {row.id for row in page.model.rows() if row.subject_name in (DAT, LAN)}
    page.select_ids(sorted(chosen))
    click_header(qtbot, page.table, NAME)
    click_header(qtbot, page.table, NAME)
    assert listed(page) == [LAN, DUC, DAT]
    assert set(page.selected_ids()) == chosen
    assert page.selected_ids() == [page.model.rows()[0].id, page.model.rows()[2].id], "in the list's order"


def test_widths_order_and_sort_survive_reopening_the_page(qtbot, nominated) -> None:
    first = make_page(qtbot, nominated)
    header = first.table.horizontalHeader()
    header.resizeSection(UNIT, 233)
    header.moveSection(header.visualIndex(UNIT), 1)
    click_header(qtbot, first.table, UNIT)
    first.column_layout.save()
    saved = QSettings(str(nominated.data_dir / LAYOUT_FILE), QSettings.Format.IniFormat)
    assert "columns/NominationsPage" in saved.allKeys(), "kept under the page's own key"
    again = make_page(qtbot, nominated)
    header = again.table.horizontalHeader()
    assert header.sectionSize(UNIT) == 233
    assert header.visualIndex(UNIT) == 1
    assert again.sort() == ("unit_name", False)
    assert listed(again) == [DAT, LAN, DUC]
