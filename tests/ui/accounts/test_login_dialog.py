"""Signing in before the main window: typed name and password, one message for any mistake, and a
30-second wait after five wrong tries (measured with an injected clock)."""

from __future__ import annotations

import pytest
from account_helpers import PASSWORD, cheap_hashing, leader_and_staff  # noqa: F401 - fixture
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from qt_typing import type_text

from app.models.enums import UserRole
from app.services.accounts.passwords import LoginThrottle
from app.ui.accounts.login_dialog import FORGOT_HINT, LoginDialog, sign_in
from app.ui.app import run_gui
from app.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("cheap_hashing")
WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."


class FakeClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def dialog(qtbot, commune_db, clock) -> LoginDialog:
    leader_and_staff(commune_db)
    widget = LoginDialog(commune_db, LoginThrottle(clock))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def ok_button(dialog: LoginDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def attempt(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    form = dialog.sign_in_form
    form.username_edit.clear()
    form.password_edit.clear()
    type_text(form.username_edit, username)
    type_text(form.password_edit, password + "\n")  # Enter presses "Đăng nhập"


def test_typed_name_and_password_sign_in(qtbot, dialog):
    assert ok_button(dialog).text() == "Đăng nhập"
    assert dialog.sign_in_form.password_edit.echoMode().name == "Password"
    attempt(qtbot, dialog, "Lan", PASSWORD)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert (dialog.actor.username, dialog.actor.role) == ("lan", UserRole.LEADER)


def test_a_wrong_password_says_only_that_and_empties_the_field(qtbot, dialog):
    attempt(qtbot, dialog, "lan", "mật khẩu sai")
    form = dialog.sign_in_form
    assert dialog.isVisible() and dialog.actor is None
    assert form.message.text() == WRONG and form.message.isVisible()
    assert form.password_edit.text() == "" and form.username_edit.text() == "lan"
    attempt(qtbot, dialog, "khong-co-ai", PASSWORD)
    assert form.message.text() == WRONG


def test_five_wrong_tries_make_the_next_wait_thirty_seconds(qtbot, dialog, clock):
    for _ in range(5):
        attempt(qtbot, dialog, "lan", "mật khẩu sai")
    form = dialog.sign_in_form
    assert form.message.text() == "Đã nhập sai 5 lần liên tiếp. Hãy chờ 30 giây rồi thử lại."
    assert not ok_button(dialog).isEnabled() and form.tick.isActive()
    clock.now += 12
    form.show_wait()  # what the one-second tick does
    assert form.message.text().endswith("Hãy chờ 18 giây rồi thử lại.")
    attempt(qtbot, dialog, "lan", PASSWORD)  # Enter while waiting: not even tried
    assert dialog.isVisible() and dialog.actor is None
    clock.now += 18
    form.show_wait()
    assert ok_button(dialog).isEnabled() and form.message.text() == "" and not form.tick.isActive()
    attempt(qtbot, dialog, "lan", PASSWORD)
    assert dialog.actor is not None and dialog.actor.username == "lan"


def answer_login(username: str, password: str | None) -> None:
    """When the login dialog opens (modal), type into it, or press "Thoát" when password is None."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        if password is None:
            dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
            return
        type_text(dialog.sign_in_form.username_edit, username)
        type_text(dialog.sign_in_form.password_edit, password)
        ok_button(dialog).click()

    QTimer.singleShot(0, answer)


def test_without_accounts_nobody_is_asked(commune_db):
    before = commune_db.actor
    assert sign_in(commune_db) and commune_db.actor is before


def test_with_accounts_the_app_asks_and_works_as_that_person(qtbot, commune_db):
    leader_and_staff(commune_db)
    answer_login("duc", PASSWORD)
    assert sign_in(commune_db)
    assert (commune_db.actor.username, commune_db.actor.role) == ("duc", UserRole.OFFICER)


def test_thoat_leaves_without_signing_in(qtbot, commune_db):
    leader_and_staff(commune_db)
    before = commune_db.actor
    answer_login("", None)
    assert not sign_in(commune_db)
    assert commune_db.actor is before


def test_the_dialog_explains_the_way_back(dialog):
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert FORGOT_HINT in texts and "sovang user passwd" in FORGOT_HINT


def fill_and_sign_in(username: str, password: str):
    def exec_(dialog: LoginDialog) -> int:
        type_text(dialog.sign_in_form.username_edit, username)
        type_text(dialog.sign_in_form.password_edit, password)
        dialog.accept()
        return dialog.result()

    return exec_


def close_main_window_soon(seen: list[str]) -> None:
    def close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.extend(w.access.user_label.text() for w in windows)
        for window in windows:
            window.close()
        if not windows:
            QApplication.quit()

    QTimer.singleShot(0, close)


def test_the_app_asks_before_the_main_window_and_shows_who_works(commune_db, data_dir, monkeypatch):
    leader_and_staff(commune_db)
    commune_db.close()
    monkeypatch.setattr(LoginDialog, "exec", fill_and_sign_in("lan", PASSWORD))
    seen: list[str] = []
    close_main_window_soon(seen)
    assert run_gui(data_dir) == 0
    assert seen == ["Người dùng: lan — Lãnh đạo"]


def test_leaving_the_login_opens_no_window(commune_db, data_dir, monkeypatch):
    leader_and_staff(commune_db)
    commune_db.close()
    monkeypatch.setattr(LoginDialog, "exec", lambda dialog: LoginDialog.DialogCode.Rejected)
    assert run_gui(data_dir) == 0
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
