"""subject sort indexes: the subjects list sorted by the CCCD number or by gender reads an index in order

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 07:40:00

ix_subject_citizen_id holds (citizen_id, sort_key, id): the list sorted by the number, then in official-list
order, is read in that order (either direction, empty numbers last) instead of sorting 100,000 rows.
ix_subject_gender holds (gender, sort_key, id): sorted by gender, the list is read one gender after the
other, each in official-list order (services/subjects/segments.py).
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_subject_citizen_id", "subject", ["citizen_id", "sort_key", "id"], unique=False)
    op.create_index("ix_subject_gender", "subject", ["gender", "sort_key", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_subject_gender", table_name="subject")
    op.drop_index("ix_subject_citizen_id", table_name="subject")
