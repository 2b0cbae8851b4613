"""certificates: layouts, printer offsets, blanks register, prints, golden-book numbers

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 05:00:00

A placeholder in the chain until its feature fills it in (an empty revision changes nothing).
"""

from __future__ import annotations

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
