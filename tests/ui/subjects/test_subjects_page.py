"""The Subjects page driven through its real widgets: add, search, filter, edit, delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from qt_typing import type_text

from app.models.enums import Gender, SubjectKind
from app.services.subjects.crud import get_subject
from app.services.subjects.data import SubjectQuery
from app.services.subjects.search import search_subject_ids
from app.ui.subjects.dialog import SubjectDialog
from app.ui.subjects.page import SubjectsPage
from app.ui.subjects.table_model import NAME


@pytest.fixture
def page(qtbot, commune_db, people) -> SubjectsPage:
    widget = SubjectsPage(commune_db)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    widget.on_shown()
    return widget


def listed_names(page: SubjectsPage) -> list[str]:
    return [page.model.index(row, NAME).data() for row in range(page.model.rowCount())]


def open_dialog(qtbot, page: SubjectsPage, button_text: str) -> SubjectDialog:
    button = next(b for b in page.findChildren(type(page.edit_button)) if b.text() == button_text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(SubjectDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def click_save(qtbot, dialog: SubjectDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def select_name(page: SubjectsPage, name: str) -> None:
    page.table.selectRow(listed_names(page).index(name))


def search(qtbot, page: SubjectsPage, text: str) -> list[str]:
    page.search_edit.clear()
    type_text(page.search_edit, text)
    qtbot.waitUntil(lambda: not page._timer.isActive(), timeout=2000)
    return listed_names(page)


def test_lists_every_subject_with_the_count(page):
    assert page.model.rowCount() == 5
    assert page.count_label.text() == "5 đối tượng"


def test_add_an_individual_by_typing(qtbot, page, commune_db, village):
    dialog = open_dialog(qtbot, page, "Thêm cá nhân")
    type_text(dialog.form.widgets["name"], "Phạm Thị Hồng")
    gender = dialog.form.widgets["gender"]
    gender.setCurrentIndex(gender.findData(Gender.FEMALE.value))
    type_text(dialog.form.widgets["birth_year"], "1988")
    unit = dialog.form.widgets["unit_id"]
    unit.setCurrentIndex(unit.findData(village))
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    detail = get_subject(commune_db, dialog.saved_id)
    assert (detail.name, detail.gender, detail.birth_year, detail.unit_id) == (
        "Phạm Thị Hồng", Gender.FEMALE, 1988, village
    )
    assert "Phạm Thị Hồng" in listed_names(page)
    assert page.selected_id() == detail.id, "the new subject is selected"
    assert page.count_label.text() == "6 đối tượng"


def test_add_then_search_without_diacritics(qtbot, page, commune_db):
    dialog = open_dialog(qtbot, page, "Thêm cá nhân")
    type_text(dialog.form.widgets["name"], "Nguyễn Văn Đạt")
    dialog.form.widgets["gender"].setCurrentIndex(1)
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert search(qtbot, page, "dat") == ["Nguyễn Văn Đạt", "Nguyễn Văn Đạt"]
    assert search(qtbot, page, "nguyen van dat") == ["Nguyễn Văn Đạt", "Nguyễn Văn Đạt"]
    assert search(qtbot, page, "lan") == ["Trần Thị Lan"]
    assert page.count_label.text() == "1 đối tượng"


def test_search_waits_for_typing_to_pause(qtbot, page):
    type_text(page.search_edit, "duc")
    assert page._timer.isActive(), "no query per keystroke while typing"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert listed_names(page) == ["Lê Minh Đức"]


def test_kind_filter(page):
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(SubjectKind.COLLECTIVE.value))
    assert listed_names(page) == ["Chi hội Phụ nữ thôn Đông"]
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(SubjectKind.HOUSEHOLD.value))
    assert listed_names(page) == ["Hộ ông Phạm Văn Sáu"]
    page.kind_combo.setCurrentIndex(0)
    assert page.model.rowCount() == 5


def test_filter_keeps_the_selected_subject(page, people):
    select_name(page, "Lê Minh Đức")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(SubjectKind.INDIVIDUAL.value))
    assert page.selected_id() == people["Lê Minh Đức"]
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(SubjectKind.HOUSEHOLD.value))
    assert page.selected_id() is None


def test_unit_filter(page, village):
    page.unit_combo.setCurrentIndex(page.unit_combo.findData(village))
    assert sorted(listed_names(page)) == ["Chi hội Phụ nữ thôn Đông", "Nguyễn Văn Đạt", "Trần Thị Lan"]


def test_edit_with_an_invalid_citizen_id_shows_the_error_and_saves_nothing(qtbot, page, commune_db, people):
    subject_id = people["Trần Thị Lan"]
    before = get_subject(commune_db, subject_id)
    select_name(page, "Trần Thị Lan")
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(SubjectDialog)
    type_text(dialog.form.widgets["citizen_id"].line, "12345")
    type_text(dialog.form.widgets["position"], "Trưởng thôn")
    click_save(qtbot, dialog)
    error = dialog.form.rows["citizen_id"].error
    assert error.isVisible() and error.text() == "Số CCCD: phải gồm đúng 12 chữ số."
    assert dialog.isVisible()
    assert dialog.form.widgets["position"].text() == "Trưởng thôn", "nothing typed is lost"
    assert get_subject(commune_db, subject_id) == before


def test_edit_saves_and_keeps_the_selection(qtbot, page, commune_db, people):
    subject_id = people["Lê Minh Đức"]
    select_name(page, "Lê Minh Đức")
    where = page.table.visualRect(page.table.currentIndex()).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    dialog = page.findChild(SubjectDialog)
    assert dialog is not None and dialog.detail.id == subject_id
    type_text(dialog.form.widgets["position"], "Công an viên")
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert get_subject(commune_db, subject_id).position == "Công an viên"
    assert page.selected_id() == subject_id


def test_delete_refused_for_a_subject_with_award_history(qtbot, page, commune_db, people, fake_messages):
    select_name(page, "Nguyễn Văn Đạt")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert fake_messages.questions == ["Xóa “Nguyễn Văn Đạt” khỏi danh sách đối tượng?"]
    assert len(fake_messages.errors) == 1
    assert "đã có 1 lần được khen thưởng" in fake_messages.errors[0]
    assert people["Nguyễn Văn Đạt"] in search_subject_ids(commune_db, SubjectQuery())
    assert page.model.rowCount() == 5


def test_delete_after_yes(qtbot, page, commune_db, people, fake_messages):
    select_name(page, "Lê Minh Đức")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert fake_messages.errors == []
    assert people["Lê Minh Đức"] not in search_subject_ids(commune_db, SubjectQuery())
    assert "Lê Minh Đức" not in listed_names(page)
    assert page.selected_id() is not None, "the next row is selected"


def test_delete_cancelled_with_no(qtbot, page, commune_db, people, fake_messages):
    fake_messages.yes = False
    select_name(page, "Lê Minh Đức")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert people["Lê Minh Đức"] in search_subject_ids(commune_db, SubjectQuery())


def test_edit_and_delete_need_a_selection(page):
    page.table.clearSelection()
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()
    select_name(page, "Lê Minh Đức")
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()
