"""The statistics page on the demo: filters by year and quarter, the charts fed from the service's counts,
the duty table and the figures table; grabbed at the small window size the app supports."""

from __future__ import annotations

import datetime as dt

import pytest

from app.ui.statistics.page import StatisticsPage

TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def page(qtbot, make_demo) -> StatisticsPage:
    db, _summary = make_demo()
    widget = StatisticsPage(db, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1093, 614)
    widget.show()
    widget.on_shown()
    qtbot.waitUntil(lambda: widget.data is not None, timeout=10_000)
    return widget


def reload(qtbot, page: StatisticsPage, change) -> None:
    page.data = None
    change()
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)


def test_every_year_shows_several_years_of_history(page) -> None:
    years = [label for label, _value, _other in page.charts["by_year"].items]
    assert len(years) >= 5 and years == sorted(years)
    assert page.data.total == sum(value for _label, value, _other in page.charts["by_year"].items)
    assert "lượt khen thưởng (mọi năm)" in page.summary.text()
    assert not page.quarter_combo.isEnabled()
    assert page.figures.rowCount() > 20


def test_a_year_then_a_quarter(qtbot, page) -> None:
    reload(qtbot, page, lambda: page.year_combo.setCurrentIndex(page.year_combo.findData(2025)))
    assert page.current_filter().year == 2025 and page.quarter_combo.isEnabled()
    assert [label for label, _v, _o in page.charts["by_year"].items] == ["2025"]
    assert page.duty_table.rowCount() == 4
    reload(qtbot, page, lambda: page.quarter_combo.setCurrentIndex(page.quarter_combo.findData(4)))
    assert "quý IV năm 2025" in page.summary.text()
    assert page.duty_table.rowCount() == 1 and page.duty_table.item(0, 0).text() == "Quý IV"


def test_the_page_fits_the_smallest_window(page) -> None:
    assert page.width() == 1093 and page.minimumSizeHint().width() <= 1093
    assert not page.grab().isNull()
