"""The state shared by the demo sections, and what they count."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.models import Gender, OccupationGroup, SubjectKind, UnitKind
from app.resources import load_json
from app.rules.vntext import PROVINCE_PREFIXES, place_names, vn_number
from app.services.demo.people import PeopleMaker, Person, nfc
from app.services.settings import CommuneProfile


@dataclass
class DemoUnit:
    """A unit made (or found) by the units section, with what the other sections need to know."""

    id: int
    name: str
    kind: UnitKind
    profile_key: str  # key into units.json "profiles"
    profile: dict
    address: str
    village: str  # the village (thôn) it is in, for its people's addresses
    resident: bool  # people live here (villages, residential groups): households belong here
    reserved: list[tuple[Person, str]] = field(default_factory=list)  # head first: (person, position)


@dataclass(slots=True)
class SubjectFact:
    """What later sections need to know about one demo subject, without reading it back."""

    id: int
    kind: SubjectKind
    unit: int  # index into ctx.units
    occupation: OccupationGroup | None = None
    gender: Gender | None = None
    birth_year: int | None = None
    titles: bool = False  # a collective that can be "Tập thể lao động tiên tiến"


@dataclass
class DemoSummary:
    """What the demo added, counted per kind of record."""

    units: int = 0
    blocs: int = 0
    individuals: int = 0
    collectives: int = 0
    households: int = 0
    awards: int = 0
    holds: int = 0
    extras: list[str] = field(default_factory=list)  # phrases added by later sections, e.g. "3 phong trào"

    @property
    def subjects(self) -> int:
        return self.individuals + self.collectives + self.households

    def describe(self) -> str:
        parts = [
            f"{vn_number(self.units)} đơn vị",
            f"{vn_number(self.blocs)} khối thi đua",
            f"{vn_number(self.subjects)} đối tượng ({vn_number(self.individuals)} cá nhân, "
            f"{vn_number(self.collectives)} tập thể, {vn_number(self.households)} hộ gia đình)",
            f"{vn_number(self.awards)} lượt khen thưởng",
            f"{vn_number(self.holds)} trường hợp kỷ luật, thanh tra, khiếu nại",
            *self.extras,
        ]
        return ", ".join(parts)


@dataclass
class DemoContext:
    """Shared state of one demo run, handed to every section in order."""

    session: Session
    seed: int
    subject_count: int
    profile: CommuneProfile
    fields: dict[str, int]  # field name -> id
    people: PeopleMaker
    summary: DemoSummary = field(default_factory=DemoSummary)
    units: list[DemoUnit] = field(default_factory=list)  # filled by the units section
    facts: list[SubjectFact] = field(default_factory=list)  # filled by the subjects section
    first_subject_id: int = 1
    data: dict = field(default_factory=dict)  # demo data files already loaded, by name
    movements: dict = field(default_factory=dict)  # movement key -> DemoMovement, once made (history)

    @property
    def commune(self) -> str:
        """The commune's name without 'Xã': 'Hòa Bình'."""
        return place_names(self.profile.commune)[0]

    @property
    def commune_lc(self) -> str:
        """'xã Hòa Bình', as written after 'Chủ tịch UBND'."""
        return place_names(self.profile.commune)[1]

    @property
    def province_lc(self) -> str:
        return place_names(self.profile.province, PROVINCE_PREFIXES, "tỉnh")[1]

    def rng(self, section: str) -> random.Random:
        """The section's own generator: same seed and section, same numbers."""
        return random.Random(f"sovang-demo:{self.seed}:{section}")

    def field_id(self, name: str) -> int | None:
        return self.fields.get(name)

    def load(self, name: str) -> dict:
        """A file of resources/data/demo, read once per run."""
        if name not in self.data:
            self.data[name] = load_json(f"demo/{name}.json")
        return self.data[name]

    def format(self, template: str, **values: str) -> str:
        """A name template filled with the commune's names and the given values, in NFC."""
        return nfc(template.format(commune=self.commune, commune_lc=self.commune_lc, **values))


DemoSection = Callable[[DemoContext], None]
