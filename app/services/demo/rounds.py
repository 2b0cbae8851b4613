"""Demo section "rounds_nominations": rounds of review and the nominations put forward in them.

Last year's year-end round is closed (its results are the award history). This year: an ad-hoc round
for flood relief (reviewed, waiting for the decision), the third quarter's exemplars (appraised, the
council not yet met), a thematic round of the digital-transformation movement (open) and the year-end
round, open until 10 December, with nominations in every status: each unit's batch is at its own step,
from drafts to the council's first session on 18 November (passed, failed).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from sqlalchemy import select

from app.models import Exemplar, Movement, NominationStatus, Round, RoundKind, RoundStatus
from app.rules.duty import quarter_bounds
from app.rules.vntext import fold, vn_number
from app.services.catalogue.defaults import forms_by_code
from app.services.demo.context import DemoContext
from app.services.demo.nominations import NominationWriter, Planned, Timeline
from app.services.demo.nominees import Pools, YearEndPlan, plan_themed, read_pools
from app.services.demo.people import Weighted
from app.services.demo.texts import dated, day_between, demo_today, demo_year

FORMS = ("LDTT", "CSTDCS", "TTLDTT", "GIAY_KHEN", "GDVH")
STAGES = ("draft", "proposed", "appraised", "reviewed")
QUARTER_ROUND_EXEMPLARS, THEMATIC_EXEMPLARS = 8, 3


def add_rounds_nominations(ctx: DemoContext) -> None:
    rng = ctx.rng("rounds_nominations")
    specs = {spec["key"]: spec for spec in ctx.load("nominations")["rounds"]}
    rounds = {key: _add_round(ctx, spec) for key, spec in specs.items()}
    ctx.summary.extras.append(f"{vn_number(len(rounds))} đợt xét")
    forms = forms_by_code(ctx.session)
    if not set(FORMS) <= set(forms) or not ctx.facts:
        return  # no catalogue (or nobody) to nominate: the rounds stay empty
    writer = NominationWriter(ctx, rng, forms, demo_today(ctx))
    pools, exemplars = read_pools(ctx), _exemplars(ctx)
    with ctx.session.no_autoflush:  # each new nomination is flushed when made; fewer flushes is faster
        _ad_hoc(ctx, rng, writer, rounds["ad_hoc"], specs["ad_hoc"], pools)
        _quarter(ctx, rng, writer, rounds["quarter"], specs["quarter"], exemplars)
        _thematic(ctx, rng, writer, rounds["thematic"], specs["thematic"], pools, exemplars)
        _year_end(ctx, rng, writer, rounds["year_end"], specs["year_end"], pools, exemplars)
    counts = writer.settle()
    ctx.summary.extras.append(f"{vn_number(sum(counts.values()))} hồ sơ đề nghị")


def _add_round(ctx: DemoContext, spec: dict) -> Round:
    year = demo_year(ctx) - (1 if spec.get("year") == "prev" else 0)
    movement_id = None
    if spec.get("movement"):
        movement = next(m for m in ctx.load("exemplars")["movements"] if m["key"] == spec["movement"])
        name = ctx.format(movement["name"], year=str(demo_year(ctx)))
        movement_id = ctx.session.scalar(select(Movement.id).where(Movement.name_norm == fold(name)))
    values = {"year": str(demo_year(ctx)), "prev_year": str(demo_year(ctx) - 1)}
    round_ = Round(
        name=ctx.format(spec["name"], **values), kind=RoundKind(spec["kind"]), year=year,
        quarter=spec.get("quarter"), deadline=dated(ctx, spec["deadline"]),
        status=RoundStatus(spec["status"]), movement_id=movement_id,
        note=ctx.format(spec.get("note", ""), **values), version=1,
    )
    ctx.session.add(round_)
    ctx.session.flush()
    return round_


def _exemplars(ctx: DemoContext) -> list[Exemplar]:
    return list(ctx.session.scalars(select(Exemplar).order_by(Exemplar.id)))


def _put_forward(writer: NominationWriter) -> set[int]:
    """Subjects already put forward for an exemplar's achievement: one achievement, one award."""
    return {planned.subject_id for _nomination, planned in writer.made if planned.exemplar_id}


def _unit_index(ctx: DemoContext) -> dict[int, int]:
    return {unit.id: index for index, unit in enumerate(ctx.units)}


def _timeline(rng: random.Random, spec: dict, ctx: DemoContext, today: dt.date, stage: str) -> Timeline:
    """Dates for one batch: created in the round's window, then each step a few days later."""
    first, last = (dated(ctx, d) for d in spec["created"])
    council = dated(ctx, spec["council"])
    last_day = min(last, today - dt.timedelta(days=1)) if stage != "draft" else today - dt.timedelta(days=1)
    created = day_between(rng, first, last_day)
    proposed = min(created + dt.timedelta(days=rng.randint(1, 5)), today)
    appraised = min(proposed + dt.timedelta(days=rng.randint(2, 6)), council - dt.timedelta(days=1), today)
    return Timeline(created, proposed, max(appraised, proposed), council)


def _write_all(ctx: DemoContext, rng: random.Random, writer: NominationWriter, round_: Round, spec: dict,
               planned: list[Planned], stage_of: Callable[[Planned], str]) -> None:
    today = writer.today
    for item in planned:
        stage = stage_of(item)
        writer.write(round_, item, stage, _timeline(rng, spec, ctx, today, stage))


def _ad_hoc(ctx: DemoContext, rng: random.Random, writer: NominationWriter, round_: Round, spec: dict,
            pools: Pools) -> None:
    planned = plan_themed(ctx, rng, pools, "ad_hoc", ("security", "association", "village"), (5, 2, 2))
    _write_all(ctx, rng, writer, round_, spec, planned, lambda _item: "reviewed")


def _quarter(ctx: DemoContext, rng: random.Random, writer: NominationWriter, round_: Round, spec: dict,
             exemplars: list[Exemplar]) -> None:
    first, last = quarter_bounds(round_.year, round_.quarter)
    index = _unit_index(ctx)
    chosen = [e for e in exemplars
              if first <= e.introduced_on <= last and e.achievements and e.unit_id in index]
    chosen = rng.sample(chosen, min(QUARTER_ROUND_EXEMPLARS, len(chosen)))
    planned = [Planned(e.subject_id, "GIAY_KHEN", index[e.unit_id], "exemplar", e.id) for e in chosen]
    _write_all(ctx, rng, writer, round_, spec, planned,
               lambda _item: "appraised" if rng.random() < 0.75 else "proposed")


def _thematic(ctx: DemoContext, rng: random.Random, writer: NominationWriter, round_: Round, spec: dict,
              pools: Pools, exemplars: list[Exemplar]) -> None:
    index = _unit_index(ctx)
    used = _put_forward(writer)
    mine = [e for e in exemplars if e.movement_id == round_.movement_id and e.achievements
            and e.unit_id in index and e.subject_id not in used]
    planned = [Planned(e.subject_id, "GIAY_KHEN", index[e.unit_id], "thematic", e.id)
               for e in rng.sample(mine, min(THEMATIC_EXEMPLARS, len(mine)))]
    planned += plan_themed(ctx, rng, pools, "thematic", ("office", "security", "association"), (4, 2, 0))
    _write_all(ctx, rng, writer, round_, spec, planned,
               lambda _item: "draft" if rng.random() < 0.5 else "proposed")


def _year_end(ctx: DemoContext, rng: random.Random, writer: NominationWriter, round_: Round, spec: dict,
              pools: Pools, exemplars: list[Exemplar]) -> None:
    index = _unit_index(ctx)
    used = _put_forward(writer)
    year_exemplars = [(e.id, e.subject_id, index[e.unit_id]) for e in exemplars
                      if e.introduced_on.year == round_.year and e.achievements and e.unit_id in index
                      and e.stage.value in ("summarised", "replicated") and e.subject_id not in used]
    planned = YearEndPlan(ctx, rng, pools).build(year_exemplars)
    stages = _unit_stages(rng, ctx, planned)
    today = writer.today
    timelines = {unit: _timeline(rng, spec, ctx, today, stage) for unit, stage in stages.items()}
    for item in planned:
        writer.write(round_, item, stages[item.unit], timelines[item.unit])
    _make_sure_one_fails(writer, round_, timelines)


def _unit_stages(rng: random.Random, ctx: DemoContext, planned: list[Planned]) -> dict[int, str]:
    """Each unit's batch is at one step; every step is taken by at least one unit when there are four."""
    weights = ctx.load("nominations")["year_end"]["stages"]
    pick = Weighted(list(STAGES), [weights[s] for s in STAGES])
    units = sorted({p.unit for p in planned})
    stages = {unit: pick.pick(rng) for unit in units}
    sizes = {unit: sum(p.unit == unit for p in planned) for unit in units}
    for stage in STAGES:
        if len(units) >= len(STAGES) and stage not in stages.values():
            crowded = [u for u in units if list(stages.values()).count(stages[u]) > 1]
            crowded.sort(key=lambda u: -sizes[u])  # the council's step goes to a unit with many nominations
            stages[crowded[0] if stage == "reviewed" else rng.choice(crowded)] = stage
    return stages


def _make_sure_one_fails(writer: NominationWriter, round_: Round, timelines: dict[int, Timeline]) -> None:
    """The council turned down at least one nomination of the round (one no other rule counts on)."""
    made = [(n, p) for n, p in writer.made if n.round_id == round_.id]
    if any(n.status is NominationStatus.FAILED for n, _ in made):
        return
    passed = [(n, p) for n, p in made if n.status is NominationStatus.PASSED and not p.keep_alive]
    if passed:
        nomination, planned = passed[0]
        nomination.events.pop()
        nomination.version -= 1
        writer.fail(nomination, timelines[planned.unit].reviewed)

