"""Award records deleted and added the way that made SQLite give a deleted record's number to another
person's record (before schema 0007), and a database of schema 0006 to do it on."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from app.models import AwardRecord, Gender, SubjectKind
from app.services.subjects.crud import create_subject
from app.services.subjects.data import AwardInput, SubjectInput
from app.storage.database import Database
from app.storage.engine import make_engine
from app.storage.paths import DB_FILE_NAME

BEFORE_0007 = "0006"


def old_database(data_dir: Path, revision: str = BEFORE_0007) -> Database:
    """The data directory's database migrated only up to `revision` and opened as it is (not migrated)."""
    from backup_helpers import old_schema_database

    path = old_schema_database(data_dir / DB_FILE_NAME, revision)
    return Database(data_dir, make_engine(f"sqlite:///{path}"))


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
