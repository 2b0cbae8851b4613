"""Who the demo puts forward in each round, following the rules the checklist applies.

Nobody on hold (discipline, investigation, complaint lasting into the demo year) is nominated. A
"Tập thể lao động tiên tiến" is proposed for a collective whose members are mostly LĐTT nominees in the
same round (at least 70 % of its declared size), with no member disciplined at "cảnh cáo" or above;
one more is proposed with too few, and its checklist says so. "Chiến sĩ thi đua cơ sở" goes to some of
the round's LĐTT nominees. The numbers follow the number of units, not of subjects.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import or_, select

from app.models import AwardRecord, DisciplineLevel, HoldFlag, HoldKind, OccupationGroup, Subject, SubjectKind
from app.services.demo.context import DemoContext, SubjectFact
from app.services.demo.exemplars import held_subjects
from app.services.demo.nominations import Planned
from app.services.demo.texts import demo_year, unit_theme

LDTT_NAME = "Lao động tiên tiến"
AGES = (20, 60)
SHARE = 0.7


@dataclass
class Pools:
    """The subjects that may be nominated, by unit index, and the collectives' members."""

    individuals: dict[int, list[SubjectFact]] = field(default_factory=lambda: defaultdict(list))
    collectives: dict[int, list[SubjectFact]] = field(default_factory=lambda: defaultdict(list))
    households: dict[int, list[SubjectFact]] = field(default_factory=lambda: defaultdict(list))
    members: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    sizes: dict[int, int] = field(default_factory=dict)  # collective id -> the size the rule divides by
    disciplined: set[int] = field(default_factory=set)  # cảnh cáo or above during the year

    def all_of(self, kind: SubjectKind, units: list[int] | None = None) -> list[SubjectFact]:
        pool = {SubjectKind.INDIVIDUAL: self.individuals, SubjectKind.COLLECTIVE: self.collectives,
                SubjectKind.HOUSEHOLD: self.households}[kind]
        return [f for u in sorted(pool) if units is None or u in units for f in pool[u]]


def read_pools(ctx: DemoContext) -> Pools:
    year = demo_year(ctx)
    held = held_subjects(ctx, dt.date(year, 1, 1))
    pools = Pools(disciplined=_disciplined(ctx, year))
    for fact in ctx.facts:
        if fact.id in held:
            continue
        if fact.kind is SubjectKind.INDIVIDUAL:
            age = year - (fact.birth_year or 0)
            if AGES[0] <= age <= AGES[1] and fact.occupation is not OccupationGroup.STUDENT:
                pools.individuals[fact.unit].append(fact)
        elif fact.kind is SubjectKind.COLLECTIVE:
            pools.collectives[fact.unit].append(fact)
        else:
            pools.households[fact.unit].append(fact)
    query = select(Subject.id, Subject.collective_id).where(Subject.collective_id.is_not(None))
    for member, collective in ctx.session.execute(query.order_by(Subject.id)):
        pools.members[collective].append(member)
    sizes = select(Subject.id, Subject.member_count).where(Subject.id.in_(list(pools.members)))
    for collective, size in ctx.session.execute(sizes):
        pools.sizes[collective] = max(size or 0, len(pools.members[collective]))
    return pools


def _disciplined(ctx: DemoContext, year: int) -> set[int]:
    serious = [level for level in DisciplineLevel if level.rank >= DisciplineLevel.WARNING.rank]
    query = select(HoldFlag.subject_id).where(
        HoldFlag.kind == HoldKind.DISCIPLINE, HoldFlag.discipline_level.in_(serious),
        HoldFlag.start_date <= dt.date(year, 12, 31),
        or_(HoldFlag.end_date.is_(None), HoldFlag.end_date >= dt.date(year, 1, 1)))
    return set(ctx.session.scalars(query))


class YearEndPlan:
    """The year-end round's nominations, counted by the settings of nominations.json "year_end"."""

    def __init__(self, ctx: DemoContext, rng: random.Random, pools: Pools) -> None:
        self.ctx, self.rng, self.pools = ctx, rng, pools
        self.cfg = ctx.load("nominations")["year_end"]
        self.planned: list[Planned] = []
        self.taken: set[tuple[int, str]] = set()
        self.eligible = {f.id: f for f in pools.all_of(SubjectKind.INDIVIDUAL)}
        self.short: set[int] = set()  # members of the collective that falls short: no more LĐTT for them

    def add(self, fact: SubjectFact, form: str, **extra) -> Planned | None:
        if (fact.id, form) in self.taken:
            return None
        self.taken.add((fact.id, form))
        planned = Planned(fact.id, form, fact.unit, **extra)
        self.planned.append(planned)
        return planned

    def build(self, exemplars: list[tuple[int, int, int]]) -> list[Planned]:
        self._collectives()
        self._ldtt()
        self._cstdcs()
        sample = self._sample
        for fact in sample(self.pools.all_of(SubjectKind.INDIVIDUAL), self.cfg["gk_individuals"]):
            self.add(fact, "GIAY_KHEN")
        plain = [f for f in self.pools.all_of(SubjectKind.COLLECTIVE) if not f.titles]
        for fact in sample(plain, self.cfg["gk_collectives"]):
            self.add(fact, "GIAY_KHEN")
        for fact in sample(self.pools.all_of(SubjectKind.HOUSEHOLD), self.cfg["gk_households"]):
            self.add(fact, "GIAY_KHEN")
        for unit in sorted(self.pools.households):
            for fact in sample(self.pools.households[unit], self.cfg["gdvh_per_unit"]):
                self.add(fact, "GDVH")
        self._from_exemplars(exemplars)
        return self.planned

    def _sample(self, pool: list, count: int) -> list:
        return self.rng.sample(pool, min(count, len(pool)))

    def _collectives(self) -> None:
        """TTLĐTT for collectives whose members can carry the rule, and one that falls short."""
        ready, per_unit, short_done = 0, defaultdict(int), False
        candidates = [f for f in self.pools.all_of(SubjectKind.COLLECTIVE) if f.id in self.pools.members]
        self.rng.shuffle(candidates)
        candidates.sort(key=lambda f: self.pools.sizes[f.id] > self.cfg["ttldtt_max_members"])
        for fact in candidates:
            size = self.pools.sizes[fact.id]
            members = [self.eligible[m] for m in self.pools.members[fact.id] if m in self.eligible]
            need = math.ceil(SHARE * size)
            clean = not any(m in self.pools.disciplined for m in self.pools.members[fact.id])
            if ready < self.cfg["ttldtt_ready"] and per_unit[fact.unit] < self.cfg["ttldtt_per_unit"] \
                    and clean and len(members) >= need:
                chosen = self._sample(members, min(len(members), need + self.rng.randint(0, 2)))
                ready, per_unit[fact.unit] = ready + 1, per_unit[fact.unit] + 1
            elif not short_done and need >= 3 and len(members) >= 2:
                chosen, short_done = self._sample(members, max(1, need // 2)), True
                self.short = set(self.pools.members[fact.id])
            else:
                continue
            for member in chosen:
                self.add(member, "LDTT", keep_alive=True)
            self.add(fact, "TTLDTT")

    def _ldtt(self) -> None:
        for unit in sorted(self.pools.individuals):
            resident = self.ctx.units[unit].resident
            count = self.cfg["ldtt_per_resident_unit" if resident else "ldtt_per_unit"]
            free = [f for f in self.pools.individuals[unit]
                    if (f.id, "LDTT") not in self.taken and f.id not in self.short]
            for fact in self._sample(free, count):
                self.add(fact, "LDTT")

    def _cstdcs(self) -> None:
        """Some LĐTT nominees, those who were LĐTT last year first; their LĐTT must stand."""
        ldtt = [p for p in self.planned if p.form == "LDTT"]
        low, high = self.cfg["cstdcs"]
        count = max(low, min(high, round(len(ldtt) * self.cfg["cstdcs_share"])))
        titled = set(self.ctx.session.scalars(select(AwardRecord.subject_id).where(
            AwardRecord.form_name == LDTT_NAME, AwardRecord.year == demo_year(self.ctx) - 1,
            AwardRecord.subject_id.in_([p.subject_id for p in ldtt]))))
        self.rng.shuffle(ldtt)
        ldtt.sort(key=lambda p: p.subject_id not in titled)
        for planned in ldtt[:count]:
            planned.keep_alive = True
            self.add(self.eligible[planned.subject_id], "CSTDCS")

    def _from_exemplars(self, exemplars: list[tuple[int, int, int]]) -> None:
        """Giấy khen for a few exemplars (id, subject id, unit index) not yet up for one."""
        fresh = [e for e in exemplars if (e[1], "GIAY_KHEN") not in self.taken]
        for exemplar_id, subject_id, unit in self._sample(fresh, self.cfg["from_exemplars"]):
            self.taken.add((subject_id, "GIAY_KHEN"))
            self.planned.append(Planned(subject_id, "GIAY_KHEN", unit, "exemplar", exemplar_id))


def themed_units(ctx: DemoContext, themes: tuple[str, ...]) -> list[int]:
    return [i for i in range(len(ctx.units)) if unit_theme(ctx, i) in themes]


def plan_themed(ctx: DemoContext, rng: random.Random, pools: Pools, texts: str, themes: tuple[str, ...],
                counts: tuple[int, int, int]) -> list[Planned]:
    """Giấy khen for individuals, collectives and households of the units of some themes."""
    units = themed_units(ctx, themes)
    planned = []
    for kind, count in zip(SubjectKind, counts, strict=True):
        pool = pools.all_of(kind, units) or pools.all_of(kind)
        chosen = rng.sample(pool, min(count, len(pool)))
        planned += [Planned(f.id, "GIAY_KHEN", f.unit, texts) for f in chosen]
    return planned
