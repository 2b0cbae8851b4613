"""The decisions list on the demo in a laptop's 1093×614 window: every decision in view above the panel,
every column at least its declared width and all of them in view, no header cut."""

from __future__ import annotations

from fit_checks import LAPTOP
from PySide6.QtWidgets import QApplication

from app.ui.decisions.page import DecisionsPage
from app.ui.main_window import MainWindow


def test_the_decisions_list_fits_a_laptop(qtbot, make_demo):
    db, _summary = make_demo()
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(LAPTOP)
    window.show()
    window.show_page("decisions")
    QApplication.processEvents()
    page = window.findChildren(DecisionsPage)[0]
    table, header = page.table, page.table.horizontalHeader()
    for number, column in enumerate(page.model.columns):
        assert table.columnWidth(number) >= column.width, column.header
        assert table.columnWidth(number) >= header.sectionSizeHint(number), f"header cut: {column.header}"
    assert header.length() <= table.viewport().width()
    money = page.model.columns.index(next(c for c in page.model.columns if c.header == "Tổng tiền"))
    assert table.columnWidth(money) >= table.sizeHintForColumn(money), "a sum of money is never cut"
    shown = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert shown >= min(page.model.rowCount(), 6)
