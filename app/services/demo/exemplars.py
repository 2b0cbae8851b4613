"""Demo section "movements_exemplars": emulation movements, and the exemplars the units introduced.

Each unit owes one exemplar with an achievement summary per quarter. In the demo year most units
introduced theirs before the deadline in the first three quarters, a few late, a few not at all; in the
current quarter some have and the others are due soon (the demo is set on 21 November). A few
exemplars of last year's thematic movement ("xóa nhà tạm") fill that movement's page. The number of
exemplars follows the number of units, not of subjects.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import or_, select

from app.models import Exemplar, HoldFlag, Movement, MovementKind, Setting, SubjectKind
from app.rules.duty import quarter_bounds, quarter_deadline, quarter_of
from app.rules.vntext import fold, vn_number
from app.services.demo.context import DemoContext
from app.services.demo.exemplar_parts import ExemplarText, publicity, replications, stage_history
from app.services.demo.people import Weighted
from app.services.demo.texts import dated, day_between, demo_today, demo_year, fill, subject_names, unit_theme
from app.services.settings import DUTY_DAY

NO_SUMMARY_NOTE = "Đơn vị đang hoàn thiện tóm tắt thành tích."
AGES = (18, 70)


@dataclass(frozen=True)
class DemoMovement:
    key: str
    id: int
    field_id: int | None
    start: dt.date
    end: dt.date | None
    short: str

    def runs_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class _Planned:
    unit: int
    day: dt.date
    kind: SubjectKind
    subject_id: int
    movement: DemoMovement
    texts: list[str]
    summary: bool = True


def add_movements_exemplars(ctx: DemoContext) -> None:
    rng = ctx.rng("movements_exemplars")
    movements = ctx.movements or add_movements(ctx)  # the history section made them first
    ctx.summary.extras.append(f"{vn_number(len(movements))} phong trào thi đua")
    planner = _Planner(ctx, rng, movements)
    planned = planner.past() + planner.this_year()
    _write(ctx, rng, planned)
    ctx.summary.extras.append(f"{vn_number(len(planned))} điển hình tiên tiến")


def add_movements(ctx: DemoContext) -> dict[str, DemoMovement]:
    made = {}
    for spec in ctx.load("exemplars")["movements"]:
        name = ctx.format(spec["name"], year=str(demo_year(ctx)))
        start, end = dated(ctx, spec["start"]), dated(ctx, spec["end"]) if spec.get("end") else None
        field_id = ctx.field_id(spec["field"]) if spec["field"] else None
        movement = Movement(
            name=name, name_norm=fold(name), kind=MovementKind(spec["kind"]),
            launched_by=ctx.format(spec["launched_by"]), start_date=start, end_date=end, field_id=field_id,
            description=ctx.format(spec["description"]), version=1,
        )
        ctx.session.add(movement)
        ctx.session.flush()
        made[spec["key"]] = DemoMovement(spec["key"], movement.id, field_id, start, end, spec["short"])
    ctx.movements = made
    return made


def held_subjects(ctx: DemoContext, since: dt.date) -> set[int]:
    """Subjects with a hold (discipline, investigation, complaint) that lasts into `since` or later."""
    query = select(HoldFlag.subject_id).where(or_(HoldFlag.end_date.is_(None), HoldFlag.end_date >= since))
    return set(ctx.session.scalars(query))


def _duty_day(ctx: DemoContext) -> int:
    row = ctx.session.get(Setting, DUTY_DAY.key)
    return DUTY_DAY.default if row is None else int(json.loads(row.value_json))


class _Planner:
    """Decides who is introduced when, by which unit, in which movement."""

    def __init__(self, ctx: DemoContext, rng: random.Random, movements: dict[str, DemoMovement]) -> None:
        self.ctx, self.rng, self.movements = ctx, rng, movements
        self.data = ctx.load("exemplars")
        self.today, self.year = demo_today(ctx), demo_year(ctx)
        self.used: set[int] = set()
        self.candidates = self._candidates()

    def _candidates(self) -> dict[int, dict[SubjectKind, list[int]]]:
        held = held_subjects(self.ctx, dt.date(self.year - 1, 1, 1))
        found: dict[int, dict[SubjectKind, list[int]]] = defaultdict(lambda: defaultdict(list))
        for fact in self.ctx.facts:
            if fact.id in held:
                continue
            if fact.kind is SubjectKind.INDIVIDUAL:
                age = self.year - (fact.birth_year or self.year)
                if not AGES[0] <= age <= AGES[1]:
                    continue
            found[fact.unit][fact.kind].append(fact.id)
        return found

    def this_year(self) -> list[_Planned]:
        duty = self.data["duty"]
        day_of_month, current = _duty_day(self.ctx), quarter_of(self.today)
        units = sorted(self.candidates)
        outcome = {(u, q): self._outcome(duty, q == current) for q in range(1, current + 1) for u in units}
        _make_sure(self.rng, outcome, units, current)
        planned = []
        for (unit, quarter), result in sorted(outcome.items(), key=lambda item: (item[0][1], item[0][0])):
            first, last = quarter_bounds(self.year, quarter)
            deadline = min(quarter_deadline(self.year, quarter, day_of_month), self.today)
            first = first + dt.timedelta(days=3)
            days = []
            if result == "on_time":
                days = [day_between(self.rng, first, deadline)]
                if self.rng.random() < duty["second"]:
                    days.append(day_between(self.rng, first, min(last, self.today)))
            elif result == "late":
                days = [day_between(self.rng, deadline + dt.timedelta(days=1), last)]
            planned += [p for p in (self._plan(unit, day) for day in sorted(days)) if p]
        return planned + self._without_summary(outcome, current)

    def _outcome(self, duty: dict, current: bool) -> str:
        r = self.rng.random()
        if current:
            return "on_time" if r < duty["current_done"] else "missing"
        if r < duty["on_time"]:
            return "on_time"
        return "late" if r < duty["on_time"] + duty["late"] else "missing"

    def _without_summary(self, outcome: dict, current: int) -> list[_Planned]:
        """An exemplar introduced this quarter whose summary is still being written: it does not count."""
        waiting = [u for (u, q), result in sorted(outcome.items()) if q == current and result == "missing"]
        chosen = self.rng.sample(waiting, min(len(waiting), self.data["duty"]["no_summary"]))
        first = quarter_bounds(self.year, current)[0]
        planned = [self._plan(u, day_between(self.rng, first, self.today)) for u in chosen]
        for item in planned:
            if item:
                item.summary = False
        return [p for p in planned if p]

    def past(self) -> list[_Planned]:
        spec = self.data["past"]
        movement = self.movements[spec["movement"]]
        first, last = dated(self.ctx, spec["from"]), dated(self.ctx, spec["to"])
        units = sorted(self.candidates)
        chosen = self.rng.sample(units, min(len(units), self.rng.randint(*spec["count"])))
        planned = [self._plan(u, day_between(self.rng, first, last), movement, spec) for u in chosen]
        return [p for p in planned if p]

    def _plan(self, unit: int, day: dt.date, movement: DemoMovement | None = None,
              texts: dict | None = None) -> _Planned | None:
        kinds = self.candidates[unit]
        weights = self.data["kinds"]["resident" if self.ctx.units[unit].resident else "other"]
        available = [(SubjectKind(k), w) for k, w in weights.items() if kinds.get(SubjectKind(k))]
        if not available:
            return None
        kind = Weighted([k for k, _ in available], [w for _, w in available]).pick(self.rng)
        pool = kinds[kind]
        subject_id = self.rng.choice(pool)
        for _ in range(3):
            if subject_id not in self.used:
                break
            subject_id = self.rng.choice(pool)
        self.used.add(subject_id)
        theme = self.data["themes"][unit_theme(self.ctx, unit)]
        movement = movement or self._movement(theme, day)
        source = texts or theme
        return _Planned(unit, day, kind, subject_id, movement,
                        source.get(kind.value) or source["individual"])

    def _movement(self, theme: dict, day: dt.date) -> DemoMovement:
        running = [(self.movements[k], w) for k, w in theme["movements"].items()
                   if self.movements[k].runs_on(day)]
        if not running:
            return self.movements["yeu_nuoc"]
        return Weighted([m for m, _ in running], [w for _, w in running]).pick(self.rng)


def _make_sure(rng: random.Random, outcome: dict, units: list[int], current: int) -> None:
    """At least one late and one missing unit in an earlier quarter, one done and one missing now."""
    if len(units) < 2:
        return
    earlier = [key for key in sorted(outcome) if key[1] < current]
    for wanted in ("late", "missing"):
        if earlier and wanted not in {outcome[k] for k in earlier}:
            outcome[rng.choice([k for k in earlier if outcome[k] == "on_time"] or earlier)] = wanted
    now = [(u, current) for u in units]
    for wanted in ("on_time", "missing"):
        if wanted not in {outcome[k] for k in now}:
            outcome[rng.choice(now)] = wanted


def _write(ctx: DemoContext, rng: random.Random, planned: list[_Planned]) -> None:
    today = demo_today(ctx)
    names = subject_names(ctx, [p.subject_id for p in planned])
    for item in planned:
        unit = ctx.units[item.unit]
        theme = ctx.load("exemplars")["themes"][unit_theme(ctx, item.unit)]
        text = ExemplarText(names[item.subject_id], item.kind.value, item.unit, theme, item.movement.short)
        changes = stage_history(ctx, rng, item.day, today, text)
        field_id = item.movement.field_id or ctx.field_id(unit.profile["fields"][0][0])
        ctx.session.add(Exemplar(
            subject_id=item.subject_id, movement_id=item.movement.id, field_id=field_id, unit_id=unit.id,
            introduced_on=item.day, stage=changes[-1].stage, version=1,
            achievements=fill(ctx, rng, rng.choice(item.texts), unit=unit.name) if item.summary else "",
            note="" if item.summary else NO_SUMMARY_NOTE,
            stage_changes=changes, publicity=publicity(ctx, rng, changes, today, text),
            replications=replications(ctx, rng, changes, today, text),
        ))
    ctx.session.flush()

