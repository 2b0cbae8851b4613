"""Decisions (Quyết định khen thưởng), their attached list, and the document register.

A decision awards one form to nominations of one round. While a draft it follows the nominations and
the current wording settings; when issued it takes a number from the register, and its wording and its
whole text (the document model as JSON) are frozen, so it reprints as issued whatever changes later.
Register numbers count per year and document type and are never reused: a cancelled document keeps its
number, and a deleted draft's proposal number stays in the register, marked cancelled.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.award import AwardForm
from app.models.base import NEVER_REUSED, Base, Timestamped, enum_type
from app.models.enums import DecisionBasis, DecisionStatus, DocumentType, SignerRole
from app.models.nomination import Nomination, Round


class Decision(Timestamped, Base):
    __tablename__ = "decision"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="RESTRICT"), index=True)
    award_form_id: Mapped[int] = mapped_column(ForeignKey("award_form.id", ondelete="RESTRICT"), index=True)
    status: Mapped[DecisionStatus] = mapped_column(enum_type(DecisionStatus), index=True)
    basis: Mapped[DecisionBasis] = mapped_column(enum_type(DecisionBasis))
    signer_role: Mapped[SignerRole] = mapped_column(enum_type(SignerRole))
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    achievement: Mapped[str] = mapped_column(Text, default="")  # "đã có thành tích xuất sắc trong …"
    council_meeting_on: Mapped[dt.date | None] = mapped_column(Date)
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    wording_json: Mapped[str] = mapped_column(Text, default="")  # frozen at issue
    content_json: Mapped[str] = mapped_column(Text, default="")  # the issued document model
    proposal_json: Mapped[str] = mapped_column(Text, default="")  # the issued proposal's model
    cancelled_on: Mapped[dt.date | None] = mapped_column(Date)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Optimistic locking: UPDATE/DELETE … WHERE version = the one read; counted by app/storage/versions.py
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    round: Mapped[Round] = relationship()
    award_form: Mapped[AwardForm] = relationship()
    entries: Mapped[list[DecisionEntry]] = relationship(
        order_by="DecisionEntry.position", cascade="all, delete-orphan", back_populates="decision"
    )
    register_entries: Mapped[list[RegisterEntry]] = relationship(back_populates="decision")

    def registered(self, doc_type: DocumentType) -> RegisterEntry | None:
        return next((e for e in self.register_entries if e.doc_type is doc_type), None)


class DecisionEntry(Base):
    """One line of the attached list. Name and description are frozen at issue; the position is then
    the recipient's golden-book number (số sổ vàng)."""

    __tablename__ = "decision_entry"
    __table_args__ = (UniqueConstraint("decision_id", "nomination_id"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="CASCADE"), index=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nomination.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(String(500), default="")
    amount: Mapped[int] = mapped_column(Integer, default=0)  # đồng, at issue
    golden_book_no: Mapped[int | None] = mapped_column(Integer)

    decision: Mapped[Decision] = relationship(back_populates="entries")
    nomination: Mapped[Nomination] = relationship()


class RegisterEntry(Base):
    """Sổ đăng ký văn bản: one number given to one document, kept for good."""

    __tablename__ = "register_entry"
    __table_args__ = (UniqueConstraint("year", "doc_type", "number"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    doc_type: Mapped[DocumentType] = mapped_column(enum_type(DocumentType))
    number: Mapped[int] = mapped_column(Integer)
    symbol: Mapped[str] = mapped_column(String(40))  # "QĐ-UBND"
    issued_on: Mapped[dt.date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(String(500), default="")  # trích yếu
    cancelled: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="SET NULL"), index=True
    )

    decision: Mapped[Decision | None] = relationship(back_populates="register_entries")

    @property
    def label(self) -> str:
        """'05/QĐ-UBND': numbers below 10 take a leading zero."""
        return f"{self.number:02d}/{self.symbol}"
