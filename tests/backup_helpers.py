"""Helpers for the backup, restore and damaged-database tests: subjects, old schemas, broken pages."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.models import Gender, SubjectKind
from app.services.subjects.crud import create_subject
from app.services.subjects.data import AwardInput, SubjectInput

PAGE_SIZE = 4096


def add_subject(db, name: str, award: bool = False) -> None:
    awards = [AwardInput(form_name="Giấy khen", year=2025, issuer="UBND xã")] if award else []
    data = SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.MALE, awards=awards)
    create_subject(db, data)


def subject_names(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM subject")}
    finally:
        conn.close()


def old_schema_database(path: Path, revision: str = "0001") -> Path:
    """A database file migrated only up to `revision`, as an older Sổ Vàng left it."""
    from alembic import command

    from app.storage.engine import make_engine
    from app.storage.migrate import alembic_config

    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(f"sqlite:///{path}")
    config = alembic_config(str(engine.url))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    engine.dispose()
    return path


def page_holding(path: Path, needle: bytes, skip_first: bool = True) -> int:
    """The 1-based number of the page nearest the middle of the file that contains `needle`."""
    data = path.read_bytes()
    pages = [n for n in range(len(data) // PAGE_SIZE) if needle in data[n * PAGE_SIZE:(n + 1) * PAGE_SIZE]]
    pages = [n for n in pages if n > 0] if skip_first else pages
    assert pages, f"no page holds {needle!r}"
    middle = len(data) // PAGE_SIZE // 2
    return min(pages, key=lambda n: abs(n - middle)) + 1


def overwrite(path: Path, offset: int, data: bytes) -> None:
    with open(path, "r+b") as stream:
        stream.seek(offset)
        stream.write(data)


def overwrite_page(path: Path, page: int) -> None:
    overwrite(path, (page - 1) * PAGE_SIZE, b"\xa5" * PAGE_SIZE)
