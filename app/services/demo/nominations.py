"""Demo nominations: each is created as the nomination service creates one (same checks, same rows),
then moved along its path nháp → đã đề nghị → đã thẩm định → đã bình xét with dated history lines
(the texts the services write), and judged item by item as an appraiser would.

A nomination that should be appraised but whose checklist is not ready (a rule item fails, say the
collective has too few LĐTT members) stays "đã đề nghị", so every appraised nomination is ready.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass

from app.errors import ValidationError
from app.models import (
    AwardForm,
    ChecklistItem,
    Criterion,
    CriterionMode,
    CriterionOutcome,
    Exemplar,
    Nomination,
    NominationEvent,
    NominationStatus,
    Round,
)
from app.services.demo.audit_trail import demo_day
from app.services.demo.context import DemoContext
from app.services.demo.reports import ReportRequest, build_report
from app.services.demo.texts import day_between, fill
from app.services.nominations.crud import add_nomination, creation_problems
from app.services.nominations.data import NominationInput
from app.services.nominations.eligibility_facts import FormIndex
from app.services.nominations.queries import checklist_for

S = NominationStatus
PROPOSED_TEXT = "Đơn vị đã đề nghị."
APPRAISED_TEXT = "Đã thẩm định: đủ tiêu chuẩn, trình Hội đồng."
REVIEWED = (S.APPRAISED, S.PASSED, S.FAILED)
P_BLANK_DRAFT, P_RETURNED, P_SOME_JUDGED, P_NOT_MET, P_STILL_PROPOSED = 0.4, 0.15, 0.6, 0.08, 0.2
P_FAIL = {"CSTDCS": 0.35}
P_FAIL_OTHER = 0.1


@dataclass
class Planned:
    """One nomination to make: who, for which form (catalogue code), through which unit (index)."""

    subject_id: int
    form: str
    unit: int
    texts: str = "year_end"  # which achievement texts: year_end, ad_hoc, thematic, exemplar
    exemplar_id: int | None = None
    keep_alive: bool = False  # a rule of another nomination counts on it: never "không đạt"


@dataclass(frozen=True)
class Timeline:
    """When a batch of nominations was created, proposed, appraised and reviewed by the council."""

    created: dt.date
    proposed: dt.date
    appraised: dt.date
    reviewed: dt.date


class NominationWriter:
    def __init__(self, ctx: DemoContext, rng: random.Random, forms: dict[str, AwardForm],
                 today: dt.date) -> None:
        self.ctx, self.rng, self.forms, self.today = ctx, rng, forms, today
        self.session = ctx.session
        self.index = FormIndex(ctx.session)
        self.data = ctx.load("nominations")
        self.made: list[tuple[Nomination, Planned]] = []

    # --- creation -----------------------------------------------------------------------------------

    def write(self, round_: Round, planned: Planned, stage: str, timeline: Timeline) -> Nomination | None:
        """Create the nomination and bring it to the stage ('draft', 'proposed', 'appraised', 'reviewed')."""
        nomination = self._create(round_, planned, timeline.created)
        if nomination is not None:
            getattr(self, f"_{stage}")(nomination, planned, timeline)
            self.made.append((nomination, planned))
        return nomination

    def _create(self, round_: Round, planned: Planned, day: dt.date) -> Nomination | None:
        data = NominationInput(round_.id, planned.subject_id, self.forms[planned.form].id,
                               self.ctx.units[planned.unit].id, planned.exemplar_id)
        try:
            checked = creation_problems(self.session, data, day, self.index)
        except ValidationError:
            return None  # on hold, or the form does not fit: the demo nominates someone else
        if checked.warnings:
            return None  # late or a duplicate: nothing the demo wants
        exemplar = self.session.get(Exemplar, planned.exemplar_id) if planned.exemplar_id else None
        request = ReportRequest(checked.subject, planned.form, planned.texts, planned.unit, exemplar)
        report = build_report(self.ctx, self.rng, self.session, request)
        demo_day(self.session, day)  # the audit trail dates the new rows on the demo's calendar
        nomination = add_nomination(self.session, data, checked.subject, report, [])
        nomination.events[0].at = self._at(day)
        return nomination

    # --- the stages ---------------------------------------------------------------------------------

    def _draft(self, nomination: Nomination, planned: Planned, timeline: Timeline) -> None:
        if self.rng.random() < P_BLANK_DRAFT:
            nomination.report.achievements = ""  # the unit has not written it yet

    def _proposed(self, nomination: Nomination, planned: Planned, timeline: Timeline) -> None:
        self._move(nomination, S.PROPOSED, PROPOSED_TEXT, timeline.proposed)
        if self.rng.random() < P_RETURNED:
            returned = day_between(self.rng, timeline.proposed, self.today)
            reason = fill(self.ctx, self.rng, self.rng.choice(self.data["return_reasons"]))
            self._move(nomination, S.DRAFT, f"Trả lại để bổ sung: {reason}", returned)
        elif self.rng.random() < P_SOME_JUDGED:
            self._judge(nomination, timeline.proposed, self.today, every=False)

    def _appraised(self, nomination: Nomination, planned: Planned, timeline: Timeline) -> None:
        self._move(nomination, S.PROPOSED, PROPOSED_TEXT, timeline.proposed)
        if self.rng.random() < P_STILL_PROPOSED:
            self._judge(nomination, timeline.proposed, self.today, every=False)
            return
        self._judge(nomination, timeline.proposed, timeline.appraised, every=True)
        self._move(nomination, S.APPRAISED, APPRAISED_TEXT, timeline.appraised)

    def _reviewed(self, nomination: Nomination, planned: Planned, timeline: Timeline) -> None:
        self._move(nomination, S.PROPOSED, PROPOSED_TEXT, timeline.proposed)
        self._judge(nomination, timeline.proposed, timeline.appraised, every=True)
        self._move(nomination, S.APPRAISED, APPRAISED_TEXT, timeline.appraised)
        chance = P_FAIL.get(planned.form, P_FAIL_OTHER)
        if not planned.keep_alive and self.rng.random() < chance:
            self.fail(nomination, timeline.reviewed)
        else:
            self._move(nomination, S.PASSED, "Hội đồng bình xét: đạt.", timeline.reviewed)

    def fail(self, nomination: Nomination, day: dt.date) -> None:
        note = fill(self.ctx, self.rng, self.rng.choice(self.data["council_failed"]))
        self._move(nomination, S.FAILED, f"Hội đồng bình xét: không đạt. {note}", day)

    # --- history and judgements ---------------------------------------------------------------------

    def _at(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(self.rng.randint(7, 16), self.rng.randint(0, 59)))

    def _move(self, nomination: Nomination, status: NominationStatus, text: str, day: dt.date) -> None:
        nomination.status = status
        nomination.version += 1
        nomination.events.append(NominationEvent(status=status, text=text, at=self._at(day)))

    def _judge(self, nomination: Nomination, first: dt.date, last: dt.date, every: bool) -> None:
        """Judge every judged item (one per "any of" group) as met, or only some of them."""
        items = judged_items(self.forms_by_id(nomination.award_form_id), nomination.subject)
        if not every:
            items = self.rng.sample(items, self.rng.randint(0, max(len(items) - 1, 0)))
        for position, criterion in enumerate(items):
            outcome, notes = CriterionOutcome.MET, self.data["judged_notes"]
            if not every and position == 0 and self.rng.random() < P_NOT_MET:
                outcome, notes = CriterionOutcome.NOT_MET, self.data["not_met_notes"]
            nomination.checklist.append(ChecklistItem(
                criterion_id=criterion.id, outcome=outcome, decided_on=day_between(self.rng, first, last),
                note=fill(self.ctx, self.rng, self.rng.choice(notes)),
            ))
            nomination.version += 1

    def forms_by_id(self, form_id: int) -> AwardForm:
        return self.index.by_id[form_id]

    # --- the check at the end -----------------------------------------------------------------------

    def settle(self) -> Counter:
        """Appraised or reviewed nominations whose checklist is not ready go back to "đã đề nghị"."""
        self.session.flush()
        for nomination, _planned in self.made:
            if nomination.status in REVIEWED and not self._ready(nomination):
                _back_to_proposed(nomination)
        self.session.flush()
        return Counter(n.status for n, _ in self.made)

    def _ready(self, nomination: Nomination) -> bool:
        return checklist_for(self.session, nomination, self.today, self.index).ready


def judged_items(form: AwardForm, subject) -> list[Criterion]:
    """The judged criteria that apply to the subject, only the first of each "any of" group."""
    items, groups = [], set()
    for criterion in form.criteria:
        if criterion.mode is not CriterionMode.JUDGED:
            continue
        if not criterion.applies_to(subject.kind, subject.occupation_group):
            continue
        if criterion.any_of_group:
            if criterion.any_of_group in groups:
                continue
            groups.add(criterion.any_of_group)
        items.append(criterion)
    return items


def _back_to_proposed(nomination: Nomination) -> None:
    while nomination.events and nomination.events[-1].status is not S.PROPOSED:
        nomination.events.pop()
        nomination.version -= 1
    nomination.status = S.PROPOSED
