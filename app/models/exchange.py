"""Exchange with villages and the province: the import batches (so an import can be undone as one step)
and the column presets of imports and exports."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import NEVER_REUSED, Base


class ImportBatch(Base):
    """One import of a list from a workbook: what it created is undone together."""

    __tablename__ = "import_batch"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(300))
    sheet_name: Mapped[str] = mapped_column(String(200), default="")
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    created_count: Mapped[int] = mapped_column(Integer, default=0)
    matched_count: Mapped[int] = mapped_column(Integer, default=0)
    refused_count: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class ImportBatchSubject(Base):
    """A subject an import created (matched subjects are left as they were and not listed)."""

    __tablename__ = "import_batch_subject"

    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"), primary_key=True)
    subject_id: Mapped[int] = mapped_column(
        ForeignKey("subject.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    row_number: Mapped[int] = mapped_column(Integer)  # the workbook's row


class ExchangePreset(Base):
    """A saved column layout: an import's mapping (field -> header) or an export's columns."""

    __tablename__ = "exchange_preset"
    __table_args__ = (UniqueConstraint("direction", "name"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(10))  # "import" or "export"
    name: Mapped[str] = mapped_column(String(100))
    list_kind: Mapped[str] = mapped_column(String(32), default="")  # exports: subjects, nominations…
    columns_json: Mapped[str] = mapped_column(Text)
    include_citizen_id: Mapped[bool] = mapped_column(Boolean, default=False)
