"""Who is working, in the main window: the Tệp menu's account items, the signed-in person in the
status bar ("Người dùng: lan — Lãnh đạo"), and the automatic lock."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu

from app.services.accounts.manage import has_accounts
from app.ui.accounts.idle_lock import IdleLock
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
        self.idle = IdleLock(window, self.db)
        self.idle.actor_changed.connect(self._actor_changed)
        self.refresh()

    def _action(self, menu: QMenu, text: str, slot) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def refresh(self) -> None:
        """Menus and status for the person now working."""
        actor = self.db.actor
        self.accounts_action.setVisible(actor.can_approve)
        self.password_action.setVisible(actor.user_id is not None)
        self.lock_action.setEnabled(has_accounts(self.db))
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
