"""sort keys without NUL, compared code point by code point on PostgreSQL

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 12:00:00

The separators of a sort key (app/rules/vntext.py) move up by one, \\x00 \\x01 \\x02 to \\x01 \\x02 \\x03
(same order: PostgreSQL text cannot hold NUL), and on PostgreSQL both sort key columns take
COLLATE "C", so the order is the keys' own and not a language collation's, which skips control
characters.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLES = ("unit", "subject")
_UP = str.maketrans({"\x00": "\x01", "\x01": "\x02", "\x02": "\x03"})
_DOWN = str.maketrans({"\x01": "\x00", "\x02": "\x01", "\x03": "\x02"})


def upgrade() -> None:
    for table in TABLES:
        _rewrite_keys(table, _UP)
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.alter_column(table, "sort_key", type_=sa.String(400, collation="C"),
                            existing_type=sa.String(400), existing_nullable=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.alter_column(table, "sort_key", type_=sa.String(400),
                            existing_type=sa.String(400, collation="C"), existing_nullable=False)
    else:
        for table in TABLES:
            _rewrite_keys(table, _DOWN)


def _rewrite_keys(name: str, shift: dict[int, str]) -> None:
    table = sa.table(name, sa.column("id", sa.Integer), sa.column("sort_key", sa.String))
    bind = op.get_bind()
    rows = bind.execute(sa.select(table.c.id, table.c.sort_key)).all()
    changed = [{"row_id": row_id, "new_key": key.translate(shift)} for row_id, key in rows
               if key != key.translate(shift)]
    if changed:
        statement = (table.update().where(table.c.id == sa.bindparam("row_id"))
                     .values(sort_key=sa.bindparam("new_key")))
        bind.execute(statement, changed)
