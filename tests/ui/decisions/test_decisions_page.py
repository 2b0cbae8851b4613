"""The Decisions page through its real widgets: a draft made, issued, refused a taken number, cancelled,
deleted; the buttons each state allows; the filters; the main window opening it on a round."""

from __future__ import annotations

import datetime as dt

import pytest
from decision_helpers import form_ids, make_round, passed_people
from nomination_helpers import button_named, choose, click, press_ok
from qt_typing import type_text

from app.models.enums import DecisionStatus, DocumentType
from app.services.decisions.data import DecisionInput, IssueInput
from app.services.decisions.drafts import create_decision
from app.services.decisions.issue import issue_decision
from app.services.decisions.queries import get_decision, list_decisions
from app.services.wording import load_wording, save_wording
from app.ui.decisions.draft_dialog import DecisionDialog
from app.ui.decisions.issue_dialog import CancelDialog, IssueDialog
from app.ui.decisions.page import DecisionsPage
from app.ui.main_window import MainWindow
from app.ui.pages import DECISIONS

TODAY = dt.date.today()
NUMBER, DAY, FORM, ROUND, RECIPIENTS, TOTAL, STATUS, PROPOSAL = range(8)


@pytest.fixture
def forms(commune_db) -> dict[str, int]:
    return form_ids(commune_db)


@pytest.fixture
def year_end(commune_db) -> int:
    return make_round(commune_db)


@pytest.fixture
def passed(commune_db, forms, year_end) -> list[int]:
    return passed_people(commune_db, year_end, forms["LDTT"])


@pytest.fixture
def page(qtbot, commune_db) -> DecisionsPage:
    widget = DecisionsPage(commune_db)
    qtbot.addWidget(widget)
    widget.resize(1250, 760)
    widget.show()
    widget.on_shown()
    return widget


def visible_dialog(parent, kind):
    dialogs = [d for d in parent.findChildren(kind) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def cell(page: DecisionsPage, column: int, row: int = 0) -> str:
    return page.model.index(row, column).data()


def enabled_buttons(page: DecisionsPage) -> set[str]:
    return {button.text() for button in page.panel.buttons.values() if button.isEnabled()}


def draft(db, round_id, form_id, ids=None) -> int:
    return create_decision(db, DecisionInput(round_id, form_id, nomination_ids=ids)).row.id


def test_a_draft_made_and_issued_from_the_page(qtbot, commune_db, forms, year_end, passed, page):
    assert page.model.rowCount() == 0 and not enabled_buttons(page)
    click(qtbot, page.add_button)
    dialog = visible_dialog(page, DecisionDialog)
    choose(dialog.round_combo, year_end)
    choose(dialog.form_combo, forms["LDTT"])
    dialog.achievement_edit.setFocus()
    type_text(dialog.achievement_edit, "đã hoàn thành xuất sắc nhiệm vụ năm học 2025–2026")
    press_ok(qtbot, dialog)

    assert page.selected_id() == dialog.saved_id
    assert [cell(page, c) for c in (NUMBER, FORM, RECIPIENTS, TOTAL, STATUS)] == [
        "—", "Lao động tiên tiến", "5 cá nhân", "3.510.000 đồng", "Dự thảo"]
    assert enabled_buttons(page) == {"Sửa dự thảo…", "Xóa dự thảo", "Cấp số tờ trình…", "Ban hành…",
                                     "Xem quyết định", "Xem tờ trình"}
    assert "Thành tích: đã hoàn thành xuất sắc nhiệm vụ năm học 2025–2026" in page.panel.summary.text()
    assert page.panel.entries.rowCount() == 5

    click(qtbot, page.panel.buttons["issue"])
    issue = visible_dialog(page, IssueDialog)
    assert issue.number_spin.value() == 1
    press_ok(qtbot, issue)
    assert not issue.isVisible()
    assert cell(page, NUMBER) == "01/QĐ-UBND" and cell(page, STATUS) == "Đã ban hành"
    assert cell(page, DAY) == TODAY.strftime("%d/%m/%Y")
    assert page.selected_id() == dialog.saved_id, "the issued decision stays selected"
    assert enabled_buttons(page) == {"Hủy quyết định…", "Xem quyết định"}
    golden = [page.panel.entries.index(row, 1).data() for row in range(5)]
    assert golden == ["1", "2", "3", "4", "5"]


def test_a_taken_number_is_refused_and_the_draft_stays(qtbot, commune_db, forms, year_end, passed, page):
    first = draft(commune_db, year_end, forms["LDTT"], passed[:2])
    second = draft(commune_db, year_end, forms["LDTT"], passed[2:])
    issue_decision(commune_db, first, IssueInput(day=TODAY, number=7))
    page.refresh(select=second)
    click(qtbot, page.panel.buttons["issue"])
    issue = visible_dialog(page, IssueDialog)
    assert issue.number_spin.value() == 8
    issue.number_spin.setValue(7)
    press_ok(qtbot, issue)
    assert issue.isVisible()
    assert issue.form.rows["number"].error.text().startswith(f"Số 07/QĐ-UBND năm {TODAY.year} đã cấp")
    click(qtbot, button_named(issue, "Hủy"))
    assert get_decision(commune_db, second).row.status is DecisionStatus.DRAFT
    assert page.selected_id() == second and cell(page, STATUS) == "Dự thảo"


def test_cancelling_an_issued_decision_with_a_reason(qtbot, commune_db, forms, year_end, passed, page):
    decision = draft(commune_db, year_end, forms["LDTT"])
    issue_decision(commune_db, decision, IssueInput(day=TODAY))
    page.refresh(select=decision)
    click(qtbot, page.panel.buttons["cancel"])
    dialog = visible_dialog(page, CancelDialog)
    dialog.reason_edit.setFocus()
    type_text(dialog.reason_edit, "Ghi sai tên người được khen thưởng.")
    press_ok(qtbot, dialog)
    assert cell(page, STATUS) == "Đã hủy" and page.selected_id() == decision
    note = page.panel.cancel_label
    assert note.isVisible()
    assert note.text() == (f"Đã hủy ngày {TODAY.strftime('%d/%m/%Y')}. "
                           "Lý do: Ghi sai tên người được khen thưởng.")
    assert enabled_buttons(page) == {"Xem quyết định"}


def test_deleting_a_draft_asks_first(qtbot, commune_db, forms, year_end, passed, page, fake_messages):
    decision = draft(commune_db, year_end, forms["LDTT"])
    page.refresh(select=decision)
    fake_messages.yes = False
    click(qtbot, page.panel.buttons["delete"])
    assert fake_messages.questions == [
        "Xóa dự thảo quyết định “Lao động tiên tiến” — “Tổng kết năm 2026”?"]
    assert page.model.rowCount() == 1
    fake_messages.yes = True
    click(qtbot, page.panel.buttons["delete"])
    assert page.model.rowCount() == 0 and list_decisions(commune_db) == []
    assert page.panel.detail is None and not enabled_buttons(page)


def test_the_proposal_number_needs_its_signer(qtbot, commune_db, forms, year_end, passed, page):
    decision = draft(commune_db, year_end, forms["LDTT"])
    page.refresh(select=decision)
    click(qtbot, page.panel.buttons["proposal_number"])
    dialog = visible_dialog(page, IssueDialog)
    assert dialog.windowTitle() == "Cấp số tờ trình"
    press_ok(qtbot, dialog)
    assert dialog.general_error.text() == (
        "Người ký tờ trình: chưa có họ tên. Hãy khai báo trong Mẫu văn bản › Tờ trình.")
    click(qtbot, button_named(dialog, "Hủy"))
    wording = load_wording(commune_db, DocumentType.PROPOSAL)
    save_wording(commune_db, DocumentType.PROPOSAL, {**wording, "signer_name": "Lê Văn Tâm"})
    click(qtbot, page.panel.buttons["proposal_number"])
    press_ok(qtbot, visible_dialog(page, IssueDialog))
    assert cell(page, PROPOSAL) == "01/TTr-VP"
    assert cell(page, STATUS) == "Dự thảo (đã có tờ trình)"
    assert "Cấp số tờ trình…" not in enabled_buttons(page)
    assert f"Tờ trình số 01/TTr-VP ngày {TODAY.strftime('%d/%m/%Y')}" in page.panel.summary.text()


def test_filters_by_round_and_state(qtbot, commune_db, forms, year_end, passed, page):
    other_round = make_round(commune_db, name="Tổng kết năm 2026 — bổ sung")
    passed_people(commune_db, other_round, forms["LDTT"], names=("Hồ Thị Mai",))
    issued = draft(commune_db, year_end, forms["LDTT"])
    issue_decision(commune_db, issued, IssueInput(day=TODAY))
    draft(commune_db, other_round, forms["LDTT"])
    page.on_shown()
    assert page.model.rowCount() == 2 and page.count_label.text() == "2 quyết định"
    choose(page.round_combo, year_end)
    assert [r.id for r in page.model.rows()] == [issued]
    choose(page.round_combo, None)
    choose(page.status_combo, DecisionStatus.DRAFT.value)
    assert [r.round_id for r in page.model.rows()] == [other_round]


def test_the_main_window_opens_the_page_on_a_round(qtbot, commune_db, forms, year_end, passed):
    decision = draft(commune_db, year_end, forms["LDTT"])
    window = MainWindow(commune_db)
    qtbot.addWidget(window)
    window.show()
    window.open_round_decisions(year_end)
    page = window.page(DECISIONS)
    assert window.stack.currentWidget() is page
    assert page.current_round_id() == year_end
    assert [r.id for r in page.model.rows()] == [decision]


def test_the_page_model_passes_the_model_tester(qtmodeltester, commune_db, forms, year_end, passed, page):
    decision = draft(commune_db, year_end, forms["LDTT"])
    issue_decision(commune_db, decision, IssueInput(day=TODAY))
    page.refresh(select=decision)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.panel.entries)
