"""“Dữ liệu cá nhân ▾” on the subjects page, through the real widgets: the export to a chosen .zip, and
the erase dialog (plan shown, reason and typed name enable the red button, the result reported)."""

from __future__ import annotations

import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from qt_typing import type_text

from app.models import UserRole
from app.services.subjects.crud import get_subject
from app.storage.actor import Actor
from app.ui.kit import system_files
from app.ui.subjects.erase_dialog import EraseDialog
from app.ui.subjects.page import SubjectsPage
from app.ui.subjects.personal_data_actions import export_file_name
from app.ui.subjects.table_model import NAME

REASON = "Đơn đề nghị ngày 20/11/2026"


@pytest.fixture
def page(qtbot, commune_db, make_person) -> SubjectsPage:
    make_person("Nguyễn Văn Đạt", awards=1, citizen_id="001088012345")
    make_person("Trần Thị Lan", citizen_id="037186001234")
    widget = SubjectsPage(commune_db)
    qtbot.addWidget(widget)
    widget.resize(1100, 500)
    widget.show()
    widget.on_shown()
    return widget


def select(page: SubjectsPage, name: str) -> int:
    names = [page.model.index(row, NAME).data() for row in range(page.model.rowCount())]
    page.table.selectRow(names.index(name))
    return page.selected_id()


def open_erase(page: SubjectsPage, name: str) -> EraseDialog:
    select(page, name)
    assert page.personal_data.isEnabled() and page.personal_data.erase_action.isEnabled()
    page.personal_data.erase_action.trigger()
    dialog = page.personal_data.dialog
    assert isinstance(dialog, EraseDialog) and dialog.isVisible()
    return dialog


def test_the_button_waits_for_a_selection(page):
    assert not page.personal_data.isEnabled()
    select(page, "Trần Thị Lan")
    assert page.personal_data.isEnabled()


def test_export_writes_the_chosen_zip(qtbot, page, tmp_path, monkeypatch, fake_messages):
    target = tmp_path / "lan.zip"
    asked = []

    def choose(parent, suggested, file_filter, title):
        asked.append((suggested.name, file_filter, title))
        return target

    monkeypatch.setattr(system_files, "choose_save_path", choose)
    select(page, "Trần Thị Lan")
    page.personal_data.export_action.trigger()
    qtbot.waitUntil(lambda: bool(fake_messages.infos), timeout=5000)
    assert asked == [("du-lieu-ca-nhan-tran-thi-lan.zip", "Tệp nén (*.zip)", "Lưu dữ liệu cá nhân (tệp nén)")]
    assert "Đã xuất dữ liệu cá nhân" in fake_messages.infos[0] and fake_messages.errors == []
    assert "du_lieu.json" in zipfile.ZipFile(target).namelist()


def test_export_cancelled_writes_nothing(page, tmp_path, monkeypatch, fake_messages):
    asked = []
    monkeypatch.setattr(system_files, "choose_save_path", lambda *args: asked.append(args))
    select(page, "Trần Thị Lan")
    page.personal_data.export_action.trigger()
    assert len(asked) == 1 and fake_messages.infos == [] and list(tmp_path.rglob("*.zip")) == []


def test_the_dialog_shows_the_plan_and_guards_the_red_button(qtbot, page):
    dialog = open_erase(page, "Nguyễn Văn Đạt")
    text = dialog.plan_view.toPlainText()
    assert "Sẽ xóa" in text and "Giữ lại và lý do" in text and "số CCCD" in text
    assert "1 lần khen thưởng" in text and "001088012345" not in text
    assert not dialog.erase_button.isEnabled()
    type_text(dialog.reason_edit, REASON)
    assert not dialog.erase_button.isEnabled()
    type_text(dialog.name_edit, "Nguyễn Văn Đạ")
    assert not dialog.erase_button.isEnabled()
    type_text(dialog.name_edit, "t")
    assert dialog.erase_button.isEnabled()
    dialog.reason_edit.clear()
    assert not dialog.erase_button.isEnabled()


def test_erasing_reports_and_refreshes_the_list(qtbot, page, commune_db, fake_messages):
    subject_id = select(page, "Nguyễn Văn Đạt")
    dialog = open_erase(page, "Nguyễn Văn Đạt")
    type_text(dialog.reason_edit, REASON)
    type_text(dialog.name_edit, "nguyễn văn đạt")
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10000)
    assert "Đã xóa dữ liệu cá nhân của “Nguyễn Văn Đạt”" in fake_messages.infos[0]
    assert not any(d.isVisible() for d in page.window().findChildren(EraseDialog))
    detail = get_subject(commune_db, subject_id)
    assert detail.citizen_id == "" and detail.note.startswith("Đã xóa dữ liệu cá nhân theo yêu cầu")
    assert page.model.index(page.model.row_of(subject_id), NAME).data() == "Nguyễn Văn Đạt"


def test_erasing_a_newcomer_takes_it_off_the_list(qtbot, page, fake_messages):
    dialog = open_erase(page, "Trần Thị Lan")
    type_text(dialog.reason_edit, REASON)
    type_text(dialog.name_edit, "Trần Thị Lan")
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10000)
    assert fake_messages.infos[0].startswith("Đã xóa hẳn “Trần Thị Lan”")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert page.count_label.text() == "1 đối tượng"


def test_a_refusal_is_shown_next_to_the_field(qtbot, page, commune_db, fake_messages):
    subject_id = select(page, "Trần Thị Lan")
    dialog = open_erase(page, "Trần Thị Lan")
    dialog.reason_edit.setText("x" * 1001)
    type_text(dialog.name_edit, "Trần Thị Lan")
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    error = dialog.form.rows["reason"].error
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "dài quá 1000 ký tự" in error.text() and dialog.isVisible() and dialog.erase_button.isEnabled()
    assert get_subject(commune_db, subject_id).citizen_id == "037186001234"


def test_a_subject_already_erased_offers_nothing(qtbot, page, commune_db, fake_messages):
    dialog = open_erase(page, "Nguyễn Văn Đạt")
    type_text(dialog.reason_edit, REASON)
    type_text(dialog.name_edit, "Nguyễn Văn Đạt")
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10000)
    again = open_erase(page, "Nguyễn Văn Đạt")
    assert "(không còn gì)" in again.plan_view.toPlainText()
    assert not again.form.isEnabled() and not again.erase_button.isEnabled()
    close = next(b for b in again.buttons.buttons()
                 if again.buttons.buttonRole(b) is QDialogButtonBox.ButtonRole.RejectRole)
    assert close.text() == "Đóng"


def test_an_officer_may_export_but_not_erase(page, commune_db):
    commune_db.actor = Actor("duc", "Lê Minh Đức", UserRole.OFFICER)
    select(page, "Trần Thị Lan")
    assert page.personal_data.export_action.isEnabled()
    assert not page.personal_data.erase_action.isEnabled()
    assert "Chỉ lãnh đạo" in page.personal_data.erase_action.toolTip()


def test_the_file_name_has_no_diacritics():
    assert export_file_name("Đặng Thị Ánh") == "du-lieu-ca-nhan-dang-thi-anh.zip"
    expected = "du-lieu-ca-nhan-ho-ong-pham-van-sau-thon-3.zip"
    assert export_file_name("Hộ ông Phạm Văn Sáu (thôn 3)") == expected
