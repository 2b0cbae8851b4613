"""Every dialog fits a 1366×768 laptop at Windows' 125 % scaling (1093×614 logical pixels, less a title bar),
opened on the demo: nothing in it wider than it, no label or button cut off, fields and rows tall enough for
"Ặ Ự Ạ". Every tab of a dialog is looked at. SOVANG_GRAB_DIR=folder saves one PNG per dialog and tab."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from dialog_openers import NOT_OPENED_ALONE, OPENERS, dialog_classes
from fit_checks import DIALOG_ROOM, fit_problems
from PySide6.QtWidgets import QApplication, QDialog, QStackedWidget, QTabWidget, QWizard

GRABS = os.environ.get("SOVANG_GRAB_DIR")


def test_every_dialog_class_is_opened_or_excused() -> None:
    missing = set(dialog_classes()) - set(OPENERS) - set(NOT_OPENED_ALONE)
    assert not missing, f"add an opener to tests/ui/dialog_openers.py for {sorted(missing)}"
    gone = (set(OPENERS) | set(NOT_OPENED_ALONE)) - set(dialog_classes())
    assert not gone, f"no such dialog class any more: {sorted(gone)}"


def _show_on_the_laptop(dialog: QDialog) -> None:
    dialog.show()
    QApplication.processEvents()
    dialog.resize(dialog.size().boundedTo(DIALOG_ROOM))
    QApplication.processEvents()


def _states(dialog: QDialog):
    """The dialog as opened, then each page of its tab widgets, stacked widgets and wizard in turn."""
    yield ""
    for number, pages in enumerate(_paged(dialog)):
        for index in range(pages.count()):
            if pages.isVisibleTo(dialog) and index != pages.currentIndex():
                pages.setCurrentIndex(index)
                QApplication.processEvents()
                yield f"-pages{number}.{index}"
    if isinstance(dialog, QWizard):
        while dialog.currentId() != -1 and dialog.nextId() != -1:
            dialog.next()
            QApplication.processEvents()
            yield f"-step{dialog.currentId()}"


def _paged(dialog: QDialog) -> list[QTabWidget | QStackedWidget]:
    """Tab widgets, and stacked widgets but those that tab widgets hold."""
    stacks = [stack for stack in dialog.findChildren(QStackedWidget)
              if not isinstance(stack.parentWidget(), QTabWidget)]
    return [*dialog.findChildren(QTabWidget), *stacks]


@pytest.mark.parametrize("name", sorted(OPENERS))
def test_the_dialog_fits_a_laptop(qtbot, make_demo, name: str) -> None:
    db, _summary = make_demo()
    dialog = OPENERS[name](db)
    qtbot.addWidget(dialog)
    _show_on_the_laptop(dialog)
    short = name.rsplit(".", 1)[-1]
    minimum = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    assert DIALOG_ROOM.expandedTo(minimum) == DIALOG_ROOM, f"{short} needs at least {minimum.toTuple()}"
    assert DIALOG_ROOM.expandedTo(dialog.size()) == DIALOG_ROOM, f"{short} opens at {dialog.size().toTuple()}"
    problems = []
    for state in _states(dialog):
        if GRABS:
            dialog.grab().save(str(Path(GRABS) / f"{short}{state}.png"))
        problems += [f"{state or 'opened'}: {problem}" for problem in fit_problems(dialog)]
    assert not problems, "\n".join(problems)
