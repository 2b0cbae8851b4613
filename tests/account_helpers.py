"""Accounts for tests: cheap Argon2 parameters (the real ones take about half a second a hash),
and accounts made through the real service."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST

from app.models.enums import UserRole
from app.services.accounts import passwords
from app.services.accounts.data import AccountInput, AccountRow
from app.services.accounts.manage import create_account
from app.storage.database import Database

PASSWORD = "mật khẩu 2026"


@pytest.fixture
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> PasswordHasher:
    hasher = PasswordHasher.from_parameters(CHEAPEST)
    monkeypatch.setattr(passwords, "HASHER", hasher)
    monkeypatch.setattr(passwords, "_DUMMY_HASH", [])
    return hasher


def add_account(db: Database, username: str, role: UserRole = UserRole.OFFICER,
                full_name: str = "", password: str = PASSWORD) -> AccountRow:
    """An account made by the database's current actor (the computer's user by default)."""
    name = full_name or f"Người dùng {username}"
    return create_account(db, AccountInput(username, name, role, password))


def leader_and_staff(db: Database) -> dict[str, AccountRow]:
    """A leader "lan", an officer "duc" and a viewer "hoa"."""
    return {
        "lan": add_account(db, "lan", UserRole.LEADER, "Trần Thị Lan"),
        "duc": add_account(db, "duc", UserRole.OFFICER, "Lê Minh Đức"),
        "hoa": add_account(db, "hoa", UserRole.VIEWER, "Nguyễn Thị Hoa"),
    }
