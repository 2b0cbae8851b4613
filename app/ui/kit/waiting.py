"""Background work that the caller must wait for: the window's close, the restore at a damaged start.

`run_and_wait` runs the work through `run_in_background` (worker thread, progress dialog, errors routed
as usual) and spins a local event loop until it is over, so the windows stay painted meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QWidget

from app.ui.kit.background import ErrorHandler, run_in_background


@dataclass
class Waited:
    done: bool = False  # False: the work raised (the error was shown or handed to on_error)
    value: Any = None


def run_and_wait(parent: QWidget | None, label: str, work: Callable[[], Any],
                 on_error: ErrorHandler | None = None) -> Waited:
    waited = Waited()

    def finish(value: Any) -> None:
        waited.done, waited.value = True, value

    task = run_in_background(parent, label, work, finish, on_error)
    loop = QEventLoop()
    task.finished.connect(loop.quit)  # queued from the worker: it cannot fire before exec() runs
    loop.exec()
    if parent is None:
        task.deleteLater()
    return waited
