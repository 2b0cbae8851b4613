"""The calibration wizard through its pages: the offset worked out from where crosshair A landed (and the
scale from B), saved per printer; 25 mm refused with the Vietnamese message; the calibration page saved;
the list of calibrations with delete."""

from __future__ import annotations

import io

import pytest
from nomination_helpers import click
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from qt_typing import replace_text

from app.services.certificates import CALIBRATION_MARKS, get_calibration, list_calibrations
from app.ui.certificates import pdf_printing
from app.ui.certificates.calibration_wizard import CalibrationWizard
from app.ui.certificates.calibrations import CalibrationsView
from app.ui.kit import system_files

PRINTER = "Canon LBP2900 phòng Văn hóa"
W = CalibrationWizard.WizardButton


@pytest.fixture
def wizard(qtbot, commune_db) -> CalibrationWizard:
    widget = CalibrationWizard(commune_db)
    qtbot.addWidget(widget)
    widget.show()
    replace_text(widget.printer_page.printer_combo.lineEdit(), PRINTER)
    return widget


def measure(wizard: CalibrationWizard, **typed: str) -> None:
    for key, text in typed.items():
        replace_text(wizard.measure_page.edits[key], text)


def to_measure_page(qtbot, wizard: CalibrationWizard) -> None:
    click(qtbot, wizard.button(W.NextButton))
    click(qtbot, wizard.button(W.NextButton))
    assert wizard.currentPage() is wizard.measure_page


def test_offset_from_crosshair_a_is_shown_and_saved(qtbot, commune_db, wizard):
    to_measure_page(qtbot, wizard)
    assert not wizard.button(W.FinishButton).isEnabled()
    ax, ay = CALIBRATION_MARKS["A"]
    measure(wizard, ax=f"{ax + 1.5:g}".replace(".", ","), ay=f"{ay - 0.8:g}".replace(".", ","))
    assert "ngang -1,5 mm, dọc +0,8 mm, tỉ lệ 1" in wizard.measure_page.result.text()
    click(qtbot, wizard.button(W.FinishButton))
    saved = get_calibration(commune_db, PRINTER)
    assert (saved.offset_x_mm, saved.offset_y_mm, saved.scale) == (-1.5, 0.8, 1.0)


def test_crosshair_b_gives_the_scale(qtbot, commune_db, wizard):
    to_measure_page(qtbot, wizard)
    (ax, ay), (bx, by) = CALIBRATION_MARKS["A"], CALIBRATION_MARKS["B"]
    shrink = 0.98  # the printer printed the page at 98 %
    measure(wizard, ax=f"{ax * shrink:.3f}", ay=f"{ay * shrink:.3f}", bx=f"{bx * shrink:.3f}",
            by=f"{by * shrink:.3f}")
    click(qtbot, wizard.button(W.FinishButton))
    saved = get_calibration(commune_db, PRINTER)
    assert saved.scale == pytest.approx(1 / shrink, abs=1e-3)
    assert (saved.offset_x_mm, saved.offset_y_mm) == (pytest.approx(0, abs=0.05), pytest.approx(0, abs=0.05))


def test_25_mm_is_refused_and_nothing_is_saved(qtbot, commune_db, wizard):
    to_measure_page(qtbot, wizard)
    ax, ay = CALIBRATION_MARKS["A"]
    measure(wizard, ax=f"{ax + 25:g}", ay=f"{ay:g}")
    result = wizard.measure_page.result.text()
    assert "Lệch ngang -25 mm: vượt quá ±20 mm" in result
    assert not wizard.button(W.FinishButton).isEnabled()
    measure(wizard, ax="mười")
    assert "phải là số mi-li-mét" in wizard.measure_page.result.text()
    wizard.accept()  # even forced, nothing is saved
    assert list_calibrations(commune_db) == []


def test_the_calibration_page_saved_as_pdf(qtbot, commune_db, wizard, fake_messages, monkeypatch, tmp_path):
    click(qtbot, wizard.button(W.NextButton))
    out = tmp_path / "can-chinh.pdf"
    monkeypatch.setattr(system_files, "choose_save_path", lambda *args: out)
    click(qtbot, wizard.print_page_.save_button)
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == 1
    assert "Kích thước thực" in fake_messages.infos[0]


def test_calibrations_listed_and_deleted(qtbot, commune_db, fake_messages):
    view = CalibrationsView(commune_db)
    qtbot.addWidget(view)
    view.show()
    view.on_shown()
    assert view.model.rowCount() == 0
    from app.services.certificates import CalibrationInput, save_calibration

    save_calibration(commune_db, CalibrationInput(PRINTER, offset_x_mm=-1.5, offset_y_mm=0.8))
    view.refresh()
    assert view.model.index(0, 1).data() == "-1,5 mm" and view.model.index(0, 2).data() == "+0,8 mm"
    view.table.selectRow(0)
    click(qtbot, view.delete_button)
    assert list_calibrations(commune_db) == [] and view.model.rowCount() == 0


def test_the_calibration_page_printed_through_the_print_dialog(qtbot, commune_db, wizard, fake_messages,
                                                               monkeypatch, tmp_path):
    out = tmp_path / "may-in.pdf"
    chosen = []

    def pdf_printer(parent, name):
        chosen.append(name)
        printer = pdf_printing.a4_landscape_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(100)
        return printer

    monkeypatch.setattr(pdf_printing, "choose_printer", pdf_printer)
    click(qtbot, wizard.button(W.NextButton))
    click(qtbot, wizard.print_page_.print_button)
    qtbot.waitUntil(lambda: bool(fake_messages.infos), timeout=10000)
    assert "Đã gửi trang căn chỉnh" in fake_messages.infos[0]
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == 1
    assert chosen == [PRINTER]
