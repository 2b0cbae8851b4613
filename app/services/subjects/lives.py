"""The audit trail's events about one subject, told apart by the lives of the records that had each number:
what the personal-data export lists (record.py) and what erasure on request redacts (erase.py).

The trail files an event under its record's number. A number alone does not say whose record it was: on
a database from before schema 0007, SQLite gave a deleted newest record's number to the next record, of
another person. So the events are taken by what they record themselves: a record's life runs from its
creation (or its baseline) to its deletion; the subject a child record belongs to is in the values its
creation, its deletion, or a change of owner recorded; the other events of that life belong to the same
subject. A life whose owner the events do not tell (its values erased on request) is left out.

A record merged into the subject (services/subjects/merge.py: "Gộp hồ sơ trùng") was the same person:
its own row's events, and its child records' events from before they moved, are the subject's too. The
merge is found by the deletion of the merged record, whose summary ends with the merge's reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app.models import AuditAction, AuditEvent, Subject

OWNER = "subject_id"  # the column naming the subject, in each child record followed here
MERGE_MARK = "Gộp hồ sơ trùng: "  # starts the reason of every event of a merge


def merge_reason(other: Subject, kept: Subject) -> str:
    """What every event of merging `other` into `kept` says; its end names the kept record's number."""
    return f"{MERGE_MARK}“{other.name}” (số {other.id}) vào “{kept.name}” (số {kept.id})"


@dataclass(frozen=True)
class Life:
    """One record's life under its number: its events about the subject, in the chain's order. The life
    spans the trail from `since` (the id of its first event; None for a number's first life: from the
    trail's start) to `until` (the id of the next life's first event; None for the newest life)."""

    entity: str
    record_id: int
    events: tuple[AuditEvent, ...]
    since: int | None
    until: int | None

    @property
    def newest(self) -> bool:
        return self.until is None

    @property
    def ended(self) -> bool:
        """The record was deleted (its last event is its deletion)."""
        return self.events[-1].action is AuditAction.DELETE

    def spans(self, event_id: int) -> bool:
        after_start = self.since is None or self.since <= event_id
        return after_start and (self.until is None or event_id < self.until)


def subject_lives(session: Session, subject_id: int, children: Mapping[str, Iterable[int]]) -> list[Life]:
    """The lives about the subject: its own row's newest life (whole; `ended` when that row was deleted),
    and for each child table in `children` the lives of the subject's records, those whose numbers are
    given (the subject's records now, or until just now in the same transaction) and those deleted, found
    by their deletion's values, with only the events about the subject. Lives with no such event are left
    out."""
    given = {entity: set(numbers) for entity, numbers in children.items()}
    owners = merged_records(session, subject_id) | {subject_id}
    ids = {entity: numbers.union(*(_deleted_children(session, entity, owner) for owner in owners))
           for entity, numbers in given.items()}
    ids[Subject.__tablename__] = owners
    found: list[Life] = []
    for (entity, record_id), history in _events_of(session, ids).items():
        lives = _lives(history)
        for index, life in enumerate(lives):
            newest = index == len(lives) - 1
            if entity == Subject.__tablename__:
                owned = life if newest else []
            else:
                live = subject_id if newest and record_id in given[entity] else None
                owned = _owned_by(life, owners, live)
            if owned:
                since = life[0].id if index else None
                until = None if newest else lives[index + 1][0].id
                found.append(Life(entity, record_id, tuple(owned), since, until))
    return found


def keyed_events(session: Session, entity: str, lives: Iterable[Life]) -> list[AuditEvent]:
    """The events of the records of `entity` keyed by their parent's number (an achievement report by its
    nomination's) that fall in these lives of their parents: filed under the parent's number and recorded
    while that parent record had it. Baselines are left out."""
    spans: dict[int, list[Life]] = {}
    for life in lives:
        spans.setdefault(life.record_id, []).append(life)
    if not spans:
        return []
    query = select(AuditEvent).where(AuditEvent.entity == entity, AuditEvent.entity_id.in_(sorted(spans)),
                                     AuditEvent.action != AuditAction.BASELINE).order_by(AuditEvent.id)
    return [event for event in session.scalars(query)
            if any(life.spans(event.id) for life in spans[event.entity_id])]


def _deleted_children(session: Session, entity: str, subject_id: int) -> set[int]:
    """The numbers of the subject's child records of one kind that were deleted: their deletion's values
    name the subject (the snapshot's JSON is canonical: sorted keys, no spaces)."""
    marks = [f'"{OWNER}":{subject_id},', f'"{OWNER}":{subject_id}}}']
    query = select(AuditEvent.entity_id, AuditEvent.before_json).where(
        AuditEvent.entity == entity, AuditEvent.action == AuditAction.DELETE,
        or_(*[AuditEvent.before_json.contains(mark, autoescape=True) for mark in marks]))
    return {record_id for record_id, before in session.execute(query)
            if _recorded_owner(before) == subject_id}


def _events_of(session: Session, ids: dict[str, set[int]]) -> dict[tuple[str, int], list[AuditEvent]]:
    """Every event filed under these records' numbers, in the chain's order, by record; a baseline (one
    event for many rows, filed under its first row's number) under each of these records it lists."""
    about = [and_(AuditEvent.entity == entity, AuditEvent.entity_id.in_(sorted(numbers)))
             for entity, numbers in ids.items() if numbers]
    baselines = [and_(AuditEvent.entity == entity, AuditEvent.action == AuditAction.BASELINE,
                      AuditEvent.entity_id <= max(numbers))  # baselines list rows in number order
                 for entity, numbers in ids.items() if numbers]
    found: dict[tuple[str, int], list[AuditEvent]] = {}
    for event in session.scalars(select(AuditEvent).where(or_(*about, *baselines)).order_by(AuditEvent.id)):
        listed = _baseline_rows(event) if event.action is AuditAction.BASELINE else {event.entity_id}
        for record_id in listed & ids[event.entity]:
            found.setdefault((event.entity, record_id), []).append(event)
    return found


def _baseline_rows(event: AuditEvent) -> set[int]:
    try:
        rows = json.loads(event.after_json or "{}").get("rows") or []
        return {int(row[0]) for row in rows}
    except (ValueError, TypeError, AttributeError, IndexError):
        return {event.entity_id}


def _lives(history: list[AuditEvent]) -> list[list[AuditEvent]]:
    """One record number's events cut into the lives of the records that had it, oldest first."""
    lives: list[list[AuditEvent]] = []
    for event in history:
        ended = not lives or lives[-1][-1].action is AuditAction.DELETE
        if ended or event.action is AuditAction.CREATE:
            lives.append([])
        lives[-1].append(event)
    return lives


def merged_records(session: Session, subject_id: int) -> set[int]:
    """The numbers of the records merged into the subject, and into those, found by their deletion."""
    found: set[int] = set()
    waiting = [subject_id]
    while waiting:
        into = waiting.pop()
        query = select(AuditEvent.entity_id).where(
            AuditEvent.entity == Subject.__tablename__, AuditEvent.action == AuditAction.DELETE,
            AuditEvent.summary.contains(f"({MERGE_MARK}", autoescape=True),
            AuditEvent.summary.endswith(f" (số {into}))", autoescape=True))
        new = set(session.scalars(query)) - found - {subject_id}
        found |= new
        waiting.extend(new)
    return found


def _owned_by(life: list[AuditEvent], owners: set[int], live_owner: int | None) -> list[AuditEvent]:
    """The events of one child record's life that are about the subject. owner[i] is whose the record was
    before event i (owner[i + 1] after it): known where an event recorded it, or the live record's owner
    at the end, and carried across the events that did not move the record to another subject."""
    owner: list[int | None] = [None] * (len(life) + 1)
    keeps = []
    for index, event in enumerate(life):
        before, after = _recorded_owner(event.before_json), _recorded_owner(event.after_json)
        owner[index] = before if before is not None else owner[index]
        owner[index + 1] = after
        keeps.append(event.action not in (AuditAction.CREATE, AuditAction.DELETE) and after is None)
    if live_owner is not None and life[-1].action is not AuditAction.DELETE:
        owner[-1] = live_owner
    for index, kept in enumerate(keeps):
        if kept and owner[index + 1] is None:
            owner[index + 1] = owner[index]
    for index in reversed(range(len(life))):
        if keeps[index] and owner[index] is None:
            owner[index] = owner[index + 1]
    return [event for index, event in enumerate(life)
            if owner[index] in owners or owner[index + 1] in owners]


def _recorded_owner(snapshot: str | None) -> int | None:
    """The subject a child record's snapshot names (None: not recorded there, or erased on request)."""
    if not snapshot:
        return None
    try:
        values = json.loads(snapshot).get("values")
    except (ValueError, AttributeError):
        return None
    owner = values.get(OWNER) if isinstance(values, dict) else None
    return owner if isinstance(owner, int) else None
