"""Files kept in the data directory's file store, addressed by the SHA-256 of their content."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped


class StoredFile(Timestamped, Base):
    """One stored content; the same bytes added twice are stored once."""

    __tablename__ = "stored_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(String(255))
    suffix: Mapped[str] = mapped_column(String(20), default="")
