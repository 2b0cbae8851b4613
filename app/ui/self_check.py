"""A self-check of the GUI for the build's check (scripts/check_frozen.py); not a user feature.

With SOVANG_SELF_CHECK=1 in the environment, `run_gui` starts as usual and then, once the main window
is shown, brings every page of `default_pages()` to the front in turn (processing events after each),
closes the window the ordinary way (the backup and check at close included) and quits. The exit status
is 0, or 1 with the reasons on stderr when:
  - a page could not be made or raised while shown (an uncaught exception during the tour),
  - a modal dialog came up (the sign-in or first-run set-up dialog, an error message): it is named on
    stderr and closed, so the check never waits for a person,
  - Qt logged a warning or worse (except the offscreen platform's known one, as in the tests),
  - the main window was not shown and closed within TIME_LIMIT_S (SOVANG_SELF_CHECK_TIMEOUT seconds).

In app/ui/app.py this is two lines: `start_self_check(app)` and `self_check_verdict(...)` around the
exit status.
"""

from __future__ import annotations

import os
import sys
import time
import traceback

from PySide6.QtCore import QEventLoop, QObject, QThreadPool, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget

ENV = "SOVANG_SELF_CHECK"
TIMEOUT_ENV = "SOVANG_SELF_CHECK_TIMEOUT"
TIME_LIMIT_S = 180.0
POLL_MS = 100
SETTLE_MS = 250  # events processed after each page is brought to the front
BACKGROUND_WAIT_S = 30.0  # at most, for a page's background work to end before the next page
# The offscreen platform does not implement this; real platforms do (pyproject.toml's qt_log_ignore).
IGNORED_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)

EXIT_OK, EXIT_FAILED = 0, 1


class SelfCheck(QObject):
    """Watches the start, tours the pages once the main window is shown, then closes it."""

    def __init__(self, app: QApplication, time_limit_s: float = TIME_LIMIT_S) -> None:
        super().__init__(app)
        self.app = app
        self.failures: list[str] = []
        self.pages_shown: list[str] = []
        self.toured = False
        self._touring = False
        self._deadline = time.monotonic() + time_limit_s
        self._time_limit_s = time_limit_s
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        self._previous_handler = qInstallMessageHandler(self._qt_message)

    def fail(self, reason: str) -> None:
        self.failures.append(reason)
        print(f"self-check: {reason}", file=sys.stderr, flush=True)

    # -- watching ----------------------------------------------------------------------------------

    def _qt_message(self, kind: QtMsgType, context, message: str) -> None:
        if message in IGNORED_QT_MESSAGES:
            return
        print(message, file=sys.stderr, flush=True)
        if kind not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            self.failures.append(f"Qt logged: {message}")

    def _poll(self) -> None:
        """Every POLL_MS, in the main loop and in any dialog's: modal dialogs, the time limit, the window."""
        modal = QApplication.activeModalWidget()
        if modal is not None and not isinstance(modal, QProgressDialog):
            self.fail(f"a modal dialog came up and was closed: {describe(modal)}")
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()
            return
        if time.monotonic() > self._deadline:
            shown = ", ".join(self.pages_shown) or "none"
            self.fail(f"not done within {self._time_limit_s:g} s (pages shown: {shown})")
            self._timer.stop()
            QApplication.exit(EXIT_FAILED)  # every running event loop returns
            return
        if not self._touring:
            window = main_window()
            if window is not None and window.isVisible():
                self._touring = True
                QTimer.singleShot(0, lambda: self._tour(window))

    # -- the tour ----------------------------------------------------------------------------------

    def _tour(self, window) -> None:
        from app.ui.pages import default_pages

        previous_hook = sys.excepthook
        sys.excepthook = self._uncaught  # a page's error is reported here, not in the crash dialog
        try:
            self._settle()
            for spec in default_pages():
                self._show(window, spec.key, spec.title)
            self.toured = True
        finally:
            sys.excepthook = previous_hook
        window.close()  # the ordinary close: the app quits when its last window is closed

    def _show(self, window, key: str, title: str) -> None:
        try:
            page = window.page(key)  # made now: an import or constructor error is raised here
            window.show_page(key)  # on_shown() runs in the slot: its errors go to _uncaught
            if window.stack.currentWidget() is not page or not page.isVisible():
                self.fail(f"page {key!r} ({title}) is not the one shown")
        except Exception:
            self.fail(f"page {key!r} ({title}) raised:\n{traceback.format_exc()}")
        self._settle()
        self.pages_shown.append(key)

    def _uncaught(self, exc_type, exc, tb) -> None:
        self.fail("uncaught exception:\n" + "".join(traceback.format_exception(exc_type, exc, tb)))

    def _settle(self) -> None:
        """Process events for SETTLE_MS, then until the background work started by the page has ended."""
        _wait(SETTLE_MS)
        until = time.monotonic() + BACKGROUND_WAIT_S
        while QThreadPool.globalInstance().activeThreadCount() and time.monotonic() < until:
            _wait(POLL_MS)
        _wait(POLL_MS)  # the finished work's queued signals

    def verdict(self, exit_status: int) -> int:
        """The process's exit status once the GUI has returned `exit_status`; the reasons on stderr."""
        self._timer.stop()
        qInstallMessageHandler(self._previous_handler)
        if not self.toured:
            self.fail("the main window was not shown (or the tour of the pages did not end)")
        if exit_status != EXIT_OK:
            self.fail(f"the GUI returned exit status {exit_status}")
        if self.failures:
            print(f"self-check: FAILED ({len(self.failures)} problem(s))", file=sys.stderr, flush=True)
            return EXIT_FAILED
        print(f"self-check: OK, {len(self.pages_shown)} pages shown: {', '.join(self.pages_shown)}",
              flush=True)
        return EXIT_OK


def _wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main_window() -> QWidget | None:
    from app.ui.main_window import MainWindow

    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)


def describe(widget: QWidget) -> str:
    text = f"{type(widget).__name__} “{widget.windowTitle()}”"
    if isinstance(widget, QMessageBox):
        text += f": {widget.text()}"
        if widget.detailedText():
            text += f"\n{widget.detailedText()}"
    return text


def start_self_check(app: QApplication) -> SelfCheck | None:
    """The self-check when SOVANG_SELF_CHECK=1, else None (the GUI is left alone)."""
    if os.environ.get(ENV) != "1":
        return None
    return SelfCheck(app, float(os.environ.get(TIMEOUT_ENV) or TIME_LIMIT_S))


def self_check_verdict(check: SelfCheck | None, exit_status: int) -> int:
    return exit_status if check is None else check.verdict(exit_status)
