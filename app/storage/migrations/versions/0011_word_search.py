"""word search: the folded words of subjects' names

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 05:00:00

A placeholder in the chain until its feature fills it in (an empty revision changes nothing).
"""

from __future__ import annotations

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
