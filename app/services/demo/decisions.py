"""Demo section "decisions": issued decisions (one cancelled and issued again) and a draft, made through the
same session-level steps the decision services use, so every state of the register shows."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from app.errors import ValidationError
from app.models import AwardRecord, Decision, DocumentType, Round, RoundKind, SignerRole
from app.services.catalogue.defaults import forms_by_code
from app.services.decisions.data import DecisionInput, IssueInput
from app.services.decisions.drafts import new_draft
from app.services.decisions.issue import decision_cancelled, decision_issued, proposal_issued
from app.services.demo.audit_trail import demo_day
from app.services.demo.context import DemoContext
from app.services.demo.texts import dated, demo_year
from app.services.settings import SettingVar, put_setting
from app.services.wording import clean_wording, read_wording

ROUND_KINDS = {"ad_hoc": RoundKind.AD_HOC, "year_end": RoundKind.YEAR_END}


def add_decisions(ctx: DemoContext) -> None:
    spec = ctx.load("decisions")
    _set_proposal_signer(ctx, spec["proposal_signer"])
    forms = forms_by_code(ctx.session)
    made, records_before = 0, _records(ctx)
    for item in spec["decisions"]:
        round_ = _round(ctx, ROUND_KINDS[item["round"]])
        if round_ is None or item["form"] not in forms:
            continue
        try:
            _make(ctx, item, round_, forms[item["form"]].id)
        except ValidationError:
            continue  # a small demo may have nobody passed for this form
        made += 1
    ctx.summary.extras.append(f"{made} quyết định khen thưởng")
    ctx.summary.awards += _records(ctx) - records_before  # the issued decisions' award history


def _records(ctx: DemoContext) -> int:
    return ctx.session.scalar(select(func.count()).select_from(AwardRecord)) or 0


def _set_proposal_signer(ctx: DemoContext, name: str) -> None:
    wording = read_wording(ctx.session, DocumentType.PROPOSAL)
    clean = clean_wording(DocumentType.PROPOSAL, {**wording, "signer_name": name})
    put_setting(ctx.session, SettingVar(f"wording.{DocumentType.PROPOSAL.value}", {}, ""), clean)


def _round(ctx: DemoContext, kind: RoundKind) -> Round | None:
    query = select(Round).where(Round.kind == kind, Round.year == demo_year(ctx))
    return ctx.session.scalars(query).first()


def _make(ctx: DemoContext, item: dict, round_: Round, form_id: int) -> None:
    achievement = ctx.format(item.get("achievement", ""), year=str(demo_year(ctx)))
    role = SignerRole.VICE_CHAIRMAN if item.get("signer") == "vice" else SignerRole.CHAIRMAN
    data = DecisionInput(round_id=round_.id, award_form_id=form_id, signer_role=role,
                         achievement=achievement, council_meeting_on=dated(ctx, item["meeting"]))
    decision = new_draft(ctx.session, data)
    for key, step in (("proposal", proposal_issued), ("issue", decision_issued)):
        if key in item:
            issue = IssueInput(day=dated(ctx, item[key]["day"]), number=item[key]["number"])
            demo_day(ctx.session, issue.day)
            step(ctx.session, decision, issue)
            _date_new_events(decision, issue.day)
    if "cancel" in item:
        cancel = item["cancel"]
        demo_day(ctx.session, dated(ctx, cancel["day"]))
        decision_cancelled(ctx.session, decision, cancel["reason"], dated(ctx, cancel["day"]))
        _date_new_events(decision, dated(ctx, cancel["day"]))
    ctx.session.flush()


def _date_new_events(decision: Decision, day: dt.date) -> None:
    """History lines the steps just added happen on the demo's calendar, not today (reproducible)."""
    for entry in decision.entries:
        for event in entry.nomination.events:
            if event.at is None:
                event.at = dt.datetime.combine(day, dt.time(2, 30))  # UTC: 09:30 in Vietnam
