"""Who is working: the signed-in account, or the computer's own user when the app has no accounts.

Every transaction carries the actor in `session.info["actor"]`, so the audit trail names a person
and the services can check what the person may do.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from app.models.enums import UserRole


@dataclass(frozen=True)
class Actor:
    username: str
    full_name: str = ""
    role: UserRole | None = None  # None: the app has no accounts, so the one user may do everything
    user_id: int | None = None

    @property
    def label(self) -> str:
        """How the audit trail names the person: "lan (Nguyễn Thị Lan)"."""
        return f"{self.username} ({self.full_name})" if self.full_name else self.username

    @property
    def can_edit(self) -> bool:
        return self.role is not UserRole.VIEWER

    @property
    def can_approve(self) -> bool:
        """Approve and issue (decisions, council results): leaders, or the app without accounts."""
        return self.role in (None, UserRole.LEADER)


def system_actor() -> Actor:
    """The computer's user, for the CLI and for an app without accounts."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError):  # no login name (a service account, a container)
        name = "may"
    return Actor(username=f"máy:{name}")
