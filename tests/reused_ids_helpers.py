"""Award records deleted and added the way that made SQLite give a deleted record's number to another
person's record (before schema 0007), and data folders of schema 0006 where the old app did it.

The old-schema data folders are made by the app as it was at schema 0007 (scripts/make_old_schema_fixtures.py,
run on a worktree of that commit), not by today's models, which read and write columns and tables a database
of schema 0006 does not have: tests/data/old_schema/NAME.sqlite3.gz and NAME.json (the numbers the tests
need, the trail's owners, the data folder's other files)."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import select

from app.models import AwardRecord, Gender, SubjectKind
from app.services.subjects.crud import create_subject
from app.services.subjects.data import AwardInput, SubjectInput
from app.storage.audit.key import KEY_FILE
from app.storage.database import Database
from app.storage.paths import DB_FILE_NAME

BEFORE_0007 = "0006"
OLD_SCHEMA_FIXTURES = Path(__file__).parent / "data" / "old_schema"


def old_fixture(data_dir: Path, name: str) -> dict:
    """The data folder the app of schema 0006 left after the scenario `name`, put into `data_dir` (its
    database and its other files: the trail's key…); returns what the scenario recorded (ids, owners)."""
    facts = json.loads((OLD_SCHEMA_FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DB_FILE_NAME
    with gzip.open(OLD_SCHEMA_FIXTURES / f"{name}.sqlite3.gz") as source, path.open("wb") as target:
        shutil.copyfileobj(source, target)
    for file_name, text in facts["files"].items():
        (data_dir / file_name).write_text(text, encoding="utf-8")
    if (data_dir / KEY_FILE).exists():
        os.chmod(data_dir / KEY_FILE, 0o600)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (BEFORE_0007,)
    return facts


def owners(facts: dict) -> dict[int, str]:
    """Whom each audit event of an old-schema fixture is about (event number → person)."""
    return {int(number): person for number, person in facts["owner"].items()}


def add_person(db: Database, name: str, years: list[int]) -> int:
    awards = [AwardInput(form_name="Giấy khen", year=year, issuer="UBND xã") for year in years]
    data = SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.MALE, awards=awards)
    return create_subject(db, data).id


def award_ids(db: Database, subject_id: int) -> list[int]:
    with db.read() as session:
        query = select(AwardRecord.id).where(AwardRecord.subject_id == subject_id).order_by(AwardRecord.id)
        return list(session.scalars(query))


def delete_award(db: Database, award_id: int) -> None:
    with db.transaction() as session:
        session.delete(session.get(AwardRecord, award_id))


def add_award(db: Database, subject_id: int, year: int) -> int:
    with db.transaction() as session:
        record = AwardRecord(subject_id=subject_id, form_name="Bằng khen", year=year, issuer="UBND tỉnh")
        session.add(record)
        session.flush()
        return record.id


def newest_deleted_then_another_added(db: Database) -> tuple[int, int, int, int]:
    """Bình has one award, then An two; An's newest (the largest number) is deleted and Bình gets one.
    Returns (An, Bình, the deleted award's number, the new award's number)."""
    binh = add_person(db, "Trần Thị Bình", [2022])
    an = add_person(db, "Nguyễn Văn An", [2023, 2024])
    newest = award_ids(db, an)[-1]
    delete_award(db, newest)
    return an, binh, newest, add_award(db, binh, 2025)


SUBJECT_NAMED = re.compile(r"đối tượng số (\d+)")


def subjects_named(summary: str) -> set[int]:
    """The subjects an event's line names ("… của đối tượng số 12", "Thêm đối tượng số 12 (…)")."""
    return {int(number) for number in SUBJECT_NAMED.findall(summary)}
