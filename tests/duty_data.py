"""Making units, blocs and exemplars for the duty and dashboard tests (exemplars written directly,
so these tests do not depend on the exemplar services)."""

from __future__ import annotations

import datetime as dt

from app.models import Exemplar, ExemplarStage, Gender, SubjectKind, UnitKind
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput
from app.services.units import UnitInput, create_bloc, create_unit
from app.storage.database import Database

SUMMARY = "Mô hình trồng bưởi da xanh cho thu nhập 300 triệu đồng/năm."


def add_unit(db: Database, name: str, bloc_id: int | None = None) -> int:
    return create_unit(db, UnitInput(name=name, kind=UnitKind.VILLAGE, bloc_id=bloc_id))


def add_blocs(db: Database, *names: str) -> list[int]:
    """Blocs in this rota order."""
    return [create_bloc(db, name) for name in names]


def add_exemplar(
    db: Database,
    unit_id: int | None,
    on: dt.date,
    achievements: str = SUMMARY,
    name: str = "Nguyễn Văn Đạt",
    stage: ExemplarStage = ExemplarStage.DISCOVERED,
) -> int:
    subject = SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.MALE, unit_id=unit_id)
    subject_id = create_subject(db, subject).id
    with db.transaction() as session:
        exemplar = Exemplar(
            subject_id=subject_id, unit_id=unit_id, introduced_on=on, stage=stage, achievements=achievements
        )
        session.add(exemplar)
        session.flush()
        return exemplar.id
