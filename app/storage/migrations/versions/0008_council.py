"""the commendation council: members, terms, meetings, attendance, opinions, polls

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 05:00:00

A placeholder in the chain until its feature fills it in (an empty revision changes nothing).
"""

from __future__ import annotations

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
