"""subject sort indexes: the subjects list sorted by the CCCD number or by gender reads an index in order

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 07:40:00

ix_subject_citizen_id holds (citizen_id, sort_key, id): the list sorted by the number, then in official-list
order, is read in that order (either direction, empty numbers last) instead of sorting 100,000 rows.
ix_subject_gender holds (gender, sort_key, id): sorted by gender, the list is read one gender after the
other, each in official-list order (services/subjects/segments.py).

On PostgreSQL, the collation sovang_vi (ICU's Vietnamese) that lists sort texts and names by
(services/sorting.by_text, by_name); a server built without ICU gets the binary order under that name.
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
    if op.get_bind().dialect.name == "postgresql":
        op.execute("""
            DO $$ BEGIN
                CREATE COLLATION IF NOT EXISTS sovang_vi (provider = icu, locale = 'vi');
            EXCEPTION WHEN OTHERS THEN
                CREATE COLLATION IF NOT EXISTS sovang_vi FROM "C";
            END $$""")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP COLLATION IF EXISTS sovang_vi")
    op.drop_index("ix_subject_gender", table_name="subject")
    op.drop_index("ix_subject_citizen_id", table_name="subject")
