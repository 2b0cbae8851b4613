"""The document preview: a decision's pages as images, zoom, saving Word and PDF side by side (and the
message when the folder refuses), opening in Word; reached from the decisions page and a nomination."""

from __future__ import annotations

import datetime as dt
import errno
import os
import time

import pytest
from decision_helpers import form_ids, make_round, passed_people
from nomination_helpers import button_named, click

from app.exporters.preview import page_count
from app.services.decisions.data import DecisionInput, IssueInput
from app.services.decisions.documents import decision_document, render
from app.services.decisions.drafts import create_decision
from app.services.decisions.issue import issue_decision
from app.storage import atomic
from app.ui.decisions.page import DecisionsPage
from app.ui.kit import document_preview, system_files
from app.ui.kit.document_preview import DocumentPreview
from app.ui.nominations.page import NominationsPage

TODAY = dt.date.today()


@pytest.fixture
def decision(commune_db) -> int:
    forms = form_ids(commune_db)
    round_id = make_round(commune_db)
    passed_people(commune_db, round_id, forms["LDTT"])
    made = create_decision(commune_db, DecisionInput(round_id, forms["LDTT"]))
    return issue_decision(commune_db, made.row.id, IssueInput(day=TODAY)).row.id


def wait_pages(qtbot, dialog: DocumentPreview) -> DocumentPreview:
    qtbot.waitUntil(lambda: not dialog.rendering, timeout=15000)
    return dialog


@pytest.fixture
def preview(qtbot, commune_db, decision) -> DocumentPreview:
    dialog = DocumentPreview(commune_db.data_dir, decision_document(commune_db, decision))
    qtbot.addWidget(dialog)
    dialog.resize(900, 800)
    dialog.show()
    return wait_pages(qtbot, dialog)


def visible_preview(parent) -> DocumentPreview:
    dialogs = [d for d in parent.findChildren(DocumentPreview) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_the_pages_are_shown_as_images(commune_db, decision, preview):
    pages = page_count(render(decision_document(commune_db, decision), "pdf"))
    assert pages >= 1
    assert len(preview.page_labels) == pages and preview.count_label.text() == f"{pages} trang"
    assert preview.windowTitle().startswith("Xem văn bản: ")
    assert all(not label.pixmap().isNull() for label in preview.page_labels)
    fit = preview.page_labels[0].pixmap()
    room = preview.scroll.viewport().width() - 2 * document_preview.PAGE_GAP
    assert fit.width() / fit.devicePixelRatio() == room
    preview.zoom_combo.setCurrentIndex(preview.zoom_combo.findData(1.0))
    actual = preview.page_labels[0].pixmap()
    assert actual.width() / actual.devicePixelRatio() == pytest.approx(794, abs=2), "A4 at 96 dpi"


def test_closing_waits_for_the_pages(qtbot, commune_db, decision):
    dialog = DocumentPreview(commune_db.data_dir, decision_document(commune_db, decision))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()
    assert dialog.isVisible() and not dialog.close_button.isEnabled()
    wait_pages(qtbot, dialog)
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()


def test_saving_writes_word_and_pdf_side_by_side(qtbot, monkeypatch, tmp_path, preview, fake_messages):
    asked = []
    monkeypatch.setattr(system_files, "choose_save_path",
                        lambda parent, suggested: asked.append(suggested) or tmp_path / "QĐ khen thưởng.pdf")
    click(qtbot, preview.save_button)
    qtbot.waitUntil(lambda: bool(fake_messages.infos), timeout=15000)  # saved in the background
    assert asked[0].name == "Quyet dinh so 01-QD-UBND.docx"
    docx, pdf = tmp_path / "QĐ khen thưởng.docx", tmp_path / "QĐ khen thưởng.pdf"
    assert docx.read_bytes()[:2] == b"PK" and pdf.read_bytes()[:5] == b"%PDF-"
    assert fake_messages.infos == [f"Đã lưu văn bản thành hai tệp:\n• {docx}\n• {pdf}"]
    click(qtbot, preview.save_button)  # the next save starts in the folder used last
    assert asked[1] == tmp_path / "Quyet dinh so 01-QD-UBND.docx"


def test_cancelling_the_save_dialog_saves_nothing(qtbot, monkeypatch, tmp_path, preview, fake_messages):
    monkeypatch.setattr(system_files, "choose_save_path", lambda parent, suggested: None)
    click(qtbot, preview.save_button)
    assert fake_messages.infos == [] and fake_messages.errors == []


def test_a_read_only_folder_is_said_in_vietnamese(qtbot, monkeypatch, tmp_path, preview, fake_messages):
    """The folder refuses writing, injected where the file is made (root may write anywhere)."""
    folder = tmp_path / "chi-doc"
    folder.mkdir()

    def read_only(target, data):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(atomic, "_write_temp", read_only)
    monkeypatch.setattr(system_files, "choose_save_path", lambda parent, suggested: folder / "a.docx")
    click(qtbot, preview.save_button)
    qtbot.waitUntil(lambda: bool(fake_messages.errors), timeout=15000)
    assert fake_messages.errors == [
        f"Không ghi được tệp “a.docx”: thư mục “{folder}” không cho phép ghi. Hãy chọn thư mục khác. "
        "Tệp cũ (nếu có) vẫn giữ nguyên."
    ]
    assert list(folder.iterdir()) == [] and fake_messages.infos == []


def test_a_missing_folder_is_said_in_vietnamese(qtbot, monkeypatch, tmp_path, preview, fake_messages):
    gone = tmp_path / "khong-co"
    monkeypatch.setattr(system_files, "choose_save_path", lambda parent, suggested: gone / "qd.docx")
    click(qtbot, preview.save_button)
    qtbot.waitUntil(lambda: bool(fake_messages.errors), timeout=15000)
    assert fake_messages.errors == [
        f"Không ghi được tệp “qd.docx”: không có thư mục “{gone}”. Hãy chọn thư mục khác. "
        "Tệp cũ (nếu có) vẫn giữ nguyên."
    ]


def test_open_in_word_saves_a_scratch_copy_in_the_data_folder(qtbot, monkeypatch, commune_db, preview,
                                                              fake_messages):
    opened = []
    monkeypatch.setattr(system_files, "open_file", lambda path: opened.append(path) or True)
    click(qtbot, preview.word_button)
    click(qtbot, preview.word_button)
    scratch = commune_db.data_dir / "tmp" / "Quyet dinh so 01-QD-UBND.docx"
    assert opened == [str(scratch), str(scratch)]
    assert scratch.read_bytes()[:2] == b"PK" and fake_messages.errors == []
    monkeypatch.setattr(system_files, "open_file", lambda path: False)
    click(qtbot, preview.word_button)
    assert fake_messages.errors[0].startswith(
        "Không mở được tệp “Quyet dinh so 01-QD-UBND.docx” bằng chương trình của máy.")


def test_open_in_word_removes_copies_older_than_a_day(qtbot, monkeypatch, commune_db, preview, fake_messages):
    monkeypatch.setattr(system_files, "open_file", lambda path: True)
    folder = commune_db.data_dir / "tmp"
    folder.mkdir(parents=True)
    stale = folder / "Quyet dinh so 09-QD-UBND.docx"
    stale.write_bytes(b"PK")
    last_week = time.time() - 7 * 86400
    os.utime(stale, (last_week, last_week))
    click(qtbot, preview.word_button)
    assert not stale.exists()
    assert [p.name for p in folder.iterdir()] == ["Quyet dinh so 01-QD-UBND.docx"]


def test_the_decisions_page_shows_the_decision(qtbot, commune_db, decision):
    page = DecisionsPage(commune_db)
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    page.refresh(select=decision)
    click(qtbot, page.panel.buttons["decision"])
    dialog = wait_pages(qtbot, visible_preview(page))
    assert dialog.document.title == decision_document(commune_db, decision).title
    assert len(dialog.page_labels) >= 1
    click(qtbot, dialog.close_button)
    assert not page.panel.buttons["proposal"].isEnabled(), "issued without a proposal"


def test_a_nomination_shows_its_achievement_report(qtbot, commune_db, decision):
    page = NominationsPage(commune_db)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.on_shown()
    page.table.selectRow(0)
    click(qtbot, button_named(page.panel, "Báo cáo thành tích…"))
    dialog = wait_pages(qtbot, visible_preview(page))
    assert dialog.document.title and len(dialog.page_labels) >= 1
    assert dialog.count_label.text() == f"{len(dialog.page_labels)} trang"
