"""The decision dialogs through their real widgets: a draft (its list ticked, its total, its refusals),
issuing with a register number, and cancelling with a reason."""

from __future__ import annotations

import datetime as dt

import pytest
from decision_helpers import form_ids, make_round, passed_nomination, passed_people
from decision_helpers import make_person as make_teacher
from nomination_helpers import button_named, choose, click, press_ok
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from qt_typing import replace_text, type_text

from app.models.enums import DecisionBasis, DecisionStatus, DocumentType, RoundKind, SignerRole
from app.services.decisions.data import DecisionInput, IssueInput
from app.services.decisions.drafts import NO_NOMINATIONS, create_decision
from app.services.decisions.issue import issue_decision, issue_proposal
from app.services.decisions.queries import get_decision, list_decisions, list_includable
from app.services.wording import load_wording, save_wording
from app.ui.decisions.draft_dialog import EMPTY_HINT, DecisionDialog
from app.ui.decisions.issue_dialog import CancelDialog, IssueDialog
from app.ui.decisions.models import CHECK, DECISION_COLUMNS, ChoiceModel, entry_columns
from app.ui.decisions.panel import allowed_steps
from app.ui.kit.row_table import RowTableModel

TODAY = dt.date.today()


@pytest.fixture
def forms(commune_db) -> dict[str, int]:
    return form_ids(commune_db)


@pytest.fixture
def year_end(commune_db) -> int:
    return make_round(commune_db)


@pytest.fixture
def passed(commune_db, forms, year_end) -> list[int]:
    return passed_people(commune_db, year_end, forms["LDTT"])


def open_dialog(qtbot, db, **kwargs) -> DecisionDialog:
    dialog = DecisionDialog(db, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def checked(dialog: DecisionDialog) -> list[int]:
    return dialog.chooser.model.checked_ids()


def toggle_row(qtbot, dialog: DecisionDialog, row: int) -> None:
    """Select a row of the list and press Space, as the keyboard ticks a check box."""
    table = dialog.chooser.table
    table.setFocus()
    table.setCurrentIndex(dialog.chooser.model.index(row, CHECK))
    QTest.keyClick(table, Qt.Key.Key_Space)


def test_a_draft_from_the_dialog_with_a_typed_achievement(qtbot, commune_db, forms, year_end, passed):
    dialog = open_dialog(qtbot, commune_db, round_id=year_end)
    assert dialog.windowTitle() == "Lập quyết định khen thưởng"
    assert dialog.signer_edit.text() == "Nguyễn Văn Hùng", "the chairman of the commune profile"
    choose(dialog.form_combo, forms["LDTT"])
    assert sorted(checked(dialog)) == sorted(passed), "every includable nomination is ticked"
    assert dialog.chooser.total_label.text() == "Đã chọn 5/5 hồ sơ: 5 cá nhân — tổng tiền 3.510.000 đồng"
    assert "“đã có thành tích xuất sắc trong phong trào thi đua năm 2026”" in (
        dialog.achievement_edit.placeholderText())

    toggle_row(qtbot, dialog, 1)
    assert len(checked(dialog)) == 4
    assert dialog.chooser.total_label.text() == "Đã chọn 4/5 hồ sơ: 4 cá nhân — tổng tiền 2.808.000 đồng"
    click(qtbot, button_named(dialog, "Bỏ chọn"))
    assert checked(dialog) == []
    click(qtbot, button_named(dialog, "Chọn tất cả"))
    toggle_row(qtbot, dialog, 0)
    left_out = dialog.chooser.model.entries()[0].nomination_id

    dialog.achievement_edit.setFocus()
    typed = "đã có thành tích xuất sắc trong công tác dạy và học năm học 2025–2026"
    type_text(dialog.achievement_edit, typed)
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    detail = get_decision(commune_db, dialog.saved_id)
    assert detail.row.status is DecisionStatus.DRAFT
    assert detail.achievement == typed
    assert len(detail.entries) == 4 and left_out not in {e.nomination_id for e in detail.entries}
    assert detail.row.signer_name == "Nguyễn Văn Hùng" and detail.signer_role is SignerRole.CHAIRMAN


def test_nothing_includable_is_refused_in_the_dialog(qtbot, commune_db, forms, year_end):
    person = make_teacher(commune_db, "Lê Văn Tám")
    passed_nomination(commune_db, year_end, person, forms["LDTT"], review=False)  # appraised, not passed
    dialog = open_dialog(qtbot, commune_db, round_id=year_end)
    choose(dialog.form_combo, forms["LDTT"])
    assert dialog.chooser.model.rowCount() == 0
    assert dialog.chooser.total_label.text() == EMPTY_HINT
    assert not button_named(dialog, "Chọn tất cả").isEnabled()
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.form.rows["nomination_ids"].error.text() == NO_NOMINATIONS
    assert list_decisions(commune_db) == []


def test_a_meeting_day_that_is_no_date_is_shown_beside_it(qtbot, commune_db, forms, year_end, passed):
    dialog = open_dialog(qtbot, commune_db, round_id=year_end)
    choose(dialog.form_combo, forms["LDTT"])
    type_text(dialog.meeting_edit.line, "31/02/2026")
    press_ok(qtbot, dialog)
    assert dialog.form.rows["council_meeting_on"].error.text().startswith(
        "Ngày họp Hội đồng: không phải ngày hợp lệ")
    assert list_decisions(commune_db) == []


def test_the_signer_follows_the_role_until_a_name_is_typed(qtbot, commune_db, year_end):
    dialog = open_dialog(qtbot, commune_db, round_id=year_end)
    choose(dialog.role_combo, SignerRole.VICE_CHAIRMAN.value)
    assert dialog.signer_edit.text() == "Trần Thị Lan"
    replace_text(dialog.signer_edit, "Đỗ Văn Khánh")
    choose(dialog.role_combo, SignerRole.CHAIRMAN.value)
    assert dialog.signer_edit.text() == "Đỗ Văn Khánh"


def test_the_simplified_procedure_only_for_ad_hoc_rounds(qtbot, commune_db, forms, year_end):
    ad_hoc = make_round(commune_db, RoundKind.AD_HOC, "Khen thưởng đột xuất cứu hộ lũ tháng 7/2026")
    person = make_teacher(commune_db, "Vũ Văn An")
    appraised = passed_nomination(commune_db, ad_hoc, person, forms["GIAY_KHEN"], review=False)
    dialog = open_dialog(qtbot, commune_db, round_id=year_end)
    simplified = dialog.basis_combo.findData(DecisionBasis.SIMPLIFIED.value)
    assert not dialog.basis_combo.model().item(simplified).isEnabled()
    choose(dialog.round_combo, ad_hoc)
    choose(dialog.form_combo, forms["GIAY_KHEN"])
    assert dialog.chooser.model.rowCount() == 0, "the council passed nobody"
    assert dialog.basis_combo.model().item(simplified).isEnabled()
    choose(dialog.basis_combo, DecisionBasis.SIMPLIFIED.value)
    assert checked(dialog) == [appraised]
    assert not dialog.meeting_edit.isEnabled()
    choose(dialog.round_combo, year_end)
    assert dialog.basis() is DecisionBasis.COUNCIL and dialog.meeting_edit.isEnabled()


def test_editing_a_draft_keeps_its_ticks(qtbot, commune_db, forms, year_end, passed):
    made = create_decision(commune_db, DecisionInput(year_end, forms["LDTT"], nomination_ids=passed[:3]))
    dialog = open_dialog(qtbot, commune_db, detail=made)
    assert not dialog.round_combo.isEnabled() and not dialog.form_combo.isEnabled()
    assert sorted(checked(dialog)) == sorted(passed[:3])
    assert dialog.chooser.model.rowCount() == 5
    click(qtbot, button_named(dialog, "Chọn tất cả"))
    press_ok(qtbot, dialog)
    assert len(get_decision(commune_db, made.row.id).entries) == 5


def test_a_numbered_proposal_locks_the_list(qtbot, commune_db, forms, year_end, passed):
    wording = load_wording(commune_db, DocumentType.PROPOSAL)
    save_wording(commune_db, DocumentType.PROPOSAL, {**wording, "signer_name": "Lê Văn Tâm"})
    made = create_decision(commune_db, DecisionInput(year_end, forms["LDTT"]))
    numbered = issue_proposal(commune_db, made.row.id, IssueInput(day=TODAY))
    dialog = open_dialog(qtbot, commune_db, detail=numbered)
    assert dialog.lock_label.isVisible() and not dialog.basis_combo.isEnabled()
    model = dialog.chooser.model
    assert not model.flags(model.index(0, CHECK)) & Qt.ItemFlag.ItemIsUserCheckable
    toggle_row(qtbot, dialog, 0)
    assert len(checked(dialog)) == 5
    replace_text(dialog.signer_edit, "Phạm Thị Thu")
    press_ok(qtbot, dialog)
    detail = get_decision(commune_db, made.row.id)
    assert detail.row.signer_name == "Phạm Thị Thu" and len(detail.entries) == 5


def test_issuing_suggests_the_next_number_of_the_chosen_year(qtbot, commune_db, forms, year_end, passed):
    made = create_decision(commune_db, DecisionInput(year_end, forms["LDTT"], nomination_ids=passed[:2]))
    other = create_decision(commune_db, DecisionInput(year_end, forms["LDTT"], nomination_ids=passed[2:]))
    issue_decision(commune_db, other.row.id, IssueInput(day=TODAY, number=11))
    dialog = IssueDialog(commune_db, get_decision(commune_db, made.row.id), DocumentType.DECISION)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Ban hành quyết định"
    assert dialog.day_edit.date() == TODAY
    assert dialog.number_spin.value() == 12
    assert dialog.next_label.text() == f"Số tiếp theo trong sổ năm {TODAY.year}: 12"
    assert dialog.number_spin.text() == "12/QĐ-UBND"
    replace_text(dialog.day_edit.line, f"05/01/{TODAY.year + 1}")
    assert dialog.number_spin.value() == 1
    assert dialog.next_label.text() == f"Số tiếp theo trong sổ năm {TODAY.year + 1}: 01"
    assert dialog.number_spin.text() == "01/QĐ-UBND"  # as the document prints it


def test_a_taken_number_is_refused_beside_the_field(qtbot, commune_db, forms, year_end, passed):
    made = create_decision(commune_db, DecisionInput(year_end, forms["LDTT"], nomination_ids=passed[:2]))
    other = create_decision(commune_db, DecisionInput(year_end, forms["LDTT"], nomination_ids=passed[2:]))
    issue_decision(commune_db, other.row.id, IssueInput(day=TODAY, number=3))
    dialog = IssueDialog(commune_db, get_decision(commune_db, made.row.id), DocumentType.DECISION)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.number_spin.setValue(3)
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    message = dialog.form.rows["number"].error.text()
    assert message.startswith(f"Số 03/QĐ-UBND năm {TODAY.year} đã cấp cho văn bản ngày")
    assert message.endswith("số tiếp theo còn trống là 04.")
    assert get_decision(commune_db, made.row.id).row.status is DecisionStatus.DRAFT


def test_cancelling_needs_a_reason(qtbot, commune_db, forms, year_end, passed):
    made = create_decision(commune_db, DecisionInput(year_end, forms["LDTT"]))
    issued = issue_decision(commune_db, made.row.id, IssueInput(day=TODAY))
    dialog = CancelDialog(commune_db, issued)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Hủy quyết định số 01/QĐ-UBND"
    press_ok(qtbot, dialog)
    assert dialog.form.rows["reason"].error.text() == "Lý do hủy: không được để trống."
    dialog.reason_edit.setFocus()
    type_text(dialog.reason_edit, "Ghi sai năm thành tích.")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    detail = get_decision(commune_db, made.row.id)
    assert detail.row.status is DecisionStatus.CANCELLED and detail.cancel_reason == "Ghi sai năm thành tích."
    assert len(list_includable(commune_db, year_end, forms["LDTT"], DecisionBasis.COUNCIL)) == 5


def test_steps_allowed_by_state(commune_db, forms, year_end, passed):
    made = create_decision(commune_db, DecisionInput(year_end, forms["LDTT"]))
    assert allowed_steps(made) == {"edit", "delete", "proposal_number", "issue", "decision", "proposal"}
    issued = issue_decision(commune_db, made.row.id, IssueInput(day=TODAY))
    assert allowed_steps(issued) == {"cancel", "decision"}
    assert allowed_steps(None) == set()


def test_models_pass_the_model_tester(qtmodeltester, commune_db, forms, year_end, passed):
    choice = ChoiceModel()
    choice.set_entries(list_includable(commune_db, year_end, forms["LDTT"], DecisionBasis.COUNCIL),
                       checked=set(passed[:2]))
    qtmodeltester.check(choice)
    assert choice.setData(choice.index(4, CHECK), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert len(choice.checked_ids()) == 3
    qtmodeltester.check(choice)
    made = create_decision(commune_db, DecisionInput(year_end, forms["LDTT"], nomination_ids=passed[:3]))
    decisions = RowTableModel(DECISION_COLUMNS)
    decisions.set_rows(list_decisions(commune_db))
    qtmodeltester.check(decisions)
    entries = RowTableModel(entry_columns({}))
    entries.set_rows(made.entries)
    qtmodeltester.check(entries)
    empty = ChoiceModel()
    qtmodeltester.check(empty)
