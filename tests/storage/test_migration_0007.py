"""Migration 0007: the audited tables never give a number twice (AUTOINCREMENT on SQLite), every row and id,
index, constraint and foreign key kept, the numbers the trail already used reserved, the trail still clean."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from reused_ids_helpers import add_award, add_person, award_ids, delete_award, old_fixture

from app.services.safety.integrity import check_database
from app.storage import migrate
from app.storage.audit.registry import REGISTRY
from app.storage.database import open_database
from app.storage.engine import make_engine
from app.storage.paths import DB_FILE_NAME
from app.storage.schema import SCHEMA_HEAD

pytestmark = pytest.mark.both_backends

# stored_file: content-addressed, never deleted by the app, so its numbers are never given again (no
# AUTOINCREMENT, no migration); audited since the trail's key.
NUMBERED = sorted(entry.entity for entry in REGISTRY if entry.entity != "stored_file"
                  if entry.table.c[entry.key_column].type.python_type is int
                  and not entry.table.c[entry.key_column].foreign_keys)


def test_every_audited_table_with_a_number_of_its_own_never_reuses_it_in_the_models() -> None:
    assert "subject" in NUMBERED and "award_record" in NUMBERED
    assert "setting" not in NUMBERED and "achievement_report" not in NUMBERED  # text key; its nomination's
    for entry in REGISTRY:
        if entry.entity in NUMBERED:
            assert entry.table.dialect_options["sqlite"]["autoincrement"], entry.entity


def test_a_deleted_newest_record_keeps_its_number(db) -> None:
    """On both backends: the next record after the newest one was deleted gets a number never given."""
    person = add_person(db, "Nguyễn Văn An", [2023, 2024])
    newest = award_ids(db, person)[-1]
    delete_award(db, newest)
    assert add_award(db, person, 2025) > newest


def _shape(path: Path) -> dict:
    """Each table's columns, foreign keys, indexes and rows, as SQLite reports them."""
    with closing(sqlite3.connect(path)) as conn:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('sqlite_sequence', "
            "'alembic_version') ORDER BY name")]
        shape = {}
        for table in tables:
            listed = conn.execute(f'PRAGMA index_list("{table}")').fetchall()
            indexes = sorted((name, unique, origin, partial, _rows(conn, f'PRAGMA index_info("{name}")'))
                             for _seq, name, unique, origin, partial in listed)
            shape[table] = {
                "columns": conn.execute(f'PRAGMA table_info("{table}")').fetchall(),
                "foreign_keys": sorted(row[2:] for row in conn.execute(  # without SQLite's numbering
                    f'PRAGMA foreign_key_list("{table}")')),
                "indexes": indexes,
                "rows": conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall(),
            }
        return shape


def _rows(conn: sqlite3.Connection, sql: str) -> list:
    return conn.execute(sql).fetchall()


def _autoincremented(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'")}


# The old-schema tests are SQLite's alone: 0007 rebuilds SQLite tables with AUTOINCREMENT (PostgreSQL's
# sequences never gave a number twice), and their databases of schema 0006 are SQLite files the old app
# wrote (tests/data/old_schema, scripts/make_old_schema_fixtures.py).


@pytest.mark.sqlite_only
def test_0007_keeps_every_row_id_index_and_key_and_reserves_the_used_numbers(data_dir) -> None:
    # Bình (one award), An (two), a collective with a member; An's newest award deleted: the largest
    # number, which schema 0006 would give again
    facts = old_fixture(data_dir, "people_and_a_collective")
    binh, an, member, newest = facts["binh"], facts["an"], facts["member"], facts["deleted_newest_award"]
    path = data_dir / DB_FILE_NAME
    before = _shape(path)
    assert _autoincremented(path) == set()

    engine = make_engine(f"sqlite:///{path}")
    try:
        migrate.upgrade(engine, "0007")
        assert migrate.current_revision(engine) == "0007"
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # on again after the migration
    finally:
        engine.dispose()
    assert _shape(path) == before  # columns, keys, indexes and every row with its id
    assert _autoincremented(path) == set(NUMBERED) & set(before)  # the tables there at 0007 (0008… add more)
    assert before["award_record"]["rows"] and max(row[0] for row in before["award_record"]["rows"]) < newest
    database = open_database(data_dir)  # and on to the newest schema
    try:
        assert migrate.current_revision(database.engine) == SCHEMA_HEAD
        report = check_database(database, full=True)
        assert report.ok, report.summary()  # the rebuilt tables are no outside edit to the trail
        assert add_award(database, binh, 2025) == newest + 1  # not the deleted newest number again
        assert award_ids(database, member) == [] and award_ids(database, an) == [newest - 1]
    finally:
        database.close()


@pytest.mark.sqlite_only
def test_0007_on_a_demo_database_keeps_it_whole_and_clean(data_dir) -> None:
    old_fixture(data_dir, "demo_300_seed_1")  # the demo's 300 subjects of seed 1, made at schema 0006
    path = data_dir / DB_FILE_NAME
    before = _shape(path)
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "0007")
    engine.dispose()
    assert _shape(path) == before
    assert _autoincremented(path) == set(NUMBERED) & set(before)
    database = open_database(data_dir)
    try:
        report = check_database(database, full=True)
    finally:
        database.close()
    assert report.ok and report.trail is not None and report.trail.records > 2000, report.summary()


@pytest.mark.sqlite_only
def test_a_demo_database_of_schema_0006_upgraded_is_clean(data_dir) -> None:
    """Migration 0008 fills in the award forms' vote rules: the upgrade records them again as its own
    change (app/storage/audit/upgraded.py), so the trail does not read it as an outside edit."""
    old_fixture(data_dir, "demo_300_seed_1")
    database = open_database(data_dir)
    try:
        report = check_database(database, full=True)
    finally:
        database.close()
    assert report.ok, report.summary()


@pytest.mark.sqlite_only
def test_a_database_of_schema_0006_upgraded_never_reuses_a_number_in_any_table(data_dir) -> None:
    """Later migrations add columns without rebuilding a table, so 0007's AUTOINCREMENT stays."""
    old_fixture(data_dir, "people_and_a_collective")
    open_database(data_dir).close()
    assert _autoincremented(data_dir / DB_FILE_NAME) == set(NUMBERED)


@pytest.mark.sqlite_only
def test_0007_upgrades_a_database_that_already_had_a_row_pointing_nowhere(data_dir) -> None:
    """A row broken before (by a tool other than the app) is not the migration's fault: the rebuilt table
    renumbers its foreign keys, and the row is still recognised as the same one."""
    award = old_fixture(data_dir, "people_and_a_collective")["binh_award"]
    path = data_dir / DB_FILE_NAME
    with closing(sqlite3.connect(path)) as conn:  # foreign keys off: an outside tool's edit
        conn.execute("UPDATE award_record SET subject_id = 999999 WHERE id = ?", (award,))
        conn.commit()
        assert conn.execute("PRAGMA foreign_key_check").fetchall() != []
    engine = make_engine(f"sqlite:///{path}")
    try:
        migrate.upgrade(engine, "0007")
        assert migrate.current_revision(engine) == "0007"
        with engine.connect() as conn:
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    finally:
        engine.dispose()
    assert [(row[0], row[1]) for row in broken] == [("award_record", award)]  # kept as it was, not repaired
