"""The subject form of each kind, its award-history and hold tables, and how errors are shown."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from qt_typing import type_text

from app.models.enums import DisciplineLevel, HoldKind, SubjectKind
from app.services.subjects.crud import get_subject, update_subject
from app.ui.subjects.dialog import AWARDS_TAB, HOLDS_TAB, INFO_TAB, SubjectDialog


def make_dialog(qtbot, db, kind=SubjectKind.INDIVIDUAL, subject_id=None) -> SubjectDialog:
    dialog = SubjectDialog.for_subject(db, subject_id) if subject_id else SubjectDialog(db, kind)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(qtbot, dialog: SubjectDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def type_cell(dialog_table, row: int, column: int, text: str) -> None:
    """Type into one cell of a line table through its editor, as a user would."""
    table = dialog_table.table
    index = table.model().index(row, column)
    if table.state() != table.State.EditingState or table.currentIndex() != index:
        table.setCurrentIndex(index)
        table.edit(index)
    editor = table.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, text)
    table.commitData(editor)
    table.closeEditor(editor, table.itemDelegate().EndEditHint.NoHint)


def test_each_kind_has_its_own_fields(qtbot, commune_db):
    fields = {kind: set(make_dialog(qtbot, commune_db, kind).form.widgets) for kind in SubjectKind}
    individual = {"gender", "birth_date", "birth_year", "citizen_id", "occupation_group", "ethnicity"}
    assert individual <= fields[SubjectKind.INDIVIDUAL]
    collective = {"parent_body", "member_count", "female_member_count", "field_id"}
    assert collective <= fields[SubjectKind.COLLECTIVE]
    assert not individual & fields[SubjectKind.COLLECTIVE]
    assert fields[SubjectKind.HOUSEHOLD] == {"name", "head_name", "unit_id", "address", "phone", "note"}


def test_add_a_collective(qtbot, commune_db, village):
    dialog = make_dialog(qtbot, commune_db, SubjectKind.COLLECTIVE)
    assert dialog.windowTitle() == "Thêm tập thể"
    type_text(dialog.form.widgets["name"], "Chi đoàn thôn Đông")
    type_text(dialog.form.widgets["member_count"], "30")
    type_text(dialog.form.widgets["female_member_count"], "12")
    save(qtbot, dialog)
    detail = get_subject(commune_db, dialog.saved_id)
    assert (detail.kind, detail.name, detail.member_count, detail.female_member_count) == (
        SubjectKind.COLLECTIVE, "Chi đoàn thôn Đông", 30, 12)


def test_collective_with_more_women_than_members_is_refused_inline(qtbot, commune_db):
    dialog = make_dialog(qtbot, commune_db, SubjectKind.COLLECTIVE)
    type_text(dialog.form.widgets["name"], "Tổ hợp tác")
    type_text(dialog.form.widgets["member_count"], "5")
    type_text(dialog.form.widgets["female_member_count"], "9")
    save(qtbot, dialog)
    assert dialog.saved_id is None and dialog.isVisible()
    assert "không được lớn hơn" in dialog.form.rows["female_member_count"].error.text()


def test_a_number_that_is_no_number_is_shown_before_saving(qtbot, commune_db):
    dialog = make_dialog(qtbot, commune_db, SubjectKind.COLLECTIVE)
    type_text(dialog.form.widgets["name"], "Tổ hợp tác")
    type_text(dialog.form.widgets["member_count"], "ba mươi")
    save(qtbot, dialog)
    assert dialog.form.rows["member_count"].error.text() == "Số thành viên: phải là số nguyên."
    assert dialog.saved_id is None


def test_add_a_household(qtbot, commune_db, village):
    dialog = make_dialog(qtbot, commune_db, SubjectKind.HOUSEHOLD)
    type_text(dialog.form.widgets["name"], "Hộ bà Đỗ Thị Hoa")
    save(qtbot, dialog)
    assert dialog.form.rows["head_name"].error.text() == "Chủ hộ: không được để trống."
    type_text(dialog.form.widgets["head_name"], "Đỗ Thị Hoa")
    unit = dialog.form.widgets["unit_id"]
    unit.setCurrentIndex(unit.findData(village))
    save(qtbot, dialog)
    detail = get_subject(commune_db, dialog.saved_id)
    assert (detail.head_name, detail.unit_id) == ("Đỗ Thị Hoa", village)


def test_birth_date_typed_in_vietnamese_order(qtbot, commune_db):
    dialog = make_dialog(qtbot, commune_db)
    type_text(dialog.form.widgets["name"], "Vũ Thị Mai")
    dialog.form.widgets["gender"].setCurrentIndex(2)
    type_text(dialog.form.widgets["birth_date"].line, "05/01/1990")
    save(qtbot, dialog)
    assert get_subject(commune_db, dialog.saved_id).birth_date == dt.date(1990, 1, 5)


def test_a_bad_date_is_shown_beside_the_field(qtbot, commune_db):
    dialog = make_dialog(qtbot, commune_db)
    type_text(dialog.form.widgets["name"], "Vũ Thị Mai")
    type_text(dialog.form.widgets["birth_date"].line, "31/02/1990")
    save(qtbot, dialog)
    assert dialog.form.rows["birth_date"].error.text().startswith("Ngày sinh: không phải ngày hợp lệ")
    assert dialog.saved_id is None


def test_citizen_id_is_masked_until_shown(qtbot, commune_db, make_person):
    subject_id = make_person("Hoàng Văn Minh", citizen_id="001088012345")
    dialog = make_dialog(qtbot, commune_db, subject_id=subject_id)
    citizen = dialog.form.widgets["citizen_id"]
    assert citizen.line.text() == "001088012345"
    assert citizen.line.echoMode() == QLineEdit.EchoMode.Password
    assert "012345" not in citizen.line.displayText()
    qtbot.mouseClick(citizen.toggle, Qt.MouseButton.LeftButton)
    assert citizen.line.displayText() == "001088012345"
    assert citizen.toggle.text() == "Ẩn"


def test_award_history_is_saved_with_the_subject(qtbot, commune_db, make_person):
    subject_id = make_person("Bùi Văn Quý", awards=1)
    dialog = make_dialog(qtbot, commune_db, subject_id=subject_id)
    dialog.tabs.setCurrentIndex(AWARDS_TAB)
    qtbot.mouseClick(dialog.awards_table.add_button, Qt.MouseButton.LeftButton)
    for column, text in enumerate(["Chiến sĩ thi đua cơ sở", "2024", "15/QĐ-UBND", "20/12/2024", "UBND xã"]):
        type_cell(dialog.awards_table, 1, column, text)
    save(qtbot, dialog)
    assert not dialog.isVisible()
    awards = get_subject(commune_db, subject_id).awards
    assert [(a.form_name, a.year, a.decision_date) for a in awards] == [
        ("Lao động tiên tiến", 2020, None), ("Chiến sĩ thi đua cơ sở", 2024, dt.date(2024, 12, 20))]


def test_award_line_error_names_the_row_above_the_table(qtbot, commune_db, make_person):
    subject_id = make_person("Bùi Văn Quý", awards=2)
    before = get_subject(commune_db, subject_id)
    dialog = make_dialog(qtbot, commune_db, subject_id=subject_id)
    type_cell(dialog.awards_table, 1, 1, "1800")
    save(qtbot, dialog)
    assert dialog.awards_table.error.text() == "Khen thưởng dòng 2: năm khen thưởng không hợp lệ."
    assert dialog.tabs.currentIndex() == AWARDS_TAB
    assert dialog.tabs.tabText(AWARDS_TAB) == "Lịch sử khen thưởng (!)"
    assert dialog.awards_table.table.currentIndex().row() == 1
    assert get_subject(commune_db, subject_id) == before


def test_removing_an_award_line(qtbot, commune_db, make_person):
    subject_id = make_person("Bùi Văn Quý", awards=2)
    dialog = make_dialog(qtbot, commune_db, subject_id=subject_id)
    dialog.awards_table.table.selectRow(0)
    qtbot.mouseClick(dialog.awards_table.remove_button, Qt.MouseButton.LeftButton)
    save(qtbot, dialog)
    assert [a.year for a in get_subject(commune_db, subject_id).awards] == [2021]


def test_hold_flag_needs_a_discipline_level(qtbot, commune_db, make_person):
    subject_id = make_person("Đặng Văn Phúc")
    dialog = make_dialog(qtbot, commune_db, subject_id=subject_id)
    dialog.tabs.setCurrentIndex(HOLDS_TAB)
    qtbot.mouseClick(dialog.holds_table.add_button, Qt.MouseButton.LeftButton)
    type_cell(dialog.holds_table, 0, 2, "01/03/2025")
    save(qtbot, dialog)
    assert dialog.holds_table.error.text() == "Tạm dừng xét dòng 1: chưa chọn hình thức kỷ luật."
    model = dialog.holds_table.model
    model.setData(model.index(0, 1), DisciplineLevel.WARNING.label)
    save(qtbot, dialog)
    holds = get_subject(commune_db, subject_id).holds
    assert [(h.kind, h.discipline_level, h.start_date) for h in holds] == [
        (HoldKind.DISCIPLINE, DisciplineLevel.WARNING, dt.date(2025, 3, 1))]


def test_untouched_new_lines_are_ignored(qtbot, commune_db, make_person):
    subject_id = make_person("Đặng Văn Phúc")
    dialog = make_dialog(qtbot, commune_db, subject_id=subject_id)
    dialog.awards_table.add_line()
    dialog.holds_table.add_line()
    save(qtbot, dialog)
    detail = get_subject(commune_db, subject_id)
    assert (detail.awards, detail.holds, detail.version) == ([], [], 2)


def test_a_change_made_elsewhere_is_refused_in_a_message(qtbot, commune_db, make_person, fake_messages):
    subject_id = make_person("Ngô Văn Tùng")
    dialog = make_dialog(qtbot, commune_db, subject_id=subject_id)
    current = get_subject(commune_db, subject_id)
    update_subject(commune_db, subject_id, dataclasses.replace(current, position="Khác"), current.version)
    type_text(dialog.form.widgets["position"], "Trưởng thôn")
    save(qtbot, dialog)
    assert len(fake_messages.errors) == 1 and "vừa được sửa ở nơi khác" in fake_messages.errors[0]
    assert dialog.isVisible() and dialog.form.widgets["position"].text() == "Trưởng thôn"
    assert dialog.tabs.currentIndex() == INFO_TAB


def test_member_of_a_collective_is_chosen_among_the_unit_collectives(qtbot, commune_db, people, village):
    from app.ui.kit.widgets import select_data

    dialog = make_dialog(qtbot, commune_db, subject_id=people["Trần Thị Lan"])
    combo = dialog.form.widgets["collective_id"]
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["— Không thuộc tập thể nào —", "Chi hội Phụ nữ thôn Đông"]
    select_data(combo, people["Chi hội Phụ nữ thôn Đông"])
    select_data(dialog.form.widgets["unit_id"], None)  # another unit: its collectives only
    assert combo.count() == 1
    select_data(dialog.form.widgets["unit_id"], village)
    select_data(combo, people["Chi hội Phụ nữ thôn Đông"])
    save(qtbot, dialog)
    assert get_subject(commune_db, people["Trần Thị Lan"]).collective_id == people["Chi hội Phụ nữ thôn Đông"]
