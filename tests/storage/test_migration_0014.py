"""Migration 0014: award rows name their movement. The rows decisions wrote take their round's movement,
the rows typed by hand stay without one; the upgrade records the rows it filled as its own change, so the
trail stays clean; on SQLite the rebuilt table keeps its AUTOINCREMENT and never gives a number twice."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from alembic import command
from award_movement_helpers import PATRIOTIC, issued_in, movement, person
from sqlalchemy import delete, inspect, select, update

from app.models import AwardRecord
from app.services.safety.integrity import check_database
from app.services.subjects.data import AwardInput
from app.storage import migrate
from app.storage.database import open_database
from app.storage.paths import DB_FILE_NAME

pytestmark = pytest.mark.both_backends


def _downgrade_to_0013(db) -> None:
    config = migrate.alembic_config(db.engine.url.render_as_string(hide_password=False))
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0013")
    assert "movement_id" not in {c["name"] for c in inspect(db.engine).get_columns("award_record")}


def _movements(db) -> dict[int | None, int | None]:
    """decision id (None for a typed row) -> the row's movement."""
    with db.read() as session:
        return {d: m for d, m in session.execute(select(AwardRecord.decision_id, AwardRecord.movement_id))}


def test_0014_gives_the_rows_of_decisions_their_rounds_movement(commune_db) -> None:
    patriotic = movement(commune_db, PATRIOTIC)
    _subject, decision_id = issued_in(commune_db, patriotic)
    person(commune_db, [AwardInput(form_name="Giấy khen", year=2024)])
    _downgrade_to_0013(commune_db)
    migrate.upgrade(commune_db.engine, "0014")
    assert _movements(commune_db) == {decision_id: patriotic, None: None}


@pytest.mark.sqlite_only
def test_an_upgraded_database_is_clean_and_never_reuses_an_award_number(commune_db) -> None:
    patriotic = movement(commune_db, PATRIOTIC)
    _subject, decision_id = issued_in(commune_db, patriotic)
    person(commune_db, [AwardInput(form_name="Giấy khen", year=2024), AwardInput(form_name="Bằng khen",
                                                                                 year=2025)])
    with commune_db.transaction() as session:  # as the app before 0014 wrote and recorded it
        session.execute(update(AwardRecord).where(AwardRecord.decision_id == decision_id)
                        .values(movement_id=None))
        newest = session.scalar(select(AwardRecord.id).order_by(AwardRecord.id.desc()))
        session.execute(delete(AwardRecord).where(AwardRecord.id == newest))
    _downgrade_to_0013(commune_db)
    reopened = open_database(commune_db.data_dir)  # upgrades, and records the rows it filled
    try:
        assert _movements(reopened) == {decision_id: patriotic, None: None}
        report = check_database(reopened, full=True)
        assert report.ok and report.trail is not None, report.summary()
        person(reopened, [AwardInput(form_name="Giấy khen", year=2026)], name="Lê Văn Tâm")
        with reopened.read() as session:
            assert session.scalar(select(AwardRecord.id).order_by(AwardRecord.id.desc())) > newest
    finally:
        reopened.close()
    with closing(sqlite3.connect(commune_db.data_dir / DB_FILE_NAME)) as conn:
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'award_record'").fetchone()
    assert "AUTOINCREMENT" in sql and "fk_award_record_movement_id_movement" in sql
