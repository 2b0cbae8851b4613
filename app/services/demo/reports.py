"""The achievement report (báo cáo thành tích) of a demo nomination, by subject kind, form and round.

The report starts as the nomination service prefills it (position, workplace, titles already received
from the history, the exemplar's summary) and gets the rest of the form's fields in realistic words
and figures from nominations.json and the themes of exemplars.json.
"""

from __future__ import annotations

import dataclasses
import random

from sqlalchemy.orm import Session

from app.models import Exemplar, Subject, SubjectKind
from app.services.demo.context import DemoContext
from app.services.demo.texts import fill, in_sentence, unit_theme
from app.services.nominations.crud import default_report
from app.services.nominations.data import ReportInput

HOUSEHOLD_THEME = "village"


@dataclasses.dataclass(frozen=True)
class ReportRequest:
    subject: Subject
    form: str  # catalogue code
    texts: str  # "year_end", "ad_hoc", "thematic" or "exemplar"
    unit_index: int
    exemplar: Exemplar | None = None


def build_report(ctx: DemoContext, rng: random.Random, session: Session,
                 request: ReportRequest) -> ReportInput:
    subject, kind = request.subject, request.subject.kind
    base = default_report(session, subject, request.exemplar)
    data = ctx.load("nominations")
    theme = HOUSEHOLD_THEME if kind is SubjectKind.HOUSEHOLD else unit_theme(ctx, request.unit_index)
    values = {"unit": in_sentence(ctx.units[request.unit_index]), "name": subject.name}
    measures = data["measures"][kind.value]
    report = dataclasses.replace(
        base, achievements=_achievements(ctx, rng, request, theme, base.achievements),
        measures=fill(ctx, rng, rng.choice(measures), **values),
    )
    if kind is SubjectKind.INDIVIDUAL:
        return dataclasses.replace(
            report, qualification=rng.choice(data["qualification"][theme]),
            duties=fill(ctx, rng, data["duties"]["individual"][theme], **values))
    if kind is SubjectKind.COLLECTIVE:
        members = subject.member_count or 0
        overview = fill(ctx, rng, rng.choice(data["overview"]), parent=subject.parent_body or values["unit"],
                        members=str(members), female=str(subject.female_member_count or 0), **values)
        return dataclasses.replace(report, overview=overview,
                                   duties=fill(ctx, rng, data["duties"]["collective"][theme], **values))
    return dataclasses.replace(report, overview=fill(ctx, rng, data["household_overview"],
                                                     address=subject.address or values["unit"]))


def _achievements(ctx: DemoContext, rng: random.Random, request: ReportRequest, theme: str,
                  exemplar_summary: str) -> str:
    data, kind = ctx.load("nominations"), request.subject.kind.value
    if request.texts in ("ad_hoc", "thematic"):
        texts = data[request.texts]
        lines = [fill(ctx, rng, rng.choice(texts.get(kind) or texts["individual"]))]
        if exemplar_summary:
            lines.append(exemplar_summary)
        return "\n".join(f"- {line}" for line in lines)
    if request.form == "GDVH":
        return "\n".join(f"- {fill(ctx, rng, line)}" for line in data["gdvh"])
    summaries = ctx.load("exemplars")["themes"][theme].get(kind) or []
    if exemplar_summary:
        tasks = [exemplar_summary]
    else:
        tasks = [fill(ctx, rng, t) for t in rng.sample(summaries, min(2, len(summaries)))]
    lines = [data["headings"]["tasks"], *(f"- {t}" for t in tasks)]
    extra = data["collective_lines"] if kind == SubjectKind.COLLECTIVE.value else data["movement_lines"]
    lines += [data["headings"]["movements"], *(f"- {fill(ctx, rng, t)}" for t in rng.sample(extra, 2))]
    if request.form == "CSTDCS":
        initiative = rng.choice(data["initiatives"][theme])
        lines += [data["headings"]["initiative"], "- " + fill(ctx, rng, data["initiative_line"],
                                                               initiative=initiative)]
    return "\n".join(lines)
