"""Help at hand: F1 opens the help page of the screen in front, and every screen has one shipped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.resources import help_dir, help_page
from app.ui.main_window import MainWindow
from app.ui.pages import NOMINATIONS, UNITS, default_pages


@pytest.mark.parametrize("key", [spec.key for spec in default_pages()])
def test_every_page_has_a_help_page(key: str) -> None:
    text = help_page(key)
    assert text is not None, f"{help_dir() / (key + '.md')} is missing: write the help of this screen"
    title = next(spec.title for spec in default_pages() if spec.key == key)
    assert text.startswith(f"# {title}\n"), "a help page opens with the screen's title as in the navigation"


def test_no_help_page_without_a_screen() -> None:
    keys = {spec.key for spec in default_pages()}
    assert {path.stem for path in help_dir().glob("*.md")} <= keys


@pytest.mark.parametrize(("key", "title"), [(UNITS, "Đơn vị"), (NOMINATIONS, "Hồ sơ đề nghị")])
def test_f1_opens_the_help_of_the_page_in_front(qtbot, commune_db, key: str, title: str) -> None:
    window = MainWindow(commune_db)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # a shortcut reaches the active window only
    window.show_page(key)
    qtbot.keyClick(window.page(key), Qt.Key.Key_F1)
    help_window = window.help_window
    assert help_window is not None and help_window.isVisible()
    assert help_window.windowTitle() == f"Hướng dẫn: {title}"
    assert help_window.browser.toPlainText().startswith(title)
    help_window.close()


def test_f1_follows_the_page_and_reuses_the_window(qtbot, commune_db) -> None:
    window = MainWindow(commune_db)
    qtbot.addWidget(window)
    window.show()
    window.show_page(UNITS)
    window.show_help()
    first = window.help_window
    window.show_page(NOMINATIONS)
    window.show_help()
    assert window.help_window is first and first is not None
    assert first.windowTitle() == "Hướng dẫn: Hồ sơ đề nghị"
    first.close()
