"""What erasing a subject on request touches, read once from the database: the erase plan is written
from it and the erasure applies it, so the two cannot disagree (services/subjects/erase.py).

A "numbered document" is an issued or cancelled decision, or a draft whose proposal took a number: its
list is a state record. The subject's nominations in such a list are kept. A nomination put before a
council meeting (on its agenda) is kept too: the meeting's agenda, polls and minutes are the commune's
records and name it; it leaves the drafts (unnumbered) that list it. The others are dropped.
A stored file is removed from the store only when no record outside what is dropped still uses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    AgendaItem,
    ChecklistItem,
    Decision,
    DecisionEntry,
    DecisionStatus,
    DocumentType,
    Exemplar,
    ExemplarFile,
    Meeting,
    Nomination,
    PublicityItem,
    StoredFile,
    Subject,
)
from app.services.subjects.lives import subject_lives


@dataclass
class Survey:
    subject: Subject
    numbered: list[Decision]  # numbered documents that name the subject, oldest first
    kept_nominations: list[Nomination]  # in a numbered document's list
    dropped_nominations: list[Nomination]
    council_nominations: list[Nomination]  # on a council meeting's agenda, not in a numbered document
    council_meetings: list[Meeting]  # the meetings whose agenda lists them, oldest first
    draft_entries: list[DecisionEntry]  # the dropped nominations' lines in drafts
    exemplars: list[Exemplar]
    unused_files: list[StoredFile] = field(default_factory=list)  # bytes leave the store
    shared_files: list[StoredFile] = field(default_factory=list)  # another record still uses them
    audit_events: int = 0  # lines of the audit trail about the subject's own row (its number's newest life)

    @property
    def deletes_subject(self) -> bool:
        """No award history, no numbered document, no council meeting: nothing of the subject is a state
        record."""
        return not self.subject.awards and not self.numbered and not self.council_nominations

    @property
    def state_nominations(self) -> list[Nomination]:
        """The nominations kept as state records (with their dossier and their trail)."""
        return [*self.kept_nominations, *self.council_nominations]


def is_numbered(decision: Decision) -> bool:
    if decision.status is not DecisionStatus.DRAFT:
        return True
    return decision.registered(DocumentType.PROPOSAL) is not None


def survey_subject(session: Session, subject: Subject) -> Survey:
    nominations = list(session.scalars(
        select(Nomination).where(Nomination.subject_id == subject.id).order_by(Nomination.id)))
    entries = list(session.scalars(
        select(DecisionEntry).join(Nomination, DecisionEntry.nomination_id == Nomination.id)
        .where(Nomination.subject_id == subject.id).order_by(DecisionEntry.id)))
    numbered = sorted({e.decision for e in entries if is_numbered(e.decision)}, key=_document_order)
    kept_ids = {e.nomination_id for e in entries if is_numbered(e.decision)}
    agenda = list(session.scalars(
        select(AgendaItem).where(AgendaItem.nomination_id.in_([n.id for n in nominations]))))
    council_ids = {item.nomination_id for item in agenda} - kept_ids
    exemplars = list(session.scalars(
        select(Exemplar).where(Exemplar.subject_id == subject.id).order_by(Exemplar.id)))
    survey = Survey(
        subject=subject, numbered=numbered,
        kept_nominations=[n for n in nominations if n.id in kept_ids],
        dropped_nominations=[n for n in nominations if n.id not in kept_ids | council_ids],
        council_nominations=[n for n in nominations if n.id in council_ids],
        council_meetings=sorted({item.meeting for item in agenda if item.nomination_id in council_ids},
                                key=lambda m: (m.held_on, m.id)),
        draft_entries=[e for e in entries if e.nomination_id not in kept_ids],
        exemplars=exemplars,
        audit_events=sum(len(life.events) for life in subject_lives(session, subject.id, {})
                         if not life.ended),
    )
    _sort_files(session, survey)
    return survey


def _document_order(decision: Decision) -> tuple:
    return decision.issued_on is None, decision.issued_on, decision.id


@dataclass
class _Dropped:
    """The rows that go, by table: a file they use is still needed only by rows outside these."""

    checklist: set[int] = field(default_factory=set)
    exemplar_files: set[int] = field(default_factory=set)
    publicity: set[int] = field(default_factory=set)
    files: dict[int, StoredFile] = field(default_factory=dict)

    def add(self, ids: set[int], row_id: int, stored: StoredFile | None) -> None:
        ids.add(row_id)
        if stored is not None:
            self.files.setdefault(stored.id, stored)


def _sort_files(session: Session, survey: Survey) -> None:
    dropped = _Dropped()
    for nomination in survey.dropped_nominations:
        for item in nomination.checklist:
            dropped.add(dropped.checklist, item.id, item.stored_file)
    for exemplar in survey.exemplars:
        for item in exemplar.files:
            dropped.add(dropped.exemplar_files, item.id, item.stored_file)
        for news in exemplar.publicity:
            dropped.add(dropped.publicity, news.id, news.stored_file)
    for stored in sorted(dropped.files.values(), key=lambda s: s.id):
        target = survey.shared_files if _used_elsewhere(session, stored.id, dropped) else survey.unused_files
        target.append(stored)


def _used_elsewhere(session: Session, stored_id: int, dropped: _Dropped) -> bool:
    users = ((ChecklistItem, dropped.checklist), (ExemplarFile, dropped.exemplar_files),
             (PublicityItem, dropped.publicity))
    for model, gone in users:
        query = select(model.id).where(model.stored_file_id == stored_id, model.id.not_in(gone)).limit(1)
        if session.scalar(query) is not None:
            return True
    return False
