"""Accounts of the people who use the app, so that the audit trail names a person."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import NEVER_REUSED, Base, Timestamped, enum_type
from app.models.enums import UserRole


class AppUser(Timestamped, Base):
    __tablename__ = "app_user"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[UserRole] = mapped_column(enum_type(UserRole))
    password_hash: Mapped[str] = mapped_column(String(255))  # Argon2id, encoded with its parameters
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Optimistic locking: UPDATE/DELETE … WHERE version = the one read; counted by app/storage/versions.py
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}
