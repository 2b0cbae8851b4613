"""The parts of a demo exemplar: its dated stage history, its publicity log and its replications."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from app.models import ExemplarStage, ExemplarStageChange, PublicityItem, ReplicationActivity, ReplicationKind
from app.rules.duty import quarter_label, quarter_of
from app.services.demo.context import DemoContext
from app.services.demo.people import Weighted
from app.services.demo.texts import day_between, fill, in_sentence

# (stage, days after the previous step, chance to get that far)
STEPS = (
    (ExemplarStage.NURTURED, (10, 40), 0.9),
    (ExemplarStage.SUMMARISED, (45, 110), 0.8),
    (ExemplarStage.REPLICATED, (25, 80), 0.7),
)
PUBLICITY_COUNTS = {
    ExemplarStage.DISCOVERED: (0, 0),
    ExemplarStage.NURTURED: (0, 1),
    ExemplarStage.SUMMARISED: (1, 2),
    ExemplarStage.REPLICATED: (1, 3),
}


@dataclass(frozen=True)
class ExemplarText:
    """What the texts of one exemplar are made from."""

    name: str  # the subject's name
    kind: str  # subject kind value
    unit_index: int
    theme: dict
    movement_short: str


def stage_history(ctx: DemoContext, rng: random.Random, start: dt.date, today: dt.date,
                  text: ExemplarText) -> list[ExemplarStageChange]:
    """Phát hiện on the day of introduction, then each later step dated after the one before."""
    notes = ctx.load("exemplars")["stage_notes"]
    unit = ctx.units[text.unit_index]
    changes = [ExemplarStageChange(stage=ExemplarStage.DISCOVERED, changed_on=start, note="")]
    day = start
    for stage, (low, high), chance in STEPS:
        day = day + dt.timedelta(days=rng.randint(low, high))
        if day > today or rng.random() > chance:
            break
        period = "q" + quarter_label(day.year, quarter_of(day))[1:]  # 'quý III/2026'
        note = fill(ctx, rng, rng.choice(notes[stage.value]), unit=unit.name, period=period)
        changes.append(ExemplarStageChange(stage=stage, changed_on=day, note=note))
    return changes


def publicity(ctx: DemoContext, rng: random.Random, changes: list[ExemplarStageChange], today: dt.date,
              text: ExemplarText) -> list[PublicityItem]:
    data = ctx.load("exemplars")
    low, high = PUBLICITY_COUNTS[changes[-1].stage]
    count = rng.randint(low, high)
    if not count:
        return []
    outlets = Weighted([o for o in data["outlets"]], [o["weight"] for o in data["outlets"]])
    first = changes[1].changed_on if len(changes) > 1 else changes[0].changed_on
    days = sorted(day_between(rng, first, today) for _ in range(count))
    titles = data["publicity_titles"][text.kind]
    items = []
    for day in days:
        outlet = outlets.pick(rng)
        title = fill(ctx, rng, rng.choice(titles), name=text.name, phrase=text.theme["phrase"],
                     movement=text.movement_short)
        items.append(PublicityItem(outlet=fill(ctx, rng, outlet["name"]), title=title, published_on=day,
                                   link="", note=fill(ctx, rng, outlet["note"])))
    return items


def replications(ctx: DemoContext, rng: random.Random, changes: list[ExemplarStageChange], today: dt.date,
                 text: ExemplarText) -> list[ReplicationActivity]:
    if changes[-1].stage is not ExemplarStage.REPLICATED:
        return []
    specs = ctx.load("exemplars")["replications"]
    kinds = Weighted(specs, [s["weight"] for s in specs])
    unit = ctx.units[text.unit_index]
    others = [u for i, u in enumerate(ctx.units) if i != text.unit_index] or [unit]
    days = sorted(day_between(rng, changes[-1].changed_on, today) for _ in range(rng.randint(1, 2)))
    activities = []
    for day in days:
        spec, other = kinds.pick(rng), rng.choice(others)
        values = {"name": text.name, "topic": text.theme["topic"], "place": unit.name, "other": other.name,
                  "other_lc": in_sentence(other)}
        activities.append(ReplicationActivity(
            kind=ReplicationKind(spec["kind"]), held_on=day, place=fill(ctx, rng, spec["place"], **values),
            description=fill(ctx, rng, spec["description"], **values),
            participants=rng.randint(*spec["participants"]),
        ))
    return activities
