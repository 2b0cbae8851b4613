"""What the person working may do, checked by the services inside their transaction.

Officers edit; leaders also approve and issue (a decision's number, its cancelling, the council's
result) and manage the accounts; viewers only read (refused by storage/write_guard.py). Without
accounts, the one user of the computer may do everything.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.errors import ServiceError
from app.storage.actor import Actor, system_actor

# Steps that only a leader may take, and steps that only read; the pages grey out the others' buttons.
APPROVE_STEPS = frozenset({"proposal_number", "issue", "cancel", "pass", "fail"})
READ_STEPS = frozenset({"decision", "proposal"})


class PermissionDeniedError(ServiceError):
    """The person's role does not allow this step; nothing was saved."""


def session_actor(session: Session) -> Actor:
    """The person working in this transaction (the computer's user when none was given)."""
    return session.info.get("actor") or system_actor()


def require_approve(session: Session, what: str) -> None:
    """Refuse unless the person may approve: `what` completes "Chỉ lãnh đạo mới được …"."""
    if not session_actor(session).can_approve:
        raise PermissionDeniedError(f"Chỉ lãnh đạo mới được {what}.")


def may_take(actor: Actor, step: str) -> bool:
    """Whether a page should offer this step to the person (the services check again)."""
    if step in READ_STEPS:
        return True
    if step in APPROVE_STEPS:
        return actor.can_approve
    return actor.can_edit
