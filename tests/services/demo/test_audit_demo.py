"""The demo's audit trail: its people on its calendar, its bulk rows recorded, and a clean check."""

from __future__ import annotations

import datetime as dt

from audit_helpers import events

from app.services.audit.check import check_audit_trail
from app.services.audit.queries import AuditFilter, list_events
from app.services.demo.generate import DEMO_PROFILE, generate_demo


def test_the_demo_leaves_a_trail_signed_by_its_people_over_its_calendar(db) -> None:
    generate_demo(db, subjects=300, seed=7)
    trail = events(db)
    actors = {e.actor for e in trail}
    assert {f"huyen ({DEMO_PROFILE.officer})", f"hung ({DEMO_PROFILE.chairman})"} <= actors
    baselined = {e.entity for e in trail if e.action == "baseline"}
    assert {"subject", "award_record", "hold_flag"} <= baselined
    assert sum(len(e.after["rows"]) for e in trail if e.entity == "subject" and e.action == "baseline") == 300
    issued = [e for e in trail
              if e.entity == "decision" and e.after.get("values", {}).get("status") == "issued"]
    signers = {f"hung ({DEMO_PROFILE.chairman})", "lan (Trần Thị Lan)"}  # the chairman, or his deputy
    assert issued and {e.actor for e in issued} <= signers
    report = check_audit_trail(db)
    assert report.ok, report.summary()


def test_the_demo_trail_spans_months_of_its_year(db) -> None:
    generate_demo(db, subjects=120, seed=3)
    rows = list_events(db, AuditFilter(), limit=None).rows
    days = {r.at.date() for r in rows}
    assert len(days) > 20
    assert min(days) < dt.date(2026, 6, 1) and max(d for d in days if d.year == 2026) >= dt.date(2026, 11, 1)
