"""Rounds and nominations through the services: refusals, warnings, the checklist and the flow."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from council_helpers import council_review
from sqlalchemy import func, select

from app.errors import ConflictError, ValidationError
from app.models import (
    AwardForm,
    CriterionMode,
    CriterionOutcome,
    DisciplineLevel,
    Gender,
    HoldKind,
    Nomination,
    NominationStatus,
    OccupationGroup,
    RoundKind,
    RoundStatus,
    SubjectKind,
)
from app.models.enums import UnitKind
from app.services.nominations.bulk import nominate_unit_ldtt
from app.services.nominations.crud import create_nomination, delete_nomination, update_report
from app.services.nominations.data import ConfirmationNeeded, JudgementInput, NominationInput, ReportInput
from app.services.nominations.flow import appraise, propose, record_review, return_to_draft, set_judgement
from app.services.nominations.queries import get_nomination, list_nominations
from app.services.rounds import RoundInput, create_round, delete_round, list_rounds
from app.services.subjects.crud import create_subject
from app.services.subjects.data import AwardInput, HoldInput, SubjectInput
from app.services.units import UnitInput, create_unit

pytestmark = pytest.mark.both_backends

TODAY = dt.date(2026, 11, 21)
MET, NOT_MET = CriterionOutcome.MET, CriterionOutcome.NOT_MET


@pytest.fixture
def forms(commune_db) -> dict[str, int]:
    with commune_db.read() as session:
        return {f.code: f.id for f in session.scalars(select(AwardForm))}


@pytest.fixture
def unit(commune_db) -> int:
    return create_unit(commune_db, UnitInput(name="Trường Tiểu học Hòa Bình", kind=UnitKind.SCHOOL))


@pytest.fixture
def year_end(commune_db) -> int:
    return create_round(commune_db, RoundInput(name="Tổng kết năm 2026", kind=RoundKind.YEAR_END, year=2026,
                                               deadline=dt.date(2026, 12, 10)))


def person(db, name="Nguyễn Thị Hoa", unit_id=None, occupation=OccupationGroup.CIVIL_SERVANT, **extra) -> int:
    data = SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.FEMALE, unit_id=unit_id,
                        occupation_group=occupation, position="Giáo viên", **extra)
    return create_subject(db, data, today=TODAY).id


def nominate(db, round_id, subject_id, form_id, **kwargs) -> int:
    return create_nomination(db, NominationInput(round_id, subject_id, form_id), today=TODAY, **kwargs)


def count_nominations(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Nomination))


def line_of(db, nomination_id, code):
    lines = get_nomination(db, nomination_id, TODAY).checklist.lines
    return next(line for line in lines if line.code == code)


def judge_all(db, nomination_id, outcome=MET) -> None:
    detail = get_nomination(db, nomination_id, TODAY)
    for line in detail.checklist.lines:
        if line.criterion_id is not None and not line.by_rule:
            set_judgement(db, nomination_id, JudgementInput(line.criterion_id, outcome, "Đã kiểm tra"), TODAY)


# --- creating ----------------------------------------------------------------------------------------

def test_new_nomination_is_a_draft_with_the_report_prefilled(commune_db, forms, unit, year_end):
    award = AwardInput("Lao động tiên tiến", 2025, "15/QĐ-UBND", dt.date(2025, 12, 20), "Chủ tịch UBND xã")
    subject = create_subject(commune_db, SubjectInput(
        kind=SubjectKind.INDIVIDUAL, name="Lê Văn Bình", gender=Gender.MALE, unit_id=unit,
        position="Hiệu trưởng", awards=[award],
    ), today=TODAY).id
    nomination_id = nominate(commune_db, year_end, subject, forms["LDTT"])
    detail = get_nomination(commune_db, nomination_id, TODAY)
    assert detail.status is NominationStatus.DRAFT
    assert detail.report.position == "Hiệu trưởng"
    assert detail.report.workplace == "Trường Tiểu học Hòa Bình"
    assert detail.report.awards_received == (
        "- Năm 2025: Lao động tiên tiến (Quyết định số 15/QĐ-UBND ngày 20/12/2025 của Chủ tịch UBND xã)"
    )
    assert detail.proposing_unit_id == unit
    assert [e.text for e in detail.events] == ["Tạo hồ sơ đề nghị."]


def test_form_of_another_kind_is_refused_and_nothing_saved(commune_db, forms, year_end):
    subject = person(commune_db)
    with pytest.raises(ValidationError) as caught:
        nominate(commune_db, year_end, subject, forms["TTLDTT"])
    assert "chỉ áp dụng cho tập thể" in caught.value.errors["award_form_id"]
    assert count_nominations(commune_db) == 0


def test_subject_on_hold_is_refused(commune_db, forms, year_end):
    hold = HoldInput(HoldKind.DISCIPLINE, DisciplineLevel.REPRIMAND, dt.date(2026, 10, 1), None)
    subject = person(commune_db, holds=[hold])
    with pytest.raises(ValidationError) as caught:
        nominate(commune_db, year_end, subject, forms["LDTT"])
    assert "tạm hoãn" in caught.value.errors["subject_id"]
    assert count_nominations(commune_db) == 0


def test_closed_round_takes_no_nomination(commune_db, forms):
    closed = create_round(commune_db, RoundInput(name="Quý 1", kind=RoundKind.QUARTER, year=2026, quarter=1,
                                                 status=RoundStatus.CLOSED))
    with pytest.raises(ValidationError) as caught:
        nominate(commune_db, closed, person(commune_db), forms["LDTT"])
    assert "đã kết thúc" in caught.value.errors["round_id"]


def test_passed_deadline_asks_and_the_override_is_recorded(commune_db, forms):
    late = create_round(commune_db, RoundInput(name="Đột xuất bão lũ", kind=RoundKind.AD_HOC, year=2026,
                                               deadline=dt.date(2026, 11, 1)))
    subject = person(commune_db)
    with pytest.raises(ConfirmationNeeded) as caught:
        nominate(commune_db, late, subject, forms["GIAY_KHEN"])
    assert "01/11/2026" in caught.value.warnings[0]
    assert count_nominations(commune_db) == 0
    nomination_id = nominate(commune_db, late, subject, forms["GIAY_KHEN"], confirmed=True)
    events = [e.text for e in get_nomination(commune_db, nomination_id, TODAY).events]
    assert any("xác nhận" in text and "hết hạn" in text for text in events)


def test_same_subject_form_and_round_twice_warns_and_the_checklist_fails(commune_db, forms, year_end):
    subject = person(commune_db)
    first = nominate(commune_db, year_end, subject, forms["LDTT"])
    with pytest.raises(ConfirmationNeeded) as caught:
        nominate(commune_db, year_end, subject, forms["LDTT"])
    assert first and "trong cùng đợt" in caught.value.warnings[0]
    second = nominate(commune_db, year_end, subject, forms["LDTT"], confirmed=True)
    checklist = get_nomination(commune_db, second, TODAY).checklist
    assert any("Trùng" in failure for failure in checklist.failures)


# --- the checklist from the database -----------------------------------------------------------------

def test_criteria_follow_the_occupation_group(commune_db, forms, year_end):
    teacher = nominate(commune_db, year_end, person(commune_db), forms["LDTT"])
    farmer = nominate(commune_db, year_end, person(commune_db, "Đinh Văn Cường",
                                                   occupation=OccupationGroup.FARMER), forms["LDTT"])
    def codes(nomination_id):
        return [line.code for line in get_nomination(commune_db, nomination_id, TODAY).checklist.lines]
    assert codes(teacher)[3:] == ["k1a", "k1b"]
    assert codes(farmer)[3:] == ["k3a", "k3b"]


def test_cstdcs_counts_ldtt_of_the_same_round(commune_db, forms, year_end):
    subject = person(commune_db)
    cstdcs = nominate(commune_db, year_end, subject, forms["CSTDCS"])
    rule = line_of(commune_db, cstdcs, "k1")
    assert rule.outcome is NOT_MET
    nominate(commune_db, year_end, subject, forms["LDTT"])
    rule = line_of(commune_db, cstdcs, "k1")
    assert rule.outcome is MET and "cùng đợt" in rule.reason


def test_ttldtt_share_counts_members_linked_to_the_collective(commune_db, forms, unit, year_end):
    team = create_subject(commune_db, SubjectInput(kind=SubjectKind.COLLECTIVE, name="Tổ Toán", unit_id=unit,
                                                   member_count=10), today=TODAY).id
    for n in range(10):
        # Typed by hand as it appears on old certificates: still recognised as the catalogue's LĐTT.
        awards = [AwardInput("Danh hiệu “Lao động tiên tiến”", 2026)] if n < 7 else []
        person(commune_db, f"Thành viên {n}", unit, collective_id=team, awards=awards)
    nomination_id = nominate(commune_db, year_end, team, forms["TTLDTT"])
    lines = {line.code: line for line in get_nomination(commune_db, nomination_id, TODAY).checklist.lines}
    assert lines["c1"].outcome is MET and "7/10" in lines["c1"].reason
    assert lines["c2"].outcome is MET


# --- the flow ----------------------------------------------------------------------------------------

def test_flow_from_draft_to_passed(commune_db, forms, year_end):
    nomination_id = nominate(commune_db, year_end, person(commune_db), forms["LDTT"])
    with pytest.raises(ValidationError) as caught:
        propose(commune_db, nomination_id)
    assert "report.achievements" in caught.value.errors
    version = get_nomination(commune_db, nomination_id, TODAY).version
    report = ReportInput(achievements="Dạy giỏi cấp huyện; 100% học sinh lên lớp.")
    update_report(commune_db, nomination_id, report, version)
    propose(commune_db, nomination_id)
    with pytest.raises(ValidationError) as caught:
        appraise(commune_db, nomination_id, today=TODAY)
    assert "Chưa đánh giá: Hoàn thành tốt nhiệm vụ trở lên" in caught.value.errors["checklist"]
    judge_all(commune_db, nomination_id)
    appraise(commune_db, nomination_id, today=TODAY)
    with pytest.raises(ConflictError, match="chỉ được ghi qua phiên họp của Hội đồng"):
        record_review(commune_db, nomination_id, passed=True, today=TODAY)
    council_review(commune_db, [nomination_id], day=TODAY)
    detail = get_nomination(commune_db, nomination_id, TODAY)
    assert detail.status is NominationStatus.PASSED
    S = NominationStatus
    assert [e.status for e in detail.events if e.status] == [S.DRAFT, S.PROPOSED, S.APPRAISED, S.PASSED]
    with pytest.raises(ConflictError):
        delete_nomination(commune_db, nomination_id)
    with pytest.raises(ConflictError):
        update_report(commune_db, nomination_id, ReportInput(achievements="x"), detail.version)


def test_not_met_needs_a_note_and_rule_items_cannot_be_judged(commune_db, forms, year_end):
    nomination_id = nominate(commune_db, year_end, person(commune_db), forms["CSTDCS"])
    lines = get_nomination(commune_db, nomination_id, TODAY).checklist.lines
    judged = next(line for line in lines if line.criterion_id and not line.by_rule)
    ruled = next(line for line in lines if line.criterion_id and line.by_rule)
    with pytest.raises(ValidationError) as caught:
        set_judgement(commune_db, nomination_id, JudgementInput(judged.criterion_id, NOT_MET), TODAY)
    assert "note" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        set_judgement(commune_db, nomination_id, JudgementInput(ruled.criterion_id, MET), TODAY)
    assert "dữ liệu quyết định" in caught.value.errors["criterion_id"]


def test_judgement_keeps_an_evidence_file(commune_db, forms, year_end, tmp_path):
    evidence = tmp_path / "sáng kiến.pdf"
    evidence.write_bytes(b"%PDF-1.4 test")
    nomination_id = nominate(commune_db, year_end, person(commune_db), forms["CSTDCS"])
    line = line_of(commune_db, nomination_id, "k2")
    set_judgement(commune_db, nomination_id,
                  JudgementInput(line.criterion_id, MET, "Sáng kiến được công nhận", str(evidence)), TODAY)
    line = line_of(commune_db, nomination_id, "k2")
    assert line.outcome is MET and line.file_name == "sáng kiến.pdf"


def test_a_program_or_a_pipe_is_not_judgement_evidence(commune_db, forms, year_end, tmp_path):
    program = tmp_path / "biên bản.exe"
    program.write_bytes(b"MZ program")
    nomination_id = nominate(commune_db, year_end, person(commune_db), forms["CSTDCS"])
    line = line_of(commune_db, nomination_id, "k2")
    with pytest.raises(ValidationError) as caught:
        set_judgement(commune_db, nomination_id,
                      JudgementInput(line.criterion_id, MET, "Có biên bản", str(program)), TODAY)
    assert caught.value.errors["file"].startswith("Tệp “biên bản.exe”: đây là tệp chương trình (.exe)")
    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "ống.pdf"
        os.mkfifo(pipe)
        with pytest.raises(ValidationError, match="không phải là một tệp thông thường"):
            set_judgement(commune_db, nomination_id,
                          JudgementInput(line.criterion_id, MET, "Có biên bản", str(pipe)), TODAY)
    assert line_of(commune_db, nomination_id, "k2").file_name in (None, "")


def test_return_to_draft_needs_a_reason_and_is_kept(commune_db, forms, year_end):
    nomination_id = nominate(commune_db, year_end, person(commune_db), forms["LDTT"],
                             report=ReportInput(achievements="Hoàn thành tốt nhiệm vụ"))
    propose(commune_db, nomination_id)
    with pytest.raises(ValidationError):
        return_to_draft(commune_db, nomination_id, "  ")
    return_to_draft(commune_db, nomination_id, "Thiếu số liệu")
    detail = get_nomination(commune_db, nomination_id, TODAY)
    assert detail.status is NominationStatus.DRAFT
    assert detail.events[-1].text == "Trả lại để bổ sung: Thiếu số liệu"


def test_stale_report_is_refused(commune_db, forms, year_end):
    nomination_id = nominate(commune_db, year_end, person(commune_db), forms["LDTT"])
    version = get_nomination(commune_db, nomination_id, TODAY).version
    update_report(commune_db, nomination_id, ReportInput(achievements="A"), version)
    with pytest.raises(ConflictError):
        update_report(commune_db, nomination_id, ReportInput(achievements="B"), version)


# --- bulk and rounds ---------------------------------------------------------------------------------

def test_nominate_every_ldtt_candidate_of_a_unit(commune_db, forms, unit, year_end):
    for name in ("An", "Bình", "Châu"):
        person(commune_db, f"Trần Văn {name}", unit)
    held = HoldInput(HoldKind.INVESTIGATION, None, dt.date(2026, 11, 1), None)
    person(commune_db, "Phạm Thị Dung", unit, holds=[held])
    already = person(commune_db, "Võ Văn Em", unit)
    nominate(commune_db, year_end, already, forms["LDTT"])
    result = nominate_unit_ldtt(commune_db, year_end, unit, today=TODAY)
    assert len(result.created) == 3
    assert sorted(name for name, _ in result.skipped) == ["Phạm Thị Dung", "Võ Văn Em"]
    assert "Bỏ qua 2 đối tượng" in result.describe()
    assert len(list_nominations(commune_db, round_id=year_end)) == 4


def test_round_with_nominations_cannot_be_deleted_and_counts_them(commune_db, forms, year_end):
    nominate(commune_db, year_end, person(commune_db), forms["LDTT"])
    with pytest.raises(ConflictError) as caught:
        delete_round(commune_db, year_end)
    assert "1 hồ sơ" in str(caught.value)
    row = list_rounds(commune_db, 2026)[0]
    assert row.nominations == 1 and row.by_status == {NominationStatus.DRAFT: 1}


def test_round_validation_names_the_fields(commune_db):
    with pytest.raises(ValidationError) as caught:
        create_round(commune_db, RoundInput(name="", kind=RoundKind.THEMATIC, year=1990))
    assert set(caught.value.errors) == {"name", "year", "movement_id"}


def test_catalogue_rule_codes_are_all_known(commune_db):
    from app.models import Criterion
    from app.rules.eligibility import RULES

    with commune_db.read() as session:
        codes = {c.rule_code for c in session.scalars(select(Criterion)) if c.mode is CriterionMode.RULE}
    assert codes and codes <= set(RULES)


def test_a_judgement_is_written_to_the_history(commune_db, forms, year_end):
    nomination_id = nominate(commune_db, year_end, person(commune_db), forms["LDTT"])
    line = line_of(commune_db, nomination_id, "k1a")
    judgement = JudgementInput(line.criterion_id, NOT_MET, "Xếp loại khá")
    set_judgement(commune_db, nomination_id, judgement, TODAY)
    last = get_nomination(commune_db, nomination_id, TODAY).events[-1].text
    assert last == "Đánh giá tiêu chí “Hoàn thành tốt nhiệm vụ trở lên”: Không đạt — Xếp loại khá."


def test_nominations_from_exemplars_need_a_form(commune_db, year_end):
    from app.services.nominations.bulk import nominate_from_exemplars

    with pytest.raises(ValidationError) as caught:
        nominate_from_exemplars(commune_db, year_end, None, [1], today=TODAY)
    assert "award_form_id" in caught.value.errors


def test_report_given_at_creation_is_checked_like_an_edit(commune_db, forms, year_end):
    subject, too_long = person(commune_db), ReportInput(position="x" * 201)
    with pytest.raises(ValidationError) as caught:
        nominate(commune_db, year_end, subject, forms["LDTT"], report=too_long)
    assert "dài quá 200" in caught.value.errors["report.position"]
    assert count_nominations(commune_db) == 0
