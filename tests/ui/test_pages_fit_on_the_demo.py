"""Every page on the demo's data (long names, many rounds, full lists) in the main window at a laptop's
1093×614: the window asks for no more, nothing in it is wider than it or laid over another widget, no
label or button is cut off, fields, rows and tabs hold "Ặ Ự Ạ" (tests/ui/fit_checks.py).
SOVANG_GRAB_DIR=folder saves one PNG per page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fit_checks import LAPTOP, fit_problems
from PySide6.QtWidgets import QApplication

from app.ui.main_window import MainWindow
from app.ui.pages import default_pages

GRABS = os.environ.get("SOVANG_GRAB_DIR")


@pytest.mark.parametrize("key", [spec.key for spec in default_pages()])
def test_the_page_fits_a_laptop_on_the_demo(qtbot, make_demo, key: str) -> None:
    db, _summary = make_demo()
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(LAPTOP)
    window.show()
    window.show_page(key)
    QApplication.processEvents()  # the page's data loaded, its layout settled
    if GRABS:
        window.grab().save(str(Path(GRABS) / f"demo-{key}.png"))
    assert window.minimumSizeHint().width() <= LAPTOP.width(), window.minimumSizeHint()
    assert window.size() == LAPTOP
    problems = fit_problems(window)
    assert not problems, "\n".join(problems)
