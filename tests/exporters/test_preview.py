"""Page images for the in-app preview (pypdfium2)."""

from __future__ import annotations

import dataclasses
import io
from functools import cache

import pypdfium2 as pdfium
import pytest
from document_samples import sample_decision
from reportlab.pdfgen import canvas

from app.exporters.pdf_writer import render_pdf
from app.exporters.preview import PageImage, page_count, render_pages


@cache
def decision_pdf() -> bytes:
    return render_pdf(sample_decision(40))


def pixel(image: PageImage, x: int, y: int) -> tuple[int, ...]:
    start = y * image.stride + x * 4
    return tuple(image.data[start:start + 4])


def test_one_image_per_page():
    pdf = decision_pdf()
    images = render_pages(pdf)
    assert page_count(pdf) >= 3
    assert len(images) == page_count(pdf)


def test_a4_size_at_96_dpi():
    for image in render_pages(decision_pdf()):
        assert image.width == pytest.approx(794, abs=1)
        assert image.height == pytest.approx(1123, abs=1)
        assert image.stride >= image.width * 4
        assert len(image.data) == image.stride * image.height


def test_size_follows_the_dpi():
    image = render_pages(decision_pdf(), dpi=48)[0]
    assert image.width == pytest.approx(397, abs=1)
    assert image.height / image.width == pytest.approx(297 / 210, rel=0.01)


def test_pages_are_white_with_dark_text():
    for image in render_pages(decision_pdf(), dpi=48):
        reds = image.data[0::4]
        assert pixel(image, 2, 2) == (255, 255, 255, 255)  # margins are opaque white
        assert sum(1 for value in reds if value < 80) > 200  # text and rules


def test_channels_are_rgba():
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(72, 72))
    page.setFillColorRGB(1, 0, 0)
    page.rect(0, 36, 72, 36, stroke=0, fill=1)  # top half red
    page.setFillColorRGB(0, 0, 1)
    page.rect(0, 0, 72, 36, stroke=0, fill=1)  # bottom half blue
    page.save()
    image = render_pages(buffer.getvalue(), dpi=72)[0]
    assert (image.width, image.height) == (72, 72)
    assert pixel(image, 36, 10) == (255, 0, 0, 255)
    assert pixel(image, 36, 60) == (0, 0, 255, 255)


def test_page_image_is_immutable():
    image = render_pages(decision_pdf(), dpi=24)[0]
    assert isinstance(image.data, bytes)
    with pytest.raises(dataclasses.FrozenInstanceError):
        image.width = 1  # type: ignore[misc]


def test_bad_input():
    with pytest.raises(ValueError):
        render_pages(decision_pdf(), dpi=0)
    with pytest.raises(pdfium.PdfiumError):
        page_count(b"not a pdf")
