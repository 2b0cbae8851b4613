"""The rules of an account's fields: user name, full name, role, and a new password typed twice."""

from __future__ import annotations

import re
import unicodedata

from app.errors import Validator
from app.models.enums import UserRole
from app.rules.vntext import normalize_text
from app.services.accounts.data import AccountInput
from app.services.accounts.passwords import password_problem

USERNAME_RULE = re.compile(r"[a-z0-9][a-z0-9._-]{1,49}")
USERNAME_LABEL = "Tên đăng nhập"
USERNAME_PROBLEM = f"{USERNAME_LABEL}: 2–50 ký tự, chỉ chữ không dấu, số, dấu . _ -"
FULL_NAME_LABEL = "Họ và tên"
AGAIN_MISMATCH = "Nhập lại mật khẩu: không khớp với mật khẩu đã nhập."
FIRST_MUST_LEAD = ("Vai trò: tài khoản đầu tiên phải là Lãnh đạo, "
                   "để có người quản lý các tài khoản.")


def clean_username(text: str) -> str:
    """The stored form of a user name: trimmed, lower case (sign-in ignores case)."""
    return unicodedata.normalize("NFC", text or "").strip().lower()


def check_new_password(check: Validator, password: str, again: str | None,
                       field: str = "password") -> None:
    problem = password_problem(password)
    if problem:
        check.add(field, problem)
    elif again is not None and unicodedata.normalize("NFC", again) != unicodedata.normalize("NFC", password):
        check.add(f"{field}_again", AGAIN_MISMATCH)


def check_full_name(check: Validator, full_name: str) -> None:
    check.require("full_name", FULL_NAME_LABEL, full_name)
    check.max_length("full_name", FULL_NAME_LABEL, full_name, 200)


def checked_input(data: AccountInput, first: bool) -> AccountInput:
    """The input cleaned, or ValidationError naming every field at fault (nothing is saved)."""
    clean = AccountInput(clean_username(data.username), normalize_text(data.full_name), data.role,
                         data.password, data.password_again)
    check = Validator()
    if not USERNAME_RULE.fullmatch(clean.username):
        check.add("username", USERNAME_PROBLEM)
    check_full_name(check, clean.full_name)
    if first and clean.role is not UserRole.LEADER:
        check.add("role", FIRST_MUST_LEAD)
    check_new_password(check, clean.password, clean.password_again)
    check.raise_if_any()
    return clean
