"""The nominations list on the demo in a laptop's 1093×614 window: every column at least its declared
width (none squeezed to "La…"), all of them in view without scrolling sideways, and the list given more
rows than the three its panel's natural height left it."""

from __future__ import annotations

from fit_checks import LAPTOP
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

from app.ui.kit.table_columns import fit_columns
from app.ui.main_window import MainWindow
from app.ui.nominations.page import NominationsPage


def _nominations_page(qtbot, db) -> NominationsPage:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(LAPTOP)
    window.show()
    window.show_page("nominations")
    QApplication.processEvents()
    return window.findChildren(NominationsPage)[0]


def test_every_column_keeps_its_width_and_all_are_in_view(qtbot, make_demo):
    page = _nominations_page(qtbot, make_demo()[0])
    table = page.table
    for number, column in enumerate(page.model.columns):
        assert table.columnWidth(number) >= column.width, column.header
    assert table.horizontalHeader().length() <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()


def test_the_list_shows_more_than_three_rows(qtbot, make_demo):
    page = _nominations_page(qtbot, make_demo()[0])
    rows_seen = page.table.viewport().height() // page.table.verticalHeader().defaultSectionSize()
    assert rows_seen >= 6
    assert page.splitter.sizes()[1] >= page.splitter.widget(1).minimumSizeHint().height()


def _squeezed_table(qtbot, declared: dict[int, int]) -> QTableView:
    from app.ui.kit.row_table import RowColumn, RowTableModel, row_table_view

    columns = [RowColumn(f"Cột {n}", lambda r, n=n: r[n] * 40, width, stretch=n == 1)
               for n, width in declared.items()]
    model = RowTableModel(columns)
    table = row_table_view(model)
    qtbot.addWidget(table)
    table.resize(400, 200)
    table.show()
    model.set_rows([type("Row", (), {"id": 1, "__getitem__": lambda self, n: "Ặ"})()])
    return table


def test_a_stretched_column_is_never_squeezed_below_its_width(qtbot):
    table = _squeezed_table(qtbot, {0: 150, 1: 200, 2: 150})  # 500 px declared in a 400 px table
    fit_columns(table, {0: 150, 1: 200, 2: 150})
    header = table.horizontalHeader()
    assert table.columnWidth(1) == 200
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Interactive, "the list scrolls sideways"


def test_content_is_given_only_the_room_there_is(qtbot):
    table = _squeezed_table(qtbot, {0: 60, 1: 100, 2: 60})  # the texts ask far more than 400 px
    fit_columns(table, {0: 60, 1: 100, 2: 60})
    fitted = table.columnWidth(0) + table.columnWidth(2)
    assert 120 < fitted <= table.viewport().width() - 100
    assert table.columnWidth(1) >= 100


def test_a_squeezed_list_stretches_again_in_a_wide_window(qtbot):
    table = _squeezed_table(qtbot, {0: 150, 1: 200, 2: 150})  # 500 px declared in a 400 px table
    fit_columns(table, {0: 150, 1: 200, 2: 150})
    assert table.horizontalHeader().sectionResizeMode(1) == QHeaderView.ResizeMode.Interactive
    table.resize(1200, 200)
    qtbot.waitUntil(lambda: table.horizontalHeader().length() >= table.viewport().width() - 1)
    assert table.horizontalHeader().sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    assert table.columnWidth(1) > 200, "the stretched column takes the room the wide window gives"
    table.resize(400, 200)
    qtbot.waitUntil(lambda: table.columnWidth(1) == 200)
    assert table.horizontalHeader().sectionResizeMode(1) == QHeaderView.ResizeMode.Interactive
