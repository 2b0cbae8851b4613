"""The nominations page's batch bar in the main window at a laptop's 1093×614 (1366×768 at 125 %): the step
button ("Trình Hội đồng 100 hồ sơ đã chọn…") shows whole, once the layout has settled, with none, one and a
hundred nominations selected and for every step. SOVANG_GRAB_DIR=folder saves the window each time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fit_checks import LAPTOP, clipped_texts
from PySide6.QtWidgets import QApplication
from test_nominations_batch_page import choose_step, hundred  # noqa: F401  (the fixture)

from app.services.nominations import BatchStep
from app.ui.main_window import MainWindow
from app.ui.pages import NOMINATIONS

GRABS = os.environ.get("SOVANG_GRAB_DIR")


@pytest.fixture
def window(qtbot, commune_db, hundred) -> MainWindow:  # noqa: F811
    shown = MainWindow(commune_db)
    qtbot.addWidget(shown)
    shown.resize(LAPTOP)
    shown.show()
    shown.show_page(NOMINATIONS)
    shown.page(NOMINATIONS).show_round(hundred[0])
    return shown


@pytest.mark.parametrize("count", [0, 1, 100])
def test_the_step_button_shows_whole_however_many_are_selected(qtbot, window, hundred, count) -> None:  # noqa: F811
    page = window.page(NOMINATIONS)
    page.select_ids(hundred[1][:count])
    for step in BatchStep:
        choose_step(page, step)
        QApplication.processEvents()
        qtbot.wait(10)  # the layout settles after the text changes
        button = page.batch.run_button
        assert len(page.selected_ids()) == count
        assert f"{count} hồ sơ đã chọn" in button.text()
        if GRABS:
            window.grab().save(str(Path(GRABS) / f"batch-bar-{count}-{step.value}.png"))
        assert button.width() >= button.sizeHint().width(), (button.text(), button.width())
        assert not clipped_texts(page.batch), clipped_texts(page.batch)
    assert window.width() == LAPTOP.width()
