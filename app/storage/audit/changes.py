"""One change to one audited record, and the event that records it (summary, before and after)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.models.enums import AuditAction
from app.rules.vntext import lower_first
from app.storage.actor import Actor
from app.storage.audit.chain import NewEvent
from app.storage.audit.fields import field_label
from app.storage.audit.registry import Audited
from app.storage.audit.seal import sha
from app.storage.audit.snapshot import changed_columns, row_digest, sealed_envelope, shown_values

SUMMARY_FIELDS = 5  # changed fields named in an update's summary line


@dataclass
class Change:
    """What happened to one row; `before` and `after` are whole rows as the database holds them."""

    entry: Audited
    action: AuditAction
    key: Any
    before: Mapping[str, Any] | None = None
    after: Mapping[str, Any] | None = None
    target: object | None = None  # the ORM object, when the change came through the unit of work
    because: str = ""  # why the database did it by itself: "khi xóa quyết định mã 3"

    @property
    def values(self) -> Mapping[str, Any]:
        """The row as it is after the change, or as it was before a deletion."""
        return self.after if self.after is not None else self.before

    @property
    def record_id(self) -> int:
        return self.entry.record_id(self.values)


# Who did it and when: (at, actor) for a change. Normally now and the session's actor; the demo
# gives a stamp that puts its records on its own calendar.
Stamp = Callable[[Change], tuple[dt.datetime, Actor]]


def _fields(entry: Audited, names: list[str]) -> str:
    labels = [lower_first(field_label(entry.entity, name)) for name in names[:SUMMARY_FIELDS]]
    more = len(names) - SUMMARY_FIELDS
    return ", ".join(labels) + (f" và {more} mục khác" if more > 0 else "")


def summary_of(change: Change, names: list[str]) -> str:
    entry, values = change.entry, change.values
    line = f"{change.action.label} {lower_first(entry.label)} {entry.name(values)}"
    if change.action is AuditAction.UPDATE and names:
        line += f": {_fields(entry, names)}"
    return line + (f" ({change.because})" if change.because else "")


def event_for(change: Change, at: dt.datetime, actor: Actor) -> NewEvent | None:
    """The event recording the change; None for an update that left the row as it was."""
    entry, before, after = change.entry, change.before, change.after
    names: list[str] = []
    before_json = after_json = ""
    before_seal = after_seal = None  # what the chain's hash covers of them (made with them, not re-read)
    if change.action is AuditAction.UPDATE:
        if row_digest(before) == row_digest(after):
            return None
        names = changed_columns(entry, before, after)
        before_json, before_seal = sealed_envelope(row_digest(before), shown_values(entry, before, names))
        after_json, after_seal = sealed_envelope(row_digest(after), shown_values(entry, after, names))
    elif change.action is AuditAction.CREATE:
        after_json, after_seal = sealed_envelope(row_digest(after), shown_values(entry, after))
    else:
        before_json, before_seal = sealed_envelope(row_digest(before), shown_values(entry, before))
    summary = summary_of(change, names)
    return NewEvent(
        at=at, actor=actor.label, user_id=actor.user_id, action=change.action, entity=entry.entity,
        entity_id=change.record_id, summary=summary, before_json=before_json, after_json=after_json,
        sealed=(sha(summary), before_seal, after_seal),
    )
