"""The certificates of a decision through the decision page's widgets: a subset saved as PDF and read
back, the whole decision printed through the print dialog (a PDF printer), the blanks short and the
override asked for, a draft saying why nothing prints, a misprint spoiled and printed again."""

from __future__ import annotations

import io

import pytest
from certificate_ui_helpers import ISSUE_DAY, draft_decision, issued_decision
from nomination_helpers import choose, click
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from app.exporters.preview import render_pages
from app.models.enums import UserRole
from app.services.accounts import Actor
from app.services.certificates import list_certificates, list_prints, render_certificates
from app.services.decisions.issue import cancel_decision
from app.ui.certificates import pdf_printing
from app.ui.certificates.choices import BLANK
from app.ui.decisions.panel import DecisionPanel
from app.ui.kit import system_files


@pytest.fixture
def panel(qtbot, commune_db) -> DecisionPanel:
    widget = DecisionPanel(commune_db)
    qtbot.addWidget(widget)
    widget.resize(1093, 560)
    widget.show()
    return widget


def open_certificates(panel: DecisionPanel, decision_id: int) -> None:
    panel.show_decision(decision_id)
    panel.tabs.setCurrentWidget(panel.certificates.section)


def pages_of(path) -> int:
    return len(PdfReader(io.BytesIO(path.read_bytes())).pages)


def pdf_printer_to(out):
    """Stands in for the print dialog: a PDF printer (the office printer is the operating system's edge)."""

    def choose(parent, name):
        printer = pdf_printing.a4_landscape_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(150)
        return printer

    return choose


def wait_done(qtbot, commune_db, prints: int) -> None:
    qtbot.waitUntil(lambda: len(list_prints(commune_db)) == prints, timeout=10000)


def test_two_of_three_recipients_saved_as_pdf(qtbot, commune_db, panel, fake_messages, monkeypatch, tmp_path):
    decision_id = issued_decision(commune_db)
    open_certificates(panel, decision_id)
    section = panel.certificates.section
    assert section.recipients.count() == 3 and section.body.isVisible()
    section.recipients.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert "2 / 3" in section.chosen_label.text()
    click(qtbot, section.check_button)
    assert "Sẽ in 2 giấy khen" in section.report.toPlainText()
    out = tmp_path / "giay-khen.pdf"
    monkeypatch.setattr(system_files, "choose_save_path", lambda *args: out)
    click(qtbot, section.save_button)
    qtbot.waitUntil(lambda: bool(fake_messages.infos), timeout=10000)
    assert pages_of(out) == 2
    assert "Kích thước thực" in fake_messages.infos[0]
    printed = list_certificates(commune_db, decision_id)
    assert sorted(c.position for c in printed) == [1, 3]
    assert "1 lần" in section.recipients.item(0).text() and "lần" not in section.recipients.item(1).text()


def test_whole_decision_through_the_print_dialog(qtbot, commune_db, panel, fake_messages, monkeypatch,
                                                 tmp_path):
    decision_id = issued_decision(commune_db)
    open_certificates(panel, decision_id)
    out = tmp_path / "may-in.pdf"

    monkeypatch.setattr(pdf_printing, "choose_printer", pdf_printer_to(out))
    click(qtbot, panel.certificates.section.print_button)
    qtbot.waitUntil(lambda: bool(fake_messages.infos), timeout=20000)
    assert fake_messages.infos == ["Đã gửi 3 trang giấy khen tới máy in."]
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == 3
    box = reader.pages[0].mediabox  # A4 landscape: 297 × 210 mm
    assert round(float(box.width) / 72 * 25.4) == 297 and round(float(box.height) / 72 * 25.4) == 210
    printed, designed = ink_box(out.read_bytes()), ink_box(render_certificates(commune_db, decision_id))
    assert all(abs(p - d) <= 1 for p, d in zip(printed, designed, strict=True))  # within 0,5 mm: not scaled
    history = panel.certificates.history
    panel.tabs.setCurrentWidget(history)
    assert history.prints.rowCount() == 1 and history.certificates.rowCount() == 3


def ink_box(pdf: bytes, px_per_mm: int = 2) -> tuple[int, int, int, int]:
    """Where the first page's dark ink lies (left, top, right, bottom, in pixels of 1/px_per_mm mm)."""
    page = render_pages(pdf, 25.4 * px_per_mm)[0]
    xs, ys = [], []
    for y in range(page.height):
        row = page.data[y * page.stride: y * page.stride + page.width * 4]
        dark = [x for x in range(page.width) if row[4 * x] < 128 and row[4 * x + 1] < 128]
        if dark:
            xs += [dark[0], dark[-1]]
            ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def test_blanks_short_asks_for_a_reason_and_records_it(qtbot, commune_db, panel, fake_messages, monkeypatch,
                                                        tmp_path):
    decision_id = issued_decision(commune_db)
    open_certificates(panel, decision_id)
    section = panel.certificates.section
    choose(section.mode_combo, BLANK)
    click(qtbot, section.check_button)
    assert "Cần 3 phôi, trong sổ phôi còn 0" in section.report.toPlainText()
    monkeypatch.setattr(system_files, "choose_save_path", lambda *args: tmp_path / "phoi.pdf")
    fake_messages.yes = False
    click(qtbot, section.save_button)
    assert not list_prints(commune_db) and not (tmp_path / "phoi.pdf").exists()
    fake_messages.yes, fake_messages.text_answer = True, "Phôi mới về chiều nay, chưa kịp nhập sổ"
    click(qtbot, section.save_button)
    wait_done(qtbot, commune_db, 1)
    note = list_prints(commune_db)[0].note
    assert "In vượt số phôi" in note and "Phôi mới về" in note


def test_a_draft_or_cancelled_decision_says_why_nothing_prints(qtbot, commune_db, panel):
    open_certificates(panel, draft_decision(commune_db))
    section = panel.certificates.section
    assert section.reason.isVisible() and not section.body.isVisible()
    assert "dự thảo" in section.reason.text()
    decision_id = issued_decision(commune_db, names=("Phạm Quốc Hưng",))
    open_certificates(panel, decision_id)
    assert section.body.isVisible() and not section.reason.isVisible()
    cancel_decision(commune_db, decision_id, "Ghi sai năm thành tích.", day=ISSUE_DAY)
    open_certificates(panel, decision_id)
    assert not section.body.isVisible() and "đã bị hủy" in section.reason.text()


def test_a_misprint_spoiled_and_printed_again(qtbot, commune_db, panel, fake_messages, monkeypatch, tmp_path):
    decision_id = issued_decision(commune_db)
    open_certificates(panel, decision_id)
    monkeypatch.setattr(system_files, "choose_save_path", lambda *args: tmp_path / "lan-1.pdf")
    click(qtbot, panel.certificates.section.save_button)
    wait_done(qtbot, commune_db, 1)
    history = panel.certificates.history
    panel.tabs.setCurrentWidget(history)
    history.certificates_table.selectRow(1)
    spoiled = history.selected()
    out = tmp_path / "in-lai.pdf"
    monkeypatch.setattr(pdf_printing, "choose_printer", pdf_printer_to(out))
    fake_messages.text_answer = "Kẹt giấy"
    click(qtbot, history.spoil_button)
    qtbot.waitUntil(lambda: len(fake_messages.infos) == 2, timeout=20000)
    assert fake_messages.infos[1] == "Đã gửi 1 trang giấy khen tới máy in."
    assert panel.tabs.currentWidget() is panel.certificates.section
    assert pages_of(out) == 1
    rows = {c.id: c for c in list_certificates(commune_db, decision_id)}
    assert rows[spoiled.id].spoiled and rows[spoiled.id].spoil_reason == "Kẹt giấy"
    again = [c for c in rows.values() if c.reprint_of_id == spoiled.id]
    assert [(c.position, c.print_id) for c in again] == [(spoiled.position, list_prints(commune_db)[0].id)]


def test_a_viewer_sees_the_certificates_but_cannot_print(qtbot, commune_db, panel):
    decision_id = issued_decision(commune_db)
    commune_db.actor = Actor("hoa", "Nguyễn Thị Hoa", UserRole.VIEWER)
    viewer_panel = DecisionPanel(commune_db)
    qtbot.addWidget(viewer_panel)
    viewer_panel.show()
    open_certificates(viewer_panel, decision_id)
    section = viewer_panel.certificates.section
    assert section.recipients.count() == 3 and section.check_button.isEnabled()
    assert not section.print_button.isEnabled() and not section.save_button.isEnabled()
    assert "chỉ được xem" in section.print_button.toolTip()
