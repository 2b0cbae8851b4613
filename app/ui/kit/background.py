"""Long work off the GUI thread: one helper that shows progress and routes the result or the error.

    run_in_background(parent, "Đang tạo hồ sơ…", lambda: nominate_unit_ldtt(db, r, u), on_done=show)

The function runs in a worker thread (services open their own session there); the window stays
painted behind a modal progress dialog. A service refusal (ServiceError) goes to `on_error` — by default
a Vietnamese message box —, a bug goes to the crash dialog like any other exception.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import ServiceError
from app.ui.kit import messages

ErrorHandler = Callable[[ServiceError], None]


class _Signals(QObject):
    """Lives on the GUI thread: what the worker emits is queued to it."""

    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._work, self._signals = work, signals

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # handed to the GUI thread, never swallowed
            self._signals.failed.emit(error)
        else:
            self._signals.done.emit(result)


class BackgroundTask(QObject):
    """One run of a function on the thread pool; `finished` fires on the GUI thread when it is over."""

    finished = Signal()

    def __init__(self, parent: QWidget | None, label: str, work: Callable[[], Any],
                 on_done: Callable[[Any], None], on_error: ErrorHandler | None = None) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._on_error = on_error or (lambda error: messages.show_error(parent, str(error)))
        self.progress = QProgressDialog(label, "", 0, 0, parent)
        self.progress.setCancelButton(None)
        self.progress.setWindowTitle("Sổ Vàng")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self._signals = _Signals(self)
        self._signals.done.connect(self._succeeded)
        self._signals.failed.connect(self._failed)
        self._job = _Job(work, self._signals)
        self._job.setAutoDelete(False)  # Python owns it; the pool must not delete it as well

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._job)

    def _stop(self) -> None:
        self.progress.reset()
        self.progress.close()
        self.progress.deleteLater()

    def _succeeded(self, result: Any) -> None:
        self._stop()
        try:
            self._on_done(result)
        finally:
            self.finished.emit()

    def _failed(self, error: BaseException) -> None:
        self._stop()
        try:
            if isinstance(error, ServiceError):
                self._on_error(error)
            else:
                sys.excepthook(type(error), error, error.__traceback__)
        finally:
            self.finished.emit()


# The task stays a child of its parent widget (a small QObject per long operation) rather than being
# deleted when it finishes: whoever waits on `finished` may still hold it.
def run_in_background(parent: QWidget | None, label: str, work: Callable[[], Any],
                      on_done: Callable[[Any], None],
                      on_error: ErrorHandler | None = None) -> BackgroundTask:
    task = BackgroundTask(parent, label, work, on_done, on_error)
    task.start()
    return task
