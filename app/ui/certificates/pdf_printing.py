"""Printing a certificates PDF at 100 %: A4 landscape, the whole sheet (no margins), no scaling.

QtPdf is not part of PySide6-Essentials, so each page is rasterised with pdfium at the printer's
resolution (at most MAX_DPI) and painted over the full paper rectangle, so that a millimetre of the PDF
is a millimetre of paper. The printer's own correction (offsets, scale) is already inside the PDF.
Painting on a QPrinter is allowed off the GUI thread; the dialog that chooses the printer is not.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from app.errors import ServiceError

# 300 dpi: sharp enough for certificate text, 1 s a page and +70 MB; 600 dpi took 4,7 s a page and +230 MB
# (measured into Qt's PDF printer), and four times the spool file for the office printer.
MAX_DPI = 300
POINTS_PER_INCH = 72.0
WHITE = (255, 255, 255, 255)


def available_printers() -> list[str]:
    """The printers the computer knows, the default one first."""
    names = list(QPrinterInfo.availablePrinterNames())
    default = QPrinterInfo.defaultPrinterName()
    if default in names:
        names.remove(default)
        names.insert(0, default)
    return names


def a4_landscape_printer(printer_name: str = "") -> QPrinter:
    """A printer set for certificates: A4 landscape, full page, no margins, high resolution."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer_name:
        printer.setPrinterName(printer_name)
    set_a4_full_page(printer)
    return printer


def set_a4_full_page(printer: QPrinter) -> None:
    printer.setFullPage(True)
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                         QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    printer.setPageLayout(layout)


def _paint_page(painter: QPainter, target: QRectF, document: pdfium.PdfDocument, index: int,
                dpi: int) -> None:
    """Render one page (RGB, 3 bytes a pixel: about 26 MB at 300 dpi) and paint it over `target`; the
    image wraps pdfium's buffer without a copy and is painted before the buffer is released."""
    page = document[index]
    try:
        bitmap = page.render(scale=dpi / POINTS_PER_INCH, fill_color=WHITE, rev_byteorder=True,
                             force_bitmap_format=pdfium_c.FPDFBitmap_BGR)
        try:
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888)
            painter.drawImage(target, image)
            del image
        finally:
            bitmap.close()
    finally:
        page.close()


def paper_rect(printer: QPrinter) -> QRectF:
    """The whole sheet in the painter's device pixels (full-page mode: the origin is the paper's corner)."""
    return printer.paperRect(QPrinter.Unit.DevicePixel)


def print_pdf(printer: QPrinter, pdf: bytes) -> int:
    """Paint every page of the PDF at its true size on the printer; the number of pages printed."""
    set_a4_full_page(printer)
    dpi = max(72, min(printer.resolution(), MAX_DPI))
    document = pdfium.PdfDocument(pdf)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise ServiceError("Không mở được máy in. Hãy kiểm tra máy in đã bật và còn giấy, rồi in lại.")
        target = paper_rect(printer)
        for index in range(len(document)):
            if index:
                printer.newPage()
            _paint_page(painter, target, document, index, dpi)
        return len(document)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def choose_printer(parent: QWidget | None, printer_name: str = "") -> QPrinter | None:
    """Qt's print dialog, on the given printer, set for A4 landscape at 100 %; None when cancelled."""
    printer = a4_landscape_printer(printer_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("In giấy khen (khổ A4 nằm ngang, đúng kích thước)")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    set_a4_full_page(printer)  # whatever the dialog's page settings, the sheet is A4 landscape, full page
    return printer
