"""Plain data that goes in and out of the movement services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.models import MovementKind, NominationStatus
from app.services.exemplars.data import ExemplarRow


@dataclass
class MovementInput:
    """Everything the add/edit form of a movement holds."""

    name: str = ""
    kind: MovementKind | None = MovementKind.ONGOING
    launched_by: str = ""  # cơ quan phát động
    start_date: dt.date | None = None
    end_date: dt.date | None = None  # none for an ongoing movement
    field_id: int | None = None
    description: str = ""


@dataclass
class MovementDetail(MovementInput):
    id: int = 0
    version: int = 0
    field_name: str = ""


@dataclass(frozen=True)
class MovementRow:
    """One line of the movements list."""

    id: int
    name: str
    kind: MovementKind
    launched_by: str
    start_date: dt.date
    end_date: dt.date | None
    field_name: str
    exemplar_count: int


@dataclass(frozen=True)
class MovementNominationRow:
    """A nomination that belongs to a movement (through its exemplar or its round)."""

    id: int
    subject_name: str
    award_name: str
    round_name: str
    round_year: int
    unit_name: str
    status: NominationStatus


@dataclass
class MovementOverview:
    """A movement's page: the movement, its exemplars and its nominations."""

    movement: MovementDetail
    exemplars: list[ExemplarRow] = field(default_factory=list)
    nominations: list[MovementNominationRow] = field(default_factory=list)
