"""What the accounts service takes and gives: plain dataclasses, no Session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.models.enums import UserRole
from app.storage.actor import Actor

ACTIVE_LABEL, INACTIVE_LABEL = "Đang dùng", "Ngừng sử dụng"


@dataclass
class AccountInput:
    username: str = ""
    full_name: str = ""
    role: UserRole = UserRole.OFFICER
    password: str = ""
    password_again: str | None = None  # checked when given (the form's "Nhập lại mật khẩu")


@dataclass
class AccountChange:
    full_name: str
    role: UserRole
    active: bool
    expected_version: int | None = None


@dataclass(frozen=True)
class AccountRow:
    id: int
    username: str
    full_name: str
    role: UserRole
    active: bool
    last_login_at: dt.datetime | None
    version: int

    @property
    def status_label(self) -> str:
        return ACTIVE_LABEL if self.active else INACTIVE_LABEL

    def actor(self) -> Actor:
        return Actor(self.username, self.full_name, self.role, self.id)
