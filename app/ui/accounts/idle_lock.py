"""The automatic lock: after "Tự khóa sau (phút)" minutes without keyboard or mouse, and only when
the app has accounts, every window is covered and the lock screen asks for a password.

Open dialogs stay open under their curtains and keep what was typed in them; the same person
unlocking finds them as they were. Another person may sign in instead, but only after agreeing
that the windows left open by the previous person are closed (nothing in them is saved), so that
nobody saves someone else's work under their own name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shiboken6 import isValid

from app.services.settings import LOCK_MINUTES, get_setting
from app.services.workspace import Database
from app.ui.accounts.presence import accounts_in_use
from app.ui.kit import messages

if TYPE_CHECKING:  # imported when the window first locks: the password services come with them
    from app.services.accounts import Actor, LoginThrottle
    from app.ui.accounts.lock_screen import Curtain, LockScreen

INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                          QEvent.Type.Wheel})
MS_PER_MINUTE = 60_000


class IdleLock(QObject):
    """Watches the whole application's input; `actor_changed` after an unlock (db.actor refreshed)."""

    actor_changed = Signal()

    def __init__(self, window: QWidget, db: Database, ms_per_minute: int = MS_PER_MINUTE,
                 throttle: LoginThrottle | None = None, accounts: bool | None = None) -> None:
        super().__init__(window)
        self.window, self.db, self.ms_per_minute = window, db, ms_per_minute
        self._throttle = throttle
        self.screen: LockScreen | None = None
        self._curtains: list[Curtain] = []
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.lock)
        self._watching = False
        self.reload(accounts)

    @property
    def throttle(self) -> LoginThrottle:
        """One count of wrong passwords for every lock of this session (made at the first lock)."""
        if self._throttle is None:
            from app.services.accounts import LoginThrottle

            self._throttle = LoginThrottle()
        return self._throttle

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def reload(self, accounts: bool | None = None) -> None:
        """Read the setting again (and whether there are accounts, unless the caller says); restart the
        wait. Without accounts nothing locks, and the setting is not read."""
        if accounts is None:
            accounts = accounts_in_use(self.db)
        minutes = get_setting(self.db, LOCK_MINUTES) if accounts else 0
        self._watch_input(bool(minutes))
        if minutes:
            self.timer.setInterval(minutes * self.ms_per_minute)
            if not self.locked:
                self.timer.start()
        else:
            self.timer.stop()

    def _watch_input(self, watch: bool) -> None:
        """Watch the whole application's input only when the window can lock: a Python filter sees every
        event of every widget (about 30 ms more while the window is built and first painted)."""
        app = QApplication.instance()
        if app is None or watch == self._watching:
            return
        if watch:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = watch

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.timer.isActive() and event.type() in INPUT_EVENTS:
            self.timer.start()  # input: the wait starts again
        return False

    def lock(self) -> None:
        """Cover the windows and ask for a password (nothing happens without accounts)."""
        if self.locked or not accounts_in_use(self.db):
            return
        from app.ui.accounts.lock_screen import Curtain, LockScreen

        self.timer.stop()
        _close_popups()
        self._curtains = [Curtain(window) for window in [self.window, *self.other_windows()]]
        self.screen = LockScreen(self.db, self.throttle, self._confirm_switch, self.window)
        self.screen.accepted.connect(self._unlocked)
        self.screen.show()

    def other_windows(self) -> list[QWidget]:
        """The main window's dialogs and other windows left open (not the lock screen)."""
        return [widget for widget in QApplication.topLevelWidgets()
                if widget.isVisible() and widget is not self.screen and not _is_popup(widget)
                and _belongs_to(widget, self.window)]

    def _confirm_switch(self, actor: Actor) -> bool:
        others = self.other_windows()
        if not others:
            return True
        return messages.ask_yes_no(self.screen, (
            f"{self.db.actor.label} còn {len(others)} cửa sổ đang mở. Đăng nhập bằng tài khoản "
            f"“{actor.label}” sẽ đóng các cửa sổ đó; những gì đang nhập dở trong đó sẽ không được lưu."
            "\n\nTiếp tục?"), "Đăng nhập tài khoản khác")

    def _unlocked(self) -> None:
        screen, self.screen = self.screen, None
        if screen.actor.user_id != self.db.actor.user_id:
            _close(self.other_windows())
        for curtain in self._curtains:
            if isValid(curtain):
                curtain.lift()
        self._curtains = []
        screen.deleteLater()
        self.db.actor = screen.actor  # the same person (their role read again) or another one
        self.actor_changed.emit()
        self.reload()


def _belongs_to(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        parent = parent.parentWidget()
    return parent is window


def _is_popup(widget: QWidget) -> bool:
    return widget.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


def _close_popups() -> None:
    """Open menus and combo lists close (they would stay above the curtains)."""
    for _ in range(10):  # nested menus close one by one
        popup = QApplication.activePopupWidget()
        if popup is None:
            return
        popup.close()


def _close(windows: list[QWidget]) -> None:
    """Close dialogs without their questions ("lưu thay đổi?"): what was typed is dropped."""
    for widget in windows:
        if isinstance(widget, QDialog):
            widget.done(QDialog.DialogCode.Rejected)
        else:
            widget.close()
