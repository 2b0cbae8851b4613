"""A click on a column's header sorts a list page through its service's query (not in Qt): the page asks
the service for that column's order, the rows come back in it, a second click reverses it, and the sort
is remembered for the next session (giao-dien.ini)."""

from __future__ import annotations

import pytest
from header_clicks import click_header
from PySide6.QtCore import Qt

from app.rules.vntext import text_sort_key
from app.services import units as units_service
from app.services.rounds import RoundInput, create_round
from app.services.units import UnitInput, create_unit, delete_unit, update_unit
from app.ui.rounds.page import ROUND_COLUMNS, RoundsPage
from app.ui.units import page as units_page
from app.ui.units import table_model as cols
from app.ui.units.page import UnitsPage

HEADS = {"Thôn Ấp Bắc": "Nguyễn Văn Thành", "Thôn Đông": "Lê Thị An", "Trường Mầm non": "",
         "Trạm Y tế": "Trần Bình"}


@pytest.fixture
def asked(monkeypatch) -> list[dict]:
    """What the units page asked list_units for, call by call."""
    calls: list[dict] = []

    def spy(db, text="", **sort):
        calls.append(sort)
        return units_service.list_units(db, text, **sort)

    monkeypatch.setattr(units_page, "list_units", spy)
    return calls


@pytest.fixture
def units(commune_db) -> None:
    for name, head in HEADS.items():
        create_unit(commune_db, UnitInput(name=name, head_name=head))


def _shown(page: UnitsPage, column: int) -> list[str]:
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def _open(qtbot, db) -> UnitsPage:
    page = UnitsPage(db)
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    return page


def test_a_header_click_asks_the_service_for_that_order(qtbot, commune_db, units, asked) -> None:
    page = _open(qtbot, commune_db)
    assert asked[-1] == {"sort": "name", "descending": False}
    assert _shown(page, cols.NAME)[:4] == ["Thôn Ấp Bắc", "Thôn Đông", "Trạm Y tế", "Trường Mầm non"]
    page.table.selectRow(1)  # Thôn Đông

    click_header(qtbot, page.table, cols.HEAD)
    assert asked[-1] == {"sort": "head_name", "descending": False}
    # Official-list order, given name first (An, Bình, Thành), the unit without a head last.
    assert _shown(page, cols.HEAD) == ["Lê Thị An", "Trần Bình", "Nguyễn Văn Thành", ""]
    assert page.selected().name == "Thôn Đông"  # the selected unit stays selected

    click_header(qtbot, page.table, cols.HEAD)
    assert asked[-1] == {"sort": "head_name", "descending": True}
    assert _shown(page, cols.HEAD) == ["Nguyễn Văn Thành", "Trần Bình", "Lê Thị An", ""]  # empty still last
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == cols.HEAD
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_the_sort_is_remembered_for_the_next_session(qtbot, commune_db, units, asked) -> None:
    page = _open(qtbot, commune_db)
    click_header(qtbot, page.table, cols.HEAD)
    click_header(qtbot, page.table, cols.HEAD)
    page.column_layout.save()
    page.close()

    again = _open(qtbot, commune_db)
    assert asked[-1] == {"sort": "head_name", "descending": True}
    assert _shown(again, cols.HEAD)[0] == "Nguyễn Văn Thành"


def test_rounds_sort_by_a_declared_column(qtbot, commune_db) -> None:
    """A page over a RowTableModel: the columns' own sort names (RowColumn.sort) drive the query."""
    rounds = (("Tổng kết năm 2026", 2026), ("Bình xét quý I/2025", 2025), ("Đợt đột xuất 2024", 2024))
    for name, year in rounds:
        create_round(commune_db, RoundInput(name=name, year=year))
    page = RoundsPage(commune_db)
    qtbot.addWidget(page)
    page.show()
    page.on_shown()

    def names() -> list[str]:
        return [page.model.row(n).name for n in range(page.model.rowCount())]

    assert names() == ["Tổng kết năm 2026", "Bình xét quý I/2025", "Đợt đột xuất 2024"]  # newest first
    name_column = next(n for n, column in enumerate(ROUND_COLUMNS) if column.sort == "name")
    click_header(qtbot, page.table, name_column)
    assert names() == ["Bình xét quý I/2025", "Đợt đột xuất 2024", "Tổng kết năm 2026"]  # Đ after D
    click_header(qtbot, page.table, name_column)
    assert names() == ["Tổng kết năm 2026", "Đợt đột xuất 2024", "Bình xét quý I/2025"]


def test_the_audit_trail_sorts_in_the_query_while_paging(qtbot, commune_db, monkeypatch) -> None:
    """The trail reads a page at a time: sorted by a column, the next pages continue that order."""
    from app.ui.audit import page as audit_page
    from app.ui.audit.model import ACTION

    made = [create_unit(commune_db, UnitInput(name=f"Tổ dân phố số {number + 1}")) for number in range(12)]
    for unit_id in made[:4]:  # changed and deleted: "Sửa" and "Xóa" among the "Thêm"
        update_unit(commune_db, unit_id, UnitInput(name=f"Tổ dân phố {unit_id}", head_name="Lê Văn Tám"))
    for unit_id in made[4:7]:
        delete_unit(commune_db, unit_id)
    monkeypatch.setattr(audit_page, "PAGE_SIZE", 5)
    page = audit_page.AuditPage(commune_db)
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    click_header(qtbot, page.table, ACTION)
    while page.model.canFetchMore():
        page.model.fetchMore()
    labels = [page.model.row(n).action.label for n in range(page.model.rowCount())]
    assert len(labels) > 12 and len(set(labels)) >= 3
    assert labels == sorted(labels, key=text_sort_key)  # Sửa, Thêm, Xóa: by the labels shown
