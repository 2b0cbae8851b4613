"""The audit trail read back: its page's queries, its Vietnamese wording, and the chain check.

The names below are what the UI and the CLI may call (app/services/exports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.exports import lazy_exports

if TYPE_CHECKING:
    from app.services.audit.check import TrailReport, check_audit_trail
    from app.services.audit.format import local, moment_text, short_moment
    from app.services.audit.queries import (
        AuditDetail,
        AuditFilter,
        AuditPage,
        AuditRow,
        actor_choices,
        count_events,
        entity_choices,
        event_detail,
        list_events,
    )

__all__ = [
    "AuditDetail", "AuditFilter", "AuditPage", "AuditRow", "TrailReport", "actor_choices",
    "check_audit_trail", "count_events", "entity_choices", "event_detail", "list_events", "local",
    "moment_text", "short_moment"
]
__getattr__ = lazy_exports(__name__, {
    "check": ["TrailReport", "check_audit_trail"],
    "format": ["local", "moment_text", "short_moment"],
    "queries": [
        "AuditDetail", "AuditFilter", "AuditPage", "AuditRow", "actor_choices", "count_events",
        "entity_choices", "event_detail", "list_events"
    ],
})
