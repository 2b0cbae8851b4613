"""Typed SQLAlchemy models. No Qt, no I/O beyond the database."""

from app.models.base import Base
from app.models.enums import (
    DisciplineLevel,
    Gender,
    HoldKind,
    OccupationGroup,
    SubjectKind,
    UnitKind,
)
from app.models.setting import Setting
from app.models.subject import AwardRecord, HoldFlag, Subject
from app.models.unit import Bloc, Field, Unit

__all__ = [
    "AwardRecord",
    "Base",
    "Bloc",
    "DisciplineLevel",
    "Field",
    "Gender",
    "HoldFlag",
    "HoldKind",
    "OccupationGroup",
    "Setting",
    "Subject",
    "SubjectKind",
    "Unit",
    "UnitKind",
]
