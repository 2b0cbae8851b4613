"""Many nominations at once on the nominations page: 100 selected and moved forward in one step each,
one criterion judged for all, returned with one reason; the report names who was refused and why."""

from __future__ import annotations

import pytest
from nomination_helpers import click, form_ids, make_round
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.models import AuditEvent
from app.models.enums import CriterionOutcome, NominationStatus, OccupationGroup
from app.services.nominations import BatchStep, judged_criteria
from app.services.nominations.crud import create_nomination
from app.services.nominations.data import NominationInput, ReportInput
from app.services.nominations.queries import get_nomination, list_nominations
from app.ui.nominations.batch_dialogs import DONE_MARK, REFUSED_MARK
from app.ui.nominations.page import NominationsPage

S = NominationStatus
COUNT = 100
EMPTY = 37  # the one whose achievement report is left empty


@pytest.fixture
def hundred(commune_db, village, make_person) -> tuple[int, list[int]]:
    round_id = make_round(commune_db)
    ldtt = form_ids(commune_db)["LDTT"]
    ids = []
    for n in range(COUNT):
        person = make_person(f"Nguyễn Văn Dân {n:03d}", village,
                            occupation_group=OccupationGroup.FARMER)
        report = ReportInput(achievements="" if n == EMPTY else "Sản xuất giỏi, tham gia phong trào.")
        ids.append(create_nomination(commune_db, NominationInput(round_id, person, ldtt), report))
    return round_id, ids


@pytest.fixture
def page(qtbot, commune_db, hundred) -> NominationsPage:
    widget = NominationsPage(commune_db)
    qtbot.addWidget(widget)
    widget.resize(1093, 614)
    widget.show()
    widget.on_shown()
    widget.show_round(hundred[0])
    return widget


def choose_step(page: NominationsPage, step: BatchStep) -> None:
    page.batch.step_combo.setCurrentIndex(page.batch.step_combo.findData(step))


def run_and_wait(qtbot, page: NominationsPage) -> list[tuple[str, str, str]]:
    page.batch.report_dialog = None
    click(qtbot, page.batch.run_button)
    return report_lines(qtbot, page)


def report_lines(qtbot, page: NominationsPage) -> list[tuple[str, str, str]]:
    qtbot.waitUntil(lambda: page.batch.report_dialog is not None, timeout=60_000)
    dialog = page.batch.report_dialog
    lines = dialog.lines()
    refused = [line for line in lines if line[1] == REFUSED_MARK]
    assert dialog.reasons.isVisibleTo(dialog) == bool(refused)
    for name, _mark, text in refused:  # each reason in full above the table
        assert f"• {name} (Lao động tiên tiến): {text}" in dialog.reasons.text()
    dialog.reject()
    return lines


def statuses(db, round_id) -> dict[S, int]:
    counts: dict[S, int] = {}
    for row in list_nominations(db, round_id=round_id):
        counts[row.status] = counts.get(row.status, 0) + 1
    return counts


def judge_all(qtbot, page: NominationsPage, text_start: str) -> list[tuple[str, str, str]]:
    choose_step(page, BatchStep.JUDGE)
    click(qtbot, page.batch.select_button)
    assert len(page.selected_ids()) == COUNT
    click(qtbot, page.batch.run_button)
    dialog = page.batch.judge_dialog
    criteria = judged_criteria(page.db, page.selected_ids())
    criterion = next(c for c in criteria if c.text.startswith(text_start))
    dialog.choose(criterion.criterion_id, CriterionOutcome.MET)
    page.batch.report_dialog = None
    dialog.accept()
    return report_lines(qtbot, page)


def test_a_hundred_moved_forward_a_step_at_a_time(qtbot, commune_db, hundred, page, fake_messages):
    round_id, ids = hundred
    assert page.batch.progress_label.text() == (
        "100 hồ sơ · 99 sẵn sàng đề nghị · 1 nháp chưa có báo cáo thành tích")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(page.selected_ids()) == COUNT
    assert page.panel.title.text().startswith("Đã chọn 100 hồ sơ")
    choose_step(page, BatchStep.PROPOSE)
    assert page.batch.run_button.text() == "Đề nghị 100 hồ sơ đã chọn…"
    lines = run_and_wait(qtbot, page)
    refused = [line for line in lines if line[1] == REFUSED_MARK]
    assert [line[0] for line in refused] == [f"Nguyễn Văn Dân {EMPTY:03d}"]
    assert "báo cáo thành tích chưa có nội dung" in refused[0][2]
    assert sum(line[1] == DONE_MARK for line in lines) == 99
    assert statuses(commune_db, round_id) == {S.PROPOSED: 99, S.DRAFT: 1}

    # "Đạt" for the "chấp hành chủ trương…" line of every one of them, each recorded on its own
    with commune_db.read() as session:
        before = session.scalar(select(func.max(AuditEvent.id)))
    lines = judge_all(qtbot, page, "Gương mẫu chấp hành tốt chủ trương")
    assert len(lines) == COUNT and {line[1] for line in lines} == {DONE_MARK}
    with commune_db.read() as session:
        per_nomination = dict(session.execute(
            select(AuditEvent.entity_id, func.count()).where(AuditEvent.id > before,
                                                             AuditEvent.entity == "nomination")
            .group_by(AuditEvent.entity_id)).all())
    assert per_nomination == {i: 1 for i in ids}
    detail = get_nomination(commune_db, ids[5])
    assert detail.events[-1].text.startswith("Đánh giá tiêu chí “Gương mẫu chấp hành tốt chủ trương")
    judge_all(qtbot, page, "Lao động, sản xuất có hiệu quả")

    # the round's line offers the next step for all that are ready; all selected, the draft is refused
    assert page.batch.appraise_ready.isVisible()
    assert page.batch.appraise_ready.text() == "Thẩm định 99 hồ sơ sẵn sàng"
    page.table.selectAll()
    choose_step(page, BatchStep.APPRAISE)
    lines = run_and_wait(qtbot, page)
    assert [(line[0], line[1]) for line in lines if line[1] == REFUSED_MARK] == [
        (f"Nguyễn Văn Dân {EMPTY:03d}", REFUSED_MARK)]
    assert "“Nháp”" in next(line[2] for line in lines if line[1] == REFUSED_MARK)
    assert statuses(commune_db, round_id) == {S.APPRAISED: 99, S.DRAFT: 1}  # the council passes them
    assert "99 đã thẩm định" in page.batch.progress_label.text()


def test_return_to_draft_with_one_reason(qtbot, commune_db, hundred, page, fake_messages):
    round_id, ids = hundred
    click(qtbot, page.batch.propose_ready)
    report_lines(qtbot, page)
    page.select_ids(ids[:3])
    choose_step(page, BatchStep.RETURN)
    fake_messages.text_answer = "Thiếu số liệu năm nay."
    lines = run_and_wait(qtbot, page)
    assert [line[1] for line in lines] == [DONE_MARK] * 3
    for nomination_id in ids[:3]:
        detail = get_nomination(commune_db, nomination_id)
        assert detail.status is S.DRAFT
        assert detail.events[-1].text == "Trả lại để bổ sung: Thiếu số liệu năm nay."
    assert statuses(commune_db, round_id) == {S.PROPOSED: 96, S.DRAFT: 4}


def test_select_eligible_follows_the_step(qtbot, commune_db, hundred, page, fake_messages):
    choose_step(page, BatchStep.PROPOSE)
    click(qtbot, page.batch.select_button)
    assert len(page.selected_ids()) == COUNT - 1 and hundred[1][EMPTY] not in page.selected_ids()
    choose_step(page, BatchStep.APPRAISE)
    click(qtbot, page.batch.select_button)
    assert page.selected_ids() == []
    assert fake_messages.infos[-1].startswith("Không có hồ sơ nào trong danh sách làm được bước “Thẩm định”")
