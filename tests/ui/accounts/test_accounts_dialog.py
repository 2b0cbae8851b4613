"""Tệp → Tài khoản người dùng…: adding the first leader, inline errors, stopping and resuming an
account, the last leader kept, resetting a password; the menu and status bar follow the person."""

from __future__ import annotations

import pytest
from account_helpers import PASSWORD, add_account, cheap_hashing, leader_and_staff  # noqa: F401
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from qt_typing import type_text

from app.models.enums import UserRole
from app.services.accounts.manage import authenticate, find_account, list_accounts
from app.ui.accounts.account_dialog import AccountDialog
from app.ui.accounts.accounts_dialog import NO_ACCOUNTS, WITH_ACCOUNTS, AccountsDialog
from app.ui.accounts.password_dialog import PasswordDialog
from app.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("cheap_hashing")


@pytest.fixture
def dialog(qtbot, commune_db) -> AccountsDialog:
    widget = AccountsDialog(commune_db)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def child(dialog, kind):
    found = [w for w in dialog.findChildren(kind) if w.isVisible()]
    assert len(found) == 1
    return found[0]


def save(qtbot, form) -> None:
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Ok))


def select(dialog: AccountsDialog, username: str) -> None:
    row = next(r for r in dialog.model.rows() if r.username == username)
    dialog.table.selectRow(dialog.model.row_of(row.id))


def test_the_first_account_is_a_leader_typed_in_the_form(qtbot, dialog, commune_db):
    assert dialog.intro.text() == NO_ACCOUNTS and dialog.model.rowCount() == 0
    assert not dialog.edit_button.isEnabled() and not dialog.active_button.isEnabled()
    click(qtbot, dialog.add_button)
    form = child(dialog, AccountDialog)
    assert form.role_combo.currentText() == "Lãnh đạo"
    type_text(form.username_edit, "lan")
    type_text(form.name_edit, "Trần Thị Lan")
    type_text(form.password_edit, PASSWORD)
    type_text(form.again_edit, PASSWORD)
    save(qtbot, form)
    assert not form.isVisible()
    assert [(r.username, r.full_name, r.role) for r in list_accounts(commune_db)] == [
        ("lan", "Trần Thị Lan", UserRole.LEADER)]
    assert dialog.intro.text() == WITH_ACCOUNTS
    assert dialog.model.data(dialog.model.index(0, 2)) == "Lãnh đạo"
    assert dialog.model.data(dialog.model.index(0, 4)) == "Chưa đăng nhập"


def test_bad_fields_are_shown_next_to_them_and_nothing_is_saved(qtbot, dialog, commune_db):
    click(qtbot, dialog.add_button)
    form = child(dialog, AccountDialog)
    type_text(form.username_edit, "Trần Lan")
    type_text(form.password_edit, "ngắn")
    save(qtbot, form)
    assert form.isVisible() and list_accounts(commune_db) == []
    errors = {key: row.error.text() for key, row in form.form.rows.items() if row.error.text()}
    assert set(errors) == {"username", "full_name", "password"}
    assert errors["password"] == "Mật khẩu: phải có ít nhất 8 ký tự."
    form.reject()


def test_the_last_leader_cannot_stop_but_an_officer_can_and_comes_back(
        qtbot, dialog, commune_db, fake_messages):
    leader_and_staff(commune_db)
    dialog.reload()
    select(dialog, "lan")
    click(qtbot, dialog.active_button)
    assert "Lãnh đạo cuối cùng" in fake_messages.errors[-1]
    assert find_account(commune_db, "lan").active
    select(dialog, "duc")
    click(qtbot, dialog.active_button)
    assert "Ngừng sử dụng tài khoản “duc” (Lê Minh Đức)?" in fake_messages.questions[-1]
    assert not find_account(commune_db, "duc").active
    assert dialog.selected().username == "duc" and dialog.active_button.text() == "Dùng lại"
    click(qtbot, dialog.active_button)
    assert find_account(commune_db, "duc").active and dialog.active_button.text() == "Ngừng sử dụng"


def test_edit_keeps_the_user_name_and_changes_the_role(qtbot, dialog, commune_db):
    leader_and_staff(commune_db)
    dialog.reload()
    select(dialog, "hoa")
    click(qtbot, dialog.edit_button)
    form = child(dialog, AccountDialog)
    assert form.username_edit.isReadOnly() and form.password_edit is None
    form.role_combo.setCurrentIndex(form.role_combo.findText("Cán bộ nghiệp vụ"))
    save(qtbot, form)
    assert find_account(commune_db, "hoa").role is UserRole.OFFICER
    assert dialog.selected().username == "hoa"


def test_a_leader_resets_a_forgotten_password(qtbot, dialog, commune_db):
    leader_and_staff(commune_db)
    dialog.reload()
    select(dialog, "duc")
    click(qtbot, dialog.password_button)
    form = child(dialog, PasswordDialog)
    assert form.current_edit is None  # the leader does not know the old one
    type_text(form.new_edit, "mật khẩu mới 1")
    type_text(form.again_edit, "mật khẩu mới 2")
    save(qtbot, form)
    assert form.general_error.text() == "" and form.form.rows["password_again"].error.text() == (
        "Nhập lại mật khẩu: không khớp với mật khẩu đã nhập.")
    form.again_edit.clear()
    type_text(form.again_edit, "mật khẩu mới 1")
    save(qtbot, form)
    assert not form.isVisible()
    assert authenticate(commune_db, "duc", "mật khẩu mới 1").username == "duc"


def make_window(qtbot, db) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    return window


def test_without_accounts_the_menu_offers_accounts_only(qtbot, commune_db):
    access = make_window(qtbot, commune_db).access
    assert access.accounts_action.isVisible() and not access.password_action.isVisible()
    assert not access.lock_action.isEnabled() and not access.user_label.isVisible()


@pytest.mark.parametrize(("username", "status", "manages"), [
    ("lan", "Người dùng: lan — Lãnh đạo", True),
    ("duc", "Người dùng: duc — Cán bộ nghiệp vụ", False),
    ("hoa", "Người dùng: hoa — Chỉ xem", False),
])
def test_the_menu_and_status_bar_follow_the_person(qtbot, commune_db, username, status, manages):
    leader_and_staff(commune_db)
    commune_db.actor = authenticate(commune_db, username, PASSWORD)
    access = make_window(qtbot, commune_db).access
    assert access.user_label.text() == status
    assert access.accounts_action.isVisible() is manages
    assert access.password_action.isVisible() and access.lock_action.isEnabled()
    assert access.lock_action.shortcut().toString() == "Ctrl+L"


def test_own_password_from_the_menu(qtbot, commune_db, fake_messages):
    add_account(commune_db, "lan", UserRole.LEADER, "Trần Thị Lan")
    commune_db.actor = authenticate(commune_db, "lan", PASSWORD)
    window = make_window(qtbot, commune_db)
    window.access.password_action.trigger()
    form = child(window, PasswordDialog)
    type_text(form.current_edit, PASSWORD)
    type_text(form.new_edit, "mật khẩu mới 1")
    type_text(form.again_edit, "mật khẩu mới 1")
    save(qtbot, form)
    assert fake_messages.infos == ["Đã đổi mật khẩu."]
    assert authenticate(commune_db, "lan", "mật khẩu mới 1").username == "lan"
