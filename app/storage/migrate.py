"""Schema migrations with Alembic, run at start after a backup of the existing database."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, text

from app.errors import DatabaseTooNewError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
__all__ = ["DatabaseTooNewError", "needs_upgrade", "upgrade"]


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None, "no migration scripts shipped"
    return head


def needs_upgrade(engine: Engine) -> bool:
    """True when the schema is behind; DatabaseTooNewError when it comes from a newer app."""
    current = current_revision(engine)
    if current is None:
        return True
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    try:
        known = script.get_revision(current) is not None
    except CommandError:
        known = False
    if not known:
        raise DatabaseTooNewError(current)
    return current != script.get_current_head()


# On a shared PostgreSQL server two computers may start the new version at once: the second waits for
# the first's migration (a transaction-scoped advisory lock), then finds nothing left to do.
MIGRATION_LOCK_KEY = 0x536F56616E67  # "SoVang"


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to the newest schema (or to `revision`, for the tests of one migration), in one transaction."""
    config = alembic_config(str(engine.url))
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:  # a migration that recreates a table must not cascade when it drops the old one
            _sqlite_foreign_keys(conn, on=False)
        try:
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
                broken = _broken_foreign_keys(conn) if sqlite else set()
                config.attributes["connection"] = conn
                command.upgrade(config, revision)
                if sqlite:
                    _check_foreign_keys(conn, broken)
        finally:
            if sqlite:
                _sqlite_foreign_keys(conn, on=True)


def _sqlite_foreign_keys(conn: Connection, on: bool) -> None:
    """SQLite's foreign keys on or off: outside a transaction only (inside one SQLite ignores it), so on
    the driver's connection, which opens no transaction by itself (app.storage.engine)."""
    driver = conn.connection.driver_connection
    assert driver is not None, "an open connection"
    driver.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def _broken_foreign_keys(conn: Connection) -> set[tuple]:
    """(table, rowid, parent table) of each row whose foreign key points nowhere. Not the key's number
    (fkid): recreating a table may renumber its keys, and a row broken before must stay recognised."""
    return {tuple(row)[:3] for row in conn.exec_driver_sql("PRAGMA foreign_key_check")}


def _check_foreign_keys(conn: Connection, before: set[tuple]) -> None:
    """With foreign keys off, what the migrations did is checked before it is committed (SQLite's procedure
    for recreating a table); rows broken before (by a tool other than the app) are not the migration's."""
    broken = _broken_foreign_keys(conn) - before
    if broken:
        raise RuntimeError(f"the migration left {len(broken)} rows whose foreign keys point nowhere, "
                           f"such as {min(broken)}: nothing migrated")
