"""Who is working, in the main window: the Tệp menu's account items, the signed-in person in the
status bar ("Người dùng: lan — Lãnh đạo"), and the automatic lock.

Nothing of the accounts services is imported when the window is built (they bring the password
hashing, argon2, with them): at start, whether the app has accounts is known from the person signed in
(`sign_in` lets nobody in without an account once there is one), and the services are imported by the
slots that need them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu

from app.ui.accounts.idle_lock import IdleLock
from app.ui.accounts.presence import accounts_in_use
from app.ui.kit import messages


class AccessControls(QObject):
    def __init__(self, window: QMainWindow, file_menu: QMenu) -> None:
        super().__init__(window)
        self.window, self.db = window, window.db
        file_menu.addSeparator()
        self.accounts_action = self._action(file_menu, "Tài khoản người dùng…", self.edit_accounts)
        self.password_action = self._action(file_menu, "Đổi mật khẩu…", self.change_password)
        self.lock_action = self._action(file_menu, "Khóa màn hình", self.lock_now)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.user_label = QLabel()
        window.statusBar().addPermanentWidget(self.user_label)
        signed_in = self.db.actor.user_id is not None  # signed in: the app has accounts (see sign_in)
        self.idle = IdleLock(window, self.db, accounts=signed_in)
        self.idle.actor_changed.connect(self._actor_changed)
        self.refresh(accounts=signed_in)

    def _action(self, menu: QMenu, text: str, slot) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def refresh(self, accounts: bool | None = None) -> None:
        """Menus and status for the person now working (`accounts`: whether the app has accounts, when
        the caller knows; else it is asked)."""
        actor = self.db.actor
        self.accounts_action.setVisible(actor.can_approve)
        self.password_action.setVisible(actor.user_id is not None)
        self.lock_action.setEnabled(accounts_in_use(self.db) if accounts is None else accounts)
        self.user_label.setText(f"Người dùng: {actor.username} — {actor.role.label}" if actor.role else "")
        self.user_label.setVisible(actor.role is not None)

    def settings_changed(self) -> None:
        self.idle.reload()

    def edit_accounts(self) -> None:
        from app.ui.accounts.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self.db, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._accounts_closed)
        dialog.open()

    def _accounts_closed(self) -> None:
        self.refresh()
        self.idle.reload()

    def change_password(self) -> None:
        from app.ui.accounts.password_dialog import PasswordDialog

        dialog = PasswordDialog(self.db, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: messages.show_info(self.window, "Đã đổi mật khẩu."))
        dialog.open()

    def lock_now(self) -> None:
        self.idle.lock()

    def _actor_changed(self) -> None:
        self.refresh()
        self.window.refresh_title()
        page = self.window.stack.currentWidget()
        if hasattr(page, "on_shown"):
            page.on_shown()  # buttons follow the new person's role
