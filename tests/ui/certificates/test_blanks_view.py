"""The blanks register and the golden book through their widgets: "Nhận phôi" and "Phôi hỏng" forms (a
bad count shown beside its field, the dialog kept open), the stock left, a line deleted; the golden
book's numbers by year and its numbering setting."""

from __future__ import annotations

import pytest
from certificate_ui_helpers import ISSUE_DAY, issued_decision
from nomination_helpers import choose, click, press_ok
from qt_typing import replace_text

from app.models import BlankEntryKind, GoldenBookScheme
from app.services.certificates import blank_stock, get_golden_book_scheme
from app.ui.certificates.blanks import BlankDialog, BlanksView
from app.ui.certificates.golden_book import GoldenBookView


@pytest.fixture
def view(qtbot, commune_db) -> BlanksView:
    widget = BlanksView(commune_db)
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    widget.on_shown()
    return widget


def open_form(qtbot, view: BlanksView, button) -> BlankDialog:
    click(qtbot, button)
    dialogs = [d for d in view.findChildren(BlankDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def fill(dialog: BlankDialog, **typed: str) -> None:
    for name, text in typed.items():
        widget = getattr(dialog, f"{name}_edit")
        replace_text(getattr(widget, "line", widget), text)  # a date edit's line


def test_blanks_received_spoiled_and_deleted(qtbot, commune_db, view, fake_messages):
    dialog = open_form(qtbot, view, view.receive_button)
    fill(dialog, day="03/11/2026", count="hai trăm", serial_from="A000101")
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "phải là số nguyên" in dialog.form.rows["count"].error.text()
    fill(dialog, count="200")
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and "cả số đầu và số cuối" in dialog.form.rows["serial_to"].error.text()
    fill(dialog, serial_to="A000300")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert "còn lại 200 phôi" in view.stock_label.text()
    assert view.model.index(0, 3).data() == "A000101" and view.model.index(0, 0).data() == "03/11/2026"
    spoiled = open_form(qtbot, view, view.spoil_button)
    fill(spoiled, count="2", note="Rách khi vận chuyển")
    press_ok(qtbot, spoiled)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    stock = blank_stock(commune_db)
    assert (stock.received, stock.spoiled, stock.left) == (200, 2, 198)
    assert "còn lại 198 phôi" in view.stock_label.text()
    row = next(n for n in range(2) if view.model.row(n).kind is BlankEntryKind.SPOILED)
    view.table.selectRow(row)
    click(qtbot, view.delete_button)
    assert blank_stock(commune_db).left == 200 and view.model.rowCount() == 1


def test_golden_book_by_year_and_its_numbering(qtbot, commune_db, fake_messages):
    issued_decision(commune_db)
    book = GoldenBookView(commune_db)
    qtbot.addWidget(book)
    book.show()
    book.on_shown()
    choose(book.year_combo, ISSUE_DAY.year)
    assert book.model.rowCount() == 3
    assert [book.model.index(n, 1).data() for n in range(3)] == ["1", "2", "3"]
    choose(book.year_combo, ISSUE_DAY.year - 1)
    assert book.model.rowCount() == 0
    index = book.scheme_combo.findData(GoldenBookScheme.YEARLY.value)
    book.scheme_combo.setCurrentIndex(index)
    book.scheme_combo.activated.emit(index)
    assert get_golden_book_scheme(commune_db) is GoldenBookScheme.YEARLY
    assert fake_messages.questions and "không bao giờ đổi" in fake_messages.questions[0]
