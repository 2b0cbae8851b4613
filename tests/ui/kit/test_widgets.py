"""Shared helpers: the Vietnamese date edit, the value reader, button labels, real message boxes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox, QPushButton
from qt_typing import type_text

from app.errors import ConflictError, ValidationError
from app.ui.kit import messages
from app.ui.kit.operations import service_call
from app.ui.kit.widgets import Form, ValueReader, VnDateEdit, ok_cancel_buttons


def test_date_edit_reads_vietnamese_dates_and_empty(qtbot):
    edit = VnDateEdit()
    qtbot.addWidget(edit)
    assert edit.date() is None
    type_text(edit.line, "5/1/2026")
    assert edit.date() == dt.date(2026, 1, 5)
    edit.set_date(dt.date(2024, 12, 20))
    assert edit.line.text() == "20/12/2024"
    edit.set_date(None)
    assert edit.date() is None and edit.line.text() == ""


def test_date_edit_calendar_pick(qtbot):
    edit = VnDateEdit()
    qtbot.addWidget(edit)
    edit.calendar.clicked.emit(QDate(2025, 3, 1))
    assert edit.date() == dt.date(2025, 3, 1)


def test_date_edit_bad_text_raises(qtbot):
    edit = VnDateEdit()
    qtbot.addWidget(edit)
    type_text(edit.line, "31/02/2025")
    with pytest.raises(ValueError):
        edit.date()


def test_value_reader_collects_messages():
    reader = ValueReader()
    assert reader.integer("year", "Năm", "2.024") == 2024
    assert reader.integer("count", "Số thành viên", "") is None
    assert reader.integer("bad", "Số thành viên", "mười") is None
    assert reader.date("day", "Ngày", "01/13/2025") is None
    with pytest.raises(ValidationError) as caught:
        reader.raise_if_any()
    assert caught.value.errors == {
        "bad": "Số thành viên: phải là số nguyên.",
        "day": "Ngày: không phải ngày hợp lệ (ghi ngày/tháng/năm, ví dụ 05/01/2026).",
    }


def test_form_shows_errors_and_returns_the_others(qtbot):
    form = Form()
    qtbot.addWidget(form)
    name = form.add_row("name", "Tên", QLineEdit())
    form.show()
    rest = form.show_errors({"name": "Tên: không được để trống.", "awards.1.year": "dòng 1"})
    assert rest == {"awards.1.year": "dòng 1"}
    assert form.rows["name"].error.isVisible() and form.focusWidget() is name
    form.clear_errors()
    assert not form.rows["name"].error.isVisible()


def test_button_box_labels():
    box = ok_cancel_buttons("Đồng ý")
    labels = [box.button(b).text() for b in (QDialogButtonBox.StandardButton.Ok,
                                              QDialogButtonBox.StandardButton.Cancel)]
    assert labels == ["Đồng ý", "Hủy"]


def click_in_message_box(text: str, seen: list[list[str]]) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        buttons = box.findChildren(QPushButton)
        seen.append(sorted(b.text() for b in buttons))
        next(b for b in buttons if b.text() == text).click()

    QTimer.singleShot(0, click)


@pytest.mark.parametrize(("answer", "expected"), [("Có", True), ("Không", False)])
def test_ask_yes_no_has_vietnamese_buttons(answer, expected):
    seen: list[list[str]] = []
    click_in_message_box(answer, seen)
    assert messages.ask_yes_no(None, "Xóa?") is expected
    assert seen == [["Có", "Không"]]


def test_show_error_has_a_close_button():
    seen: list[list[str]] = []
    click_in_message_box("Đóng", seen)
    messages.show_error(None, "Không xóa được.")
    assert seen == [["Đóng"]]


def test_service_call_shows_refusals_and_lets_validation_through(fake_messages):
    with service_call(None) as call:
        raise ConflictError("Đã có khối thi đua “A”.")
    assert not call.ok and fake_messages.errors == ["Đã có khối thi đua “A”."]
    with pytest.raises(ValidationError), service_call(None):
        raise ValidationError({"name": "Tên: không được để trống."})
    assert QApplication.overrideCursor() is None
