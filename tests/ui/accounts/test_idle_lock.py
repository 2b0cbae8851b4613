"""The automatic lock: it covers every window after the idle time (a short one here), keeps open
dialogs as they were, unlocks with the same password, or switches to another person."""

from __future__ import annotations

import pytest
from account_helpers import PASSWORD, cheap_hashing, leader_and_staff  # noqa: F401 - fixture
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from qt_typing import type_text

from app.services.accounts.manage import authenticate
from app.services.settings import LOCK_MINUTES, set_setting
from app.ui.accounts.lock_screen import Curtain, LockScreen
from app.ui.main_window import MainWindow
from app.ui.settings.setup_dialog import SetupDialog

pytestmark = pytest.mark.usefixtures("cheap_hashing")
FAST = 20  # milliseconds for one "minute" of the setting
SLOW = 60_000


def make_window(qtbot, db, ms_per_minute: int = SLOW) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.access.idle.ms_per_minute = ms_per_minute
    window.access.idle.reload()
    return window


@pytest.fixture
def window(qtbot, commune_db) -> MainWindow:
    leader_and_staff(commune_db)
    commune_db.actor = authenticate(commune_db, "lan", PASSWORD)
    set_setting(commune_db, LOCK_MINUTES, 1)
    return make_window(qtbot, commune_db)


def curtains(widget) -> list[Curtain]:
    return [c for c in widget.findChildren(Curtain) if c.isVisible()]


def unlock(screen: LockScreen, password: str, username: str | None = None) -> None:
    form = screen.sign_in_form
    if username is not None:
        type_text(form.username_edit, username)
    type_text(form.password_edit, password)
    QTest.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)


def test_the_window_locks_after_the_idle_time_and_unlocks_with_the_password(qtbot, window):
    idle = window.access.idle
    idle.ms_per_minute = FAST
    idle.reload()
    qtbot.waitUntil(lambda: idle.locked)
    screen = idle.screen
    assert screen.isVisible() and screen.isModal() and curtains(window)
    assert screen.windowModality() == Qt.WindowModality.ApplicationModal
    assert "Người dùng: lan — Lãnh đạo." in screen.who.text()
    assert not screen.sign_in_form.username_edit.isEnabled()
    QTest.keyClick(screen, Qt.Key.Key_Escape)
    assert screen.isVisible() and idle.locked, "Esc does not unlock"
    unlock(screen, "mật khẩu sai")
    assert idle.locked and screen.sign_in_form.message.text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    idle.ms_per_minute = SLOW  # so that it does not lock again while the test looks
    unlock(screen, PASSWORD)
    assert not idle.locked and not curtains(window)
    assert idle.timer.isActive() and idle.timer.interval() == SLOW


class CountingTimer:
    """Stands in for the idle timer: counts the restarts that input causes."""

    def __init__(self) -> None:
        self.starts = 0

    def isActive(self) -> bool:  # noqa: N802 - QTimer's name
        return True

    def start(self) -> None:
        self.starts += 1


def test_keyboard_and_mouse_input_start_the_wait_again(qtbot, window):
    idle = window.access.idle
    idle.timer.stop()
    idle.timer = CountingTimer()
    edit = QLineEdit(window)
    edit.show()
    QTest.keyClick(edit, Qt.Key.Key_A)
    after_key = idle.timer.starts
    point = QPointF(5, 5)
    move = QMouseEvent(QEvent.Type.MouseMove, point, point, Qt.MouseButton.NoButton,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(edit, move)
    assert after_key >= 1 and idle.timer.starts > after_key


def test_zero_minutes_never_locks_and_without_accounts_nothing_locks(qtbot, window, commune_db):
    set_setting(commune_db, LOCK_MINUTES, 0)
    window.access.settings_changed()
    assert not window.access.idle.timer.isActive()


def test_without_accounts_there_is_no_lock(qtbot, commune_db):
    window = make_window(qtbot, commune_db, FAST)
    assert not window.access.idle.timer.isActive()
    window.access.lock_now()
    assert not window.access.idle.locked and not curtains(window)


def open_commune_dialog(window: MainWindow) -> SetupDialog:
    window.edit_commune()
    dialog = next(d for d in window.findChildren(SetupDialog) if d.isVisible())
    dialog.chairman_edit.clear()
    type_text(dialog.chairman_edit, "Nguyễn Văn Mới")
    return dialog


def test_ctrl_l_locks_above_an_open_dialog_and_keeps_what_was_typed(qtbot, window):
    dialog = open_commune_dialog(window)
    window.access.lock_action.trigger()
    idle = window.access.idle
    assert idle.locked and curtains(window) and curtains(dialog)
    unlock(idle.screen, PASSWORD)
    assert not idle.locked and not curtains(dialog)
    assert dialog.isVisible() and dialog.chairman_edit.text() == "Nguyễn Văn Mới"
    dialog.reject()


def test_another_person_signs_in_after_agreeing_to_close_the_open_windows(
        qtbot, window, commune_db, fake_messages):
    dialog = open_commune_dialog(window)
    window.access.lock_now()
    screen = window.access.idle.screen
    QTest.mouseClick(screen.other_button, Qt.MouseButton.LeftButton)
    assert screen.sign_in_form.username_edit.isEnabled() and not screen.other_button.isVisible()
    fake_messages.yes = False
    unlock(screen, PASSWORD, "duc")
    assert window.access.idle.locked and dialog.isVisible()
    assert "còn 1 cửa sổ đang mở" in fake_messages.questions[-1]
    fake_messages.yes = True
    unlock(screen, PASSWORD)  # the name "duc" is still there
    assert not window.access.idle.locked and not dialog.isVisible()
    assert commune_db.actor.username == "duc"
    assert window.access.user_label.text() == "Người dùng: duc — Cán bộ nghiệp vụ"
    assert not window.access.accounts_action.isVisible()
