"""Make the databases of schema 0006 that the migration-0007 and reused-number tests start from
(tests/data/old_schema/), written by the app as it was before the schema went past 0007:

    git worktree add /tmp/old-sovang 9af2356
    .venv/bin/python scripts/make_old_schema_fixtures.py /tmp/old-sovang
    git worktree remove /tmp/old-sovang

Commit 9af2356 is the last one whose models are those of schema 0007 (the features after it added columns
and audited tables that today's models would read and write in a database of schema 0006). Its own code
migrates a fresh database to 0006 and writes each scenario through its own services, as the tests did
before; SQLite then still gives a deleted newest record's number to the next record.

For each scenario NAME: NAME.sqlite3.gz (the database, vacuumed, gzipped) and NAME.json (the numbers the
tests need, what each step of the trail belongs to, and the other files of the data folder: the trail's
key `audit.key`, without which the sealed trail would not verify, and the demo's `sovang-khoi-tao.json`).
`tests/reused_ids_helpers.old_fixture` puts them back in a data folder. Any other tree of the old code
can be given instead of /tmp/old-sovang.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "tests" / "data" / "old_schema"
REVISION = "0006"
TODAY = dt.date(2026, 11, 21)
AN, BINH = "Nguyễn Văn An", "Trần Thị Bình"


def use_old_tree(old_tree: Path) -> None:
    """Import `app` from the old tree, never from this repository (installed editable in .venv)."""
    sys.path.insert(0, str(old_tree.resolve()))
    import app
    from app.storage.schema import SCHEMA_HEAD

    if Path(app.__file__).resolve().is_relative_to(ROOT) or SCHEMA_HEAD != "0007":
        sys.exit(f"{old_tree}: not a tree of the old code (app from {app.__file__}, schema {SCHEMA_HEAD})")


# --- the old app's steps, as the tests took them -------------------------------------------------------

def old_database(data_dir: Path):
    """A fresh database migrated only up to 0006 with the old code's migrations, opened as it is."""
    from alembic import command

    from app.storage.database import Database
    from app.storage.engine import make_engine
    from app.storage.migrate import alembic_config
    from app.storage.paths import DB_FILE_NAME

    engine = make_engine(f"sqlite:///{data_dir / DB_FILE_NAME}")
    config = alembic_config(str(engine.url))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, REVISION)
    return Database(data_dir, engine)


def add_person(db, name: str, years: list[int]) -> int:
    from app.models import Gender, SubjectKind
    from app.services.subjects.crud import create_subject
    from app.services.subjects.data import AwardInput, SubjectInput

    awards = [AwardInput(form_name="Giấy khen", year=year, issuer="UBND xã") for year in years]
    data = SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.MALE, awards=awards)
    return create_subject(db, data).id


def award_ids(db, subject_id: int) -> list[int]:
    from sqlalchemy import select

    from app.models import AwardRecord

    with db.read() as session:
        query = select(AwardRecord.id).where(AwardRecord.subject_id == subject_id).order_by(AwardRecord.id)
        return list(session.scalars(query))


def delete_award(db, award_id: int) -> None:
    from app.models import AwardRecord

    with db.transaction() as session:
        session.delete(session.get(AwardRecord, award_id))


def add_award(db, subject_id: int, year: int) -> int:
    from app.models import AwardRecord

    with db.transaction() as session:
        record = AwardRecord(subject_id=subject_id, form_name="Bằng khen", year=year, issuer="UBND tỉnh")
        session.add(record)
        session.flush()
        return record.id


def add_hold(db, subject_id: int, note: str) -> int:
    from app.models import HoldFlag, HoldKind

    with db.transaction() as session:
        hold = HoldFlag(subject_id=subject_id, kind=HoldKind.DISCIPLINE, start_date=dt.date(2023, 3, 1),
                        end_date=dt.date(2023, 12, 31), note=note)  # over: no bar to a nomination
        session.add(hold)
        session.flush()
        return hold.id


def delete_hold(db, hold_id: int) -> None:
    from app.models import HoldFlag

    with db.transaction() as session:
        session.delete(session.get(HoldFlag, hold_id))


def make_round(db, kind=None, name: str = "Tổng kết năm 2026") -> int:
    from app.models import RoundKind
    from app.services.rounds import RoundInput, create_round

    kind = kind or RoundKind.YEAR_END
    return create_round(db, RoundInput(name=name, kind=kind, year=2026, deadline=dt.date(2026, 12, 10)))


class Trail:
    """Who each audit event is about, told by the step that wrote it (each step acts for one person)."""

    def __init__(self, db) -> None:
        self.db = db
        self.owner: dict[int, str] = {}

    def step(self, person: str, action: Callable, *args, **kwargs):
        before = self.last_id()
        result = action(*args, **kwargs)
        self.owner.update((number, person) for number in range(before + 1, self.last_id() + 1))
        return result

    def last_id(self) -> int:
        from sqlalchemy import func, select

        from app.models import AuditEvent

        with self.db.read() as session:
            return session.scalar(select(func.coalesce(func.max(AuditEvent.id), 0)))


# --- the scenarios -----------------------------------------------------------------------------------

def people_and_a_collective(db) -> dict:
    """tests/storage/test_migration_0007.py: Bình (one award), An (two), a collective with a member; An's
    newest award (the largest number, which schema 0006 would give again) deleted."""
    from app.models import Gender, SubjectKind
    from app.services.subjects.crud import create_subject
    from app.services.subjects.data import SubjectInput

    binh = add_person(db, BINH, [2022])
    an = add_person(db, AN, [2023, 2024])
    collective = create_subject(db, SubjectInput(kind=SubjectKind.COLLECTIVE, name="Tổ dân phố 3")).id
    member = create_subject(db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Lê Văn Cường",
                                             gender=Gender.MALE, collective_id=collective)).id
    binh_award = award_ids(db, binh)[0]
    newest = award_ids(db, an)[-1]
    delete_award(db, newest)
    return {"an": an, "binh": binh, "binh_award": binh_award, "collective": collective, "member": member,
            "deleted_newest_award": newest}


def demo(db) -> dict:
    """tests/storage/test_migration_0007.py: the demo's 300 subjects of seed 1."""
    from app.services.demo import generate_demo

    summary = generate_demo(db, subjects=300, seed=1)
    return {"subjects": 300, "seed": 1, "summary": str(summary)}


def award_number_given_twice(db) -> dict:
    """tests/services/subjects/test_subject_export_own_events.py: Bình has one award, then An two; An's
    newest is deleted and Bình gets one, which schema 0006 numbers as An's deleted one."""
    binh = add_person(db, BINH, [2022])
    an = add_person(db, AN, [2023, 2024])
    newest = award_ids(db, an)[-1]
    delete_award(db, newest)
    added = add_award(db, binh, 2025)
    assert added == newest, (added, newest)
    return {"an": an, "binh": binh, "deleted": newest, "added": added}


def hold_and_nomination_given_twice(db) -> dict:
    """tests/services/subjects/test_subject_erase_own_events.py: Bình, then An; An's newest hold and
    newest nomination (with its report) are deleted, and Bình gets a hold and a nomination, which schema
    0006 numbers as An's deleted ones."""
    from sqlalchemy import select

    from app.models import AwardForm, RoundKind
    from app.services.catalogue.defaults import ensure_award_catalogue
    from app.services.nominations.crud import create_nomination, delete_nomination
    from app.services.nominations.data import NominationInput

    trail = Trail(db)
    ensure_award_catalogue(db)
    with db.read() as session:
        form = session.scalar(select(AwardForm.id).where(AwardForm.code == "LDTT"))
    year_end = make_round(db)
    second = make_round(db, RoundKind.AD_HOC, "Đột xuất năm 2026")
    binh = trail.step(BINH, add_person, db, BINH, [])
    an = trail.step(AN, add_person, db, AN, [])
    trail.step(BINH, add_hold, db, binh, "Khiển trách Bình năm 2024")
    trail.step(BINH, create_nomination, db, NominationInput(year_end, binh, form), today=TODAY)
    trail.step(AN, add_hold, db, an, "Cảnh cáo An năm 2023")
    hold = trail.step(AN, add_hold, db, an, "Khiển trách An năm 2025")
    nomination = trail.step(AN, create_nomination, db, NominationInput(year_end, an, form), today=TODAY)
    trail.step(AN, delete_hold, db, hold)
    trail.step(AN, delete_nomination, db, nomination)
    reused_hold = trail.step(BINH, add_hold, db, binh, "Cảnh cáo Bình năm 2026")
    reused_nomination = trail.step(BINH, create_nomination, db, NominationInput(second, binh, form),
                                   confirmed=True, today=TODAY)
    assert (reused_hold, reused_nomination) == (hold, nomination), (reused_hold, reused_nomination)
    return {"an": an, "binh": binh, "hold": hold, "nomination": nomination, "owner": trail.owner}


def subject_number_given_twice(db) -> dict:
    """tests/services/subjects/test_subject_erase_own_events.py: Cường added and deleted, then Dũng added,
    whom schema 0006 numbers as Cường."""
    from app.services.subjects.crud import delete_subject

    trail = Trail(db)
    gone = trail.step("Cường", add_person, db, "Lê Văn Cường", [])
    trail.step("Cường", delete_subject, db, gone)
    dung = trail.step("Dũng", add_person, db, "Phạm Văn Dũng", [])
    assert dung == gone, (dung, gone)
    return {"gone": gone, "dung": dung, "owner": trail.owner}


SCENARIOS = {
    "people_and_a_collective": people_and_a_collective,
    "demo_300_seed_1": demo,
    "award_number_given_twice": award_number_given_twice,
    "hold_and_nomination_given_twice": hold_and_nomination_given_twice,
    "subject_number_given_twice": subject_number_given_twice,
}


# --- writing them ------------------------------------------------------------------------------------

def make_fixture(name: str, scenario: Callable[..., dict]) -> None:
    from app.storage.paths import DB_FILE_NAME

    with tempfile.TemporaryDirectory(prefix="sovang-old-") as folder:
        data_dir = Path(folder)
        db = old_database(data_dir)
        try:
            facts = scenario(db)
        finally:
            db.close()
        path = data_dir / DB_FILE_NAME
        with closing(sqlite3.connect(path)) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (REVISION,)
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            conn.execute("VACUUM")
        files = {p.name: p.read_text(encoding="utf-8") for p in sorted(data_dir.iterdir()) if p != path}
        with path.open("rb") as source, gzip.GzipFile(TARGET / f"{name}.sqlite3.gz", "wb", mtime=0) as target:
            shutil.copyfileobj(source, target)
    facts = {"revision": REVISION, "made_by": "scripts/make_old_schema_fixtures.py", **facts, "files": files}
    (TARGET / f"{name}.json").write_text(json.dumps(facts, ensure_ascii=False, indent=1) + "\n",
                                         encoding="utf-8")
    print(f"{name}: {(TARGET / f'{name}.sqlite3.gz').stat().st_size // 1024} KB")


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    use_old_tree(Path(sys.argv[1]))
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, scenario in SCENARIOS.items():
        make_fixture(name, scenario)


if __name__ == "__main__":
    main()
