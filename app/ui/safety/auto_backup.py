"""The main window's automatic backup: a timer, a quiet worker thread, a note in the status bar.

Every AUTO_CHECK_MS the timer asks `services.backups.auto_backup`, which backs up only when the data
changed and the last backup is 30 minutes old (storage/backup/backups.py decides). The work runs in a thread
of its own without any dialog, so the user never waits for it; a tick that comes while one is still
running is skipped. What happened is one short note in the status bar (the whole message in its
tooltip): a failure is said there once and stays until a later backup succeeds — never a message box
every few minutes. A bug stops the timer and goes to the crash dialog once.
"""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from app.errors import ServiceError
from app.ui.kit.widgets import ERROR_STYLE

if TYPE_CHECKING:
    from app.services.safety import BackupOutcome

AUTO_CHECK_MS = 5 * 60 * 1000
NOTE_CHARS = 80
WARNING_STYLE = ERROR_STYLE


def short(text: str, limit: int = NOTE_CHARS) -> str:
    """One line of at most `limit` characters (the status bar must not widen the window)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class StatusNote(QLabel):
    """A short note at the right of the status bar, the full text in its tooltip; added when first set."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__()
        self._window = window
        self.setContentsMargins(16, 0, 0, 0)  # apart from the total before it

    def set_note(self, text: str, full: str = "", warning: bool = False) -> None:
        if self.parent() is None:
            self._window.statusBar().addPermanentWidget(self)
        self.setText(short(text))
        self.setToolTip(full or text)
        self.setStyleSheet(WARNING_STYLE if warning else "")


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class AutoBackup(QObject):
    def __init__(self, window: QMainWindow, interval_ms: int = AUTO_CHECK_MS) -> None:
        super().__init__(window)
        self.db = window.db
        self.note = StatusNote(window)
        self._idle = threading.Event()
        self._idle.set()
        self._signals = _Signals(self)
        self._signals.done.connect(self._succeeded)
        self._signals.failed.connect(self._failed)
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.run_once)
        if self.db.is_sqlite:
            self.timer.start()

    @property
    def running(self) -> bool:
        return not self._idle.is_set()

    def run_once(self) -> None:
        """One check now, in a thread of its own (nothing when the previous one still runs)."""
        if self.running:
            return
        # Imported here, in the GUI thread (not by the worker, nor when the window is built).
        from app.services.safety import auto_backup

        self._idle.clear()
        threading.Thread(target=self._work, args=(auto_backup,), name="sao-luu-tu-dong", daemon=True).start()

    def _work(self, auto_backup) -> None:
        try:
            outcome = auto_backup(self.db)
        except BaseException as error:  # handed to the GUI thread, never swallowed
            self._signals.failed.emit(error)
        else:
            self._signals.done.emit(outcome)
        finally:
            self._idle.set()

    def pause(self) -> None:
        self.timer.stop()

    def resume(self) -> None:
        if self.db.is_sqlite:
            self.timer.start()

    def stop(self, wait_s: float) -> None:
        """No more ticks; wait (at most wait_s) for a running backup to end."""
        self.timer.stop()
        self._idle.wait(wait_s)

    def _succeeded(self, outcome: BackupOutcome | None) -> None:
        if outcome is None:
            return  # nothing was due: the last note stays true
        made = f"Đã sao lưu tự động lúc {outcome.backup.created:%H:%M}"
        if outcome.copy_problem:
            self.note.set_note(f"{made}; chưa chép được tới nơi sao lưu thứ hai", outcome.summary(), True)
        else:
            self.note.set_note(made, outcome.summary())

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ServiceError):
            self.note.set_note(f"Sao lưu tự động không được: {error}", str(error), warning=True)
            return
        self.timer.stop()  # a bug would come back every few minutes: say it once
        sys.excepthook(type(error), error, error.__traceback__)
