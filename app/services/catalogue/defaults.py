"""The award catalogue shipped in resources/data/awards.json, loaded at `init`.

Loading adds the forms whose code is not in the database yet and never touches a form the user has
already got (possibly edited): running `init` again is safe.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AwardForm, AwardKind, Criterion, CriterionMode, PollMethod, ThresholdBase
from app.resources import load_json
from app.rules.vntext import normalize_text
from app.storage.database import Database

CATALOGUE_FILE = "awards.json"


def ensure_award_catalogue(db: Database) -> list[str]:
    """Add the shipped forms that are missing; returns the codes added."""
    forms = load_json(CATALOGUE_FILE)["forms"]
    with db.transaction() as session:
        existing = set(session.scalars(select(AwardForm.code)))
        added = [spec["code"] for spec in forms if spec["code"] not in existing]
        for order, spec in enumerate(forms):
            if spec["code"] in added:
                session.add(award_form_from_spec(spec, order))
    return added


def award_form_from_spec(spec: dict, order: int) -> AwardForm:
    reward, poll = spec.get("reward", {}), spec["poll"]
    form = AwardForm(
        code=spec["code"],
        name=normalize_text(spec["name"]),
        short_name=normalize_text(spec.get("short_name", "")),
        kind=AwardKind(spec["kind"]),
        reward_individual=reward.get("individual"),
        reward_collective=reward.get("collective"),
        reward_household=reward.get("household"),
        counts_toward_merit=spec.get("counts_toward_merit", True),
        poll_method=PollMethod(poll["method"]),
        threshold_base=ThresholdBase(poll["base"]),
        threshold_percent=poll["percent"],
        threshold_numerator=poll.get("fraction", [poll["percent"], 100])[0],
        threshold_denominator=poll.get("fraction", [poll["percent"], 100])[1],
        threshold_strict=poll.get("strict", False),
        counts_written_opinions=poll.get("written_opinions", False),
        needs_council_vote=poll.get("council", True),
        legal_basis=normalize_text(spec.get("legal_basis", "")),
        sort_order=order,
    )
    form.criteria = [criterion_from_spec(item, position) for position, item in enumerate(spec["criteria"])]
    return form


def criterion_from_spec(item: dict, position: int) -> Criterion:
    rule = item.get("rule", "")
    return Criterion(
        code=item["code"],
        position=position,
        text=normalize_text(item["text"]),
        source=normalize_text(item.get("source", "")),
        mode=CriterionMode.RULE if rule else CriterionMode.JUDGED,
        rule_code=rule,
        rule_params=json.dumps(item["params"], ensure_ascii=False) if "params" in item else "",
        any_of_group=item.get("any_of", ""),
        subject_kinds=",".join(item.get("kinds", [])),
        occupation_groups=",".join(item.get("occupations", [])),
    )


def forms_by_code(session: Session) -> dict[str, AwardForm]:
    return {form.code: form for form in session.scalars(select(AwardForm))}
