"""An issued decision with a few recipients, made through the real services (tests/decision_helpers.py)."""

from __future__ import annotations

import datetime as dt

from decision_helpers import MEETING_DAY, form_ids, make_round, passed_people

from app.services.decisions.data import DecisionInput, IssueInput
from app.services.decisions.drafts import create_decision
from app.services.decisions.issue import issue_decision

ISSUE_DAY = dt.date(2026, 11, 25)
RECIPIENTS = ("Trần Văn Bình", "Nguyễn Thị Hoa", "Lê Thị Ánh")


def draft_decision(db, names=RECIPIENTS, form: str = "LDTT") -> int:
    """A draft decision awarding `form` to one passed nomination per name."""
    round_id = make_round(db)
    forms = form_ids(db)
    ids = passed_people(db, round_id, forms[form], names=names)
    data = DecisionInput(round_id=round_id, award_form_id=forms[form], nomination_ids=ids,
                         council_meeting_on=MEETING_DAY)
    return create_decision(db, data).row.id


def issued_decision(db, names=RECIPIENTS, form: str = "LDTT") -> int:
    decision_id = draft_decision(db, names, form)
    issue_decision(db, decision_id, IssueInput(day=ISSUE_DAY))
    return decision_id
