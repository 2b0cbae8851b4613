"""The people who use the app: accounts with roles, signing in, and passwords.

Without accounts the app opens as it always did. The first account must be a leader; from then on
the app asks who is working. Accounts are never deleted (the audit trail names them): they stop
being used, and the last leader in use cannot stop or become something else. Leaders (and the
computer's own user, on the command line) manage accounts; everyone may change their own password.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.errors import ConflictError, NotFoundError, ServiceError, ValidationError, Validator
from app.models.enums import UserRole
from app.models.user import AppUser
from app.services.accounts.data import AccountChange, AccountInput, AccountRow
from app.services.accounts.passwords import (
    WRONG_LOGIN,
    hash_password,
    needs_rehash,
    spend_verify_time,
    verify_password,
)
from app.services.accounts.permissions import require_approve
from app.services.accounts.validation import (
    check_full_name,
    check_new_password,
    checked_input,
    clean_username,
)
from app.services.records import check_version
from app.services.sorting import by_label, by_name, order_by
from app.storage.actor import Actor
from app.storage.database import Database
from app.storage.versions import leave_version

MANAGE = "quản lý tài khoản người dùng"
WRONG_CURRENT = "Mật khẩu hiện tại: không đúng."
NOT_SIGNED_IN = "Chưa đăng nhập tài khoản nào nên không có mật khẩu để đổi."


class SignInError(ServiceError):
    """A wrong user name or password (the message never says which)."""


def _row(user: AppUser) -> AccountRow:
    return AccountRow(user.id, user.username, user.full_name, user.role, user.active,
                      user.last_login_at, user.version)


def has_accounts(db: Database) -> bool:
    """Whether the app must ask who is working (some account is in use)."""
    with db.read() as session:
        return session.scalar(select(func.count(AppUser.id)).where(AppUser.active)) > 0


# The accounts list's sorts (AccountRow's fields; "active": in use first).
ACCOUNT_SORTS = ("username", "full_name", "role", "active", "last_login_at")


def list_accounts(db: Database, *, sort: str = "active", descending: bool = False) -> list[AccountRow]:
    """Sorted by the query on one of ACCOUNT_SORTS (empty values last), then by user name; by default
    accounts in use first."""
    keys = dict(zip(ACCOUNT_SORTS, (
        AppUser.username, by_name(AppUser.full_name), by_label(AppUser.role, UserRole),
        case((AppUser.active, 0), else_=1), AppUser.last_login_at), strict=True))
    with db.read() as session:
        users = session.scalars(select(AppUser).order_by(*order_by(keys, sort, descending, AppUser.username)))
        return [_row(user) for user in users]


def find_account(db: Database, username: str) -> AccountRow:
    with db.read() as session:
        return _row(_by_name(session, username))


def _by_name(session: Session, username: str) -> AppUser:
    name = clean_username(username)
    user = session.scalar(select(AppUser).where(AppUser.username == name))
    if user is None:
        raise NotFoundError(f"Không có tài khoản “{name}”.")
    return user


def _by_id(session: Session, account_id: int) -> AppUser:
    user = session.get(AppUser, account_id)
    if user is None:
        raise NotFoundError(f"Không có tài khoản số {account_id}; có thể đã bị xóa khỏi cơ sở dữ liệu.")
    return user


def create_account(db: Database, data: AccountInput) -> AccountRow:
    """A new account (leaders only; the first one must be a leader). ValidationError names the field."""
    with db.transaction() as session:
        require_approve(session, MANAGE)
        first = session.scalar(select(func.count(AppUser.id))) == 0
        clean = checked_input(data, first)
        if session.scalar(select(AppUser.id).where(AppUser.username == clean.username)) is not None:
            raise ValidationError({"username": f"Tên đăng nhập: “{clean.username}” đã có người dùng."})
        user = AppUser(username=clean.username, full_name=clean.full_name, role=clean.role,
                       password_hash=hash_password(clean.password), active=True, version=1)
        session.add(user)
        session.flush()
        return _row(user)


def update_account(db: Database, account_id: int, change: AccountChange) -> AccountRow:
    """Change an account's name, role or use (leaders only); the last leader in use stays one."""
    full_name = " ".join(change.full_name.split())
    check = Validator()
    check_full_name(check, full_name)
    check.raise_if_any()
    with db.transaction() as session:
        require_approve(session, MANAGE)
        user = _by_id(session, account_id)
        _check_version(user, change.expected_version)
        _refuse_own_role_or_use(session, user, change)
        if user.role is UserRole.LEADER and (change.role is not UserRole.LEADER or not change.active):
            _keep_a_leader(session, user)
        user.full_name, user.role, user.active = full_name, change.role, change.active
        user.version += 1
        session.flush()
        return _row(user)


def set_active(db: Database, account_id: int, active: bool,
               expected_version: int | None = None) -> AccountRow:
    """Stop using an account, or use it again (leaders only)."""
    with db.read() as session:
        user = _by_id(session, account_id)
        change = AccountChange(user.full_name, user.role, active, expected_version)
    return update_account(db, account_id, change)


def _check_version(user: AppUser, expected: int | None) -> None:
    check_version(user, expected, f"Tài khoản “{user.username}”", "Hãy mở lại danh sách.")


def _refuse_own_role_or_use(session: Session, user: AppUser, change: AccountChange) -> None:
    actor: Actor | None = session.info.get("actor")
    if actor is None or actor.user_id != user.id:
        return
    if change.role is not user.role or not change.active:
        raise ConflictError(
            f"Không tự đổi vai trò hay ngừng sử dụng tài khoản đang đăng nhập (“{user.username}”); "
            "hãy nhờ một lãnh đạo khác."
        )


def _keep_a_leader(session: Session, user: AppUser) -> None:
    others = select(func.count(AppUser.id)).where(
        AppUser.role == UserRole.LEADER, AppUser.active, AppUser.id != user.id)
    if session.scalar(others) == 0:
        raise ConflictError(
            f"“{user.username}” là tài khoản Lãnh đạo cuối cùng đang dùng: phải luôn có ít nhất một "
            "lãnh đạo để quản lý tài khoản. Hãy thêm một tài khoản Lãnh đạo khác trước."
        )


def reset_password(db: Database, account_id: int, password: str, again: str | None = None) -> None:
    """Give an account a new password (leaders only, or the computer's user on the command line)."""
    check = Validator()
    check_new_password(check, password, again)
    check.raise_if_any()
    with db.transaction() as session:
        require_approve(session, MANAGE)
        user = _by_id(session, account_id)
        user.password_hash = hash_password(password)
        user.version += 1


def change_own_password(db: Database, current: str, password: str, again: str | None = None) -> None:
    """The signed-in person's new password; the current one must be right."""
    actor = db.actor
    if actor.user_id is None:
        raise ServiceError(NOT_SIGNED_IN)
    check = Validator()
    check_new_password(check, password, again)
    with db.transaction() as session:
        user = _by_id(session, actor.user_id)
        if not verify_password(user.password_hash, current):
            check.add("current", WRONG_CURRENT)
        check.raise_if_any()
        user.password_hash = hash_password(password)
        user.version += 1


def authenticate(db: Database, username: str, password: str) -> Actor:
    """The person signing in, or SignInError with one message for a wrong name or a wrong password.

    The sign-in time is recorded as the person's own write, and a hash made with older parameters
    is remade.
    """
    name = clean_username(username)
    with db.transaction() as session:
        user = session.scalar(select(AppUser).where(AppUser.username == name, AppUser.active))
        if user is None:
            spend_verify_time(password)
            raise SignInError(WRONG_LOGIN)
        if not verify_password(user.password_hash, password):
            raise SignInError(WRONG_LOGIN)
        actor = _row(user).actor()
        session.info["actor"] = actor
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        user.last_login_at = dt.datetime.now().replace(microsecond=0)
        leave_version(user)  # signing in is not an edit: an open account form must still save
        return actor
