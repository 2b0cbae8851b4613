"""The checks of tests/ui/fit_checks.py find what they look for, and the kit's remedies pass them: a cut
label, widgets laid over each other, a field too short for "Ặ Ự Ạ", Qt's plain list rows and tab titles."""

from __future__ import annotations

from fit_checks import clipped_texts, overlapping, too_short_for_marks
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QStyleFactory,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.kit.item_rows import roomy_list

NAME = "Ban Chỉ huy Quân sự xã Đạ Huoai"


def shown(qtbot, *widgets: QWidget, row: bool = False) -> QDialog:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QHBoxLayout(dialog) if row else QVBoxLayout(dialog)
    for widget in widgets:
        layout.addWidget(widget)
    dialog.show()
    QApplication.processEvents()
    return dialog


def test_a_label_narrower_than_its_text_is_cut(qtbot) -> None:
    label = QLabel(NAME)
    label.setFixedWidth(60)
    assert clipped_texts(shown(qtbot, label)) and not clipped_texts(shown(qtbot, QLabel(NAME)))


def test_widgets_squeezed_below_their_minimum_lie_over_each_other(qtbot) -> None:
    first, second = QLineEdit(), QLineEdit()
    for edit in (first, second):
        edit.setMinimumWidth(300)
    dialog = shown(qtbot, first, second, row=True)
    assert not overlapping(dialog)
    dialog.setMinimumSize(0, 0)
    dialog.layout().setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
    dialog.resize(400, dialog.height())
    QApplication.processEvents()
    assert overlapping(dialog)


def test_a_field_lower_than_the_marks_is_too_short(qtbot) -> None:
    low = QLineEdit(NAME)
    low.setFixedHeight(14)
    assert too_short_for_marks(shown(qtbot, low)) and not too_short_for_marks(shown(qtbot, QLineEdit(NAME)))


def test_plain_list_rows_touch_the_marks_and_roomy_rows_do_not(qtbot) -> None:
    plain, roomy = QListWidget(), roomy_list()
    for widget in (plain, roomy):
        widget.addItems([NAME, "Ặ Ự Ạ"])
    assert too_short_for_marks(shown(qtbot, plain)) and not too_short_for_marks(shown(qtbot, roomy))


def test_the_apps_style_gives_tab_titles_room_that_plain_fusion_does_not(qtbot) -> None:
    tabs, plain = QTabWidget(), QTabWidget()
    fusion = QStyleFactory.create("Fusion")
    for widget in (tabs, plain):
        for title in ("Thông tin", "Lịch sử khen thưởng", "Tạm dừng xét"):
            widget.addTab(QWidget(), title)
    fusion.setParent(plain)  # it lives as long as the widgets that use it
    plain.setStyle(fusion)
    plain.tabBar().setStyle(fusion)
    assert not too_short_for_marks(shown(qtbot, tabs)) and too_short_for_marks(shown(qtbot, plain))
