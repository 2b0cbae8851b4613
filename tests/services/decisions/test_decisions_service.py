"""Decisions: drafts, the register, issuing, cancelling, and what each does to nominations and history."""

from __future__ import annotations

import datetime as dt

import pytest
from decision_helpers import (
    form_ids,
    make_collective,
    make_person,
    make_round,
    make_unit,
    passed_nomination,
    passed_people,
)
from sqlalchemy import select

from app.errors import ConflictError, ValidationError
from app.models import (
    AwardRecord,
    CriterionOutcome,
    DecisionBasis,
    DecisionStatus,
    DocumentType,
    NominationStatus,
    RegisterEntry,
    RoundKind,
    SignerRole,
    SubjectKind,
)
from app.services.decisions.data import DecisionInput, IssueInput
from app.services.decisions.drafts import create_decision, delete_decision, update_decision
from app.services.decisions.issue import cancel_decision, issue_decision, issue_proposal
from app.services.decisions.queries import get_decision, list_decisions, list_includable
from app.services.nominations.queries import get_nomination
from app.services.wording import load_wording, save_wording

pytestmark = pytest.mark.both_backends

TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def forms(commune_db) -> dict[str, int]:
    return form_ids(commune_db)


@pytest.fixture
def year_end(commune_db) -> int:
    wording = load_wording(commune_db, DocumentType.PROPOSAL)
    save_wording(commune_db, DocumentType.PROPOSAL, {**wording, "signer_name": "Phạm Văn Bình"})
    return make_round(commune_db)


def draft(db, round_id, form_id, **extra):
    data = DecisionInput(round_id=round_id, award_form_id=form_id, council_meeting_on=dt.date(2026, 11, 18),
                         **extra)
    return create_decision(db, data)


def history(db, subject_id: int) -> list[AwardRecord]:
    with db.read() as session:
        return list(session.scalars(select(AwardRecord).where(AwardRecord.subject_id == subject_id)))


def register(db) -> list[tuple[DocumentType, int, bool]]:
    with db.read() as session:
        rows = session.scalars(select(RegisterEntry).order_by(RegisterEntry.id))
        return [(r.doc_type, r.number, r.cancelled) for r in rows]


def test_a_draft_takes_every_passed_nomination_in_official_order(commune_db, forms, year_end):
    unit = make_unit(commune_db)
    people = passed_people(commune_db, year_end, forms["GIAY_KHEN"], unit_id=unit)
    team_id = make_collective(commune_db, "Tổ Toán", unit)
    team = passed_nomination(commune_db, year_end, team_id, forms["GIAY_KHEN"])
    detail = draft(commune_db, year_end, forms["GIAY_KHEN"])
    assert detail.row.status is DecisionStatus.DRAFT and detail.row.number == ""
    assert detail.entries[0].nomination_id == team  # collectives first
    names = [e.name for e in detail.entries[1:]]
    # given name first: Ánh (Đặng Thị), Ánh (Lê Thị), Bình, Hoa, Hưng
    assert names == ["Đặng Thị Ánh", "Lê Thị Ánh", "Trần Văn Bình", "Nguyễn Thị Hoa", "Phạm Quốc Hưng"]
    assert {e.nomination_id for e in detail.entries[1:]} == set(people)
    assert detail.row.counts[SubjectKind.INDIVIDUAL] == 5 and detail.row.counts[SubjectKind.COLLECTIVE] == 1
    assert detail.row.signer_name == "Nguyễn Văn Hùng"  # the chairman of the commune profile
    assert detail.row.total == 5 * 702_000 + 1_404_000  # 0,3 and 0,6 × 2.340.000


def test_no_passed_nomination_is_refused_and_nothing_saved(commune_db, forms, year_end):
    person = make_person(commune_db, "Lê Văn Tám")
    passed_nomination(commune_db, year_end, person, forms["LDTT"], review=False)
    with pytest.raises(ValidationError) as caught:
        draft(commune_db, year_end, forms["LDTT"])
    assert "chưa có hồ sơ nào được Hội đồng bình xét đạt" in caught.value.errors["nomination_ids"]
    assert list_decisions(commune_db) == []


def test_simplified_procedure_only_for_ad_hoc_rounds_and_takes_appraised_files(commune_db, forms, year_end):
    with pytest.raises(ValidationError) as caught:
        draft(commune_db, year_end, forms["GIAY_KHEN"], basis=DecisionBasis.SIMPLIFIED)
    assert "đột xuất" in caught.value.errors["basis"]
    ad_hoc = make_round(commune_db, RoundKind.AD_HOC, "Khen thưởng đột xuất cứu hộ lũ tháng 7/2026")
    person = make_person(commune_db, "Vũ Văn An")
    appraised = passed_nomination(commune_db, ad_hoc, person, forms["GIAY_KHEN"], review=False)
    assert list_includable(commune_db, ad_hoc, forms["GIAY_KHEN"], DecisionBasis.COUNCIL) == []
    detail = draft(commune_db, ad_hoc, forms["GIAY_KHEN"], basis=DecisionBasis.SIMPLIFIED)
    assert [e.nomination_id for e in detail.entries] == [appraised]
    assert detail.achievement == "đã có thành tích xuất sắc đột xuất trong cứu hộ lũ tháng 7/2026"
    issued = issue_decision(commune_db, detail.row.id, IssueInput(day=TODAY))
    assert get_nomination(commune_db, appraised, TODAY).status is NominationStatus.DECIDED
    cancel_decision(commune_db, issued.row.id, "Sai tên người được khen.")
    assert get_nomination(commune_db, appraised, TODAY).status is NominationStatus.APPRAISED


def test_a_nomination_is_in_one_live_decision_only(commune_db, forms, year_end):
    passed_people(commune_db, year_end, forms["GIAY_KHEN"], names=("Trần Văn Bình",))
    draft(commune_db, year_end, forms["GIAY_KHEN"])
    with pytest.raises(ValidationError):
        draft(commune_db, year_end, forms["GIAY_KHEN"])


def test_issuing_numbers_freezes_and_writes_history(commune_db, forms, year_end):
    ids = passed_people(commune_db, year_end, forms["LDTT"], names=("Trần Văn Bình", "Nguyễn Thị Hoa"))
    detail = draft(commune_db, year_end, forms["LDTT"])
    issued = issue_decision(commune_db, detail.row.id, IssueInput(day=dt.date(2026, 12, 20)))
    assert issued.row.status is DecisionStatus.ISSUED
    assert issued.row.number == "01/QĐ-UBND" and issued.row.issued_on == dt.date(2026, 12, 20)
    assert [e.golden_book_no for e in issued.entries] == [1, 2]
    for nomination_id in ids:
        nomination = get_nomination(commune_db, nomination_id, TODAY)
        assert nomination.status is NominationStatus.DECIDED
        records = history(commune_db, nomination.subject_id)
        assert [(r.form_name, r.year, r.decision_no, r.nomination_id) for r in records] == [
            ("Lao động tiên tiến", 2026, "01/QĐ-UBND", nomination_id)
        ]
        assert records[0].issuer == "Chủ tịch UBND xã Hòa Bình" and records[0].counts_toward_merit
        # the record the decision wrote is not a duplicate of the nomination that produced it
        line = next(li for li in nomination.checklist.lines if li.code == "not_twice")
        assert line.outcome is CriterionOutcome.MET and "Không trùng" in line.reason
    with pytest.raises(ConflictError):
        data = DecisionInput(round_id=year_end, award_form_id=forms["LDTT"])
        update_decision(commune_db, detail.row.id, data)
    with pytest.raises(ConflictError):
        delete_decision(commune_db, detail.row.id)


def test_issued_text_does_not_follow_later_changes(commune_db, forms, year_end):
    from app.services.decisions.documents import decision_document

    passed_people(commune_db, year_end, forms["LDTT"], names=("Trần Văn Bình",))
    detail = draft(commune_db, year_end, forms["LDTT"])
    issue_decision(commune_db, detail.row.id, IssueInput(day=TODAY))
    before = decision_document(commune_db, detail.row.id).texts()
    wording = load_wording(commune_db, DocumentType.DECISION)
    wording["basis_lines"] = ["Căn cứ Luật mới ngày 01 tháng 01 năm 2027"]
    save_wording(commune_db, DocumentType.DECISION, wording)
    assert decision_document(commune_db, detail.row.id).texts() == before
    assert any("Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022" in t for t in before)


def test_register_numbers_are_never_reused(commune_db, forms, year_end):
    ldtt = passed_people(commune_db, year_end, forms["LDTT"], names=("Trần Văn Bình",))
    gk = passed_people(commune_db, year_end, forms["GIAY_KHEN"], names=("Nguyễn Thị Hoa",))
    first = draft(commune_db, year_end, forms["LDTT"])
    issue_proposal(commune_db, first.row.id, IssueInput(day=TODAY))
    delete_decision(commune_db, first.row.id)  # the proposal's number 01/TTr stays, marked cancelled
    second = draft(commune_db, year_end, forms["LDTT"])
    assert [e.nomination_id for e in second.entries] == ldtt
    second = issue_proposal(commune_db, second.row.id, IssueInput(day=TODAY))
    assert second.row.proposal_number == "02/TTr-VP"
    issued = issue_decision(commune_db, second.row.id, IssueInput(day=TODAY))
    cancel_decision(commune_db, issued.row.id, "Ghi sai năm thành tích.")
    third = draft(commune_db, year_end, forms["LDTT"])
    third = issue_decision(commune_db, third.row.id, IssueInput(day=TODAY))
    assert third.row.number == "02/QĐ-UBND"  # 01 is kept by the cancelled decision
    other = draft(commune_db, year_end, forms["GIAY_KHEN"])
    with pytest.raises(ValidationError) as caught:
        issue_decision(commune_db, other.row.id, IssueInput(day=TODAY, number=1))
    message = caught.value.errors["number"]
    assert "đã hủy, số không dùng lại" in message and "số tiếp theo còn trống là 03" in message
    assert get_decision(commune_db, other.row.id).row.status is DecisionStatus.DRAFT
    assert get_nomination(commune_db, gk[0], TODAY).status is NominationStatus.PASSED
    issued = issue_decision(commune_db, other.row.id, IssueInput(day=TODAY, number=15))
    assert issued.row.number == "15/QĐ-UBND"
    assert register(commune_db) == [
        (DocumentType.PROPOSAL, 1, True), (DocumentType.PROPOSAL, 2, False), (DocumentType.DECISION, 1, True),
        (DocumentType.DECISION, 2, False), (DocumentType.DECISION, 15, False),
    ]


def test_numbers_restart_each_year(commune_db, forms, year_end):
    passed_people(commune_db, year_end, forms["LDTT"], names=("Trần Văn Bình",))
    passed_people(commune_db, year_end, forms["GIAY_KHEN"], names=("Nguyễn Thị Hoa",))
    a = issue_decision(commune_db, draft(commune_db, year_end, forms["LDTT"]).row.id,
                       IssueInput(day=dt.date(2026, 12, 30)))
    b = issue_decision(commune_db, draft(commune_db, year_end, forms["GIAY_KHEN"]).row.id,
                       IssueInput(day=dt.date(2027, 1, 5)))
    assert (a.row.number, b.row.number) == ("01/QĐ-UBND", "01/QĐ-UBND")


def test_cancelling_withdraws_the_awards_and_frees_the_nominations(commune_db, forms, year_end):
    (nomination_id,) = passed_people(commune_db, year_end, forms["LDTT"], names=("Trần Văn Bình",))
    detail = draft(commune_db, year_end, forms["LDTT"])
    issued = issue_decision(commune_db, detail.row.id, IssueInput(day=TODAY))
    subject_id = get_nomination(commune_db, nomination_id, TODAY).subject_id
    with pytest.raises(ValidationError):
        cancel_decision(commune_db, issued.row.id, "   ")
    cancelled = cancel_decision(commune_db, issued.row.id, "Ghi sai năm thành tích.")
    assert cancelled.row.status is DecisionStatus.CANCELLED and cancelled.row.number == "01/QĐ-UBND"
    assert cancelled.cancel_reason == "Ghi sai năm thành tích."
    assert history(commune_db, subject_id) == []
    nomination = get_nomination(commune_db, nomination_id, TODAY)
    assert nomination.status is NominationStatus.PASSED
    assert "đã bị hủy: Ghi sai năm thành tích." in nomination.events[-1].text
    with pytest.raises(ConflictError):
        cancel_decision(commune_db, issued.row.id, "Lần nữa")


def test_a_proposal_without_its_signer_is_refused(commune_db, forms, year_end):
    passed_people(commune_db, year_end, forms["LDTT"], names=("Trần Văn Bình",))
    detail = draft(commune_db, year_end, forms["LDTT"])
    wording = load_wording(commune_db, DocumentType.PROPOSAL)
    save_wording(commune_db, DocumentType.PROPOSAL, {**wording, "signer_name": ""})
    with pytest.raises(ValidationError) as caught:
        issue_proposal(commune_db, detail.row.id, IssueInput(day=TODAY))
    assert "Người ký tờ trình" in caught.value.errors["signer_name"]
    assert register(commune_db) == []


def test_missing_signer_is_refused(commune_db, forms, year_end):
    passed_people(commune_db, year_end, forms["LDTT"], names=("Trần Văn Bình",))
    detail = draft(commune_db, year_end, forms["LDTT"], signer_role=SignerRole.VICE_CHAIRMAN)
    assert detail.row.signer_name == "Trần Thị Lan"  # the first vice-chairman
    data = DecisionInput(round_id=year_end, award_form_id=forms["LDTT"], signer_role=SignerRole.VICE_CHAIRMAN)
    detail = update_decision(commune_db, detail.row.id, data, detail.version)
    from app.services.settings import CommuneProfile, save_commune_profile

    save_commune_profile(commune_db, CommuneProfile(commune="Xã Hòa Bình", province="Tỉnh Phú Thọ"))
    detail = update_decision(commune_db, detail.row.id, data, detail.version)
    assert detail.row.signer_name == ""
    with pytest.raises(ValidationError) as caught:
        issue_decision(commune_db, detail.row.id, IssueInput(day=TODAY))
    assert "Người ký" in caught.value.errors["signer_name"]
    assert register(commune_db) == []


def test_issue_day_before_the_council_meeting_or_the_proposal_is_refused(commune_db, forms, year_end):
    passed_people(commune_db, year_end, forms["LDTT"], names=("Trần Văn Bình",))
    detail = draft(commune_db, year_end, forms["LDTT"])
    with pytest.raises(ValidationError) as caught:
        issue_decision(commune_db, detail.row.id, IssueInput(day=dt.date(2026, 11, 17)))
    assert "sớm hơn ngày họp Hội đồng" in caught.value.errors["day"]
    issue_proposal(commune_db, detail.row.id, IssueInput(day=dt.date(2026, 11, 20)))
    with pytest.raises(ValidationError) as caught:
        issue_decision(commune_db, detail.row.id, IssueInput(day=dt.date(2026, 11, 19)))
    assert "sớm hơn ngày của tờ trình" in caught.value.errors["day"]


def test_the_list_is_locked_once_the_proposal_has_a_number(commune_db, forms, year_end):
    ids = passed_people(commune_db, year_end, forms["LDTT"], names=("Trần Văn Bình", "Nguyễn Thị Hoa"))
    detail = draft(commune_db, year_end, forms["LDTT"])
    detail = issue_proposal(commune_db, detail.row.id, IssueInput(day=TODAY))
    data = DecisionInput(round_id=year_end, award_form_id=forms["LDTT"], nomination_ids=ids[:1])
    with pytest.raises(ConflictError):
        update_decision(commune_db, detail.row.id, data, detail.version)
    with pytest.raises(ConflictError):
        issue_proposal(commune_db, detail.row.id, IssueInput(day=TODAY))
    passed_people(commune_db, year_end, forms["LDTT"], names=("Lê Văn Mới",))  # passes after the proposal
    data = DecisionInput(round_id=year_end, award_form_id=forms["LDTT"], signer_name="Trần Thị Lan",
                         signer_role=SignerRole.VICE_CHAIRMAN)
    detail = update_decision(commune_db, detail.row.id, data, detail.version)
    assert sorted(e.nomination_id for e in detail.entries) == sorted(ids)  # the proposal's list stands
    assert detail.row.signer_name == "Trần Thị Lan"


def test_a_nomination_that_went_back_blocks_issuing(commune_db, forms, year_end):
    from app.services.nominations.flow import return_to_draft

    ad_hoc = make_round(commune_db, RoundKind.AD_HOC, "Khen thưởng đột xuất")
    nomination_id = passed_nomination(commune_db, ad_hoc, make_person(commune_db, "Vũ Văn An"),
                                      forms["GIAY_KHEN"], review=False)
    detail = draft(commune_db, ad_hoc, forms["GIAY_KHEN"], basis=DecisionBasis.SIMPLIFIED)
    return_to_draft(commune_db, nomination_id, "Thiếu xác nhận của đơn vị.")
    with pytest.raises(ConflictError) as caught:
        issue_decision(commune_db, detail.row.id, IssueInput(day=TODAY))
    assert "Vũ Văn An (nháp)" in str(caught.value)
