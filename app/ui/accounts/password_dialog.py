"""A new password typed twice: for one's own account ("Đổi mật khẩu…", the current one asked first),
or, by a leader, for another account ("Đặt lại mật khẩu…")."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.services.accounts import MIN_LENGTH, AccountRow, change_own_password, reset_password
from app.services.workspace import Database
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.widgets import ErrorLabel, Form, ok_cancel_buttons


def password_edit() -> QLineEdit:
    """A line edit that shows dots instead of what is typed."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PasswordDialog(FormDialog):
    """Accepted once the service has saved the new password (its hash)."""

    def __init__(self, db: Database, account: AccountRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.account = db, account
        self.setWindowTitle("Đổi mật khẩu" if account is None else "Đặt lại mật khẩu")
        self._build()
        self.resize(480, 0)

    def _build(self) -> None:
        own = self.account is None
        whose = self.db.actor.label if own else f"{self.account.username} ({self.account.full_name})"
        self.form = Form()
        self.current_edit = None
        if own:
            self.current_edit = self.form.add_row("current", "Mật khẩu hiện tại", password_edit())
        self.new_edit = self.form.add_row("password", "Mật khẩu mới", password_edit())
        self.again_edit = self.form.add_row("password_again", "Nhập lại mật khẩu mới", password_edit())
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Lưu")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = f"Tài khoản: {whose}. Mật khẩu có ít nhất {MIN_LENGTH} ký tự."
        for widget in (QLabel(intro, wordWrap=True), self.form, self.general_error, self.buttons):
            layout.addWidget(widget)

    def submit(self) -> None:
        password, again = self.new_edit.text(), self.again_edit.text()
        if self.account is None:
            change_own_password(self.db, self.current_edit.text(), password, again)
        else:
            reset_password(self.db, self.account.id, password, again)
