"""The Units page: add through the dialog, delete refused while subjects belong to a unit, blocs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from qt_typing import type_text

from app.models.enums import UnitKind
from app.services.units import list_blocs, list_units
from app.ui.units.dialog import UnitDialog
from app.ui.units.page import UnitsPage
from app.ui.units.table_model import NAME


@pytest.fixture
def page(qtbot, commune_db) -> UnitsPage:
    widget = UnitsPage(commune_db)
    qtbot.addWidget(widget)
    widget.show()
    widget.on_shown()
    return widget


def names(page: UnitsPage) -> list[str]:
    return [page.model.index(row, NAME).data() for row in range(page.model.rowCount())]


def save(qtbot, dialog: UnitDialog) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def add_unit(qtbot, page: UnitsPage, name: str, kind: UnitKind = UnitKind.VILLAGE) -> UnitDialog:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(UnitDialog)
    type_text(dialog.name_edit, name)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind.value))
    type_text(dialog.head_edit, "Đỗ Thị Hoa")
    save(qtbot, dialog)
    return dialog


def test_add_a_unit(qtbot, page, commune_db):
    dialog = add_unit(qtbot, page, "Tổ dân phố Bắc Sơn", UnitKind.RESIDENTIAL_GROUP)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [unit] = list_units(commune_db)
    assert (unit.name, unit.kind) == ("Tổ dân phố Bắc Sơn", UnitKind.RESIDENTIAL_GROUP)
    assert unit.head_name == "Đỗ Thị Hoa"
    assert names(page) == ["Tổ dân phố Bắc Sơn"]
    assert page.selected_id() == unit.id


def test_duplicate_unit_name_shows_inline(qtbot, page, commune_db, village):
    dialog = add_unit(qtbot, page, "thôn đông")
    assert dialog.isVisible()
    assert dialog.form.rows["name"].error.text() == "Tên đơn vị: đã có đơn vị “thôn đông”."
    assert len(list_units(commune_db)) == 1


def test_delete_refused_while_subjects_belong(qtbot, page, people, village, commune_db, fake_messages):
    page.refresh()
    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert len(fake_messages.errors) == 1
    assert "còn 3 đối tượng thuộc đơn vị này" in fake_messages.errors[0]
    assert [u.id for u in list_units(commune_db)] == [village]


def test_delete_an_empty_unit(qtbot, page, village, commune_db, fake_messages):
    page.refresh()
    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert fake_messages.questions == ["Xóa đơn vị “Thôn Đông”?"]
    assert list_units(commune_db) == [] and page.model.rowCount() == 0


def test_search_units(qtbot, page, commune_db, village):
    add_unit(qtbot, page, "Trường Mầm non Hòa Bình", UnitKind.SCHOOL)
    page.search_edit.clear()
    type_text(page.search_edit, "mam non")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert names(page) == ["Trường Mầm non Hòa Bình"]


def test_add_a_bloc_and_pick_it_in_the_unit_dialog(qtbot, page, commune_db, village, fake_messages):
    fake_messages.text_answer = "Khối thôn, tổ dân phố"
    page.refresh()
    page.table.selectRow(0)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(UnitDialog)
    qtbot.mouseClick(dialog.add_bloc_button, Qt.MouseButton.LeftButton)
    assert dialog.bloc_combo.currentText() == "Khối thôn, tổ dân phố"
    save(qtbot, dialog)
    [unit] = list_units(commune_db)
    assert unit.bloc_name == "Khối thôn, tổ dân phố"


def test_bloc_button_on_the_page(qtbot, page, commune_db, fake_messages):
    fake_messages.text_answer = "Khối cơ quan"
    qtbot.mouseClick(page.bloc_button, Qt.MouseButton.LeftButton)
    assert [b.name for b in list_blocs(commune_db)] == ["Khối cơ quan"]
    qtbot.mouseClick(page.bloc_button, Qt.MouseButton.LeftButton)
    assert fake_messages.errors == ["Đã có khối thi đua “Khối cơ quan”."]
