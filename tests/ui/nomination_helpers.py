"""Shared by the nomination GUI tests: data made through the services, and widgets driven by hand."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget
from qt_typing import type_text

from app.models.enums import RoundKind
from app.services.catalogue.forms import list_award_forms
from app.services.rounds import RoundInput, create_round
from app.ui.subjects.picker import SubjectPicker

TODAY = dt.date.today()


def form_ids(db) -> dict[str, int]:
    return {form.code: form.id for form in list_award_forms(db)}


def make_round(db, name: str = "", deadline: dt.date | None = None) -> int:
    deadline = deadline or TODAY + dt.timedelta(days=30)
    name = name or f"Tổng kết phong trào thi đua năm {TODAY.year}"
    return create_round(db, RoundInput(name, RoundKind.YEAR_END, TODAY.year, deadline=deadline))


def click(qtbot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def button_named(parent: QWidget, text: str) -> QPushButton:
    return next(b for b in parent.findChildren(QPushButton) if b.text() == text)


def press_ok(qtbot, dialog) -> None:
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))


def choose(combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0, f"{value!r} is not offered"
    combo.setCurrentIndex(index)


def pick_subject(qtbot, picker: SubjectPicker, typed: str, name: str) -> None:
    """Type part of a name into the picker's search box and click the subject in the results."""
    picker.search_edit.setFocus()
    type_text(picker.search_edit, typed)
    qtbot.waitUntil(lambda: not picker._timer.isActive(), timeout=2000)
    texts = [picker.results.item(n).text() for n in range(picker.results.count())]
    row = next(n for n, text in enumerate(texts) if text.startswith(f"{name} —"))
    rect = picker.results.visualItemRect(picker.results.item(row))
    qtbot.mouseClick(picker.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
