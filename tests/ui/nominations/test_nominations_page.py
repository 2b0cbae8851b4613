"""The Nominations page through its real widgets: the whole path of a nomination, the checklist editor,
refusals, and nominating a unit's LĐTT candidates or exemplars in one step."""

from __future__ import annotations

import datetime as dt

import pytest
from council_helpers import council_review
from nomination_helpers import (
    TODAY,
    button_named,
    choose,
    click,
    form_ids,
    make_round,
    pick_subject,
    press_ok,
)
from PySide6.QtCore import Qt
from qt_typing import type_text

from app.models.enums import CriterionOutcome, NominationStatus
from app.services.exemplars.crud import create_exemplar
from app.services.exemplars.data import ExemplarInput
from app.services.nominations.crud import create_nomination
from app.services.nominations.data import NominationInput, ReportInput
from app.services.nominations.flow import propose
from app.services.nominations.queries import get_nomination, list_nominations
from app.ui.kit import system_files
from app.ui.kit.row_table import RowTableModel
from app.ui.nominations import checklist_model as cols
from app.ui.nominations.bulk_dialogs import ExemplarNominationDialog, UnitLdttDialog
from app.ui.nominations.checklist_model import ChecklistModel
from app.ui.nominations.dialog import ACHIEVEMENTS_TAB, NominationDialog
from app.ui.nominations.judgement_dialog import JudgementDialog
from app.ui.nominations.page import NominationsPage, nomination_columns
from app.ui.rounds.dialog import RoundDialog
from app.ui.rounds.page import RoundsPage

S = NominationStatus


@pytest.fixture
def forms(commune_db) -> dict[str, int]:
    return form_ids(commune_db)


@pytest.fixture
def page(qtbot, commune_db, people) -> NominationsPage:
    widget = NominationsPage(commune_db)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.on_shown()
    return widget


def nominate(db, round_id, subject_id, form_id, achievements="Hoàn thành tốt nhiệm vụ.") -> int:
    return create_nomination(db, NominationInput(round_id, subject_id, form_id),
                             ReportInput(achievements=achievements))


def shown(page: NominationsPage):
    return page.panel.detail


def visible_dialog(parent, kind):
    dialogs = [d for d in parent.findChildren(kind) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def double_click_row(qtbot, table, row: int) -> None:
    """A click then a double click, as the mouse sends them (QTest's double click alone has no press)."""
    where = table.visualRect(table.model().index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)


def judge(qtbot, page: NominationsPage, row: int, outcome: CriterionOutcome, note: str) -> JudgementDialog:
    editor = page.panel.checklist
    double_click_row(qtbot, editor.table, row)
    dialog = visible_dialog(editor, JudgementDialog)
    click(qtbot, dialog.outcome_buttons[outcome])
    dialog.note_edit.selectAll()
    type_text(dialog.note_edit, note)
    press_ok(qtbot, dialog)
    return dialog


def judged_rows(page: NominationsPage) -> list[int]:
    model = page.panel.checklist.model
    return [row for row in range(model.rowCount()) if not model.line(row).by_rule]


def history(page: NominationsPage) -> list[str]:
    return [event.text for event in page.panel.history()]


def create_round_through_the_rounds_page(qtbot, db) -> int:
    rounds = RoundsPage(db)
    qtbot.addWidget(rounds)
    rounds.show()
    rounds.on_shown()
    click(qtbot, rounds.add_button)
    dialog = visible_dialog(rounds, RoundDialog)
    type_text(dialog.deadline_edit.line, (TODAY + dt.timedelta(days=20)).strftime("%d/%m/%Y"))
    press_ok(qtbot, dialog)
    return dialog.saved_id


def test_the_whole_path_of_an_ldtt_nomination(qtbot, commune_db, people, forms, fake_messages):
    round_id = create_round_through_the_rounds_page(qtbot, commune_db)
    page = NominationsPage(commune_db)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.on_shown()
    assert page.current_round_id() == round_id, "the newest round is shown first"

    click(qtbot, button_named(page, "Thêm hồ sơ…"))
    dialog = visible_dialog(page, NominationDialog)
    pick_subject(qtbot, dialog.subject_picker, "tran lan", "Trần Thị Lan")
    choose(dialog.form_combo, forms["LDTT"])
    dialog.tabs.setCurrentIndex(ACHIEVEMENTS_TAB)
    type_text(dialog.report.edits["achievements"], "Vận động 45 hộ hiến đất làm đường giao thông nông thôn.")
    press_ok(qtbot, dialog)
    assert [row.subject_name for row in page.model.rows()] == ["Trần Thị Lan"]
    assert page.selected_id() == dialog.saved_id
    assert shown(page).status is S.DRAFT
    assert page.panel.banner.text().startswith("<b>Chưa đủ điều kiện trình Hội đồng:")

    click(qtbot, page.panel.buttons["propose"])
    assert shown(page).status is S.PROPOSED
    assert page.model.index(0, 6).data() == "Đã đề nghị"

    click(qtbot, page.panel.buttons["appraise"])
    assert fake_messages.errors[-1].startswith("Chưa trình Hội đồng được: Chưa đánh giá: Lao động, sản xuất")
    assert shown(page).status is S.PROPOSED

    rows = judged_rows(page)
    assert len(rows) == 2
    for row in rows:
        judge(qtbot, page, row, CriterionOutcome.MET, "Theo xác nhận của Trưởng thôn")
    model = page.panel.checklist.model
    assert [model.index(row, cols.OUTCOME).data() for row in rows] == ["Đạt", "Đạt"]
    assert model.index(rows[0], cols.REASON).data() == "Theo xác nhận của Trưởng thôn"
    assert page.panel.banner.text() == "✓ Đủ điều kiện trình Hội đồng"

    click(qtbot, page.panel.buttons["appraise"])
    assert shown(page).status is S.APPRAISED
    assert not page.panel.checklist.judge_button.isEnabled(), "an appraised checklist is locked"

    assert page.panel.buttons["pass"].isHidden() and page.panel.buttons["fail"].isHidden(), (
        "LĐTT is voted by the council: its result comes from the meeting")
    council_review(commune_db, [shown(page).id], day=TODAY)
    page.refresh(select=shown(page).id)
    assert shown(page).status is S.PASSED
    lines = history(page)
    assert lines[-2] == "Đã thẩm định: đủ tiêu chuẩn, trình Hội đồng."
    assert lines[-1].startswith(f"Hội đồng Thi đua - Khen thưởng họp ngày {TODAY:%d/%m/%Y} bình xét: đạt (")
    assert lines[1] == "Đơn vị đã đề nghị."
    judged = [line for line in lines if line.startswith("Đánh giá tiêu chí")]
    assert len(judged) == 2
    assert all(line.endswith(": Đạt — Theo xác nhận của Trưởng thôn.") for line in judged)
    assert not any(button.isEnabled() for button in page.panel.buttons.values())


def test_a_cstdcs_rule_line_fails_with_its_reason(qtbot, commune_db, people, forms, page):
    round_id = make_round(commune_db)
    nomination = nominate(commune_db, round_id, people["Lê Minh Đức"], forms["CSTDCS"])
    page.show_round(round_id)
    assert page.selected_id() is None
    page.table.selectRow(0)
    model = page.panel.checklist.model
    row = next(r for r in range(model.rowCount()) if model.line(r).code == "k1")
    assert model.index(row, cols.MODE).data() == "Quy tắc"
    assert model.index(row, cols.OUTCOME).data() == "Không đạt"
    assert model.index(row, cols.OUTCOME).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    reason = model.index(row, cols.REASON).data()
    assert reason == get_nomination(commune_db, nomination).checklist.lines[row].reason
    assert "Lao động tiên tiến" in reason
    assert "có tiêu chí không đạt" in page.panel.banner.text()
    page.panel.checklist.table.selectRow(row)
    assert not page.panel.checklist.judge_button.isEnabled()
    assert "do phần mềm quyết định" in page.panel.checklist.hint.text()
    double_click_row(qtbot, page.panel.checklist.table, row)
    assert not [d for d in page.findChildren(JudgementDialog) if d.isVisible()], "rule lines are read-only"


def test_not_met_needs_a_note_shown_beside_it(qtbot, commune_db, people, forms, page):
    round_id = make_round(commune_db)
    nominate(commune_db, round_id, people["Trần Thị Lan"], forms["LDTT"])
    page.show_round(round_id)
    page.table.selectRow(0)
    row = judged_rows(page)[0]
    dialog = judge(qtbot, page, row, CriterionOutcome.NOT_MET, "")
    assert dialog.isVisible()
    assert dialog.form.rows["note"].error.text() == "Ghi chú: hãy ghi lý do không đạt."
    type_text(dialog.note_edit, "Chưa tham gia sinh hoạt thôn")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert page.panel.checklist.model.index(row, cols.OUTCOME).data() == "Không đạt"
    assert page.panel.banner.text().startswith("<b>Chưa đủ điều kiện trình Hội đồng — có tiêu chí không đạt")


def test_an_evidence_file_is_chosen_and_listed(qtbot, commune_db, people, forms, page, tmp_path, monkeypatch):
    evidence = tmp_path / "Xác nhận của thôn.pdf"
    evidence.write_bytes(b"%PDF-1.4 giay xac nhan")
    monkeypatch.setattr(system_files, "choose_file", lambda parent, title="": str(evidence))
    round_id = make_round(commune_db)
    nominate(commune_db, round_id, people["Trần Thị Lan"], forms["LDTT"])
    page.show_round(round_id)
    page.table.selectRow(0)
    row = judged_rows(page)[0]
    double_click_row(qtbot, page.panel.checklist.table, row)
    dialog = visible_dialog(page.panel.checklist, JudgementDialog)
    click(qtbot, dialog.outcome_buttons[CriterionOutcome.MET])
    click(qtbot, dialog.evidence.choose_button)
    assert dialog.evidence.label.text() == "Sẽ thêm: Xác nhận của thôn.pdf"
    press_ok(qtbot, dialog)
    assert page.panel.checklist.model.index(row, cols.FILE).data() == "Xác nhận của thôn.pdf"


def test_propose_without_achievements_says_what_to_do(qtbot, commune_db, people, forms, page, fake_messages):
    round_id = make_round(commune_db)
    create_nomination(commune_db, NominationInput(round_id, people["Trần Thị Lan"], forms["LDTT"]))
    page.show_round(round_id)
    page.table.selectRow(0)
    click(qtbot, page.panel.buttons["propose"])
    assert fake_messages.errors == [
        "Thành tích đạt được: báo cáo thành tích chưa có nội dung; hãy nhập trước khi đề nghị."]
    assert shown(page).status is S.DRAFT


def test_send_back_asks_for_the_reason(qtbot, commune_db, people, forms, page, fake_messages):
    round_id = make_round(commune_db)
    nomination = nominate(commune_db, round_id, people["Trần Thị Lan"], forms["LDTT"])
    propose(commune_db, nomination)
    page.show_round(round_id)
    page.table.selectRow(0)
    fake_messages.text_answer = None
    click(qtbot, page.panel.buttons["return"])
    assert shown(page).status is S.PROPOSED, "cancelled: nothing changes"
    fake_messages.text_answer = "Bổ sung số liệu về số hộ tham gia"
    click(qtbot, page.panel.buttons["return"])
    assert shown(page).status is S.DRAFT
    assert history(page)[-1] == "Trả lại để bổ sung: Bổ sung số liệu về số hộ tham gia"


def test_a_village_review_may_fail_a_nomination_with_a_note(qtbot, commune_db, people, forms, page,
                                                          fake_messages):
    """GĐVH is reviewed by the village meeting, not the council: its result is still recorded here."""
    round_id = make_round(commune_db)
    nomination = nominate(commune_db, round_id, people["Hộ ông Phạm Văn Sáu"], forms["GDVH"])
    propose(commune_db, nomination)
    page.show_round(round_id)
    page.table.selectRow(0)
    for row in judged_rows(page):
        judge(qtbot, page, row, CriterionOutcome.MET, "Đạt")
    click(qtbot, page.panel.buttons["appraise"])
    fake_messages.text_answer = "Chỉ đạt 40% phiếu đồng ý"
    click(qtbot, page.panel.buttons["fail"])
    assert shown(page).status is S.FAILED
    assert history(page)[-1] == "Hội đồng bình xét: không đạt. Chỉ đạt 40% phiếu đồng ý"


def test_delete_a_draft(qtbot, commune_db, people, forms, page, fake_messages):
    round_id = make_round(commune_db)
    nominate(commune_db, round_id, people["Trần Thị Lan"], forms["LDTT"])
    page.show_round(round_id)
    page.table.selectRow(0)
    click(qtbot, page.panel.buttons["delete"])
    assert fake_messages.questions[-1] == "Xóa hồ sơ đề nghị “Trần Thị Lan” — “Lao động tiên tiến”?"
    assert page.model.rowCount() == 0 and shown(page) is None
    assert list_nominations(commune_db) == []


def test_filters_and_show_round(qtbot, commune_db, people, forms, page):
    first = make_round(commune_db, "Khen thưởng quý 1")
    second = make_round(commune_db, "Khen thưởng quý 2")
    lan = nominate(commune_db, first, people["Trần Thị Lan"], forms["LDTT"])
    nominate(commune_db, first, people["Nguyễn Văn Đạt"], forms["GIAY_KHEN"])
    nominate(commune_db, second, people["Lê Minh Đức"], forms["LDTT"])
    propose(commune_db, lan)
    page.show_round(first)
    assert [r.subject_name for r in page.model.rows()] == ["Trần Thị Lan", "Nguyễn Văn Đạt"]
    assert [page.model.index(n, 0).data() for n in range(2)] == ["1", "2"]
    choose(page.status_combo, S.PROPOSED.value)
    assert [r.subject_name for r in page.model.rows()] == ["Trần Thị Lan"]
    page.show_round(second)
    assert page.status_combo.currentIndex() == 0, "showing a round clears the other filters"
    assert [r.subject_name for r in page.model.rows()] == ["Lê Minh Đức"]
    choose(page.round_combo, None)
    choose(page.form_combo, forms["LDTT"])
    assert page.count_label.text() == "2 hồ sơ"


def test_a_late_nomination_asks_and_the_override_is_in_the_history(qtbot, commune_db, people, forms, page,
                                                                    fake_messages):
    late = make_round(commune_db, "Khen thưởng chuyên đề", deadline=TODAY - dt.timedelta(days=3))
    page.show_round(late)
    click(qtbot, button_named(page, "Thêm hồ sơ…"))
    dialog = visible_dialog(page, NominationDialog)
    pick_subject(qtbot, dialog.subject_picker, "pham van sau", "Hộ ông Phạm Văn Sáu")
    choose(dialog.form_combo, forms["GDVH"])
    press_ok(qtbot, dialog)
    assert "đã hết hạn nhận hồ sơ" in fake_messages.questions[-1]
    assert shown(page).subject_name == "Hộ ông Phạm Văn Sáu"
    override = "Người dùng xác nhận vẫn tạo hồ sơ: Đợt “Khen thưởng chuyên đề” đã hết hạn"
    assert history(page)[-1].startswith(override)
    page.panel.tabs.setCurrentIndex(2)
    assert page.panel.events_table.model().index(1, 2).data().startswith("Người dùng xác nhận")


def test_nominate_every_ldtt_candidate_of_a_unit(qtbot, commune_db, people, forms, village, page,
                                                 fake_messages):
    round_id = make_round(commune_db)
    page.load_choices()
    page.show_round(round_id)
    click(qtbot, button_named(page, "Đề nghị LĐTT cả đơn vị…"))
    dialog = visible_dialog(page, UnitLdttDialog)
    assert dialog.round_combo.currentData() == round_id
    choose(dialog.unit_combo, village)
    press_ok(qtbot, dialog)  # in the background: the window stays painted
    qtbot.waitUntil(lambda: bool(fake_messages.infos), timeout=20_000)
    assert fake_messages.infos == ["Đã tạo 2 hồ sơ đề nghị."]
    assert sorted(r.subject_name for r in page.model.rows()) == ["Nguyễn Văn Đạt", "Trần Thị Lan"]


def test_a_late_bulk_asks_once(qtbot, commune_db, people, forms, village, page, fake_messages):
    late = make_round(commune_db, "Đợt đã hết hạn", deadline=TODAY - dt.timedelta(days=1))
    page.show_round(late)
    click(qtbot, button_named(page, "Đề nghị LĐTT cả đơn vị…"))
    dialog = visible_dialog(page, UnitLdttDialog)
    choose(dialog.unit_combo, village)
    fake_messages.yes = False
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: len(fake_messages.questions) == 1 and dialog.buttons.isEnabled(), timeout=20_000)
    assert dialog.isVisible() and list_nominations(commune_db) == []
    fake_messages.yes = True
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(fake_messages.infos), timeout=20_000)
    assert len(fake_messages.questions) == 2 and fake_messages.infos == ["Đã tạo 2 hồ sơ đề nghị."]


def test_nominations_from_exemplars(qtbot, commune_db, people, forms, page, fake_messages):
    round_id = make_round(commune_db)
    for name in ("Trần Thị Lan", "Hộ ông Phạm Văn Sáu"):
        create_exemplar(commune_db, ExemplarInput(subject_id=people[name], introduced_on=TODAY,
                                                  achievements=f"Thành tích của {name}"))
    page.show_round(round_id)
    click(qtbot, button_named(page, "Tạo hồ sơ từ điển hình…"))
    dialog = visible_dialog(page, ExemplarNominationDialog)
    press_ok(qtbot, dialog)
    assert dialog.form.rows["award_form_id"].error.text() == "Hình thức khen thưởng: hãy chọn một hình thức."
    choose(dialog.form_combo, forms["GIAY_KHEN"])
    type_text(dialog.search_edit, "lan")
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=2000)
    dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(fake_messages.infos), timeout=20_000)
    assert fake_messages.infos == ["Đã tạo 1 hồ sơ đề nghị."]
    detail = get_nomination(commune_db, page.model.rows()[0].id)
    assert detail.report.achievements == "Thành tích của Trần Thị Lan"


def test_models_pass_modeltester(qtmodeltester, commune_db, people, forms):
    round_id = make_round(commune_db)
    nomination = nominate(commune_db, round_id, people["Lê Minh Đức"], forms["CSTDCS"])
    checklist = ChecklistModel()
    checklist.set_lines(get_nomination(commune_db, nomination).checklist.lines)
    qtmodeltester.check(checklist)
    rows = list_nominations(commune_db)
    listing = RowTableModel(nomination_columns({row.id: n for n, row in enumerate(rows, 1)}))
    listing.set_rows(rows)
    qtmodeltester.check(listing)
