"""The words of subjects' names, one row per word: search by the start of any word, in any order."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

WORD_LENGTH = 200  # a name is at most 200 characters, so is any of its words


def word_type() -> String:
    """Compared code point by code point (a prefix is a range): COLLATE "C" on PostgreSQL, as sort keys."""
    return String(WORD_LENGTH).with_variant(String(WORD_LENGTH, collation="C"), "postgresql")


class SubjectWord(Base):
    """One word of a subject's name: folded (what a typed word is compared with) and as written, lower case
    (what puts the exact spelling first). Derived from `subject.name` (services/subjects/words.py), so
    not audited: it is rebuilt from the name, never edited."""

    __tablename__ = "subject_word"
    __table_args__ = (Index("ix_subject_word_word", "word", "subject_id"),)

    subject_id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    word: Mapped[str] = mapped_column(word_type())
    exact: Mapped[str] = mapped_column(word_type())
