"""word search: the folded words of subjects' names

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 05:00:00

One row per word of a subject's name (models/subject_word.py), folded and as written in lower case, with
an index on the folded word: a typed word is a prefix range of it. Filled from the subjects there are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.rules.vntext import fold, name_words

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

CHUNK = 5000


def _word_type() -> sa.String:
    return sa.String(length=200).with_variant(sa.String(length=200, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "subject_word",
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("word", _word_type(), nullable=False),
        sa.Column("exact", _word_type(), nullable=False),
        sa.ForeignKeyConstraint(
            ["subject_id"], ["subject.id"], name=op.f("fk_subject_word_subject_id_subject"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("subject_id", "position", name=op.f("pk_subject_word")),
    )
    _fill()
    with op.batch_alter_table("subject_word", schema=None) as batch_op:
        batch_op.create_index("ix_subject_word_word", ["word", "subject_id"], unique=False)


def _fill() -> None:
    """The words of every subject's name, a chunk of subjects at a time."""
    bind = op.get_bind()
    subject = sa.table("subject", sa.column("id", sa.Integer), sa.column("name", sa.String))
    words = sa.table("subject_word", sa.column("subject_id", sa.Integer), sa.column("position", sa.Integer),
                     sa.column("word", sa.String), sa.column("exact", sa.String))
    last = 0
    while True:
        chunk = sa.select(subject.c.id, subject.c.name).where(subject.c.id > last)
        rows = bind.execute(chunk.order_by(subject.c.id).limit(CHUNK)).all()
        if not rows:
            return
        values = [
            {"subject_id": sid, "position": i, "word": fold(w)[:200], "exact": w[:200]}
            for sid, name in rows for i, w in enumerate(name_words(str(name)))
        ]
        if values:
            bind.execute(words.insert(), values)
        last = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("subject_word", schema=None) as batch_op:
        batch_op.drop_index("ix_subject_word_word")
    op.drop_table("subject_word")
