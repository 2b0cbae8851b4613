"""award record movement: a commendation in a subject's history names the movement it came from

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 08:10:00

award_record.movement_id (nullable, RESTRICT like every other link to a movement): typed in the subject
form for awards from before the app, the round's movement for the rows an issued decision writes. The
rows decisions already wrote take their round's movement here; the upgrade records them again as its
own change (app/storage/audit/upgraded.py). PostgreSQL adds the column; SQLite reads a foreign key's
name and ON DELETE back only from a table constraint, so there the table is rebuilt with its AUTOINCREMENT
(migration 0007) and its counter kept: no number is ever given twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_FILL = """
UPDATE award_record SET movement_id = (
    SELECT round.movement_id FROM decision JOIN round ON round.id = decision.round_id
    WHERE decision.id = award_record.decision_id
)
WHERE decision_id IS NOT NULL AND movement_id IS NULL AND EXISTS (
    SELECT 1 FROM decision JOIN round ON round.id = decision.round_id
    WHERE decision.id = award_record.decision_id AND round.movement_id IS NOT NULL
)
"""


def upgrade() -> None:
    bind = op.get_bind()
    column = sa.Column("movement_id", sa.Integer(), nullable=True)
    if bind.dialect.name == "sqlite":
        # SQLite names and reads back a foreign key only as a table constraint: the table is rebuilt
        # (with foreign keys off, as app.storage.migrate runs it), AUTOINCREMENT and its counter kept.
        with _kept_counter(bind), op.batch_alter_table(
                "award_record", recreate="always", table_kwargs={"sqlite_autoincrement": True}) as batch_op:
            batch_op.add_column(column)
            batch_op.create_foreign_key(batch_op.f("fk_award_record_movement_id_movement"), "movement",
                                        ["movement_id"], ["id"], ondelete="RESTRICT")
            batch_op.create_index(batch_op.f("ix_award_record_movement_id"), ["movement_id"], unique=False)
    else:
        op.add_column("award_record", column)
        op.create_foreign_key(op.f("fk_award_record_movement_id_movement"), "award_record", "movement",
                              ["movement_id"], ["id"], ondelete="RESTRICT")
        op.create_index(op.f("ix_award_record_movement_id"), "award_record", ["movement_id"], unique=False)
    op.execute(_FILL)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        with _kept_counter(bind), op.batch_alter_table(
                "award_record", recreate="always", table_kwargs={"sqlite_autoincrement": True}) as batch_op:
            batch_op.drop_index(batch_op.f("ix_award_record_movement_id"))
            batch_op.drop_constraint(batch_op.f("fk_award_record_movement_id_movement"), type_="foreignkey")
            batch_op.drop_column("movement_id")
        return
    op.drop_index(op.f("ix_award_record_movement_id"), table_name="award_record")
    op.drop_constraint(op.f("fk_award_record_movement_id_movement"), "award_record", type_="foreignkey")
    op.drop_column("award_record", "movement_id")


@contextmanager
def _kept_counter(bind: sa.Connection) -> Iterator[None]:
    """The rebuilt table's next number is the old table's (the copy would set it after the largest kept
    id, and a deleted newest record's number would be given again)."""
    query = sa.text("SELECT seq FROM sqlite_sequence WHERE name = 'award_record'")
    before = bind.execute(query).scalar()
    yield
    after = bind.execute(query).scalar()
    if before is None or (after is not None and after >= before):
        return
    if after is None:
        bind.execute(sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES ('award_record', :seq)"),
                     {"seq": before})
    else:
        bind.execute(sa.text("UPDATE sqlite_sequence SET seq = :seq WHERE name = 'award_record'"),
                     {"seq": before})
