"""stored file content: the bytes of stored files in the database on PostgreSQL

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 06:30:00

One row per stored file's bytes, keyed by its SHA-256 digest (models/stored_file_content.py). Created on
both backends; on SQLite it stays empty (the bytes stay in the data folder's files/).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stored_file_content",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["digest"], ["stored_file.sha256"], name=op.f("fk_stored_file_content_digest_stored_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("digest", name=op.f("pk_stored_file_content")),
    )


def downgrade() -> None:
    op.drop_table("stored_file_content")
