"""Signing in: the user name and password form (shared with the lock screen) and the dialog shown
before the main window when the app has accounts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.services.workspace import Database
from app.ui.accounts.presence import accounts_in_use
from app.ui.kit.operations import busy
from app.ui.kit.widgets import ErrorLabel, Form, ok_cancel_buttons

if TYPE_CHECKING:  # the accounts services (and argon2) are imported when someone signs in
    from app.services.accounts import Actor, LoginThrottle

HINT_STYLE = "color: #5f6368;"
FORGOT_HINT = ("Quên mật khẩu? Nhờ lãnh đạo đặt lại trong Tệp › Tài khoản người dùng,\n"
               "hoặc người quản trị máy này chạy lệnh: sovang user passwd TÊN_ĐĂNG_NHẬP")


class SignInForm(QWidget):
    """User name, password and the message; after five wrong tries, the next one waits 30 seconds."""

    waiting_changed = Signal(bool)  # True while a try must wait

    def __init__(self, db: Database, throttle: LoginThrottle | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.services.accounts import LoginThrottle

        self.db = db
        self.throttle = throttle or LoginThrottle()
        self.form = Form()
        self.username_edit = self.form.add_row("username", "Tên đăng nhập", QLineEdit())
        self.password_edit = self.form.add_row("password", "Mật khẩu", QLineEdit())
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = ErrorLabel()
        self.tick = QTimer(self, interval=1000)
        self.tick.timeout.connect(self.show_wait)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        layout.addWidget(self.message)

    def focus_first_empty(self) -> None:
        empty = self.username_edit.isEnabled() and not self.username_edit.text()
        (self.username_edit if empty else self.password_edit).setFocus()

    def try_sign_in(self) -> Actor | None:
        """The person, or None with the message shown (the password field is emptied)."""
        from app.services.accounts import SignInError, authenticate

        if self.show_wait():
            return None
        try:
            with busy():
                actor = authenticate(self.db, self.username_edit.text(), self.password_edit.text())
        except SignInError as exc:
            self.throttle.failed()
            self.password_edit.clear()
            self.password_edit.setFocus()
            if not self.show_wait():
                self.message.set_message(str(exc))
            return None
        self.throttle.succeeded()
        self.message.set_message("")
        return actor

    def show_wait(self) -> bool:
        """Show how long to wait (True), or clear the wait once it is over (False)."""
        waiting = self.throttle.wait_seconds() > 0
        if waiting:
            self.message.set_message(self.throttle.wait_message())
            self.tick.start()
        elif self.tick.isActive():
            self.tick.stop()
            self.message.set_message("")
        self.waiting_changed.emit(waiting)
        return waiting


class LoginDialog(QDialog):
    """Accepted with `actor` set to the person who signed in; "Thoát" leaves the app."""

    def __init__(self, db: Database, throttle: LoginThrottle | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle("Đăng nhập — Sổ Vàng")
        self.sign_in_form = SignInForm(db, throttle)
        self.buttons = ok_cancel_buttons("Đăng nhập")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Thoát")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_form.waiting_changed.connect(lambda waiting: ok.setEnabled(not waiting))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Hãy đăng nhập để làm việc với Sổ Vàng."))
        layout.addWidget(self.sign_in_form)
        layout.addWidget(QLabel(FORGOT_HINT, styleSheet=HINT_STYLE))
        layout.addWidget(self.buttons)
        self.sign_in_form.focus_first_empty()

    def accept(self) -> None:
        actor = self.sign_in_form.try_sign_in()
        if actor is not None:
            self.actor = actor
            super().accept()


def sign_in(db: Database, parent: QWidget | None = None) -> bool:
    """Ask who is working when the app has accounts (db.actor becomes that person).

    False when the person chose "Thoát"; True at once when there are no accounts.
    """
    if not accounts_in_use(db):
        return True
    dialog = LoginDialog(db, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return False
    db.actor = dialog.actor
    return True
