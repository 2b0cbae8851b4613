"""Plain data that goes in and out of the subject services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.models import DisciplineLevel, Gender, HoldKind, OccupationGroup, SubjectKind


@dataclass
class AwardInput:
    form_name: str = ""
    year: int | None = None
    decision_no: str = ""
    decision_date: dt.date | None = None
    issuer: str = ""
    note: str = ""
    award_form_id: int | None = None  # the catalogue form, when known
    counts_toward_merit: bool = True  # False for ad-hoc and thematic awards
    movement_id: int | None = None  # the movement (phong trào thi đua) it came from, when known
    # The stored row this line shows (None for a line typed in now): an edit keeps the row and its links.
    record_id: int | None = None
    # Set when an issued decision of this app wrote the row: it is locked in the subject's form and
    # only cancelling that decision removes it. Read-only: the service decides from the stored row.
    locked_by_decision: bool = False

    def columns(self) -> dict:
        """The award_record column values this line stores."""
        return {name: getattr(self, name) for name in AWARD_COLUMNS}


AWARD_COLUMNS = (
    "form_name", "year", "decision_no", "decision_date", "issuer", "note", "award_form_id",
    "counts_toward_merit", "movement_id",
)


@dataclass
class HoldInput:
    kind: HoldKind = HoldKind.DISCIPLINE
    discipline_level: DisciplineLevel | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    note: str = ""


@dataclass
class SubjectInput:
    """Everything the add/edit form holds; fields of other kinds are ignored."""

    kind: SubjectKind = SubjectKind.INDIVIDUAL
    name: str = ""
    unit_id: int | None = None
    field_id: int | None = None
    address: str = ""
    phone: str = ""
    note: str = ""
    gender: Gender | None = None
    birth_date: dt.date | None = None
    birth_year: int | None = None
    position: str = ""
    occupation_group: OccupationGroup | None = None
    ethnicity: str = ""
    citizen_id: str = ""
    collective_id: int | None = None  # the collective an individual is a member of
    parent_body: str = ""
    member_count: int | None = None
    female_member_count: int | None = None
    head_name: str = ""
    awards: list[AwardInput] = field(default_factory=list)
    holds: list[HoldInput] = field(default_factory=list)


@dataclass
class SubjectDetail(SubjectInput):
    id: int = 0
    version: int = 0


@dataclass(frozen=True)
class SubjectRow:
    """One line of the subjects list."""

    id: int
    kind: SubjectKind
    name: str
    unit_name: str
    field_name: str
    detail: str  # position for an individual, parent body for a collective, address for a household
    birth: str
    gender: str
    citizen_id_masked: str
    on_hold: bool


@dataclass(frozen=True)
class SubjectQuery:
    text: str = ""
    kind: SubjectKind | None = None
    unit_id: int | None = None
    field_id: int | None = None
    sort: str = "name"  # a SubjectRow field the list sorts by (search.SORTS); "name": official-list order
    descending: bool = False


def mask_citizen_id(value: str | None) -> str:
    """Show only the last three digits: '•••••••••789'."""
    if not value:
        return ""
    return "•" * (len(value) - 3) + value[-3:]
