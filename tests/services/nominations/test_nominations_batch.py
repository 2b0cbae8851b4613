"""One step for many nominations: each in its own transaction, done or refused with the person named."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.models import (
    AuditEvent,
    CriterionOutcome,
    Gender,
    NominationStatus,
    OccupationGroup,
    RoundKind,
    SubjectKind,
)
from app.services.catalogue.forms import list_award_forms
from app.services.nominations.batch import (
    appraise_many,
    judge_many,
    judged_criteria,
    propose_many,
    return_many,
    round_progress,
)
from app.services.nominations.crud import create_nomination
from app.services.nominations.data import BatchStep, JudgementInput, NominationInput, ReportInput
from app.services.nominations.queries import get_nomination
from app.services.rounds import RoundInput, create_round
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput

pytestmark = pytest.mark.both_backends

TODAY = dt.date(2026, 11, 21)
S = NominationStatus
NAMES = ["Nguyễn Thị Hoa", "Lê Văn Bình", "Trần Thị Ặng", "Phạm Văn Đức"]


@pytest.fixture
def drafts(commune_db) -> list[int]:
    """Four LĐTT drafts of civil servants; the third has no achievement report."""
    round_id = create_round(commune_db, RoundInput(name="Tổng kết năm 2026", kind=RoundKind.YEAR_END,
                                                   year=2026, deadline=dt.date(2026, 12, 10)))
    ldtt = next(f.id for f in list_award_forms(commune_db) if f.code == "LDTT")
    ids = []
    for number, name in enumerate(NAMES):
        subject = create_subject(commune_db, SubjectInput(
            kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.FEMALE,
            occupation_group=OccupationGroup.CIVIL_SERVANT, position="Chuyên viên"), today=TODAY).id
        report = ReportInput(achievements="" if number == 2 else "Hoàn thành xuất sắc nhiệm vụ được giao.")
        data = NominationInput(round_id, subject, ldtt)
        ids.append(create_nomination(commune_db, data, report, today=TODAY))
    return ids


def statuses(db, ids) -> list[NominationStatus]:
    return [get_nomination(db, i, TODAY).status for i in ids]


def judge_every_criterion(db, ids) -> None:
    for criterion in judged_criteria(db, ids):
        judge_many(db, ids, JudgementInput(criterion.criterion_id, CriterionOutcome.MET, "Đã kiểm tra"),
                   today=TODAY)


def test_propose_many_reports_the_refused_one_by_name(commune_db, drafts):
    seen: list[tuple[int, int]] = []
    report = propose_many(commune_db, drafts, progress=lambda done, total: seen.append((done, total)))
    assert [line.nomination_id for line in report.done] == [drafts[0], drafts[1], drafts[3]]
    assert [(line.subject_name, line.form_name) for line in report.refused] == [
        ("Trần Thị Ặng", "Lao động tiên tiến")]
    assert "báo cáo thành tích chưa có nội dung" in report.refused[0].text
    assert statuses(commune_db, drafts) == [S.PROPOSED, S.PROPOSED, S.DRAFT, S.PROPOSED]
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert report.summary() == "Đề nghị: đã làm 3 hồ sơ, không làm được 1 hồ sơ."


def test_appraise_many_stops_at_appraised_and_names_what_is_missing(commune_db, drafts):
    propose_many(commune_db, drafts)
    proposed = [drafts[0], drafts[1], drafts[3]]
    judge_every_criterion(commune_db, proposed[:2])  # Phạm Văn Đức's criteria stay undecided
    progress = round_progress(commune_db, get_nomination(commune_db, drafts[0]).round_id, TODAY)
    assert progress.ready_to_appraise == proposed[:2] and progress.checklist_missing == [drafts[3]]
    assert progress.report_missing == [drafts[2]] and progress.eligible(BatchStep.PROPOSE) == []
    report = appraise_many(commune_db, [*proposed, drafts[2]], today=TODAY)
    assert [line.subject_name for line in report.done] == ["Nguyễn Thị Hoa", "Lê Văn Bình"]
    refused = {line.subject_name: line.text for line in report.refused}
    assert refused["Phạm Văn Đức"].startswith("Chưa trình Hội đồng được: Chưa đánh giá")
    assert "“Nháp”" in refused["Trần Thị Ặng"] and "số" not in refused["Trần Thị Ặng"].split("đang")[0]
    assert statuses(commune_db, drafts) == [S.APPRAISED, S.APPRAISED, S.DRAFT, S.PROPOSED]


def test_one_criterion_judged_for_all_each_recorded_once(commune_db, drafts):
    criteria = judged_criteria(commune_db, drafts)
    assert {c.count for c in criteria} == {4}
    k1b = next(c for c in criteria if c.text.startswith("Có tinh thần tự lực"))
    with commune_db.read() as session:
        before = session.scalar(select(func.max(AuditEvent.id))) or 0
    met = JudgementInput(k1b.criterion_id, CriterionOutcome.MET)
    report = judge_many(commune_db, drafts, met, today=TODAY)
    assert len(report.done) == 4 and not report.refused
    for nomination_id in drafts:
        detail = get_nomination(commune_db, nomination_id, TODAY)
        line = next(x for x in detail.checklist.lines if x.criterion_id == k1b.criterion_id)
        assert line.outcome is CriterionOutcome.MET
        assert detail.events[-1].text.startswith("Đánh giá tiêu chí “Có tinh thần tự lực")
    with commune_db.read() as session:
        touched = session.execute(
            select(AuditEvent.entity_id, func.count()).where(AuditEvent.id > before,
                                                             AuditEvent.entity == "nomination")
            .group_by(AuditEvent.entity_id)).all()
    assert sorted(touched) == sorted((i, 1) for i in drafts)


def test_not_met_for_all_needs_the_note_and_changes_nothing(commune_db, drafts):
    k1a = judged_criteria(commune_db, drafts)[0]
    report = judge_many(commune_db, drafts, JudgementInput(k1a.criterion_id, CriterionOutcome.NOT_MET))
    assert not report.done and len(report.refused) == 4
    assert report.refused[0].text == "Ghi chú: hãy ghi lý do không đạt."


def test_return_many_with_one_reason(commune_db, drafts):
    propose_many(commune_db, drafts)
    report = return_many(commune_db, drafts, "Bổ sung số liệu năm 2026.")
    assert len(report.done) == 3 and [line.subject_name for line in report.refused] == ["Trần Thị Ặng"]
    for nomination_id in (drafts[0], drafts[1], drafts[3]):
        detail = get_nomination(commune_db, nomination_id, TODAY)
        assert detail.status is S.DRAFT
        assert detail.events[-1].text == "Trả lại để bổ sung: Bổ sung số liệu năm 2026."
    empty = return_many(commune_db, drafts, "  ")
    assert {line.text for line in empty.refused} == {"Lý do trả lại: không được để trống."}


def test_one_nomination_read_again_gives_the_whole_rounds_progress(commune_db, drafts):
    round_id = get_nomination(commune_db, drafts[0]).round_id
    progress = round_progress(commune_db, round_id, TODAY)
    propose_many(commune_db, drafts[:2])
    judge_every_criterion(commune_db, drafts[:1])
    for nomination_id in drafts[:2]:
        progress.update(nomination_id, round_progress(commune_db, round_id, TODAY, only=nomination_id))
    whole = round_progress(commune_db, round_id, TODAY)
    assert progress == whole and progress.summary() == whole.summary()
    assert whole.summary() == (
        "4 hồ sơ · 1 sẵn sàng đề nghị · 1 nháp chưa có báo cáo thành tích · 1 sẵn sàng thẩm định · "
        "1 đã đề nghị, còn tiêu chí chưa đánh giá hoặc không đạt")
    gone = round_progress(commune_db, None, TODAY, only=-1)  # a nomination deleted: its place is emptied
    progress.update(drafts[3], gone)
    assert drafts[3] not in progress.status_of and drafts[3] not in progress.ready_to_propose
