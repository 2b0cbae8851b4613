"""The lock screen: curtains over the app's windows (their content hidden, kept as it was) and, above
them, a dialog asking the same person's password, or another person's name and password."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.accounts import Actor, LoginThrottle
from app.services.workspace import Database
from app.ui.accounts.login_dialog import SignInForm

CURTAIN_TEXT = "Sổ Vàng đang khóa."
CURTAIN_COLOR = "#e8ecf1"
CURTAIN_TEXT_STYLE = "font-size: 16pt; color: #44474e;"


class Curtain(QWidget):
    """Covers one window while the app is locked; what the window shows and holds stays untouched."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, CURTAIN_COLOR)
        self.setPalette(palette)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(CURTAIN_TEXT, alignment=Qt.AlignmentFlag.AlignCenter,
                                styleSheet=CURTAIN_TEXT_STYLE))
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            self.setGeometry(self.parentWidget().rect())
        return False

    def lift(self) -> None:
        self.parentWidget().removeEventFilter(self)
        self.hide()
        self.deleteLater()


class LockScreen(QDialog):
    """Application-modal; Esc and the close button do not unlock. Accepted with `actor` set."""

    def __init__(self, db: Database, throttle: LoginThrottle, confirm_switch: Callable[[Actor], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.confirm_switch = db, confirm_switch
        self.locked_actor = db.actor
        self.actor: Actor | None = None
        self.setWindowTitle("Sổ Vàng đã khóa")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.who = QLabel(wordWrap=True)
        self.sign_in_form = SignInForm(db, throttle)
        self.unlock_button = QPushButton("Mở khóa")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.sign_in_form.waiting_changed.connect(lambda waiting: self.unlock_button.setEnabled(not waiting))
        self.other_button = QPushButton("Đăng nhập tài khoản khác")
        self.other_button.clicked.connect(self.use_other_account)
        buttons = QHBoxLayout()
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.sign_in_form)
        layout.addLayout(buttons)
        self._show_account(self.locked_actor if self.locked_actor.user_id is not None else None)
        self.resize(460, 0)

    def _show_account(self, actor: Actor | None) -> None:
        """Ask this person's password, or (None) any person's name and password."""
        form = self.sign_in_form
        form.password_edit.clear()
        form.username_edit.setText(actor.username if actor else "")
        form.username_edit.setEnabled(actor is None)
        self.other_button.setVisible(actor is not None)
        if actor is not None:
            self.who.setText(f"Sổ Vàng đã khóa. Người dùng: {actor.username} — {actor.role.label}.\n"
                             "Nhập mật khẩu để mở khóa.")
        else:
            self.who.setText("Sổ Vàng đã khóa. Nhập tên đăng nhập và mật khẩu để làm việc tiếp.")
        form.focus_first_empty()

    def use_other_account(self) -> None:
        self._show_account(None)

    def try_unlock(self) -> None:
        actor = self.sign_in_form.try_sign_in()
        if actor is None:
            return
        if actor.user_id != self.locked_actor.user_id and not self.confirm_switch(actor):
            self.sign_in_form.password_edit.clear()
            return
        self.actor = actor
        self.accept()

    def reject(self) -> None:
        """Esc does not unlock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.actor is None:
            event.ignore()
        else:
            super().closeEvent(event)
