"""Appending to the audit trail's hash chain, in the transaction of the change it records.

Each event's hash is SHA-256 over the previous event's hash and a canonical serialisation of the event
(time, actor, account, action, record, and the SHA-256 of its summary and of its before and after
values, with the row digests).
Events are numbered by the chain itself (head.last_event_id + 1), so a missing event shows as a gap on
every database. The head row is read FOR UPDATE: on PostgreSQL that row lock makes concurrent writers
take turns; on SQLite the write lock already does (SQLAlchemy renders no FOR UPDATE there).

From the key's `sealed_from` on, the hash stored (and chained to) is the chained hash sealed with the data
folder's key (audit_key): the recorder puts the key on the connection (KEY_INFO) before anything is
appended.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, insert, select, update

from app.models.audit import AuditEvent, AuditHead
from app.models.enums import AuditAction
from app.storage.audit.seal import seal, summary_seal
from app.storage.audit.snapshot import canonical

if TYPE_CHECKING:
    from app.storage.audit.key import TrailKey

GENESIS = "0" * 64  # the "previous hash" of the first event
HEAD_ID = 1
EVENTS = AuditEvent.__table__
HEAD = AuditHead.__table__
KEY_INFO = "audit.key"  # connection.info: the TrailKey (or None) of the transaction's data folder


@dataclass(frozen=True)
class NewEvent:
    at: dt.datetime  # UTC, naive (as the database stores it)
    actor: str
    user_id: int | None
    action: AuditAction
    entity: str
    entity_id: int
    summary: str
    before_json: str = ""
    after_json: str = ""
    # (summary, before, after) as the hash covers them (audit_seal), when the maker has them at hand:
    # an event recorded as it is made need not parse back the JSON it just wrote (changes.event_for).
    sealed: tuple[str, Any, Any] | None = field(default=None, compare=False, repr=False)

    def row(self) -> dict[str, Any]:
        """The audit_event columns this event fills (the number and hashes aside)."""
        return {"at": self.at, "actor": self.actor, "user_id": self.user_id, "action": self.action,
                "entity": self.entity, "entity_id": self.entity_id, "summary": self.summary,
                "before_json": self.before_json, "after_json": self.after_json}


def event_hash(prev_hash: str, event: NewEvent | Mapping[str, Any]) -> str:
    """The hash of an event (a NewEvent, or a row read back from audit_event) after `prev_hash`.

    The summary and the snapshots' values count through their SHA-256 (audit_seal), so that a person's
    data can be redacted on request without breaking the chain."""
    get = event.get if isinstance(event, Mapping) else lambda name: getattr(event, name)
    action, before, after = get("action"), get("before_json"), get("after_json")
    sealed = None if isinstance(event, Mapping) else event.sealed
    payload = canonical([
        get("at").isoformat(timespec="microseconds"), get("actor"), get("user_id"),
        getattr(action, "value", action), get("entity"), get("entity_id"),
        *(sealed or (summary_seal(get("summary"), before, after), seal(before), seal(after))),
    ])
    return hashlib.sha256(f"{prev_hash}\n{payload}".encode()).hexdigest()


def stored_hash(prev_hash: str, event: NewEvent | Mapping[str, Any], number: int,
                key: TrailKey | None) -> str:
    """The hash an event stores: its chained hash, sealed when the key seals its number."""
    chained = event_hash(prev_hash, event)
    return key.seal(chained) if key is not None and key.seals(number) else chained


@dataclass(frozen=True)
class TrailHead:
    """Where the chain ends: how many events, the last one's number and stored hash. Written outside the
    database (each backup holds its own; an upload package carries `trail_head`), so a rewritten or
    shortened trail is found against any copy that left the laptop (`sovang check-db --against`)."""

    events: int
    last_event_id: int
    last_hash: str

    def as_json(self) -> dict:
        return {"events": self.events, "last_event_id": self.last_event_id, "last_hash": self.last_hash}


def trail_head(conn: Connection) -> TrailHead:
    """The head of the trail, for a backup's or a package's metadata (an empty trail: 0 events, GENESIS)."""
    head = read_head(conn)
    if head is None:
        return TrailHead(0, 0, GENESIS)
    return TrailHead(head["event_count"], head["last_event_id"], head["last_hash"])


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def read_head(conn: Connection, lock: bool = False):
    query = select(HEAD).where(HEAD.c.id == HEAD_ID)
    return conn.execute(query.with_for_update() if lock else query).mappings().first()


def has_events(conn: Connection) -> bool:
    return conn.execute(select(EVENTS.c.id).limit(1)).first() is not None


def start_chain(conn: Connection) -> None:
    """The head of an empty trail; an existing trail whose head row is missing continues from its end."""
    last = conn.execute(select(EVENTS.c.id, EVENTS.c.hash).order_by(EVENTS.c.id.desc()).limit(1)).first()
    count = conn.scalar(select(func.count()).select_from(EVENTS)) or 0
    conn.execute(insert(HEAD).values(id=HEAD_ID, last_event_id=last.id if last else 0,
                                     last_hash=last.hash if last else GENESIS, event_count=count))


def append(conn: Connection, events: Sequence[NewEvent]) -> None:
    """Chain the events after the head and move the head, in the caller's transaction."""
    if not events:
        return
    head = read_head(conn, lock=True)
    if head is None:
        raise RuntimeError("audit trail not started: call audit_recorder.ensure_started first")
    last_id, last_hash = head["last_event_id"], head["last_hash"]
    if KEY_INFO not in conn.info:
        raise RuntimeError("audit trail key not loaded: call audit_recorder.ensure_started first")
    key: TrailKey | None = conn.info[KEY_INFO]
    rows = []
    for event in events:
        last_id += 1
        digest = stored_hash(last_hash, event, last_id, key)
        rows.append({**event.row(), "id": last_id, "prev_hash": last_hash, "hash": digest})
        last_hash = digest
    conn.execute(insert(EVENTS), rows)
    conn.execute(update(HEAD).where(HEAD.c.id == HEAD_ID).values(
        last_event_id=last_id, last_hash=last_hash, event_count=head["event_count"] + len(rows)))
