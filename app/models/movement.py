"""Emulation movements and the advanced exemplars found, nurtured, summarised and replicated in them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import NEVER_REUSED, Base, Timestamped, enum_type
from app.models.enums import ExemplarStage, MovementKind, ReplicationKind
from app.models.stored_file import StoredFile
from app.models.subject import Subject
from app.models.unit import Field, Unit


class Movement(Timestamped, Base):
    """Phong trào thi đua: ongoing, periodic or thematic, with its period."""

    __tablename__ = "movement"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_norm: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[MovementKind] = mapped_column(enum_type(MovementKind))
    launched_by: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    field_id: Mapped[int | None] = mapped_column(ForeignKey("field.id", ondelete="RESTRICT"), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Optimistic locking: UPDATE/DELETE … WHERE version = the one read; counted by app/storage/versions.py
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    field: Mapped[Field | None] = relationship()


class Exemplar(Timestamped, Base):
    """Điển hình tiên tiến: a subject found in a movement and a field, followed through the cycle."""

    __tablename__ = "exemplar"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="RESTRICT"), index=True)
    movement_id: Mapped[int | None] = mapped_column(
        ForeignKey("movement.id", ondelete="RESTRICT"), index=True
    )
    field_id: Mapped[int | None] = mapped_column(ForeignKey("field.id", ondelete="RESTRICT"), index=True)
    # The unit that introduced it (the quarterly duty is counted per unit and quarter).
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    introduced_on: Mapped[dt.date] = mapped_column(Date, index=True)
    stage: Mapped[ExemplarStage] = mapped_column(enum_type(ExemplarStage))
    achievements: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Optimistic locking: UPDATE/DELETE … WHERE version = the one read; counted by app/storage/versions.py
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    subject: Mapped[Subject] = relationship()
    movement: Mapped[Movement | None] = relationship()
    field: Mapped[Field | None] = relationship()
    unit: Mapped[Unit | None] = relationship()
    stage_changes: Mapped[list[ExemplarStageChange]] = relationship(
        order_by="(ExemplarStageChange.changed_on, ExemplarStageChange.id)", cascade="all, delete-orphan"
    )
    files: Mapped[list[ExemplarFile]] = relationship(
        order_by="ExemplarFile.id", cascade="all, delete-orphan"
    )
    publicity: Mapped[list[PublicityItem]] = relationship(
        order_by="PublicityItem.published_on", cascade="all, delete-orphan"
    )
    replications: Mapped[list[ReplicationActivity]] = relationship(
        order_by="ReplicationActivity.held_on", cascade="all, delete-orphan"
    )


class ExemplarStageChange(Base):
    """One dated step in the cycle; the first one is the discovery. Kept, never rewritten."""

    __tablename__ = "exemplar_stage_change"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    exemplar_id: Mapped[int] = mapped_column(ForeignKey("exemplar.id", ondelete="CASCADE"), index=True)
    stage: Mapped[ExemplarStage] = mapped_column(enum_type(ExemplarStage))
    changed_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class ExemplarFile(Base):
    """An evidence document or a photo of an exemplar, its bytes in the file store."""

    __tablename__ = "exemplar_file"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    exemplar_id: Mapped[int] = mapped_column(ForeignKey("exemplar.id", ondelete="CASCADE"), index=True)
    stored_file_id: Mapped[int] = mapped_column(
        ForeignKey("stored_file.id", ondelete="RESTRICT"), index=True
    )
    caption: Mapped[str] = mapped_column(String(300), default="")
    is_photo: Mapped[bool] = mapped_column(Boolean, default=False)

    stored_file: Mapped[StoredFile] = relationship()


class PublicityItem(Base):
    """What was published about an exemplar: outlet, title, date, and a link or a stored file."""

    __tablename__ = "publicity_item"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    exemplar_id: Mapped[int] = mapped_column(ForeignKey("exemplar.id", ondelete="CASCADE"), index=True)
    outlet: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300))
    published_on: Mapped[dt.date] = mapped_column(Date)
    link: Mapped[str] = mapped_column(String(500), default="")
    stored_file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_file.id", ondelete="RESTRICT"))
    note: Mapped[str] = mapped_column(Text, default="")

    stored_file: Mapped[StoredFile | None] = relationship()


class ReplicationActivity(Base):
    """An exchange, a visit, or a model copied elsewhere: how the exemplar was spread."""

    __tablename__ = "replication_activity"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    exemplar_id: Mapped[int] = mapped_column(ForeignKey("exemplar.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ReplicationKind] = mapped_column(enum_type(ReplicationKind))
    held_on: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    participants: Mapped[int | None] = mapped_column(Integer)
