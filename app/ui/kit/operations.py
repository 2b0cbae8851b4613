"""Running one service call for one user action: a wait cursor, and refusals shown in Vietnamese."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from app.errors import ServiceError, ValidationError
from app.ui.kit import messages


@dataclass
class Outcome:
    ok: bool = True


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while the block runs (synchronous work on the GUI thread)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


@contextlib.contextmanager
def service_call(parent: QWidget | None) -> Iterator[Outcome]:
    """Run the block; a service refusal (not a validation error) is shown in a message box.

    Validation errors propagate so the form can show them next to the fields.
    """
    outcome = Outcome()
    try:
        with busy():
            yield outcome
    except ValidationError:
        raise
    except ServiceError as exc:
        outcome.ok = False
        messages.show_error(parent, str(exc))
