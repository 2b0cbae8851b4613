"""ids of audited records are never reused (AUTOINCREMENT on SQLite)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 12:00:00

The audit trail files an event under its record's number. SQLite gives a new row the largest id + 1, so a
deleted newest record's number went to the next record, of another person: the trail then held the two
records' events under one number. With AUTOINCREMENT a number is never given twice; SQLite can only add
it by recreating the table, which batch mode does here, keeping every row with its id, and the indexes,
constraints and foreign keys. The numbers the trail has already used (a deleted newest record) are
reserved too. PostgreSQL's sequences never give a number twice: nothing to do there.

Run through app.storage.migrate.upgrade, which turns SQLite's foreign keys off for the migration (as
SQLite's own procedure for recreating a table asks: dropping the old table must not cascade) and checks
them before committing. A row whose key already pointed nowhere before is left as it was.

On SQLite the rebuilt tables' primary keys lose their names (pk_<table>): SQLAlchemy writes an AUTOINCREMENT
key inline, where SQLite allows no name. Nothing refers to those names; PostgreSQL keeps them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# The audited tables with a number of their own (achievement_report is keyed by its nomination, setting by
# a text key), as of this revision.
TABLES = (
    "subject", "award_record", "hold_flag", "unit", "bloc", "field", "movement", "exemplar",
    "exemplar_stage_change", "exemplar_file", "publicity_item", "replication_activity", "award_form",
    "criterion", "round", "nomination", "checklist_item", "nomination_event", "decision", "decision_entry",
    "register_entry", "app_user",
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    _refuse_foreign_keys_on(bind)
    for table in TABLES:
        with op.batch_alter_table(table, recreate="always", table_kwargs={"sqlite_autoincrement": True}):
            pass
    for table in TABLES:
        _reserve_used_numbers(bind, table)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    _refuse_foreign_keys_on(bind)
    for table in TABLES:
        with op.batch_alter_table(table, recreate="always", table_kwargs={"sqlite_autoincrement": False}):
            pass
    bind.exec_driver_sql("DELETE FROM sqlite_sequence")


def _refuse_foreign_keys_on(bind: sa.Connection) -> None:
    """Dropping a parent table with foreign keys on would delete (cascade) or refuse its children's rows."""
    if not bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        return
    if any(bind.exec_driver_sql(f'SELECT 1 FROM "{table}" LIMIT 1').first() for table in TABLES):
        raise RuntimeError("migration 0007 recreates tables: run it with SQLite's foreign keys off "
                           "(app.storage.migrate.upgrade does)")


def _reserve_used_numbers(bind: sa.Connection, table: str) -> None:
    """The next number comes after every number the audit trail has used for the table, so that the number
    of a deleted newest record is not given again (the copy above set it after the largest kept id)."""
    used = bind.execute(sa.text("SELECT MAX(entity_id) FROM audit_event WHERE entity = :table"),
                        {"table": table}).scalar()
    current = bind.execute(sa.text("SELECT seq FROM sqlite_sequence WHERE name = :table"),
                           {"table": table}).scalar()
    if used is None or (current is not None and current >= used):
        return
    if current is None:
        bind.execute(sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES (:table, :seq)"),
                     {"table": table, "seq": used})
    else:
        bind.execute(sa.text("UPDATE sqlite_sequence SET seq = :seq WHERE name = :table"),
                     {"table": table, "seq": used})
