"""Demo section "subjects": individuals (~80 %), collectives (~12 %) and households (~8 %).

Rows are built as plain column dicts (the same columns, search key and sort key as the subject service
stores) and bulk-inserted in chunks: 100,000 subjects take a few seconds.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

from sqlalchemy import insert

from app.models import Gender, OccupationGroup, Subject, SubjectKind, SubjectWord
from app.rules.vntext import fold, lower_first
from app.services.demo.context import DemoContext, DemoUnit, SubjectFact
from app.services.demo.people import CitizenIds, Weighted, birth
from app.services.subjects.crud import subject_columns, subject_sort_key
from app.services.subjects.data import SubjectInput
from app.services.subjects.words import word_rows
from app.storage.sequences import follow_explicit_ids

CHUNK_ROWS = 5000
INDIVIDUAL_SHARE, COLLECTIVE_SHARE = 0.80, 0.12  # households: the rest
PHONE_SHARE, CITIZEN_ID_SHARE, ETHNICITY_SHARE, FULL_BIRTH_DATE_SHARE = 0.65, 0.45, 0.6, 0.75
HEAD_BIRTH_YEARS = (1962, 1990)


def kind_counts(total: int) -> tuple[int, int, int]:
    individuals = round(total * INDIVIDUAL_SHARE)
    collectives = min(total - individuals, round(total * COLLECTIVE_SHARE))
    return individuals, collectives, total - individuals - collectives


def add_subjects(ctx: DemoContext) -> None:
    rng = ctx.rng("subjects")
    individuals, collectives, households = kind_counts(ctx.subject_count)
    writer = SubjectWriter(ctx)
    if ctx.units:
        _add_individuals(ctx, rng, individuals, writer)
        _add_collectives(ctx, rng, collectives, writer)
        _add_households(ctx, rng, households, writer)
    writer.flush()
    follow_explicit_ids(ctx.session, Subject.__table__)


class SubjectWriter:
    """Collects subject rows with consecutive ids and inserts them in chunks."""

    def __init__(self, ctx: DemoContext) -> None:
        self._ctx = ctx
        # The exact column set the subject service stores, other kinds' columns empty.
        self._template = subject_columns(SubjectInput())
        self._template["version"] = 1
        self._rows: list[dict] = []
        self._next_id = ctx.first_subject_id
        self._norms: dict[str, str] = {}
        self._sort_keys: dict[tuple[SubjectKind, str, str], str] = {}

    def add(self, fact: SubjectFact | None, kind: SubjectKind, name: str, head_name: str = "",
            **values) -> int:
        row = self._template.copy()
        row.update(values)
        subject_id = self._next_id
        self._next_id += 1
        norm = self._norms.get(name)
        if norm is None:
            norm = self._norms[name] = fold(name)
        key = (kind, name, head_name)
        sort_key = self._sort_keys.get(key)
        if sort_key is None:
            sort_key = self._sort_keys[key] = subject_sort_key(kind, name, head_name)
        row.update(id=subject_id, kind=kind, name=name, head_name=head_name, name_norm=norm,
                   sort_key=sort_key)
        self._rows.append(row)
        self._count(kind)
        if fact is not None:
            fact.id = subject_id
            self._ctx.facts.append(fact)
        if len(self._rows) >= CHUNK_ROWS:
            self.flush()
        return subject_id

    def _count(self, kind: SubjectKind) -> None:
        summary = self._ctx.summary
        if kind is SubjectKind.INDIVIDUAL:
            summary.individuals += 1
        elif kind is SubjectKind.COLLECTIVE:
            summary.collectives += 1
        else:
            summary.households += 1

    def flush(self) -> None:
        if self._rows:
            self._ctx.session.execute(insert(Subject.__table__), self._rows)
            words = [w for row in self._rows for w in word_rows(row["id"], row["name"])]
            self._ctx.session.execute(insert(SubjectWord), words)
            self._rows = []


@dataclass
class _UnitPeople:
    """One unit's profile, compiled for fast drawing."""

    positions: dict[Gender, Weighted]  # (position, occupation group)
    fields: Weighted  # field id or None
    female: float
    birth_years: tuple[int, int]
    head_group: OccupationGroup


def _compile(ctx: DemoContext, unit: DemoUnit) -> _UnitPeople:
    profile = unit.profile
    positions = {}
    for gender in Gender:
        fitting = [p for p in profile["positions"] if len(p) < 4 or p[3] in (None, gender.value)]
        fitting = fitting or profile["positions"]
        positions[gender] = Weighted([(ctx.format(p[0]), OccupationGroup(p[1])) for p in fitting],
                                     [p[2] for p in fitting])
    fields = Weighted([ctx.field_id(f) for f, _ in profile["fields"]], [w for _, w in profile["fields"]])
    return _UnitPeople(
        positions=positions, fields=fields, female=profile["female"], birth_years=tuple(profile["birth"]),
        head_group=OccupationGroup(profile.get("head_group", OccupationGroup.CIVIL_SERVANT.value)),
    )


def _add_individuals(ctx: DemoContext, rng: random.Random, count: int, writer: SubjectWriter) -> None:
    data = ctx.load("units")
    units = ctx.units
    compiled = [_compile(ctx, u) for u in units]
    pick_unit = Weighted(range(len(units)), [u.profile["weight"] for u in units])
    homes = [u.address for u in units if u.resident] or [units[0].address]
    reserved = [list(u.reserved) for u in units]
    position_birth = {ctx.format(k): tuple(v) for k, v in data["position_birth"].items()}
    group_birth = {OccupationGroup(k): tuple(v) for k, v in data["group_birth"].items()}
    citizen_ids = CitizenIds(data["province_code"])
    people = ctx.people
    for _ in range(count):
        index = pick_unit.pick(rng)
        unit, profile = units[index], compiled[index]
        if reserved[index]:
            person, position = reserved[index].pop(0)
            position = ctx.format(position)
            gender, group = person.gender, profile.head_group
            low, high = profile.birth_years
            years = (max(low, HEAD_BIRTH_YEARS[0]), max(low, min(high, HEAD_BIRTH_YEARS[1])))
        else:
            gender = Gender.FEMALE if rng.random() < profile.female else Gender.MALE
            person = people.person(rng, gender)
            position, group = profile.positions[gender].pick(rng)
            years = position_birth.get(position) or group_birth.get(group) or profile.birth_years
        birth_date, birth_year = birth(rng, *years, full_date_share=FULL_BIRTH_DATE_SHARE)
        writer.add(
            SubjectFact(0, SubjectKind.INDIVIDUAL, index, group, gender, birth_year),
            SubjectKind.INDIVIDUAL, person.name,
            unit_id=unit.id,
            field_id=profile.fields.pick(rng),
            address=unit.address if unit.resident else rng.choice(homes),
            phone=people.mobile(rng) if rng.random() < PHONE_SHARE else "",
            gender=gender,
            birth_date=birth_date,
            birth_year=birth_year,
            position=position,
            occupation_group=group,
            ethnicity=person.ethnicity if rng.random() < ETHNICITY_SHARE else "",
            citizen_id=citizen_ids.next(rng, gender, birth_year) if rng.random() < CITIZEN_ID_SHARE else None,
        )


def _collective_pool(ctx: DemoContext) -> list[tuple[int, str, str, dict]]:
    """Every distinct collective the units' templates give: (unit index, name, parent, template)."""
    pool, seen = [], set()
    for index, unit in enumerate(ctx.units):
        names = {"unit": unit.name, "unit_lc": lower_first(unit.name)}
        for template in unit.profile.get("collectives", []):
            variables = template.get("vars", {})
            keys = sorted(variables)
            for combo in itertools.product(*(variables[k] for k in keys)):
                values = {**names, **dict(zip(keys, combo, strict=True))}
                name = ctx.format(template["name"], **values)
                if name not in seen:
                    seen.add(name)
                    pool.append((index, name, ctx.format(template["parent"], **values), template))
    return pool


def _numbered_collectives(ctx: DemoContext):
    """Endless numbered collectives ("Tổ liên gia tự quản số 7 thôn Đông") once the pool is used up."""
    numbered = [(i, u) for i, u in enumerate(ctx.units) if "numbered_collective" in u.profile]
    for n in itertools.count(1):
        for index, unit in numbered:
            template = unit.profile["numbered_collective"]
            values = {"unit": unit.name, "unit_lc": lower_first(unit.name), "n": str(n)}
            name, parent = ctx.format(template["name"], **values), ctx.format(template["parent"], **values)
            yield index, name, parent, template


def _add_collectives(ctx: DemoContext, rng: random.Random, count: int, writer: SubjectWriter) -> None:
    pool = _collective_pool(ctx)
    rng.shuffle(pool)
    chosen = itertools.chain(pool, _numbered_collectives(ctx))
    fields = [_compile(ctx, u).fields for u in ctx.units]
    for index, name, parent, template in itertools.islice(chosen, count):
        unit = ctx.units[index]
        members = rng.randint(*template["members"])
        female = round(members * rng.uniform(*template["female"]))
        writer.add(
            SubjectFact(0, SubjectKind.COLLECTIVE, index, titles=bool(template.get("titles"))),
            SubjectKind.COLLECTIVE, name,
            unit_id=unit.id,
            field_id=fields[index].pick(rng),
            address=unit.address,
            phone=ctx.people.mobile(rng) if rng.random() < 0.3 else "",
            parent_body=parent,
            member_count=members,
            female_member_count=female,
        )


def _add_households(ctx: DemoContext, rng: random.Random, count: int, writer: SubjectWriter) -> None:
    homes = [(i, u) for i, u in enumerate(ctx.units) if u.resident] or list(enumerate(ctx.units[:1]))
    pick_home = Weighted(homes, [u.profile["weight"] for _, u in homes])
    fields = Weighted.of_pairs([(ctx.field_id(f), w) for f, w in ctx.load("units")["household_fields"]])
    for _ in range(count):
        index, unit = pick_home.pick(rng)
        gender = Gender.MALE if rng.random() < 0.75 else Gender.FEMALE
        head = ctx.people.person(rng, gender).name
        title = "ông" if gender is Gender.MALE else "bà"
        writer.add(
            SubjectFact(0, SubjectKind.HOUSEHOLD, index),
            SubjectKind.HOUSEHOLD, f"Hộ {title} {head}", head_name=head,
            unit_id=unit.id,
            field_id=fields.pick(rng),
            address=unit.address,
            phone=ctx.people.mobile(rng) if rng.random() < 0.6 else "",
        )
