"""Reading nominations: one with its checklist and history, or the list of a round."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.models import AwardForm, Criterion, Nomination, NominationStatus, Subject, Unit
from app.models.enums import SubjectKind
from app.rules.checklist import Checklist, CriterionSpec, Judgement, build_checklist
from app.services.nominations.crud import get_nomination_row
from app.services.nominations.data import NominationDetail, NominationEventRow, NominationRow, ReportInput
from app.services.nominations.eligibility_facts import FormIndex, nomination_facts
from app.services.sorting import by_label, by_rank
from app.storage.database import Database

# The list's sorts (a column each); "form" is the official order: forms in the catalogue's order, then names.
NOMINATION_SORTS = ("form", "subject_name", "subject_kind", "unit_name", "proposing_unit_name", "status")


def checklist_for(
    session: Session, nomination: Nomination, today: dt.date, forms: FormIndex | None = None
) -> Checklist:
    subject, form = nomination.subject, nomination.award_form
    facts = nomination_facts(session, subject, form, nomination.round, today, nomination.id, forms)
    criteria = [
        criterion_spec(c) for c in form.criteria if c.applies_to(subject.kind, subject.occupation_group)
    ]
    judged = {item.criterion_id: _judgement(item) for item in nomination.checklist}
    return build_checklist(facts, criteria, judged)


def _judgement(item) -> Judgement:
    file_name = item.stored_file.original_name if item.stored_file else ""
    return Judgement(item.outcome, item.note, file_name, item.decided_on)


def criterion_spec(criterion: Criterion) -> CriterionSpec:
    params = json.loads(criterion.rule_params) if criterion.rule_params else {}
    return CriterionSpec(criterion.id, criterion.code, criterion.text, criterion.source, criterion.mode,
                         criterion.rule_code, params, criterion.any_of_group)


def get_nomination(db: Database, nomination_id: int, today: dt.date | None = None) -> NominationDetail:
    with db.read() as session:
        n = get_nomination_row(session, nomination_id)
        report = ReportInput(**{f.name: getattr(n.report, f.name) for f in dataclasses.fields(ReportInput)})
        return NominationDetail(
            id=n.id, version=n.version, status=n.status, round_id=n.round_id, round_name=n.round.name,
            round_year=n.round.year, subject_id=n.subject_id, subject_name=n.subject.name,
            subject_kind=n.subject.kind, award_form_id=n.award_form_id, form_name=n.award_form.name,
            proposing_unit_id=n.proposing_unit_id,
            proposing_unit_name=n.proposing_unit.name if n.proposing_unit else "",
            exemplar_id=n.exemplar_id, report=report,
            checklist=checklist_for(session, n, today or dt.date.today()),
            events=[NominationEventRow(e.at, e.status, e.text) for e in n.events],
            needs_council_vote=n.award_form.needs_council_vote,
        )


def list_nominations(
    db: Database, round_id: int | None = None, status: NominationStatus | None = None,
    award_form_id: int | None = None, unit_id: int | None = None, sort: str = "form",
    descending: bool = False,
) -> list[NominationRow]:
    """A round's nominations (or all of them), filtered, sorted by the query on one of NOMINATION_SORTS:
    empty values last either way, then the forms' order and names in official-list order."""
    proposing = aliased(Unit)
    query = (
        select(Nomination.id, Nomination.round_id, Subject.id, Subject.name, Subject.kind, Unit.name,
               AwardForm.name, proposing.name, Nomination.status)
        .join(Subject, Nomination.subject_id == Subject.id)
        .join(AwardForm, Nomination.award_form_id == AwardForm.id)
        .outerjoin(Unit, Subject.unit_id == Unit.id)
        .outerjoin(proposing, Nomination.proposing_unit_id == proposing.id)
        .order_by(*_order(sort, descending, proposing))
    )
    for column, value in ((Nomination.round_id, round_id), (Nomination.status, status),
                          (Nomination.award_form_id, award_form_id), (Nomination.proposing_unit_id, unit_id)):
        if value is not None:
            query = query.where(column == value)
    with db.read() as session:
        return [NominationRow(*(value if value is not None else "" for value in row))
                for row in session.execute(query)]


def _order(sort: str, descending: bool, proposing) -> list:
    """The ORDER BY of a sort: its column (NULL, an empty value, last), then the official order."""
    keys = {
        "form": AwardForm.sort_order, "subject_name": Subject.sort_key, "unit_name": Unit.sort_key,
        "subject_kind": by_label(Subject.kind, SubjectKind), "proposing_unit_name": proposing.sort_key,
        # The path's order (Nháp, Đã đề nghị, … Đã quyết định), not the labels' alphabet.
        "status": by_rank(Nomination.status, NominationStatus),
    }
    if sort not in keys:
        raise ValueError(f"no such sort: {sort}")
    key = keys[sort]
    first = (key.desc() if descending else key.asc()).nulls_last()
    if sort == "subject_name":
        return [first, Nomination.id.desc() if descending else Nomination.id]
    return [first, AwardForm.sort_order, Subject.sort_key, Nomination.id]

