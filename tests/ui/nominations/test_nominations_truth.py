"""The nominations page tells the truth: the readiness line follows the nomination's state, the page
opens on the round worked in last, and a nomination saved into another round is shown in its round."""

from __future__ import annotations

import datetime as dt

from council_helpers import council_review
from nomination_helpers import TODAY, form_ids, make_round

from app.models.enums import CriterionOutcome, RoundKind, RoundStatus
from app.services.nominations.crud import create_nomination, update_report
from app.services.nominations.data import JudgementInput, NominationInput, ReportInput
from app.services.nominations.flow import appraise, propose, set_judgement
from app.services.nominations.queries import get_nomination
from app.services.rounds import RoundInput, create_round, list_rounds
from app.ui.nominations.page import NominationsPage, opening_round

READY = "✓ Đủ điều kiện trình Hội đồng"


def open_page(qtbot, db) -> NominationsPage:
    page = NominationsPage(db)
    qtbot.addWidget(page)
    page.resize(1093, 614)
    page.show()
    page.on_shown()
    return page


def banner(page: NominationsPage) -> str:
    return page.panel.banner.text()


def test_readiness_follows_the_state(qtbot, commune_db, people):
    round_id = make_round(commune_db)
    nomination_id = create_nomination(
        commune_db, NominationInput(round_id, people["Trần Thị Lan"], form_ids(commune_db)["LDTT"]))
    page = open_page(qtbot, commune_db)
    page.refresh(select=nomination_id)
    assert "Chưa có báo cáo thành tích" in banner(page) and "Chưa đánh giá" in banner(page)
    for line in get_nomination(commune_db, nomination_id).checklist.lines:
        if line.criterion_id is not None and not line.by_rule:
            set_judgement(commune_db, nomination_id, JudgementInput(line.criterion_id, CriterionOutcome.MET))
    page.refresh(select=nomination_id)
    assert "Chưa đánh giá" not in banner(page)
    assert banner(page).startswith("<b>Chưa đủ điều kiện") and "Chưa có báo cáo thành tích" in banner(page)
    version = get_nomination(commune_db, nomination_id).version
    update_report(commune_db, nomination_id, ReportInput(achievements="Sản xuất giỏi."), version)
    page.refresh(select=nomination_id)
    assert banner(page) == READY
    assert page.batch.progress_label.text() == "1 hồ sơ · 1 sẵn sàng đề nghị"  # the round's line too
    propose(commune_db, nomination_id)
    appraise(commune_db, nomination_id)
    page.refresh(select=nomination_id)
    assert banner(page).startswith("✓ Đã thẩm định") and "chờ Hội đồng" in banner(page)
    assert page.batch.progress_label.text() == "1 hồ sơ · 1 đã thẩm định"
    council_review(commune_db, [nomination_id], day=TODAY)
    page.refresh(select=nomination_id)
    assert banner(page) == "✓ Hội đồng đã bình xét: đạt. Chờ quyết định khen thưởng"


def test_the_report_is_prefilled_where_left_empty(commune_db, people):
    round_id = make_round(commune_db)
    nomination_id = create_nomination(
        commune_db, NominationInput(round_id, people["Nguyễn Văn Đạt"], form_ids(commune_db)["LDTT"]),
        ReportInput(achievements="Chỉ nhập phần thành tích."))
    report = get_nomination(commune_db, nomination_id).report
    assert report.achievements == "Chỉ nhập phần thành tích."
    assert report.workplace == "Thôn Đông"
    assert report.awards_received.startswith("- Năm 2020: Lao động tiên tiến")


def test_opens_on_the_round_worked_in_last_else_the_newest_open_year_end(qtbot, commune_db, people):
    older = make_round(commune_db, "Tổng kết năm cũ", TODAY + dt.timedelta(days=5))
    newest = make_round(commune_db, "Tổng kết năm nay", TODAY + dt.timedelta(days=40))
    quarter = create_round(commune_db, RoundInput("Thi đua quý", RoundKind.QUARTER, TODAY.year, quarter=4,
                                                  deadline=TODAY + dt.timedelta(days=90)))
    rounds = list_rounds(commune_db)
    assert rounds[0].id == quarter and opening_round(rounds, None) == newest
    assert opening_round(rounds, 999_999) == newest and opening_round(rounds, older) == older
    assert all(r.status is RoundStatus.OPEN for r in rounds)
    first = open_page(qtbot, commune_db)
    assert first.current_round_id() == newest
    first.show_round(older)
    again = open_page(qtbot, commune_db)
    assert again.current_round_id() == older


def test_a_nomination_saved_into_another_round_is_shown_in_it(qtbot, commune_db, people, fake_messages):
    shown_round = make_round(commune_db, "Tổng kết năm nay")
    other = make_round(commune_db, "Khen thưởng đột xuất", TODAY + dt.timedelta(days=10))
    page = open_page(qtbot, commune_db)
    page.show_round(shown_round)
    nomination_id = create_nomination(
        commune_db, NominationInput(other, people["Lê Minh Đức"], form_ids(commune_db)["LDTT"]))
    page.after_save(nomination_id)  # what the add dialog's accept calls
    assert page.current_round_id() == other
    assert page.selected_id() == nomination_id and page.panel.detail.id == nomination_id
