"""Mẫu văn bản…: fields made from WORDING_FIELDS, saving only what changed, field errors on their tab,
going back to the defaults; reached from the decisions page and the main window's menu."""

from __future__ import annotations

import pytest
from nomination_helpers import click, press_ok
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit
from qt_typing import replace_text, type_text

from app.models import Setting
from app.models.enums import DocumentType
from app.services.wording import WORDING_FIELDS, default_wording, load_wording, save_wording
from app.ui.decisions.page import DecisionsPage
from app.ui.main_window import MainWindow
from app.ui.settings.wording_dialog import WordingDialog

DECISION, PROPOSAL, REPORT = DocumentType.DECISION, DocumentType.PROPOSAL, DocumentType.REPORT


@pytest.fixture
def dialog(qtbot, commune_db) -> WordingDialog:
    widget = WordingDialog(commune_db)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def stored(db, doc_type: DocumentType) -> bool:
    with db.read() as session:
        return session.get(Setting, f"wording.{doc_type.value}") is not None


def test_one_tab_per_document_with_a_field_per_declared_wording(dialog):
    titles = [dialog.tabs.tabText(n) for n in range(dialog.tabs.count())]
    assert titles == ["Quyết định", "Tờ trình", "Báo cáo thành tích"]
    for doc_type in (DECISION, PROPOSAL, REPORT):
        tab = dialog.tab(doc_type)
        assert list(tab.edits) == [spec.key for spec in WORDING_FIELDS[doc_type]]
        for spec in WORDING_FIELDS[doc_type]:
            kind = QCheckBox if spec.is_flag else QPlainTextEdit if spec.is_list else QLineEdit
            assert isinstance(tab.edits[spec.key], kind)
    decision = dialog.tab(DECISION)
    assert decision.edits["symbol"].text() == "QĐ-UBND"
    recipients = decision.edits["recipients"].toPlainText()
    assert recipients == "Như Điều 3\nChủ tịch, các Phó Chủ tịch UBND xã"  # "Lưu: VT, …" is added
    assert decision.edits["drafting_unit"].text() == "VP"
    assert not dialog.tab(REPORT).edits["show_ethnicity"].isChecked()


def test_saving_stores_only_the_tabs_that_changed(qtbot, commune_db, dialog):
    proposal = dialog.tab(PROPOSAL)
    dialog.tabs.setCurrentIndex(1)
    replace_text(proposal.edits["signer_name"], "Lê Văn Tâm")
    recipients = proposal.edits["recipients"]
    recipients.setFocus()
    recipients.moveCursor(recipients.textCursor().MoveOperation.End)
    type_text(recipients, "\nPhòng Nội vụ;")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    wording = load_wording(commune_db, PROPOSAL)
    assert wording["signer_name"] == "Lê Văn Tâm"
    assert wording["recipients"] == ["Như trên", "Phòng Nội vụ"]
    assert stored(commune_db, PROPOSAL)
    assert not stored(commune_db, DECISION) and not stored(commune_db, REPORT)


def test_field_errors_are_shown_on_their_tab(qtbot, commune_db, dialog):
    proposal = dialog.tab(PROPOSAL)
    replace_text(proposal.edits["symbol"], "TTr VP")
    proposal.edits["addressee"].clear()
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == 1 and dialog.tabs.tabText(1) == "Tờ trình (!)"
    assert dialog.tabs.tabText(0) == "Quyết định"
    assert proposal.form.rows["symbol"].error.text().startswith("Ký hiệu: chỉ gồm chữ và số")
    assert proposal.form.rows["addressee"].error.text() == "Kính gửi: không được để trống."
    assert not stored(commune_db, PROPOSAL)


def test_back_to_the_defaults_after_asking(qtbot, commune_db, fake_messages):
    wording = load_wording(commune_db, DECISION)
    save_wording(commune_db, DECISION, {**wording, "symbol": "QĐ-CT", "basis_lines": ["Căn cứ Luật mới"]})
    dialog = WordingDialog(commune_db)
    qtbot.addWidget(dialog)
    dialog.show()
    tab = dialog.tab(DECISION)
    assert tab.edits["symbol"].text() == "QĐ-CT"
    fake_messages.yes = False
    click(qtbot, tab.reset_button)
    assert fake_messages.questions[0].startswith("Khôi phục mẫu “Quyết định” về nội dung mặc định?")
    assert tab.edits["symbol"].text() == "QĐ-CT" and stored(commune_db, DECISION)
    fake_messages.yes = True
    click(qtbot, tab.reset_button)
    assert tab.edits["symbol"].text() == "QĐ-UBND"
    assert tab.edits["basis_lines"].toPlainText() == "\n".join(default_wording(DECISION)["basis_lines"])
    assert not stored(commune_db, DECISION)
    press_ok(qtbot, dialog)
    assert not stored(commune_db, DECISION), "the defaults shown are not stored again"


def test_reached_from_the_decisions_page_and_the_menu(qtbot, commune_db):
    page = DecisionsPage(commune_db)
    qtbot.addWidget(page)
    page.show()
    click(qtbot, page.wording_button)
    assert [d for d in page.findChildren(WordingDialog) if d.isVisible()]
    window = MainWindow(commune_db)
    qtbot.addWidget(window)
    window.show()
    file_menu = window.menuBar().actions()[0].menu()
    next(a for a in file_menu.actions() if a.text() == "Mẫu văn bản…").trigger()
    assert [d for d in window.findChildren(WordingDialog) if d.isVisible()]
