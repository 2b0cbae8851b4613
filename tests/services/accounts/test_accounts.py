"""Accounts: the first is a leader, names are checked, signing in, passwords, the last leader kept."""

from __future__ import annotations

import dataclasses

import pytest
from account_helpers import PASSWORD, add_account, cheap_hashing, leader_and_staff  # noqa: F401
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from sqlalchemy import select

from app.errors import ConflictError, ServiceError, ValidationError
from app.models.enums import UserRole
from app.models.user import AppUser
from app.services.accounts import passwords
from app.services.accounts.data import AccountChange, AccountInput
from app.services.accounts.manage import (
    SignInError,
    authenticate,
    change_own_password,
    create_account,
    find_account,
    has_accounts,
    list_accounts,
    reset_password,
    set_active,
    update_account,
)

pytestmark = pytest.mark.usefixtures("cheap_hashing")
WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."


def stored_hash(db, username: str) -> str:
    with db.read() as session:
        return session.scalar(select(AppUser.password_hash).where(AppUser.username == username))


def test_no_accounts_means_no_sign_in(db):
    assert not has_accounts(db) and list_accounts(db) == []


def test_the_first_account_must_be_a_leader(db):
    with pytest.raises(ValidationError) as caught:
        add_account(db, "duc", UserRole.OFFICER)
    assert caught.value.errors == {"role": (
        "Vai trò: tài khoản đầu tiên phải là Lãnh đạo, để có người quản lý các tài khoản.")}
    lan = add_account(db, "lan", UserRole.LEADER, "Trần Thị Lan")
    assert has_accounts(db)
    assert (lan.username, lan.full_name, lan.role, lan.active) == (
        "lan", "Trần Thị Lan", UserRole.LEADER, True)
    assert add_account(db, "duc", UserRole.OFFICER).role is UserRole.OFFICER


def test_every_bad_field_is_named_and_nothing_is_saved(db):
    data = AccountInput(" Nguyễn Lan ", "  ", UserRole.LEADER, "1234", "1234")
    with pytest.raises(ValidationError) as caught:
        create_account(db, data)
    assert set(caught.value.errors) == {"username", "full_name", "password"}
    assert caught.value.errors["full_name"] == "Họ và tên: không được để trống."
    assert caught.value.errors["password"] == "Mật khẩu: phải có ít nhất 8 ký tự."
    assert "chữ không dấu" in caught.value.errors["username"]
    assert list_accounts(db) == []


def test_the_password_typed_twice_must_match(db):
    data = AccountInput("lan", "Trần Thị Lan", UserRole.LEADER, PASSWORD, PASSWORD + "x")
    with pytest.raises(ValidationError) as caught:
        create_account(db, data)
    assert caught.value.errors == {"password_again": "Nhập lại mật khẩu: không khớp với mật khẩu đã nhập."}


def test_user_names_are_stored_in_lower_case_and_are_unique(db):
    add_account(db, " Lan.Tran ", UserRole.LEADER)
    assert find_account(db, "LAN.TRAN").username == "lan.tran"
    with pytest.raises(ValidationError) as caught:
        add_account(db, "lan.tran", UserRole.OFFICER)
    assert caught.value.errors == {"username": "Tên đăng nhập: “lan.tran” đã có người dùng."}


def test_the_password_is_stored_only_as_an_argon2id_hash(db):
    add_account(db, "lan", UserRole.LEADER, password=PASSWORD)
    stored = stored_hash(db, "lan")
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_sign_in_gives_the_person_and_records_the_time(db):
    leader_and_staff(db)
    actor = authenticate(db, "Duc", PASSWORD)
    assert (actor.username, actor.full_name, actor.role) == ("duc", "Lê Minh Đức", UserRole.OFFICER)
    assert actor.user_id == find_account(db, "duc").id
    assert find_account(db, "duc").last_login_at is not None
    assert find_account(db, "lan").last_login_at is None


@pytest.mark.parametrize(("username", "password"), [
    ("duc", "sai mật khẩu"), ("khong-co", PASSWORD), ("", ""),
])
def test_a_wrong_name_or_password_says_only_that(db, username, password):
    leader_and_staff(db)
    with pytest.raises(SignInError) as caught:
        authenticate(db, username, password)
    assert str(caught.value) == WRONG
    assert find_account(db, "duc").last_login_at is None


def test_an_account_no_longer_in_use_cannot_sign_in(db):
    accounts = leader_and_staff(db)
    set_active(db, accounts["duc"].id, False)
    with pytest.raises(SignInError, match=WRONG):
        authenticate(db, "duc", PASSWORD)
    assert find_account(db, "duc").status_label == "Ngừng sử dụng"


def test_sign_in_remakes_a_hash_made_with_older_parameters(db, monkeypatch):
    add_account(db, "lan", UserRole.LEADER)
    old = stored_hash(db, "lan")
    stronger = PasswordHasher(time_cost=CHEAPEST.time_cost + 1, memory_cost=CHEAPEST.memory_cost,
                              parallelism=CHEAPEST.parallelism)
    monkeypatch.setattr(passwords, "HASHER", stronger)
    authenticate(db, "lan", PASSWORD)
    new = stored_hash(db, "lan")
    assert new != old and not stronger.check_needs_rehash(new)
    authenticate(db, "lan", PASSWORD)
    assert stored_hash(db, "lan") == new  # remade once, not at every sign-in


def test_the_last_leader_in_use_can_neither_stop_nor_become_something_else(db):
    accounts = leader_and_staff(db)
    lan = accounts["lan"]
    for change in (AccountChange(lan.full_name, UserRole.OFFICER, True),
                   AccountChange(lan.full_name, UserRole.LEADER, False)):
        with pytest.raises(ConflictError, match="lãnh đạo cuối cùng|Lãnh đạo cuối cùng"):
            update_account(db, lan.id, change)
    assert find_account(db, "lan").role is UserRole.LEADER and find_account(db, "lan").active
    add_account(db, "hung", UserRole.LEADER)
    assert not set_active(db, lan.id, False).active  # another leader is in use now


def test_a_leader_no_longer_in_use_does_not_count_as_the_other_leader(db):
    lan = add_account(db, "lan", UserRole.LEADER)
    hung = add_account(db, "hung", UserRole.LEADER)
    set_active(db, hung.id, False)
    with pytest.raises(ConflictError):
        set_active(db, lan.id, False)


def test_an_officer_or_viewer_cannot_manage_accounts(db):
    accounts = leader_and_staff(db)
    for name in ("duc", "hoa"):
        db.actor = accounts[name].actor()
        with pytest.raises(ServiceError, match="Chỉ lãnh đạo mới được quản lý tài khoản người dùng."):
            add_account(db, f"moi{name}", UserRole.VIEWER)
        with pytest.raises(ServiceError, match="Chỉ lãnh đạo mới được"):
            reset_password(db, accounts["lan"].id, "mật khẩu mới 1")
        with pytest.raises(ServiceError, match="Chỉ lãnh đạo mới được"):
            set_active(db, accounts["lan"].id, False)
    assert len(list_accounts(db)) == 3


def test_a_leader_manages_but_not_their_own_role_or_use(db):
    accounts = leader_and_staff(db)
    add_account(db, "hung", UserRole.LEADER)
    db.actor = accounts["lan"].actor()
    duc = accounts["duc"]
    changed = update_account(db, duc.id, AccountChange("Lê Minh Đức ", UserRole.VIEWER, True, duc.version))
    assert (changed.full_name, changed.role, changed.version) == ("Lê Minh Đức", UserRole.VIEWER, 2)
    with pytest.raises(ConflictError, match="vừa được sửa ở nơi khác"):
        update_account(db, duc.id, AccountChange("Lê Minh Đức", UserRole.OFFICER, True, duc.version))
    with pytest.raises(ConflictError, match="tài khoản đang đăng nhập"):
        set_active(db, accounts["lan"].id, False)
    reset_password(db, duc.id, "mật khẩu mới 1", "mật khẩu mới 1")
    assert authenticate(db, "duc", "mật khẩu mới 1").username == "duc"


def test_everyone_changes_their_own_password_with_the_current_one(db):
    accounts = leader_and_staff(db)
    db.actor = accounts["hoa"].actor()  # a viewer may change their own password
    with pytest.raises(ValidationError) as caught:
        change_own_password(db, "sai", "ngắn", "ngắn")
    assert caught.value.errors == {"password": "Mật khẩu: phải có ít nhất 8 ký tự.",
                                   "current": "Mật khẩu hiện tại: không đúng."}
    change_own_password(db, PASSWORD, "mật khẩu mới 1", "mật khẩu mới 1")
    with pytest.raises(SignInError):
        authenticate(db, "hoa", PASSWORD)
    assert authenticate(db, "hoa", "mật khẩu mới 1").role is UserRole.VIEWER


def test_without_signing_in_there_is_no_own_password(db):
    with pytest.raises(ServiceError, match="Chưa đăng nhập"):
        change_own_password(db, "", "mật khẩu mới 1")


def test_an_account_input_is_not_changed_by_cleaning(db):
    data = AccountInput(" LAN ", " Trần  Thị Lan ", UserRole.LEADER, PASSWORD)
    before = dataclasses.replace(data)
    assert create_account(db, data).username == "lan"
    assert data == before


def test_signing_in_does_not_move_the_accounts_version(db):
    """An account form a leader opened before its owner signed in must still save."""
    leader_and_staff(db)
    before = find_account(db, "duc").version
    authenticate(db, "duc", PASSWORD)
    assert find_account(db, "duc").version == before
