"""The commendation council (Hội đồng Thi đua - Khen thưởng): its members and their terms, its meetings
with attendance, agenda, absent members' written opinions, and one poll per agenda item.

A poll entered ballot by ballot keeps one `Ballot` row per paper ballot and nominee; a poll taken on the
laptop in private mode keeps only its totals in `PrivateTally` (no row per voter, no order, no member),
which the audit trail does not follow either, so that not even the trail's history of the counts shows
who voted how: the totals reach the audited poll when it is closed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import NEVER_REUSED, Base, Timestamped, enum_type
from app.models.enums import (
    AttendanceStatus,
    BallotMark,
    CouncilRole,
    MeetingStatus,
    PollEntryMode,
    PollMethod,
    ThresholdBase,
)
from app.models.nomination import Nomination
from app.models.stored_file import StoredFile


class CouncilMember(Timestamped, Base):
    """One person's seat on the council for a term (a replaced member keeps their past term)."""

    __tablename__ = "council_member"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(300), default="")  # chức vụ, đơn vị
    role: Mapped[CouncilRole] = mapped_column(enum_type(CouncilRole))
    term_from: Mapped[dt.date] = mapped_column(Date)
    term_to: Mapped[dt.date | None] = mapped_column(Date)  # None: still serving
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    def serves_on(self, day: dt.date) -> bool:
        return self.term_from <= day and (self.term_to is None or day <= self.term_to)


class Meeting(Timestamped, Base):
    """Phiên họp of the council. Closed, it is locked: attendance, opinions and polls no longer change."""

    __tablename__ = "council_meeting"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    starts_at: Mapped[dt.time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(300), default="")
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("council_member.id", ondelete="RESTRICT"))
    secretary_id: Mapped[int | None] = mapped_column(ForeignKey("council_member.id", ondelete="RESTRICT"))
    ballot_counters: Mapped[str] = mapped_column(Text, default="")  # Ban kiểm phiếu, one name a line
    status: Mapped[MeetingStatus] = mapped_column(enum_type(MeetingStatus), index=True)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    quorum_override_reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    chair: Mapped[CouncilMember | None] = relationship(foreign_keys=[chair_id])
    secretary: Mapped[CouncilMember | None] = relationship(foreign_keys=[secretary_id])
    attendance: Mapped[list[Attendance]] = relationship(
        cascade="all, delete-orphan", order_by="Attendance.id", back_populates="meeting")
    agenda: Mapped[list[AgendaItem]] = relationship(
        cascade="all, delete-orphan", order_by="AgendaItem.position", back_populates="meeting")


class Attendance(Base):
    """Whether one member of the council on the meeting's day came, sent a written opinion, or neither."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("council_meeting.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("council_member.id", ondelete="RESTRICT"), index=True)
    status: Mapped[AttendanceStatus] = mapped_column(enum_type(AttendanceStatus))

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
    member: Mapped[CouncilMember] = relationship()


class AgendaItem(Base):
    """One nomination put before the meeting; its poll and the absent members' opinions hang on it."""

    __tablename__ = "agenda_item"
    __table_args__ = (UniqueConstraint("meeting_id", "nomination_id"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("council_meeting.id", ondelete="CASCADE"), index=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nomination.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    meeting: Mapped[Meeting] = relationship(back_populates="agenda")
    nomination: Mapped[Nomination] = relationship()
    poll: Mapped[Poll | None] = relationship(cascade="all, delete-orphan", uselist=False,
                                             back_populates="agenda_item")
    opinions: Mapped[list[WrittenOpinion]] = relationship(cascade="all, delete-orphan",
                                                          order_by="WrittenOpinion.id")


class WrittenOpinion(Base):
    """An absent member's written opinion on one agenda item (agree or not), with the scanned letter."""

    __tablename__ = "written_opinion"
    __table_args__ = (UniqueConstraint("agenda_item_id", "member_id"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("council_member.id", ondelete="RESTRICT"), index=True)
    agrees: Mapped[bool] = mapped_column(Boolean)
    stored_file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_file.id", ondelete="RESTRICT"))

    member: Mapped[CouncilMember] = relationship()
    stored_file: Mapped[StoredFile | None] = relationship()


class Poll(Base):
    """The vote on one agenda item. The vote rule is copied from the award form when the poll starts, so
    a later change of the catalogue never changes a meeting's result. Counts are None until entered."""

    __tablename__ = "poll"
    __table_args__ = (UniqueConstraint("agenda_item_id"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"))
    method: Mapped[PollMethod] = mapped_column(enum_type(PollMethod))
    entry_mode: Mapped[PollEntryMode] = mapped_column(enum_type(PollEntryMode))
    rule_base: Mapped[ThresholdBase] = mapped_column(enum_type(ThresholdBase))
    rule_numerator: Mapped[int] = mapped_column(Integer)
    rule_denominator: Mapped[int] = mapped_column(Integer)
    rule_strict: Mapped[bool] = mapped_column(Boolean)
    rule_counts_opinions: Mapped[bool] = mapped_column(Boolean)
    ballots_issued: Mapped[int | None] = mapped_column(Integer)
    ballots_returned: Mapped[int | None] = mapped_column(Integer)
    ballots_valid: Mapped[int | None] = mapped_column(Integer)
    ballots_invalid: Mapped[int | None] = mapped_column(Integer)
    yes_votes: Mapped[int | None] = mapped_column(Integer)
    no_votes: Mapped[int | None] = mapped_column(Integer)
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    passed: Mapped[bool | None] = mapped_column(Boolean)  # set when closed

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="poll")
    ballots: Mapped[list[Ballot]] = relationship(cascade="all, delete-orphan", order_by="Ballot.number")


class Ballot(Base):
    """One paper ballot's mark for one nominee, entered ballot by ballot (numbered as entered)."""

    __tablename__ = "ballot"
    __table_args__ = (UniqueConstraint("poll_id", "number"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    mark: Mapped[BallotMark] = mapped_column(enum_type(BallotMark))


class PrivateTally(Base):
    """The running totals of a poll taken in private mode: how many voted, how many agreed, disagreed
    or left it blank. Nothing else: no voter, no time, no order. Not followed by the audit trail."""

    __tablename__ = "private_tally"

    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"), primary_key=True)
    voters: Mapped[int] = mapped_column(Integer, default=0)
    yes_votes: Mapped[int] = mapped_column(Integer, default=0)
    no_votes: Mapped[int] = mapped_column(Integer, default=0)
