"""One step for many nominations at once: propose, appraise, judge one criterion, return to draft.

Each nomination goes through the very function that takes one step for one nomination, in its own
transaction: what is refused for one (its report empty, a criterion undecided, another state) is reported
with its reason and the person's name, and never stops or undoes the others. Bulk creation is bulk.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ServiceError, ValidationError
from app.models import Criterion, CriterionMode, Nomination, NominationStatus
from app.services.nominations.data import (
    BatchLine,
    BatchReport,
    BatchStep,
    JudgedCriterion,
    JudgementInput,
    RoundProgress,
)
from app.services.nominations.eligibility_facts import FormIndex
from app.services.nominations.flow import appraise, propose, return_to_draft, set_judgement
from app.services.nominations.queries import checklist_for
from app.storage.database import Database

S = NominationStatus
Progress = Callable[[int, int], None]  # (done so far, total)
_NUMBERED = re.compile(r"[Hh]ồ sơ số \d+")


def propose_many(db: Database, ids: list[int], progress: Progress | None = None) -> BatchReport:
    """Nháp → đã đề nghị for each nomination whose achievement report is filled."""
    return _each(db, BatchStep.PROPOSE, ids, lambda i: propose(db, i), progress)


def appraise_many(db: Database, ids: list[int], progress: Progress | None = None,
                  today: dt.date | None = None) -> BatchReport:
    """Đã đề nghị → đã thẩm định for each nomination whose checklist is ready."""
    return _each(db, BatchStep.APPRAISE, ids, lambda i: appraise(db, i, today=today), progress)


def judge_many(db: Database, ids: list[int], judgement: JudgementInput, progress: Progress | None = None,
               today: dt.date | None = None) -> BatchReport:
    """The same decision on one judged criterion for each nomination, each recorded as a single one is."""
    return _each(db, BatchStep.JUDGE, ids, lambda i: set_judgement(db, i, judgement, today), progress)


def return_many(db: Database, ids: list[int], reason: str, progress: Progress | None = None) -> BatchReport:
    """Back to draft for correction, the same reason kept in each nomination's history."""
    return _each(db, BatchStep.RETURN, ids, lambda i: return_to_draft(db, i, reason), progress)


def _each(db: Database, step: BatchStep, ids: list[int], action: Callable[[int], None],
          progress: Progress | None) -> BatchReport:
    names = _names(db, ids)
    report = BatchReport(step)
    for number, nomination_id in enumerate(ids, start=1):
        name, form = names.get(nomination_id, ("", ""))
        try:
            action(nomination_id)
        except ServiceError as error:
            report.refused.append(BatchLine(nomination_id, name, form, _reason(error)))
        else:
            report.done.append(BatchLine(nomination_id, name, form, step.done_text))
        if progress is not None:
            progress(number, len(ids))
    return report


def _names(db: Database, ids: list[int]) -> dict[int, tuple[str, str]]:
    with db.read() as session:
        rows = list(session.scalars(select(Nomination).where(Nomination.id.in_(ids)))) if ids else []
        return {n.id: (n.subject.name, n.award_form.name) for n in rows}


def _reason(error: ServiceError) -> str:
    """The refusal in the words of the single step, without the record's number (the person is named)."""
    text = "\n".join(error.errors.values()) if isinstance(error, ValidationError) else str(error)
    return _NUMBERED.sub(lambda m: "Hồ sơ" if m.group(0)[0] == "H" else "hồ sơ", text)


def judged_criteria(db: Database, ids: list[int]) -> list[JudgedCriterion]:
    """The criteria an appraiser decides by hand on the forms of these nominations, with how many of them
    each applies to."""
    with db.read() as session:
        nominations = list(session.scalars(select(Nomination).where(Nomination.id.in_(ids)))) if ids else []
        counts: dict[int, int] = {}
        for n in nominations:
            for c in n.award_form.criteria:
                applies = c.applies_to(n.subject.kind, n.subject.occupation_group)
                if c.mode is CriterionMode.JUDGED and applies:
                    counts[c.id] = counts.get(c.id, 0) + 1
        criteria = list(session.scalars(select(Criterion).where(Criterion.id.in_(counts)))) if counts else []
        return sorted((JudgedCriterion(c.id, c.award_form.name, c.text, counts[c.id]) for c in criteria),
                      key=lambda j: (-j.count, j.form_name, j.text))


def round_progress(db: Database, round_id: int | None, today: dt.date | None = None,
                   only: int | None = None) -> RoundProgress:
    """Where a round's nominations stand: those ready for their next step, and what the others lack;
    `only` one nomination (to update a round's progress after a change to it: RoundProgress.update)."""
    today = today or dt.date.today()
    progress = RoundProgress()
    with db.read() as session:
        query = select(Nomination).order_by(Nomination.id)
        if round_id is not None:
            query = query.where(Nomination.round_id == round_id)
        if only is not None:
            query = query.where(Nomination.id == only)
        forms = FormIndex(session)
        for n in session.scalars(query):
            _place(progress, n, partial(_ready, session, n, today, forms))
    return progress


def _ready(session: Session, n: Nomination, today: dt.date, forms: FormIndex) -> bool:
    return checklist_for(session, n, today, forms).ready


def _place(progress: RoundProgress, n: Nomination, checklist_ready: Callable[[], bool]) -> None:
    progress.status_of[n.id] = n.status
    if n.status is S.DRAFT:
        filled = n.report is not None and n.report.achievements.strip() != ""
        (progress.ready_to_propose if filled else progress.report_missing).append(n.id)
    elif n.status is S.PROPOSED:
        (progress.ready_to_appraise if checklist_ready() else progress.checklist_missing).append(n.id)
    if n.status in (S.PROPOSED, S.APPRAISED):
        progress.returnable.append(n.id)
    if n.status in (S.DRAFT, S.PROPOSED):
        progress.judgeable.append(n.id)
