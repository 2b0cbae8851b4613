"""Word search over subjects' names: the word table kept in step with the names, and the conditions a
typed text puts on the list.

A typed word matches a name that has a word starting with it ("huong" finds Hương and Hường, not
Phương or Trương); typed words match in any order ("dat nguyen" finds Nguyễn Văn Đạt); a typed word with
its marks ("Hường") puts the names spelled so first.

Every word of a name is a row of `subject_word` (models/subject_word.py), folded and as written. The
search asks the word index first how many words start with each typed word (counting to SELECTIVE): when
one typed word is that rare, its few subjects are read through the index and sorted (a millisecond or
two); when every typed word is common ("n", "thi"), the list's covering index (which holds the folded
name, `name_norm`) is scanned in list order with `name_norm LIKE 'w%' OR name_norm LIKE '% w%'` and
stops at the page's end. A prefix is a range of the word index, the same on SQLite and PostgreSQL
(COLLATE "C"). The one difference between the two ways: a common word right after punctuation rather
than a space ("(thôn" in a collective's name) is found by the word index only.

Whatever writes a subject's name calls `index_subject_words(session, subject)` after the flush that
gave it its id (creating, editing, importing); deleting a subject deletes its words (ON DELETE CASCADE).
"""

from __future__ import annotations

import functools
import weakref
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    case,
    delete,
    exists,
    false,
    func,
    insert,
    inspect,
    or_,
    select,
)
from sqlalchemy.orm import Session

from app.models import Subject, SubjectWord
from app.models.subject_word import WORD_LENGTH
from app.rules.vntext import fold, name_words


@functools.lru_cache(maxsize=65536)
def _words(name: str) -> tuple[tuple[str, str], ...]:
    return tuple((fold(w)[:WORD_LENGTH], w[:WORD_LENGTH]) for w in name_words(name))


def word_rows(subject_id: int, name: str) -> list[dict]:
    """The subject_word rows of one name (also for bulk inserts: the demo, the migration)."""
    return [
        {"subject_id": subject_id, "position": i, "word": word, "exact": exact}
        for i, (word, exact) in enumerate(_words(name))
    ]


def index_subject_words(session: Session, subject: Subject) -> None:
    """Write the words of a subject's current name in place of the old ones (the subject has its id)."""
    if not _has_word_table(session):
        return
    session.execute(delete(SubjectWord).where(SubjectWord.subject_id == subject.id))
    rows = word_rows(subject.id, subject.name)
    if rows:
        session.execute(insert(SubjectWord), rows)


SELECTIVE = 5000  # a typed word started by no more words than this is found through the word index


_WORD_TABLE: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def _has_word_table(session: Session) -> bool:
    """False on a database not yet migrated to 0011 (tests that build an old schema write subjects into
    one): the migration writes those subjects' words when it gets there. Asked once per engine."""
    connection = session.connection()
    known = _WORD_TABLE.get(connection.engine)
    if known is None:
        known = _WORD_TABLE[connection.engine] = inspect(connection).has_table(SubjectWord.__tablename__)
    return known


def _after(prefix: str) -> str:
    """The first string past every string starting with `prefix` (its last character moved up one)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _starts_with(column, prefix: str):
    return and_(column >= prefix, column < _after(prefix))


@dataclass(frozen=True)
class TypedWords:
    """A typed search text split into words: folded (to match) and as typed, when typed with marks."""

    folded: tuple[str, ...]
    marked: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> TypedWords:
        words = name_words(text)
        return cls(tuple(fold(w) for w in words), tuple(w for w in words if w != fold(w)))


def _escaped(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _common_word(word: str):
    escaped = _escaped(word)
    return or_(Subject.name_norm.like(f"{escaped}%", escape="\\"),
               Subject.name_norm.like(f"% {escaped}%", escape="\\"))


def _rare_word(word: str):
    return Subject.id.in_(select(SubjectWord.subject_id).where(_starts_with(SubjectWord.word, word)))


def _started(conn: Connection, word: str) -> int:
    """How many indexed words start with `word`, counted up to SELECTIVE + 1."""
    some = select(SubjectWord.subject_id).where(_starts_with(SubjectWord.word, word)).limit(SELECTIVE + 1)
    return conn.execute(select(func.count()).select_from(some.subquery())).scalar_one()


@dataclass(frozen=True)
class WordSearch:
    """What a typed text asks of the list: conditions, and the exact-spelling rank to sort by first."""

    conditions: list
    rank: Any = None  # None: every match ranks the same


def word_search(conn: Connection, text: str) -> WordSearch:
    """One condition per typed word: the subject has a word starting with it, without marks. The rarest
    word, when rare enough, goes through the word index; the others are tested on the rows it finds, and
    the names spelled as typed rank first. When every typed word is common, the covering index is scanned
    in list order (ranking tens of thousands of rows would sort them all on each keystroke; they are
    mostly spelled alike anyway). A text of punctuation alone ("%", "(") finds nothing."""
    typed = TypedWords.of(text)
    if not typed.folded:
        return WordSearch([false()] if text.strip() else [])
    words = list(dict.fromkeys(typed.folded))
    started = {word: _started(conn, word) for word in words}
    rarest = min(words, key=started.__getitem__)
    if started[rarest] > SELECTIVE:
        return WordSearch([_common_word(word) for word in words])
    conditions = [_rare_word(rarest)] + [_common_word(word) for word in words if word != rarest]
    return WordSearch(conditions, _exact_rank(typed))


def _exact_rank(typed: TypedWords):
    """0 for a name with a word starting with each word typed with marks, as typed; else 1."""
    if not typed.marked:
        return None
    exact = [
        exists().where(SubjectWord.subject_id == Subject.id, _starts_with(SubjectWord.exact, word))
        for word in dict.fromkeys(typed.marked)
    ]
    return case((and_(*exact), 0), else_=1)
