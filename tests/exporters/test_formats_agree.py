"""The .docx and the .pdf of one document carry the same words."""

from __future__ import annotations

import io
import unicodedata
from collections import Counter

import docx
from document_samples import sample_decision, sample_report
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from pypdf import PdfReader

from app.exporters.document import Table
from app.exporters.docx_writer import render_docx
from app.exporters.pdf_writer import render_pdf

MM = 72 / 25.4


def words(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text).split()


def docx_words(payload: bytes) -> Counter:
    """Words of every paragraph in the body, inside tables (the header block, the closing, the annex)
    or not; the page numbers live in the section header part and are left out."""
    document = docx.Document(io.BytesIO(payload))
    body = document.element.body
    texts = [DocxParagraph(element, document).text for element in body.iter(qn("w:p"))]
    return Counter(word for text in texts for word in words(text))


def pdf_page_words(payload: bytes, top_mm: float) -> list[list[str]]:
    """Words of every page, less the page numbers (the text in the top margin)."""
    result = []
    for page in PdfReader(io.BytesIO(payload)).pages:
        limit = float(page.mediabox.height) - top_mm * MM
        pieces: list[str] = []

        def visit(text, cm, tm, font_dict, font_size, pieces=pieces, limit=limit):
            if tm[4] * cm[1] + tm[5] * cm[3] + cm[5] <= limit:
                pieces.append(text)

        page.extract_text(visitor_text=visit)
        result.append(words("".join(pieces)))
    return result


def pdf_words(doc) -> Counter:
    """The words of the .pdf, counting a table header repeated on later pages once."""
    pages = pdf_page_words(render_pdf(doc), doc.page.top_mm)
    counter = Counter(word for page in pages for word in page)
    for block in doc.blocks:
        if isinstance(block, Table):
            header = [word for column in block.columns for word in words(column.title)]
            repeats = sum(1 for page in pages if contains(page, header)) - 1
            assert repeats >= 0
            for _ in range(repeats):
                counter.subtract(header)
    return +counter


def contains(page: list[str], run: list[str]) -> bool:
    return any(page[index:index + len(run)] == run for index in range(len(page) - len(run) + 1))


def assert_same_words(doc) -> None:
    in_docx = docx_words(render_docx(doc))
    in_pdf = pdf_words(doc)
    only_docx, only_pdf = in_docx - in_pdf, in_pdf - in_docx
    assert not only_docx and not only_pdf, f"only in .docx: {dict(only_docx)}; only in .pdf: {dict(only_pdf)}"
    expected = Counter(word for text in doc.texts() for word in words(text))
    assert in_pdf == expected


def test_decision_with_annex_same_words():
    assert_same_words(sample_decision(40))


def test_report_same_words():
    assert_same_words(sample_report())
