"""One account's form: a new account (user name, full name, role, password typed twice), or an
existing one's full name and role (its user name stays: the audit trail names it)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.models.enums import UserRole
from app.services.accounts import AccountChange, AccountInput, AccountRow, create_account, update_account
from app.services.workspace import Database
from app.ui.accounts.password_dialog import password_edit
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.widgets import ErrorLabel, Form, choice_combo, ok_cancel_buttons, select_data

HINT_STYLE = "color: #5f6368;"
ROLE_HINT = ("Lãnh đạo: duyệt, cấp số, ban hành quyết định, ghi kết quả bình xét và quản lý tài khoản. "
             "Cán bộ nghiệp vụ: nhập và sửa hồ sơ. Chỉ xem: chỉ xem, không sửa được gì.")


class AccountDialog(FormDialog):
    """Accepted once the service has saved; `saved` is the account as stored."""

    def __init__(self, db: Database, account: AccountRow | None = None, first: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.account = db, account
        self.saved: AccountRow | None = None
        self.setWindowTitle("Thêm tài khoản" if account is None else f"Sửa tài khoản “{account.username}”")
        self._build(first)
        if account is not None:
            self.username_edit.setText(account.username)
            self.username_edit.setReadOnly(True)
            self.name_edit.setText(account.full_name)
            select_data(self.role_combo, account.role.value)
        elif first:
            select_data(self.role_combo, UserRole.LEADER.value)
        self.resize(520, 0)

    def _build(self, first: bool) -> None:
        self.form = Form()
        self.username_edit = self.form.add_row(
            "username", "Tên đăng nhập", QLineEdit(placeholderText="Ví dụ: lan hoặc nguyen.lan"))
        self.name_edit = self.form.add_row("full_name", "Họ và tên", QLineEdit())
        roles = choice_combo((role.label, role.value) for role in UserRole)
        self.role_combo = self.form.add_row("role", "Vai trò", roles)
        self.password_edit = self.again_edit = None
        if self.account is None:
            self.password_edit = self.form.add_row("password", "Mật khẩu", password_edit())
            self.again_edit = self.form.add_row("password_again", "Nhập lại mật khẩu", password_edit())
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Lưu")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if first:
            layout.addWidget(QLabel("Tài khoản đầu tiên phải là Lãnh đạo.", wordWrap=True))
        layout.addWidget(self.form)
        layout.addWidget(QLabel(ROLE_HINT, wordWrap=True, styleSheet=HINT_STYLE))
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        self.saved = self._save()

    def _save(self) -> AccountRow:
        role = UserRole(self.role_combo.currentData())
        if self.account is None:
            data = AccountInput(self.username_edit.text(), self.name_edit.text(), role,
                                self.password_edit.text(), self.again_edit.text())
            return create_account(self.db, data)
        change = AccountChange(self.name_edit.text(), role, self.account.active, self.account.version)
        return update_account(self.db, self.account.id, change)
