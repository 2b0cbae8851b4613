"""Control characters refused at the service boundary, on both backends: nomination notes and reasons,
a decision's signer and achievement, the wording of documents (Validator.plain_text, as the subjects)."""

from __future__ import annotations

import pytest
from decision_helpers import TODAY, form_ids, make_person, make_round

from app.errors import ValidationError
from app.models import CriterionOutcome, DocumentType
from app.services.decisions.data import DecisionInput
from app.services.decisions.drafts import create_decision
from app.services.nominations.crud import create_nomination, update_report
from app.services.nominations.data import JudgementInput, NominationInput, ReportInput
from app.services.nominations.flow import propose, record_review, return_to_draft, set_judgement
from app.services.nominations.queries import get_nomination
from app.services.wording import load_wording, save_wording

pytestmark = pytest.mark.both_backends
BAD = ["Có ký tự\x1b[31m escape", "NUL\x00ở giữa", "DEL\x7f", "C1\x9b"]


@pytest.fixture
def proposed(commune_db):
    person, form = make_person(commune_db, "Hà Văn Tư"), form_ids(commune_db)["LDTT"]
    data = NominationInput(make_round(commune_db), person, form)
    nomination_id = create_nomination(commune_db, data, today=TODAY)
    version = get_nomination(commune_db, nomination_id, TODAY).version
    update_report(commune_db, nomination_id, ReportInput(achievements="Hoàn thành xuất sắc."), version)
    propose(commune_db, nomination_id)
    return nomination_id


def _history(db, nomination_id):
    detail = get_nomination(db, nomination_id, TODAY)
    return detail.version, detail.status, [str(event) for event in detail.events]


@pytest.mark.parametrize("text", BAD)
def test_nomination_reasons_and_notes_refuse_control_characters(commune_db, proposed, text) -> None:
    before = _history(commune_db, proposed)
    with pytest.raises(ValidationError) as caught:
        return_to_draft(commune_db, proposed, text)
    assert "ký tự điều khiển" in caught.value.errors["reason"]
    with pytest.raises(ValidationError) as caught:
        record_review(commune_db, proposed, True, note=text)
    assert "ký tự điều khiển" in caught.value.errors["note"]
    criterion = next(line.criterion_id for line in get_nomination(commune_db, proposed, TODAY).checklist.lines
                     if line.criterion_id is not None)
    with pytest.raises(ValidationError) as caught:
        set_judgement(commune_db, proposed, JudgementInput(criterion, CriterionOutcome.NOT_MET, text), TODAY)
    assert "ký tự điều khiển" in caught.value.errors["note"]
    assert _history(commune_db, proposed) == before


def test_a_decisions_signer_and_achievement_refuse_control_characters(commune_db) -> None:
    data = DecisionInput(round_id=make_round(commune_db), award_form_id=form_ids(commune_db)["LDTT"],
                         signer_name="Lê Văn\x1bKý", achievement="Thành tích\x00 xuất sắc")
    with pytest.raises(ValidationError) as caught:
        create_decision(commune_db, data)
    assert set(caught.value.errors) == {"signer_name", "achievement"}
    assert "U+001B (ESC)" in caught.value.errors["signer_name"]


def test_the_wording_refuses_control_characters(commune_db) -> None:
    wording = load_wording(commune_db, DocumentType.DECISION)
    text_key = next(k for k, v in wording.items() if isinstance(v, str) and v)
    list_key = next(k for k, v in wording.items() if isinstance(v, list) and v)
    bad = dict(wording, **{text_key: f"{wording[text_key]}\x1b", list_key: [*wording[list_key], "Căn\x00"]})
    with pytest.raises(ValidationError) as caught:
        save_wording(commune_db, DocumentType.DECISION, bad)
    assert {text_key, list_key} <= set(caught.value.errors)
    assert load_wording(commune_db, DocumentType.DECISION) == wording
