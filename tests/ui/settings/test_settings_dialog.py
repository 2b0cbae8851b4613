"""The settings dialog: generated from the declared preferences, saved through the service."""

from __future__ import annotations

import datetime as dt

import pytest
from duty_data import add_blocs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from qt_typing import replace_text

from app.services.preferences import PREFERENCES, load_preferences
from app.services.settings import BASE_SALARY, DUTY_DAY, DUTY_ROTA_MODE, get_setting
from app.services.units import list_blocs
from app.ui.settings.dialog import SettingsDialog

TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def blocs(commune_db) -> list[int]:
    return add_blocs(commune_db, "Khối thôn, tổ dân phố", "Khối cơ quan", "Khối trường học")


@pytest.fixture
def dialog(qtbot, commune_db, blocs) -> SettingsDialog:
    widget = SettingsDialog(commune_db, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def save(qtbot, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_one_row_per_declared_preference_filled_with_the_defaults(dialog):
    assert set(dialog.form.rows) == {pref.name for pref in PREFERENCES} | {"bloc_rota"}
    assert dialog.editors["base_salary"].widget.text() == "2.340.000"
    assert dialog.editors["duty_day"].widget.value() == 5
    assert dialog.editors["duty_rota_mode"].widget.currentText() == "Mọi đơn vị, mỗi quý"
    assert dialog.rota.names() == ["Khối thôn, tổ dân phố", "Khối cơ quan", "Khối trường học"]
    assert dialog.rota.turn_label.text().splitlines() == [
        "Theo thứ tự này:",
        "• Quý IV/2026 đến lượt Khối cơ quan",  # (2026*4 + 3) mod 3 = 1
        "• Quý I/2027 đến lượt Khối trường học",
    ]


def test_type_and_save(qtbot, dialog, commune_db):
    replace_text(dialog.editors["base_salary"].widget, "2530000")
    replace_text(dialog.editors["duty_day"].widget, "10")
    combo = dialog.editors["duty_rota_mode"].widget
    combo.setCurrentIndex(combo.findText("Chỉ các đơn vị của khối trực quý"))
    dialog.rota.list.setCurrentRow(2)
    qtbot.mouseClick(dialog.rota.up_button, Qt.MouseButton.LeftButton)
    assert dialog.rota.names() == ["Khối thôn, tổ dân phố", "Khối trường học", "Khối cơ quan"]
    assert "Quý IV/2026 đến lượt Khối trường học" in dialog.rota.turn_label.text()
    with qtbot.waitSignal(dialog.settings_changed, timeout=1000):
        save(qtbot, dialog)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert get_setting(commune_db, BASE_SALARY) == 2_530_000
    assert get_setting(commune_db, DUTY_DAY) == 10
    assert get_setting(commune_db, DUTY_ROTA_MODE) == "bloc_on_turn"
    assert [b.name for b in list_blocs(commune_db)] == dialog.rota.names()
    assert dialog.rota.names() == ["Khối thôn, tổ dân phố", "Khối trường học", "Khối cơ quan"]


def test_money_is_shown_with_thousands_separators(qtbot, dialog):
    edit = dialog.editors["base_salary"].widget
    replace_text(edit, "2600000")
    dialog.editors["duty_day"].widget.setFocus()  # leaving the field formats it
    qtbot.waitUntil(lambda: edit.text() == "2.600.000", timeout=1000)


def test_move_buttons_follow_the_selection(qtbot, dialog):
    assert dialog.rota.list.currentRow() == 0
    assert not dialog.rota.up_button.isEnabled() and dialog.rota.down_button.isEnabled()
    qtbot.mouseClick(dialog.rota.down_button, Qt.MouseButton.LeftButton)
    assert dialog.rota.names()[1] == "Khối thôn, tổ dân phố" and dialog.rota.list.currentRow() == 1
    dialog.rota.list.setCurrentRow(2)
    assert dialog.rota.up_button.isEnabled() and not dialog.rota.down_button.isEnabled()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2,5 triệu", "Mức lương cơ sở (đồng/tháng): phải là số nguyên."),
        ("0", "Mức lương cơ sở (đồng/tháng): phải từ 1 đến 1.000.000.000."),
        ("", "Mức lương cơ sở (đồng/tháng): không được để trống."),
    ],
)
def test_a_bad_value_shows_inline_and_saves_nothing(qtbot, dialog, commune_db, typed, message):
    before = load_preferences(commune_db)
    replace_text(dialog.editors["duty_day"].widget, "12")
    dialog.rota.list.setCurrentRow(1)
    qtbot.mouseClick(dialog.rota.up_button, Qt.MouseButton.LeftButton)
    replace_text(dialog.editors["base_salary"].widget, typed)
    with qtbot.assertNotEmitted(dialog.settings_changed):
        save(qtbot, dialog)
    error = dialog.form.rows["base_salary"].error
    assert error.isVisible() and error.text() == message
    assert dialog.isVisible()
    assert load_preferences(commune_db) == before
    assert dialog.editors["duty_day"].widget.value() == 12, "nothing typed is lost"


def test_without_blocs_the_rota_says_so(qtbot, commune_db):
    dialog = SettingsDialog(commune_db, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.rota.turn_label.text() == "Chưa có khối thi đua nào; thêm khối ở trang Đơn vị."
    assert not dialog.rota.up_button.isEnabled() and not dialog.rota.down_button.isEnabled()
    replace_text(dialog.editors["duty_day"].widget, "7")
    save(qtbot, dialog)
    assert get_setting(commune_db, DUTY_DAY) == 7
