"""The demo's audit trail: its people sign its changes, on its own calendar, and its bulk rows are recorded.

The commune's officer enters the data and judges the nominations, the chairman chairs the council and
signs the decisions (a vice-chairman those he signs), each on the day the demo dates the record. The
rows the demo inserts in bulk (subjects, their award history and holds) are recorded as the officer's
initial entry at the start of the demo year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app.models.enums import AuditAction, DecisionStatus, NominationStatus, SignerRole, UserRole
from app.rules.vntext import fold
from app.services.demo.context import DemoContext
from app.services.demo.texts import demo_today, demo_year
from app.storage.actor import Actor
from app.storage.audit.baseline import baseline_unrecorded
from app.storage.audit.changes import Change
from app.storage.audit.recorder import STAMP

VIETNAM = dt.timedelta(hours=7)  # times are stored in UTC
COUNCIL = (NominationStatus.PASSED, NominationStatus.FAILED, NominationStatus.DECIDED)


def _person(name: str, role: UserRole, fallback: str) -> Actor:
    name = name or fallback
    return Actor(username=fold(name).split()[-1], full_name=name, role=role)


def _utc(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute)) - VIETNAM


class DemoStamp:
    """Who did what when in the demo, from the record itself (dates it carries, its status)."""

    def __init__(self, ctx: DemoContext) -> None:
        profile = ctx.profile
        self.officer = _person(profile.officer, UserRole.OFFICER, "Cán bộ thi đua")
        self.chairman = _person(profile.chairman, UserRole.LEADER, "Chủ tịch")
        vices = profile.vice_chairmen
        self.vice = _person(vices[0], UserRole.LEADER, "") if vices else self.chairman
        self.start = _utc(dt.date(demo_year(ctx), 1, 5), 8, 30)
        self.today = _utc(demo_today(ctx), 16)
        self.hint: dt.datetime | None = None  # the day the demo is writing, for records that carry none
        self._times: dict[tuple[str, int], dt.datetime] = {}  # nominations and decisions, for their parts

    def __call__(self, change: Change) -> tuple[dt.datetime, Actor]:
        rule = _RULES.get(change.entry.entity)
        at, actor = rule(self, change) if rule else (None, None)
        if at is None or at > self.today:  # none, or stamped by the database's clock (now)
            at = self.hint or self.start
        return at, actor or self.officer

    def day(self, day: dt.date | None, hour: int) -> dt.datetime | None:
        return _utc(day, hour) if day else None

    def remember(self, kind: str, key: int, at: dt.datetime | None) -> dt.datetime | None:
        if at is not None:
            self._times[(kind, key)] = at
        return at

    def recalled(self, kind: str, key: int) -> dt.datetime | None:
        return self._times.get((kind, key))

    def by_status(self, status: NominationStatus | None) -> Actor:
        return self.chairman if status in COUNCIL else self.officer


def _nomination(stamp: DemoStamp, change: Change):
    events = getattr(change.target, "events", None) or []
    timed = [e.at for e in events if e.at is not None]
    at = (timed[0] if change.action is AuditAction.CREATE else timed[-1]) if timed else None
    stamp.remember("nomination", change.values["id"], at)
    return at, stamp.by_status(change.values["status"])


def _decision(stamp: DemoStamp, change: Change):
    v = change.values
    if v["status"] is DecisionStatus.CANCELLED:
        at, actor = stamp.day(v["cancelled_on"], 14), stamp.chairman
    elif v["status"] is DecisionStatus.ISSUED:
        at, actor = stamp.day(v["issued_on"], 10), (stamp.vice if v["signer_role"] is SignerRole.VICE_CHAIRMAN
                                                    else stamp.chairman)
    else:
        at, actor = stamp.day(v["council_meeting_on"], 15), stamp.officer
    return stamp.remember("decision", v["id"], at), actor


def _round(stamp: DemoStamp, change: Change):
    deadline = change.values["deadline"]
    return (stamp.day(deadline - dt.timedelta(days=30), 9) if deadline else None), stamp.officer


Rule = Callable[[DemoStamp, Change], tuple[dt.datetime | None, Actor | None]]
_RULES: dict[str, Rule] = {
    "nomination": _nomination,
    "nomination_event": lambda s, c: (c.values["at"], s.by_status(c.values["status"])),
    "achievement_report": lambda s, c: (s.recalled("nomination", c.values["nomination_id"]), s.officer),
    "checklist_item": lambda s, c: (s.day(c.values["decided_on"], 10), s.officer),
    "decision": _decision,
    "decision_entry": lambda s, c: (s.recalled("decision", c.values["decision_id"]), None),
    "register_entry": lambda s, c: (s.day(c.values["issued_on"], 11), s.officer),
    "award_record": lambda s, c: (s.day(c.values["decision_date"], 11), s.chairman),
    "round": _round,
    "movement": lambda s, c: (s.day(c.values["start_date"], 8), s.chairman),
    "exemplar": lambda s, c: (s.day(c.values["introduced_on"], 9), s.officer),
    "exemplar_stage_change": lambda s, c: (s.day(c.values["changed_on"], 9), s.officer),
    "publicity_item": lambda s, c: (s.day(c.values["published_on"], 14), s.officer),
    "replication_activity": lambda s, c: (s.day(c.values["held_on"], 14), s.officer),
}


def start_demo_trail(ctx: DemoContext) -> None:
    """From now on in the demo's transaction, its people sign the trail on its calendar."""
    ctx.session.info[STAMP] = DemoStamp(ctx)


def demo_day(session, day: dt.date) -> None:
    """The day the demo is now writing records for (those that carry no date of their own)."""
    stamp: DemoStamp | None = session.info.get(STAMP)
    if stamp is not None:
        stamp.hint = _utc(day, 8)


def record_bulk_rows(ctx: DemoContext) -> None:
    """Demo section after the bulk ones: the rows they inserted, as the officer's initial entry."""
    stamp: DemoStamp = ctx.session.info[STAMP]
    baseline_unrecorded(ctx.session.connection(), stamp.start, stamp.officer)
