"""The commune's units (villages, agencies, schools, organisations…), emulation blocs and fields."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import NEVER_REUSED, Base, Timestamped, enum_type, sort_key_type
from app.models.enums import UnitKind


class Bloc(Base):
    """Khối thi đua: units that compete together and take turns."""

    __tablename__ = "bloc"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    rota_order: Mapped[int] = mapped_column(Integer, default=0)

    units: Mapped[list[Unit]] = relationship(back_populates="bloc")


class Field(Base):
    """Lĩnh vực: a field of activity."""

    __tablename__ = "field"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Unit(Timestamped, Base):
    __tablename__ = "unit"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    name_norm: Mapped[str] = mapped_column(String(200), index=True)
    sort_key: Mapped[str] = mapped_column(sort_key_type(), index=True)
    kind: Mapped[UnitKind] = mapped_column(enum_type(UnitKind))
    bloc_id: Mapped[int | None] = mapped_column(ForeignKey("bloc.id", ondelete="RESTRICT"), index=True)
    head_name: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    bloc: Mapped[Bloc | None] = relationship(back_populates="units")
