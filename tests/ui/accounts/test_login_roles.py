"""After signing in, the decisions and nominations pages offer each person only the steps of their
role (the services refuse the others anyway; see tests/services/accounts/test_permissions.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from account_helpers import PASSWORD, cheap_hashing, leader_and_staff  # noqa: F401 - fixture
from decision_helpers import form_ids, make_person, make_round, passed_nomination

from app.services.accounts.manage import authenticate
from app.services.decisions.data import DecisionInput
from app.services.decisions.drafts import create_decision
from app.services.decisions.queries import get_decision
from app.services.nominations.queries import get_nomination
from app.ui.decisions.panel import DecisionPanel
from app.ui.nominations.panel import NominationPanel

pytestmark = pytest.mark.usefixtures("cheap_hashing")
TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def records(commune_db) -> dict[str, int]:
    """A draft decision and an appraised nomination awaiting the council, made before any sign-in."""
    round_id = make_round(commune_db)
    forms = form_ids(commune_db)
    passed_nomination(commune_db, round_id, make_person(commune_db, "Trần Văn Bình"), forms["GIAY_KHEN"])
    data = DecisionInput(round_id=round_id, award_form_id=forms["GIAY_KHEN"],
                         council_meeting_on=dt.date(2026, 11, 18))
    appraised = passed_nomination(commune_db, round_id, make_person(commune_db, "Lê Thị Ánh"), forms["LDTT"],
                                  review=False)
    leader_and_staff(commune_db)
    return {"draft": create_decision(commune_db, data).row.id, "appraised": appraised}


def enabled(panel) -> set[str]:
    return {key for key, button in panel.buttons.items() if button.isEnabled()}


@pytest.mark.parametrize(("username", "steps"), [
    ("lan", {"edit", "delete", "issue", "proposal_number", "decision", "proposal"}),
    ("duc", {"edit", "delete", "decision", "proposal"}),
    ("hoa", {"decision", "proposal"}),
])
def test_decision_steps_follow_the_role(qtbot, commune_db, records, username, steps):
    commune_db.actor = authenticate(commune_db, username, PASSWORD)
    panel = DecisionPanel(commune_db)
    qtbot.addWidget(panel)
    panel.show_detail(get_decision(commune_db, records["draft"]))
    assert enabled(panel) == steps


@pytest.mark.parametrize(("username", "steps"), [
    ("lan", {"return"}),  # LĐTT: the result comes from the council's meeting, no buttons for it
    ("duc", {"return"}),
    ("hoa", set()),
])
def test_the_councils_result_is_offered_to_leaders_only(qtbot, commune_db, records, username, steps):
    commune_db.actor = authenticate(commune_db, username, PASSWORD)
    panel = NominationPanel(commune_db)
    qtbot.addWidget(panel)
    panel.show_detail(get_nomination(commune_db, records["appraised"], TODAY))
    assert enabled(panel) == steps
    assert panel.report_button.isEnabled()  # reading the report is for everyone
