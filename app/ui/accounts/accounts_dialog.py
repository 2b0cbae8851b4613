"""Tệp → Tài khoản người dùng…: the accounts with their roles; add, edit, reset a password, stop or
resume using one. Accounts are never deleted: the audit trail names them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.accounts import AccountRow, list_accounts, set_active
from app.services.workspace import Database
from app.ui.accounts.account_dialog import AccountDialog
from app.ui.accounts.password_dialog import PasswordDialog
from app.ui.kit import messages
from app.ui.kit.operations import service_call
from app.ui.kit.row_table import RowColumn, RowTableModel, row_table_view, select_id, selected_row, sort_names
from app.ui.kit.table_columns import ColumnLayout, query_sort, sort_by_query
from app.ui.kit.widgets import add_button, restore_geometry, save_geometry

NO_ACCOUNTS = ("Chưa có tài khoản nào: Sổ Vàng mở không cần mật khẩu. Khi đã có tài khoản, Sổ Vàng hỏi "
               "tên đăng nhập và mật khẩu mỗi lần mở, và nhật ký ghi rõ ai đã sửa gì. "
               "Tài khoản đầu tiên phải là Lãnh đạo.")
WITH_ACCOUNTS = ("Sổ Vàng hỏi tên đăng nhập và mật khẩu mỗi lần mở. Tài khoản không xóa được "
                 "(nhật ký vẫn ghi tên), chỉ ngừng sử dụng.")


def _last_login(row: AccountRow) -> str:
    return f"{row.last_login_at:%d/%m/%Y %H:%M}" if row.last_login_at else "Chưa đăng nhập"


COLUMNS = [
    RowColumn("Tên đăng nhập", lambda r: r.username, 130, sort="username"),
    RowColumn("Họ và tên", lambda r: r.full_name, 200, stretch=True, sort="full_name"),
    RowColumn("Vai trò", lambda r: r.role.label, 130, sort="role"),
    RowColumn("Trạng thái", lambda r: r.status_label, 120, sort="active"),
    RowColumn("Đăng nhập lần cuối", lambda r: _last_login(r), 140, sort="last_login_at"),
]
SORTS = sort_names(COLUMNS)
STATUS = 3  # the first order: accounts in use first


class AccountsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Tài khoản người dùng")
        self.intro = QLabel(wordWrap=True)
        self.model = RowTableModel(COLUMNS, self)
        self.table = row_table_view(self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.edit_account())
        columns = ColumnLayout(self.table, db.data_dir, "AccountsDialog")  # widths, order and sort kept
        sort_by_query(self.table, SORTS, self._resorted, STATUS, restored=columns.restored)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_buttons())
        self.reload()
        if not restore_geometry(self, "accounts_dialog", db.data_dir):
            self.resize(820, 380)

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = add_button(row, "Thêm tài khoản…", self.add_account)
        self.edit_button = add_button(row, "Sửa…", self.edit_account)
        self.password_button = add_button(row, "Đặt lại mật khẩu…", self.reset_password)
        self.active_button = add_button(row, "Ngừng sử dụng", self.toggle_active)
        row.addStretch(1)
        close = QPushButton("Đóng")
        close.clicked.connect(self.accept)
        row.addWidget(close)
        return row

    def reload(self, select: int | None = None) -> None:
        sort, descending = query_sort(self.table, SORTS)
        rows = list_accounts(self.db, sort=sort, descending=descending)
        self.model.set_rows(rows)
        self.intro.setText(WITH_ACCOUNTS if rows else NO_ACCOUNTS)
        if not select_id(self.table, select) and rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> AccountRow | None:
        return selected_row(self.table)

    def _resorted(self) -> None:
        chosen = self.selected()
        self.reload(chosen.id if chosen else None)

    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.edit_button, self.password_button, self.active_button):
            button.setEnabled(row is not None)
        self.active_button.setText("Dùng lại" if row is not None and not row.active else "Ngừng sử dụng")

    def _open(self, dialog: QDialog, select: Callable[[], int | None]) -> None:
        """A child dialog; once it saved, the list is reloaded with `select()`'s account selected."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.reload(select()))
        dialog.open()

    def add_account(self) -> None:
        dialog = AccountDialog(self.db, first=self.model.rowCount() == 0, parent=self)
        self._open(dialog, lambda: dialog.saved.id)

    def edit_account(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(AccountDialog(self.db, row, parent=self), lambda: row.id)

    def reset_password(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(PasswordDialog(self.db, row, parent=self), lambda: row.id)

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.active and not messages.ask_yes_no(
                self, f"Ngừng sử dụng tài khoản “{row.username}” ({row.full_name})? "
                      "Người này sẽ không đăng nhập được nữa; có thể dùng lại sau."):
            return
        with service_call(self):
            set_active(self.db, row.id, not row.active, row.version)
        self.reload(row.id)

    def done(self, result: int) -> None:
        save_geometry(self, "accounts_dialog", self.db.data_dir)
        super().done(result)
