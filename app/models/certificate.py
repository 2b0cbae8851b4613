"""Certificates of merit (Giấy khen): printer calibrations, the register of blanks (phôi), every print
of a batch and every certificate it held, and the golden-book numbers (số sổ vàng) given at issue.

A golden-book number is given to a recipient when the decision is issued and kept for good: the unique
(scope, number) pair makes the database refuse to give a number twice in one book, and the rows are
never deleted (an issued decision cannot be deleted; a cancelled one keeps its numbers).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import NEVER_REUSED, Base, Timestamped, enum_type
from app.models.decision import Decision, DecisionEntry
from app.models.enums import LabelledEnum


class GoldenBookScheme(LabelledEnum):
    """How the commune numbers its golden book (a setting; the default follows ND 98/2023 Điều 104)."""

    DECISION_ORDER = ("decision_order", "Số thứ tự trong quyết định")
    YEARLY = ("yearly", "Số liên tục trong sổ vàng, đánh lại từ 1 mỗi năm")
    RUNNING = ("running", "Số liên tục trong sổ vàng, không bao giờ đánh lại")


class BlankEntryKind(LabelledEnum):
    RECEIVED = ("received", "Nhận phôi")
    SPOILED = ("spoiled", "Phôi hỏng (chưa in)")


class GoldenBookEntry(Base):
    """One golden-book number given to one recipient of an issued decision.

    `scope` names the book the number counts in: "decision:12" (order in decision 12), "year:2026" (the
    commune's book of 2026) or "all" (the commune's book, never reset)."""

    __tablename__ = "golden_book_entry"
    __table_args__ = (UniqueConstraint("scope", "number"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_entry_id: Mapped[int] = mapped_column(
        ForeignKey("decision_entry.id", ondelete="RESTRICT"), unique=True
    )
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="RESTRICT"), index=True)
    scheme: Mapped[GoldenBookScheme] = mapped_column(enum_type(GoldenBookScheme))
    scope: Mapped[str] = mapped_column(String(40))
    number: Mapped[int] = mapped_column(Integer)

    decision_entry: Mapped[DecisionEntry] = relationship()


class PrinterCalibration(Timestamped, Base):
    """Where one printer puts the page: the correction added to every field (mm, + is right / down) and
    an optional scale (1.0: none), measured with the calibration page."""

    __tablename__ = "printer_calibration"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    printer_name: Mapped[str] = mapped_column(String(200), unique=True)
    offset_x_mm: Mapped[float] = mapped_column(Float, default=0.0)
    offset_y_mm: Mapped[float] = mapped_column(Float, default=0.0)
    scale: Mapped[float] = mapped_column(Float, default=1.0)
    measured_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class BlankEntry(Base):
    """A line of the register of blanks: a batch received, or blanks spoiled before anything was printed
    on them (a misprinted certificate is marked on the certificate itself)."""

    __tablename__ = "blank_entry"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[BlankEntryKind] = mapped_column(enum_type(BlankEntryKind))
    day: Mapped[dt.date] = mapped_column(Date)
    count: Mapped[int] = mapped_column(Integer)
    serial_from: Mapped[str] = mapped_column(String(40), default="")
    serial_to: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class CertificatePrint(Base):
    """One batch printed (or saved as PDF): who, when, which recipients, which layout, which offsets."""

    __tablename__ = "certificate_print"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="RESTRICT"), index=True)
    printed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    printed_by: Mapped[str] = mapped_column(String(200), default="")
    layout_name: Mapped[str] = mapped_column(String(100))
    blank_form: Mapped[bool] = mapped_column(Boolean, default=False)
    printer_name: Mapped[str] = mapped_column(String(200), default="")
    offset_x_mm: Mapped[float] = mapped_column(Float, default=0.0)
    offset_y_mm: Mapped[float] = mapped_column(Float, default=0.0)
    scale: Mapped[float] = mapped_column(Float, default=1.0)
    recipients: Mapped[str] = mapped_column(String(2000), default="")  # "1,3-5": positions in the decision
    count: Mapped[int] = mapped_column(Integer)
    blanks_left: Mapped[int | None] = mapped_column(Integer)  # before this batch, when printed on blanks
    over_stock: Mapped[bool] = mapped_column(Boolean, default=False)  # the officer overrode the warning
    note: Mapped[str] = mapped_column(Text, default="")  # the reason of a reprint, an override

    decision: Mapped[Decision] = relationship()
    certificates: Mapped[list[Certificate]] = relationship(back_populates="print_", order_by="Certificate.id")


class Certificate(Base):
    """One certificate printed for one recipient; a reprint points to the certificate it replaces."""

    __tablename__ = "certificate"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    print_id: Mapped[int] = mapped_column(ForeignKey("certificate_print.id", ondelete="RESTRICT"), index=True)
    decision_entry_id: Mapped[int] = mapped_column(
        ForeignKey("decision_entry.id", ondelete="RESTRICT"), index=True
    )
    golden_book_no: Mapped[int | None] = mapped_column(Integer)
    reprint_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("certificate.id", ondelete="SET NULL"), index=True
    )
    on_blank: Mapped[bool] = mapped_column(Boolean, default=False)
    spoiled: Mapped[bool] = mapped_column(Boolean, default=False)
    spoil_reason: Mapped[str] = mapped_column(Text, default="")

    print_: Mapped[CertificatePrint] = relationship(back_populates="certificates")
    decision_entry: Mapped[DecisionEntry] = relationship()
