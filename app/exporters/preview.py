"""Page images of a PDF for the in-app preview, rendered with pdfium (pypdfium2). No Qt here: the UI
wraps each image in a QImage (QImage.Format.Format_RGBA8888, with the given stride)."""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_POINTS_PER_INCH = 72.0
_WHITE = (255, 255, 255, 255)


@dataclass(frozen=True)
class PageImage:
    """One rendered page: RGBA, 8 bits a channel, opaque, rows `stride` bytes apart (top row first)."""

    width: int
    height: int
    stride: int
    data: bytes


def page_count(pdf: bytes) -> int:
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def render_pages(pdf: bytes, dpi: float = 96) -> list[PageImage]:
    """Every page of the PDF as an RGBA image at `dpi` dots per inch, on a white background."""
    if dpi <= 0:
        raise ValueError(f"dpi must be positive, not {dpi}")
    document = pdfium.PdfDocument(pdf)
    try:
        return [_render_page(document, index, dpi / _POINTS_PER_INCH) for index in range(len(document))]
    finally:
        document.close()


def _render_page(document: pdfium.PdfDocument, index: int, scale: float) -> PageImage:
    page = document[index]
    try:
        bitmap = page.render(scale=scale, fill_color=_WHITE, rev_byteorder=True,
                             force_bitmap_format=pdfium_c.FPDFBitmap_BGRA)
        try:
            data = bytes(bitmap.buffer)
            return PageImage(width=bitmap.width, height=bitmap.height, stride=bitmap.stride, data=data)
        finally:
            bitmap.close()
    finally:
        page.close()
