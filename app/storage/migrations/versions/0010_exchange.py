"""exchange: import batches for undo, export presets

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 05:00:00

The batches of the Excel import (what one import created, undone together) and the saved column presets
of imports and exports.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("sheet_name", sa.String(length=200), nullable=False),
        sa.Column("imported_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.Column("created_count", sa.Integer(), nullable=False),
        sa.Column("matched_count", sa.Integer(), nullable=False),
        sa.Column("refused_count", sa.Integer(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batch")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "import_batch_subject",
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["import_batch.id"], name=op.f("fk_import_batch_subject_batch_id_import_batch"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"], ["subject.id"], name=op.f("fk_import_batch_subject_subject_id_subject"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("batch_id", "subject_id", name=op.f("pk_import_batch_subject")),
    )
    with op.batch_alter_table("import_batch_subject", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_batch_subject_subject_id"), ["subject_id"], unique=False)
    op.create_table(
        "exchange_preset",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("list_kind", sa.String(length=32), nullable=False),
        sa.Column("columns_json", sa.Text(), nullable=False),
        sa.Column("include_citizen_id", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_preset")),
        sa.UniqueConstraint("direction", "name", name=op.f("uq_exchange_preset_direction")),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("exchange_preset")
    with op.batch_alter_table("import_batch_subject", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_batch_subject_subject_id"))
    op.drop_table("import_batch_subject")
    op.drop_table("import_batch")
