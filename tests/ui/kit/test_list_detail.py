"""The list above its detail panel: the panel at its least height (or its share of a tall window), the
list the rest, through resizes, until the user drags the handle."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from app.ui.kit.list_detail import list_detail_splitter


def _panel(least: int) -> QWidget:
    panel = QWidget()
    layout = QVBoxLayout(panel)
    label = QLabel("Chi tiết")
    label.setMinimumHeight(least)
    layout.addWidget(label)
    return panel


def test_the_panel_gets_its_least_height_and_the_list_the_rest(qtbot):
    panel = _panel(180)
    splitter = list_detail_splitter(QListWidget(), panel)
    qtbot.addWidget(splitter)
    splitter.resize(600, 400)
    splitter.show()
    qtbot.waitExposed(splitter)
    least = panel.minimumSizeHint().height()
    assert splitter.sizes()[1] == least
    assert splitter.sizes()[0] == sum(splitter.sizes()) - least


def test_a_tall_window_gives_the_panel_its_share(qtbot):
    splitter = list_detail_splitter(QListWidget(), _panel(100), panel_share=0.5)
    qtbot.addWidget(splitter)
    splitter.resize(600, 800)
    splitter.show()
    qtbot.waitExposed(splitter)
    total = sum(splitter.sizes())
    assert abs(splitter.sizes()[1] - total // 2) <= 1


def test_after_the_user_drags_the_handle_their_choice_stands(qtbot):
    splitter = list_detail_splitter(QListWidget(), _panel(100))
    qtbot.addWidget(splitter)
    splitter.resize(600, 500)
    splitter.show()
    qtbot.waitExposed(splitter)
    splitter.splitterMoved.emit(120, 1)  # what a drag of the handle emits
    splitter.setSizes([120, sum(splitter.sizes()) - 120])
    splitter.resize(600, 520)
    qtbot.wait(10)
    assert abs(splitter.sizes()[0] - 120) <= 10, "the user's height stands, not re-balanced"
