"""subject sort indexes: the subjects list sorted by the CCCD number reads an index in order

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 07:40:00

ix_subject_citizen_id holds (citizen_id, sort_key, id): the list sorted by the number, then in official-list
order, is read in that order (either direction, empty numbers last) instead of sorting 100,000 rows.
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_subject_citizen_id", "subject", ["citizen_id", "sort_key", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_subject_citizen_id", table_name="subject")
