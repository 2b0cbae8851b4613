"""Migration 0011: the word table, filled from the subjects there are, and taken away again by the
downgrade without touching anything else."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import func, inspect, select

from app.models import AwardRecord, Gender, SubjectKind, SubjectWord
from app.services.subjects.crud import create_subject
from app.services.subjects.data import AwardInput, SubjectInput, SubjectQuery
from app.services.subjects.search import search_subjects
from app.storage import migrate

pytestmark = pytest.mark.both_backends


def _add(db, name: str, awards: list[AwardInput] | None = None) -> int:
    data = SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.FEMALE, awards=awards or [])
    return create_subject(db, data).id


def test_0011_down_and_up_again_fills_the_words_of_every_subject(db) -> None:
    _add(db, "Nguyễn Thị Hương", [AwardInput(form_name="Lao động tiên tiến", year=2024)])
    _add(db, "Trần Văn Phương")
    config = migrate.alembic_config(db.engine.url.render_as_string(hide_password=False))
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0010")
    tables = inspect(db.engine)
    assert "subject_word" not in tables.get_table_names()
    with db.engine.connect() as conn:  # nothing else went with it
        assert conn.execute(select(func.count()).select_from(AwardRecord)).scalar_one() == 1
    migrate.upgrade(db.engine, "0011")
    with db.read() as session:
        words = session.execute(select(SubjectWord.word).order_by(SubjectWord.subject_id,
                                                                  SubjectWord.position)).scalars().all()
    assert words == ["nguyen", "thi", "huong", "tran", "van", "phuong"]
    assert [row.name for row in search_subjects(db, SubjectQuery("huong"))] == ["Nguyễn Thị Hương"]
    assert [row.name for row in search_subjects(db, SubjectQuery("phuong tran"))] == ["Trần Văn Phương"]
