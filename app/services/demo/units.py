"""Demo section "units": emulation blocs, villages and residential groups, agencies, schools,
mass organisations, a cooperative and an enterprise, each with its head, address and phone."""

from __future__ import annotations

import random

from sqlalchemy import func, select

from app.models import Bloc, Gender, Unit, UnitKind
from app.rules.vntext import fold, text_sort_key
from app.services.demo.context import DemoContext, DemoUnit
from app.services.demo.people import Person, gender_from_name

GOVERNMENT_PROFILE = "government"


def add_units(ctx: DemoContext) -> None:
    rng = ctx.rng("units")
    data = ctx.load("units")
    blocs = _add_blocs(ctx, data["blocs"])
    existing = {norm: uid for norm, uid in ctx.session.execute(select(Unit.name_norm, Unit.id))}
    for name, kind, profile_key, bloc_key in _unit_specs(ctx, rng, data):
        profile = data["profiles"][profile_key]
        reserved = _reserved_people(ctx, rng, profile, profile_key)
        resident = bool(profile.get("resident"))
        village = name if resident else ctx.format(data["centre_village"])
        address = f"{village}, {ctx.commune_lc}"
        phone = ctx.people.mobile(rng) if resident else _landline(rng, data["area_code"])
        unit_id = existing.get(fold(name))
        if unit_id is None:
            unit = Unit(
                name=name, name_norm=fold(name), sort_key=text_sort_key(name), kind=kind,
                bloc_id=blocs.get(bloc_key), head_name=reserved[0][0].name, address=address, phone=phone,
            )
            ctx.session.add(unit)
            ctx.session.flush()
            unit_id = unit.id
            ctx.summary.units += 1
        ctx.units.append(DemoUnit(
            id=unit_id, name=name, kind=kind, profile_key=profile_key, profile=profile, address=address,
            village=village, resident=resident, reserved=reserved,
        ))


def _add_blocs(ctx: DemoContext, specs: list[dict]) -> dict[str, int]:
    """The demo's blocs by key; a bloc of the same name already there is used as it is."""
    existing = {name: bid for name, bid in ctx.session.execute(select(Bloc.name, Bloc.id))}
    order = ctx.session.scalar(select(func.coalesce(func.max(Bloc.rota_order), 0)))
    ids = {}
    for spec in specs:
        name = ctx.format(spec["name"])
        if name not in existing:
            order += 1
            bloc = Bloc(name=name, rota_order=order)
            ctx.session.add(bloc)
            ctx.session.flush()
            existing[name] = bloc.id
            ctx.summary.blocs += 1
        ids[spec["key"]] = existing[name]
    return ids


def _unit_specs(ctx: DemoContext, rng: random.Random, data: dict) -> list[tuple[str, UnitKind, str, str]]:
    """(name, kind, profile key, bloc key) of every demo unit, villages first."""
    low, high = data["village_count"]
    pool = data["villages"]
    centre = data["centre_village"]
    others = [v for v in pool if v != centre]
    chosen = {centre, *rng.sample(others, min(len(others), rng.randint(low, high) - 1))}
    specs = [(ctx.format(v), UnitKind.VILLAGE, "village", "villages") for v in pool if v in chosen]
    specs += [(ctx.format(g), UnitKind.RESIDENTIAL_GROUP, "residential", "villages")
              for g in data["residential_groups"]]
    specs += [(ctx.format(u["name"]), UnitKind(u["kind"]), u["profile"], u["bloc"]) for u in data["units"]]
    return specs


def _reserved_people(ctx: DemoContext, rng: random.Random, profile: dict,
                     key: str) -> list[tuple[Person, str]]:
    """The unit's head (and, for the People's Committee, the commune's own leaders from the profile)."""
    if key == GOVERNMENT_PROFILE:
        commune_profile = ctx.profile
        leaders = [(commune_profile.chairman, profile["head"])]
        leaders += [(vice, "Phó Chủ tịch UBND xã") for vice in commune_profile.vice_chairmen]
        leaders.append((commune_profile.officer, "Chuyên viên Phòng Văn hóa - Xã hội"))
        people = [(_named(ctx, rng, name), position) for name, position in leaders]
        return people
    gender = Gender.FEMALE if rng.random() < profile["female"] else Gender.MALE
    return [(ctx.people.person(rng, gender), profile["head"])]


def _named(ctx: DemoContext, rng: random.Random, name: str) -> Person:
    """The person of a name from the commune profile, or a made-up one when the profile has none."""
    if name:
        return Person(name, gender_from_name(name), "Kinh")
    return ctx.people.person(rng, Gender.MALE if rng.random() < 0.6 else Gender.FEMALE)


def _landline(rng: random.Random, area_code: str) -> str:
    return f"{area_code} 3{rng.randrange(1000):03d} {rng.randrange(1000):03d}"
