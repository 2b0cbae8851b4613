"""The award catalogue page and the form dialog: list, edit in Vietnamese, criteria lines, inline errors."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from qt_typing import replace_text, type_text

from app.models import (
    CriterionMode,
    Gender,
    Nomination,
    NominationStatus,
    Round,
    RoundKind,
    RoundStatus,
    SubjectKind,
)
from app.services.catalogue.data import AwardFormInput, CriterionInput
from app.services.catalogue.forms import (
    create_award_form,
    get_award_form,
    list_award_forms,
    update_award_form,
)
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput
from app.ui.catalogue import criteria_model as criteria_cols
from app.ui.catalogue import table_model as cols
from app.ui.catalogue.criteria_model import CriteriaTableModel
from app.ui.catalogue.form_dialog import CRITERIA_TAB, INFO_TAB, AwardFormDialog
from app.ui.catalogue.page import CataloguePage
from app.ui.catalogue.table_model import CatalogueTableModel

NAMES = [
    "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động tiên tiến", "Giấy khen",
    "Gia đình văn hóa", "Thôn, tổ dân phố văn hóa",
]


@pytest.fixture
def page(qtbot, commune_db) -> CataloguePage:
    widget = CataloguePage(commune_db)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.on_shown()
    return widget


def column(page: CataloguePage, number: int) -> list[str]:
    return [page.model.index(row, number).data() for row in range(page.model.rowCount())]


def form_id(db, code: str) -> int:
    return next(row.id for row in list_award_forms(db, include_inactive=True) if row.code == code)


def select(page: CataloguePage, code: str) -> None:
    page.table.selectRow(page.model.row_of(form_id(page.db, code)))


def open_editor(qtbot, page: CataloguePage, code: str) -> AwardFormDialog:
    select(page, code)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(AwardFormDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def save(qtbot, dialog: AwardFormDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def propose(db, code: str) -> None:
    """A nomination of the form that has gone past "nháp" (made directly, the nomination services aside)."""
    subject_id = create_subject(db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Lê Văn Tám",
                                                 gender=Gender.MALE)).id
    with db.transaction() as session:
        round_ = Round(name="Tổng kết năm 2025", kind=RoundKind.YEAR_END, year=2025, status=RoundStatus.OPEN)
        session.add(round_)
        session.flush()
        session.add(Nomination(round_id=round_.id, subject_id=subject_id, award_form_id=form_id(db, code),
                               status=NominationStatus.PROPOSED))


# The list ---------------------------------------------------------------------------------------

def test_list_shows_the_six_shipped_forms(page):
    assert column(page, cols.NAME) == NAMES
    assert column(page, cols.REWARD)[0] == "0,3 × LCS = 702.000 đồng"
    assert column(page, cols.REWARD)[3].splitlines() == [
        "Cá nhân: 0,3 × LCS = 702.000 đồng", "Tập thể: 0,6 × LCS = 1.404.000 đồng",
        "Hộ gia đình: 0,45 × LCS = 1.053.000 đồng"]
    assert column(page, cols.KINDS)[3] == "Cá nhân, Tập thể, Hộ gia đình"
    assert column(page, cols.CRITERIA) == ["4", "2", "5", "6", "4", "4"]
    assert set(column(page, cols.ACTIVE)) == {"Có"}
    assert page.count_label.text() == "6 hình thức"
    assert page.salary_label.text() == "Mức lương cơ sở (LCS): 2.340.000 đồng"
    assert not page.edit_button.isEnabled()


def test_stop_using_a_form_and_use_it_again(qtbot, page, commune_db):
    select(page, "GDVH")
    assert page.active_button.text() == "Ngừng dùng"
    click(qtbot, page.active_button)
    assert "GDVH" not in [row.code for row in list_award_forms(commune_db)]
    assert column(page, cols.ACTIVE)[4] == "Ngừng dùng" and page.active_button.text() == "Dùng lại"
    assert page.count_label.text() == "6 hình thức, 1 ngừng dùng"
    click(qtbot, page.active_button)
    assert len(list_award_forms(commune_db)) == 6


def test_delete_a_shipped_form_is_refused(qtbot, page, commune_db, fake_messages):
    select(page, "GDVH")
    click(qtbot, page.delete_button)
    assert fake_messages.questions == ["Xóa hình thức “Gia đình văn hóa”?"]
    assert len(fake_messages.errors) == 1 and "hình thức có sẵn theo quy định" in fake_messages.errors[0]
    assert page.model.rowCount() == 6


def test_delete_a_form_the_commune_added(qtbot, page, commune_db, fake_messages):
    create_award_form(commune_db, AwardFormInput(code="KHEN_DOT_XUAT", name="Giấy khen đột xuất",
                                                 reward_individual=30))
    page.refresh()
    select(page, "KHEN_DOT_XUAT")
    click(qtbot, page.delete_button)
    assert fake_messages.errors == [] and column(page, cols.NAME) == NAMES


# The dialog -------------------------------------------------------------------------------------

def test_edit_a_form_name_typed_in_vietnamese(qtbot, page, commune_db):
    before = get_award_form(commune_db, form_id(commune_db, "LDTT"))
    dialog = open_editor(qtbot, page, "LDTT")
    assert dialog.info.reward_rows[SubjectKind.INDIVIDUAL].spin.text() == "0,30 lần"
    assert dialog.info.reward_rows[SubjectKind.INDIVIDUAL].amount.text() == "= 702.000 đồng"
    assert not dialog.info.reward_rows[SubjectKind.COLLECTIVE].spin.isEnabled()
    assert dialog.info.code_edit.isReadOnly()
    replace_text(dialog.info.name_edit, "Lao động tiên tiến (xã Hòa Bình)")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    after = get_award_form(commune_db, before.id)
    assert after.name == "Lao động tiên tiến (xã Hòa Bình)" and after.version == before.version + 1
    assert [c.id for c in after.criteria] == [c.id for c in before.criteria]
    assert column(page, cols.NAME)[0] == "Lao động tiên tiến (xã Hòa Bình)"
    assert page.selected_id() == before.id


def test_change_a_reward_and_see_the_amount(qtbot, page, commune_db):
    dialog = open_editor(qtbot, page, "GDVH")
    row = dialog.info.reward_rows[SubjectKind.HOUSEHOLD]
    assert row.amount.text() == "= 0 đồng"
    row.spin.setValue(0.2)
    assert row.amount.text() == "= 468.000 đồng"
    save(qtbot, dialog)
    assert get_award_form(commune_db, form_id(commune_db, "GDVH")).reward_household == 20
    assert column(page, cols.REWARD)[4] == "0,2 × LCS = 468.000 đồng"


def test_add_a_criterion(qtbot, page, commune_db):
    before = get_award_form(commune_db, form_id(commune_db, "CSTDCS"))
    dialog = open_editor(qtbot, page, "CSTDCS")
    dialog.tabs.setCurrentIndex(CRITERIA_TAB)
    editor = dialog.criteria
    click(qtbot, editor.add_button)
    assert editor.current_row() == 2 and editor.panel.code_label.text() == "(mới)"
    text = "Có sáng kiến được Hội đồng sáng kiến xã công nhận."
    type_text(editor.panel.text_edit, text)
    type_text(editor.panel.source_edit, "Quy chế thi đua của xã")
    assert editor.model.index(2, criteria_cols.TEXT).data() == text
    save(qtbot, dialog)
    after = get_award_form(commune_db, before.id)
    assert [c.id for c in after.criteria[:2]] == [c.id for c in before.criteria]
    assert (after.criteria[2].text, after.criteria[2].source, after.criteria[2].code) == (
        text, "Quy chế thi đua của xã", "tc1")


def test_a_rule_criterion_with_its_parameter(qtbot, page, commune_db):
    dialog = open_editor(qtbot, page, "TTLDTT")
    editor = dialog.criteria
    editor.select_row(2)
    assert editor.panel.rule_combo.currentData() == "members_ldtt_share"
    assert editor.panel.percent_spin.value() == 70 and editor.panel.percent_spin.isVisibleTo(editor.panel)
    assert not editor.panel.level_combo.isVisibleTo(editor.panel)
    editor.panel.percent_spin.setValue(75)
    click(qtbot, editor.add_button)
    type_text(editor.panel.text_edit, "Không có cá nhân bị kỷ luật khiển trách;")
    editor.panel.mode_combo.setCurrentIndex(editor.panel.mode_combo.findData(CriterionMode.RULE.value))
    rule = editor.panel.rule_combo
    rule.setCurrentIndex(rule.findData("members_no_discipline"))
    editor.panel.level_combo.setCurrentIndex(editor.panel.level_combo.findData("reprimand"))
    assert editor.model.index(5, criteria_cols.MODE).data() == (
        "Theo quy tắc: Không thành viên nào bị kỷ luật từ khiển trách trở lên")
    save(qtbot, dialog)
    criteria = get_award_form(commune_db, form_id(commune_db, "TTLDTT")).criteria
    assert criteria[2].rule_params == {"percent": 75}
    assert (criteria[5].mode, criteria[5].rule_code, criteria[5].rule_params) == (
        CriterionMode.RULE, "members_no_discipline", {"level": "reprimand"})


def test_move_and_remove_criteria(qtbot, page, commune_db):
    before = get_award_form(commune_db, form_id(commune_db, "LDTT"))
    ids = [c.id for c in before.criteria]
    dialog = open_editor(qtbot, page, "LDTT")
    editor = dialog.criteria
    editor.select_row(0)
    assert not editor.up_button.isEnabled()
    click(qtbot, editor.down_button)
    assert editor.current_row() == 1 and editor.panel.code_label.text() == "k1a"
    editor.select_row(3)
    assert not editor.down_button.isEnabled()
    click(qtbot, editor.remove_button)
    assert editor.current_row() == 2 and editor.model.rowCount() == 3
    click(qtbot, editor.add_button)  # left empty: ignored when saving
    save(qtbot, dialog)
    assert [c.id for c in get_award_form(commune_db, before.id).criteria] == [ids[1], ids[0], ids[2]]


def test_bad_input_is_shown_inline_and_nothing_saved(qtbot, page, commune_db):
    click(qtbot, page.add_button)
    dialog = page.findChild(AwardFormDialog)
    assert dialog.windowTitle() == "Thêm hình thức khen thưởng"
    type_text(dialog.info.code_edit, "khen đột xuất")
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.tabs.currentIndex() == INFO_TAB
    rows = dialog.info.rows
    assert rows["code"].error.text().startswith("Mã: chỉ gồm chữ in hoa không dấu")
    assert rows["name"].error.text() == "Tên hình thức: không được để trống."
    assert "ít nhất một loại đối tượng" in rows["rewards"].error.text()
    assert [dialog.tabs.tabText(tab) for tab in (INFO_TAB, CRITERIA_TAB)] == ["Thông tin (!)", "Tiêu chí"]
    assert len(list_award_forms(commune_db, include_inactive=True)) == 6


def test_a_criterion_without_text_is_shown_on_its_line(qtbot, page, commune_db):
    before = get_award_form(commune_db, form_id(commune_db, "LDTT"))
    dialog = open_editor(qtbot, page, "LDTT")
    editor = dialog.criteria
    editor.select_row(1)
    replace_text(editor.panel.text_edit, "")
    editor.select_row(3)
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.tabs.currentIndex() == CRITERIA_TAB
    assert dialog.tabs.tabText(CRITERIA_TAB) == "Tiêu chí (!)"
    assert editor.error.text() == "Tiêu chí dòng 2: chưa ghi nội dung tiêu chí."
    assert editor.current_row() == 1
    assert editor.panel.rows["text"].error.text() == "Tiêu chí dòng 2: chưa ghi nội dung tiêu chí."
    editor.select_row(0)
    assert editor.panel.rows["text"].error.text() == ""
    assert get_award_form(commune_db, before.id) == before


def test_add_a_new_form_with_a_criterion(qtbot, page, commune_db):
    click(qtbot, page.add_button)
    dialog = page.findChild(AwardFormDialog)
    type_text(dialog.info.code_edit, "KHEN_CHUYEN_DE")
    type_text(dialog.info.name_edit, "Giấy khen chuyên đề “Dân vận khéo”")
    dialog.info.reward_rows[SubjectKind.COLLECTIVE].check.setChecked(True)
    dialog.info.reward_rows[SubjectKind.COLLECTIVE].spin.setValue(0.6)
    dialog.info.merit_check.setChecked(False)
    click(qtbot, dialog.criteria.add_button)
    type_text(dialog.criteria.panel.text_edit, "Có mô hình “Dân vận khéo” được công nhận.")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    detail = get_award_form(commune_db, dialog.saved_id)
    assert (detail.code, detail.reward_collective, detail.reward_individual, detail.counts_toward_merit) == (
        "KHEN_CHUYEN_DE", 60, None, False)
    assert [c.text for c in detail.criteria] == ["Có mô hình “Dân vận khéo” được công nhận."]
    assert page.model.rowCount() == 7 and page.selected_id() == detail.id


def test_removing_is_disabled_once_a_nomination_is_proposed(qtbot, page, commune_db):
    propose(commune_db, "CSTDCS")
    dialog = open_editor(qtbot, page, "CSTDCS")
    editor = dialog.criteria
    assert not editor.hint.isHidden() and "Đã có 1 hồ sơ đề nghị" in editor.hint.text()
    editor.select_row(0)
    assert not editor.remove_button.isEnabled()
    click(qtbot, editor.add_button)
    assert editor.remove_button.isEnabled()


def test_restore_default_criteria_in_the_dialog(qtbot, page, commune_db, fake_messages):
    detail = get_award_form(commune_db, form_id(commune_db, "LDTT"))
    lines = [CriterionInput(text="Hoàn thành nhiệm vụ;", id=detail.criteria[0].id), *detail.criteria[1:3]]
    update_award_form(commune_db, detail.id, dataclasses.replace(detail, criteria=lines), detail.version)
    dialog = open_editor(qtbot, page, "LDTT")
    editor = dialog.criteria
    assert not editor.restore_button.isHidden()
    click(qtbot, editor.restore_button)
    assert fake_messages.questions[0].startswith("Thay các tiêu chí đang sửa bằng lời văn có sẵn")
    assert editor.model.index(0, criteria_cols.TEXT).data() == "Hoàn thành tốt nhiệm vụ trở lên;"
    assert editor.model.rowCount() == 4
    save(qtbot, dialog)
    restored = get_award_form(commune_db, detail.id).criteria
    assert [c.text for c in restored] == [c.text for c in detail.criteria]
    assert [c.id for c in restored[:3]] == [c.id for c in detail.criteria[:3]]


def test_restore_button_only_for_shipped_forms(qtbot, page, commune_db):
    create_award_form(commune_db, AwardFormInput(code="KHEN_DOT_XUAT", name="Giấy khen đột xuất",
                                                 reward_individual=30))
    page.refresh()
    dialog = open_editor(qtbot, page, "KHEN_DOT_XUAT")
    assert dialog.criteria.restore_button.isHidden()
    assert not dialog.info.code_edit.isReadOnly()


# Models -----------------------------------------------------------------------------------------

def test_catalogue_model_passes_modeltester(qtmodeltester, commune_db):
    model = CatalogueTableModel()
    model.set_rows(list_award_forms(commune_db, include_inactive=True))
    assert model.rowCount() == 6
    assert model.headerData(cols.MERIT, Qt.Orientation.Horizontal) == "Tính cho khen thưởng\ncông trạng"
    qtmodeltester.check(model)


def test_criteria_model_passes_modeltester(qtmodeltester, commune_db):
    model = CriteriaTableModel()
    model.set_lines(get_award_form(commune_db, form_id(commune_db, "GIAY_KHEN")).criteria)
    qtmodeltester.check(model)
    model.insert_line(0, CriterionInput(text="Mới"))
    assert model.move_line(0, 1) and not model.move_line(0, -1)
    assert model.index(1, criteria_cols.TEXT).data() == "Mới"
    model.remove_line(1)
    model.set_error_rows({0})
    qtmodeltester.check(model)
    assert model.index(0, criteria_cols.KINDS).data() == "Cá nhân, Tập thể"
    assert model.headerData(0, Qt.Orientation.Vertical) == "1"
