"""Typing text, Vietnamese included, into a widget the way a keyboard would: one key event per character.

`qtbot.keyClicks` with non-ASCII text aborts the process on this Qt, so GUI tests type through here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def type_text(widget: QWidget, text: str) -> None:
    """Send one key click per character, with the character as the event's text ("\n" is Return)."""
    for ch in text:
        key = Qt.Key.Key_Return if ch == "\n" else Qt.Key.Key_unknown
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key, ch, NO_MODIFIER)


def replace_text(widget: QWidget, text: str) -> None:
    """Select everything in a line edit and type text over it."""
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)
