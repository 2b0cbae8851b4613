"""The viewer's guard: a transaction of a read-only account ("Chỉ xem") that tries to write is refused.

Installed on the Database's session factory, so it holds for every service, whatever its UI does.
Two writes stay allowed: the audit trail's own rows, and a viewer's own account row (signing in
records the time, and everyone may change their own password; app/services/accounts/manage.py checks that).
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from app.errors import ServiceError
from app.models.audit import AuditEvent, AuditHead
from app.models.user import AppUser
from app.storage.actor import Actor

VIEWER_REFUSED = "Tài khoản “{label}” chỉ được xem, không được thay đổi dữ liệu."


class ReadOnlyAccountError(ServiceError):
    """A viewer's transaction tried to write; nothing was saved."""


def install_write_guard(sessions: sessionmaker) -> None:
    event.listen(sessions, "before_flush", _refuse_viewer_writes)


def _refuse_viewer_writes(session: Session, _flush_context, _instances) -> None:
    actor: Actor | None = session.info.get("actor")
    if actor is None or actor.can_edit:
        return
    dirty = [obj for obj in session.dirty if session.is_modified(obj)]
    writes = [*session.new, *dirty, *session.deleted]
    if any(not _always_allowed(obj, actor, obj in dirty) for obj in writes):
        raise ReadOnlyAccountError(VIEWER_REFUSED.format(label=actor.label))


def _always_allowed(obj: object, actor: Actor, changed: bool) -> bool:
    if isinstance(obj, AuditEvent | AuditHead):
        return True
    return changed and isinstance(obj, AppUser) and obj.id == actor.user_id
