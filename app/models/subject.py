"""Subjects (đối tượng) of three kinds in one table, their award history and hold flags."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import NEVER_REUSED, Base, Timestamped, enum_type, sort_key_type
from app.models.enums import DisciplineLevel, Gender, HoldKind, OccupationGroup, SubjectKind
from app.models.unit import Field, Unit


class Subject(Timestamped, Base):
    """An individual, a collective or a household. Kind-specific columns are empty for other kinds."""

    __tablename__ = "subject"
    __table_args__ = (
        # Covering index: the list and the search scan this, never the table.
        Index("ix_subject_list", "sort_key", "id", "name_norm", "kind", "unit_id", "field_id"),
        # The list sorted by the CCCD number, then official-list order: read in order, never sorted.
        Index("ix_subject_citizen_id", "citizen_id", "sort_key", "id"),
        # … and by gender, read one gender after the other in official-list order (subjects/segments.py).
        Index("ix_subject_gender", "gender", "sort_key", "id"),
        NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[SubjectKind] = mapped_column(enum_type(SubjectKind))
    name: Mapped[str] = mapped_column(String(200))
    name_norm: Mapped[str] = mapped_column(String(200), index=True)
    sort_key: Mapped[str] = mapped_column(sort_key_type())
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    field_id: Mapped[int | None] = mapped_column(ForeignKey("field.id", ondelete="RESTRICT"), index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Optimistic locking: UPDATE/DELETE … WHERE version = the one read; counted by app/storage/versions.py
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}
    # Set when the subject's personal data was erased on request (services/subjects/erase.py): only
    # what the state records need is left.
    erased_on: Mapped[dt.date | None] = mapped_column(Date)

    # Individual
    gender: Mapped[Gender | None] = mapped_column(enum_type(Gender))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[str] = mapped_column(String(200), default="")
    occupation_group: Mapped[OccupationGroup | None] = mapped_column(enum_type(OccupationGroup))
    ethnicity: Mapped[str] = mapped_column(String(50), default="")
    citizen_id: Mapped[str | None] = mapped_column(String(12))
    # The collective the individual is a member of (counted by the "Tập thể lao động tiên tiến" rule).
    collective_id: Mapped[int | None] = mapped_column(
        ForeignKey("subject.id", ondelete="SET NULL"), index=True
    )

    # Collective
    parent_body: Mapped[str] = mapped_column(String(200), default="")
    member_count: Mapped[int | None] = mapped_column(Integer)
    female_member_count: Mapped[int | None] = mapped_column(Integer)

    # Household
    head_name: Mapped[str] = mapped_column(String(200), default="")

    unit: Mapped[Unit | None] = relationship()
    field: Mapped[Field | None] = relationship()
    awards: Mapped[list[AwardRecord]] = relationship(
        back_populates="subject", order_by="AwardRecord.year", cascade="all, delete-orphan"
    )
    holds: Mapped[list[HoldFlag]] = relationship(
        back_populates="subject", order_by="HoldFlag.start_date", cascade="all, delete-orphan"
    )


class AwardRecord(Base):
    """A title or commendation the subject has received, from this commune or any other level."""

    __tablename__ = "award_record"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="CASCADE"), index=True)
    form_name: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer, index=True)
    decision_no: Mapped[str] = mapped_column(String(50), default="")
    decision_date: Mapped[dt.date | None] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # The catalogue form, when known (records the app itself makes always know it).
    award_form_id: Mapped[int | None] = mapped_column(
        ForeignKey("award_form.id", ondelete="SET NULL"), index=True
    )
    # False for ad-hoc and thematic awards: they do not count toward later merit awards.
    counts_toward_merit: Mapped[bool] = mapped_column(Boolean, default=True)
    # Set on records written by an issued decision of this app: the nomination they answer (so that
    # the duplicate check does not count a nomination's own award) and the decision (cancelling it
    # removes them).
    nomination_id: Mapped[int | None] = mapped_column(
        ForeignKey("nomination.id", ondelete="SET NULL"), index=True
    )
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="CASCADE"), index=True)
    # The movement (phong trào thi đua) the award came from: typed in the subject's form for older
    # awards, the round's movement for those an issued decision wrote. A movement in use is not deleted.
    movement_id: Mapped[int | None] = mapped_column(
        ForeignKey("movement.id", ondelete="RESTRICT"), index=True
    )

    subject: Mapped[Subject] = relationship(back_populates="awards")


class HoldFlag(Base):
    """Discipline, investigation or complaint: while active, the subject is not commended."""

    __tablename__ = "hold_flag"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="CASCADE"), index=True)
    kind: Mapped[HoldKind] = mapped_column(enum_type(HoldKind))
    discipline_level: Mapped[DisciplineLevel | None] = mapped_column(enum_type(DisciplineLevel))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    subject: Mapped[Subject] = relationship(back_populates="holds")

    def is_active(self, on: dt.date) -> bool:
        return self.start_date <= on and (self.end_date is None or self.end_date >= on)
