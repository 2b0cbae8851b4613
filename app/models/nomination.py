"""Rounds of review, the nominations put forward in them, their reports, checklists and history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.award import AwardForm, Criterion
from app.models.base import NEVER_REUSED, Base, Timestamped, enum_type
from app.models.enums import CriterionOutcome, NominationStatus, RoundKind, RoundStatus
from app.models.movement import Exemplar, Movement
from app.models.stored_file import StoredFile
from app.models.subject import Subject
from app.models.unit import Unit


class Round(Timestamped, Base):
    """Đợt xét: a year-end review, a quarter, an ad-hoc or a thematic commendation."""

    __tablename__ = "round"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[RoundKind] = mapped_column(enum_type(RoundKind))
    year: Mapped[int] = mapped_column(Integer, index=True)
    quarter: Mapped[int | None] = mapped_column(Integer)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[RoundStatus] = mapped_column(enum_type(RoundStatus))
    movement_id: Mapped[int | None] = mapped_column(
        ForeignKey("movement.id", ondelete="RESTRICT"), index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Optimistic locking: UPDATE/DELETE … WHERE version = the one read; counted by app/storage/versions.py
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    movement: Mapped[Movement | None] = relationship()


class Nomination(Timestamped, Base):
    """Hồ sơ đề nghị: one subject put forward for one award in one round."""

    __tablename__ = "nomination"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="RESTRICT"), index=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="RESTRICT"), index=True)
    award_form_id: Mapped[int] = mapped_column(ForeignKey("award_form.id", ondelete="RESTRICT"), index=True)
    proposing_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )
    exemplar_id: Mapped[int | None] = mapped_column(
        ForeignKey("exemplar.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[NominationStatus] = mapped_column(enum_type(NominationStatus), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Optimistic locking: UPDATE/DELETE … WHERE version = the one read; counted by app/storage/versions.py
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    round: Mapped[Round] = relationship()
    subject: Mapped[Subject] = relationship()
    award_form: Mapped[AwardForm] = relationship()
    proposing_unit: Mapped[Unit | None] = relationship()
    exemplar: Mapped[Exemplar | None] = relationship()
    report: Mapped[AchievementReport | None] = relationship(cascade="all, delete-orphan", uselist=False)
    checklist: Mapped[list[ChecklistItem]] = relationship(cascade="all, delete-orphan")
    events: Mapped[list[NominationEvent]] = relationship(
        order_by="NominationEvent.id", cascade="all, delete-orphan"
    )


class AchievementReport(Base):
    """Báo cáo thành tích: the fields of the individual and collective report forms."""

    __tablename__ = "achievement_report"

    nomination_id: Mapped[int] = mapped_column(
        ForeignKey("nomination.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[str] = mapped_column(String(200), default="")  # chức vụ
    workplace: Mapped[str] = mapped_column(String(300), default="")  # đơn vị công tác / địa chỉ
    qualification: Mapped[str] = mapped_column(String(300), default="")  # trình độ chuyên môn
    overview: Mapped[str] = mapped_column(Text, default="")  # sơ lược đặc điểm, tình hình (collective)
    duties: Mapped[str] = mapped_column(Text, default="")  # chức năng, nhiệm vụ được giao
    achievements: Mapped[str] = mapped_column(Text, default="")  # thành tích đạt được, có số liệu
    measures: Mapped[str] = mapped_column(Text, default="")  # biện pháp, giải pháp đạt thành tích
    awards_received: Mapped[str] = mapped_column(Text, default="")  # danh hiệu, hình thức đã nhận


class ChecklistItem(Base):
    """The appraiser's judgement on one JUDGED criterion of a nomination (rule items are computed)."""

    __tablename__ = "checklist_item"
    __table_args__ = (UniqueConstraint("nomination_id", "criterion_id"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nomination.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="CASCADE"), index=True)
    outcome: Mapped[CriterionOutcome] = mapped_column(enum_type(CriterionOutcome))
    note: Mapped[str] = mapped_column(Text, default="")
    stored_file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_file.id", ondelete="RESTRICT"))
    decided_on: Mapped[dt.date | None] = mapped_column(Date)

    criterion: Mapped[Criterion] = relationship()
    stored_file: Mapped[StoredFile | None] = relationship()


class NominationEvent(Base):
    """A dated line in a nomination's history: created, status changed, a warning overridden."""

    __tablename__ = "nomination_event"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nomination.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    status: Mapped[NominationStatus | None] = mapped_column(enum_type(NominationStatus))
    text: Mapped[str] = mapped_column(Text, default="")
