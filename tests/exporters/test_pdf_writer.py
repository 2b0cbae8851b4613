"""The .pdf writer, read back with pypdf: page size, text, fonts, page numbers, the annex table."""

from __future__ import annotations

import io
import itertools
import math
import unicodedata
from functools import cache

import pytest
from document_samples import annex_rows, sample_decision, sample_report
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.pdfbase import pdfmetrics

from app.exporters.document import (
    AdminDocument,
    Align,
    Closing,
    Column,
    HeaderBlock,
    PageSetup,
    SignatureColumn,
    Table,
    para,
)
from app.exporters.pdf_parts import register_fonts
from app.exporters.pdf_writer import render_pdf

A4 = (595.28, 841.89)
MM = 72 / 25.4


def nfc_words(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text).split()


@cache
def reader_for(rows: int | None) -> PdfReader:
    """The sample decision with `rows` annex rows (None: the sample report), rendered and read back."""
    doc = sample_report() if rows is None else sample_decision(rows)
    return PdfReader(io.BytesIO(render_pdf(doc)))


def read(doc: AdminDocument) -> PdfReader:
    return PdfReader(io.BytesIO(render_pdf(doc)))


def text_items(page) -> list[tuple[float, str, str]]:
    """(baseline y, text, base font name) of every non-blank piece of text on the page."""
    items: list[tuple[float, str, str]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            font = str(font_dict.get("/BaseFont", "")) if font_dict else ""
            items.append((y, unicodedata.normalize("NFC", text.strip()), font))

    page.extract_text(visitor_text=visit)
    return items


def page_words(reader: PdfReader) -> list[list[str]]:
    return [nfc_words(page.extract_text()) for page in reader.pages]


def find_run(words: list[str], run: list[str], start: int = 0) -> int:
    """Index of the first occurrence of `run` as a contiguous sequence in `words` from `start`, or -1."""
    for index in range(start, len(words) - len(run) + 1):
        if words[index:index + len(run)] == run:
            return index
    return -1


# --- pages, metadata, text --------------------------------------------------------------------


@pytest.mark.parametrize("rows", [40, None])
def test_every_page_is_a4_portrait(rows):
    reader = reader_for(rows)
    for page in reader.pages:
        box = page.mediabox
        assert float(box.width) == pytest.approx(A4[0], abs=0.1)
        assert float(box.height) == pytest.approx(A4[1], abs=0.1)


def test_metadata_title_and_author():
    metadata = reader_for(40).metadata
    assert metadata.title == "Quyết định số 05/QĐ-UBND"
    assert metadata.author == "UBND xã Hòa Bình"


@pytest.mark.parametrize("rows", [40, None])
def test_every_text_of_the_document_is_in_the_pdf_in_order(rows):
    doc = sample_report() if rows is None else sample_decision(rows)
    words = [word for page in page_words(reader_for(rows)) for word in page]
    position = 0
    for text in doc.texts():
        found = find_run(words, nfc_words(text), position)
        assert found >= 0, f"missing or out of order: {text!r}"
        position = found + 1


@pytest.mark.parametrize("phrase", ["Độc lập - Tự do - Hạnh phúc", "Hòa Bình", "Đặng Thị Ánh",
                                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nguyễn Văn Đạt"])
def test_vietnamese_diacritics_survive_extraction(phrase):
    text = " ".join(word for page in page_words(reader_for(40)) for word in page)
    assert unicodedata.normalize("NFC", phrase) in text


def test_markup_characters_are_escaped():
    doc = AdminDocument(title="x", blocks=(para("Hộ <A> & con > 3 <b>không đậm</b>"),))
    assert nfc_words(read(doc).pages[0].extract_text()) == nfc_words("Hộ <A> & con > 3 <b>không đậm</b>")


# --- fonts -----------------------------------------------------------------------------------


@pytest.mark.parametrize("rows", [40, None])
def test_all_fonts_are_embedded_liberation_serif(rows):
    for page in reader_for(rows).pages:
        fonts = page["/Resources"]["/Font"]
        assert len(fonts) >= 1
        for font in fonts.values():
            font = font.get_object()
            assert "LiberationSerif" in str(font["/BaseFont"])
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor


def test_register_fonts_twice_is_harmless():
    register_fonts()
    register_fonts()
    names = pdfmetrics.getRegisteredFontNames()
    for name in ("LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
                 "LiberationSerif-BoldItalic"):
        assert name in names


def test_place_date_is_italic_and_header_names_bold():
    fonts = {text: font for _y, text, font in text_items(reader_for(40).pages[0])}
    assert fonts["Xã Hòa Bình, ngày 05 tháng 01 năm 2026"].endswith("LiberationSerif-Italic")
    assert fonts["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"].endswith("LiberationSerif-Bold")
    assert fonts["Số: 05/QĐ-UBND"].endswith("+LiberationSerif")


# --- page numbers -----------------------------------------------------------------------------


def top_margin_texts(page, top_mm: float = PageSetup().top_mm) -> list[str]:
    limit = float(page.mediabox.height) - top_mm * MM
    return [text for y, text, _font in text_items(page) if y > limit]


def test_page_numbers_in_the_top_margin_from_page_two_on():
    reader = reader_for(40)
    assert len(reader.pages) >= 3
    assert top_margin_texts(reader.pages[0]) == []
    for number, page in enumerate(reader.pages[1:], start=2):
        assert top_margin_texts(page) == [str(number)]


def test_page_number_is_centred_over_the_text():
    items = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip() == "2":
            items.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], font_size))

    reader_for(40).pages[1].extract_text(visitor_text=visit)
    x, _size = items[0]
    page = PageSetup()
    centre = (page.left_mm + page.text_width_mm / 2) * MM
    digit = pdfmetrics.stringWidth("2", "LiberationSerif", page.page_number_size)
    assert x + digit / 2 == pytest.approx(centre, abs=0.5)


def test_no_page_numbers_when_switched_off():
    doc = sample_decision(40)
    doc = AdminDocument(title=doc.title, blocks=doc.blocks, page=PageSetup(number_pages=False))
    reader = read(doc)
    assert all(top_margin_texts(page) == [] for page in reader.pages)


# --- the annex table --------------------------------------------------------------------------


def test_page_count_grows_with_rows():
    counts = [len(reader_for(rows).pages) for rows in (1, 40, 120)]
    assert counts[0] == 2  # the decision, then the annex on its own page
    assert counts[1] > 2
    assert counts[2] > counts[1]


def test_annex_rows_in_order_never_split_and_header_on_every_page():
    rows = 120
    pages = page_words(reader_for(rows))
    annex_pages = pages[1:]
    position = (0, 0)  # (page, word index) of the previous row
    for row in annex_rows(rows):
        run = [word for cell in row for word in nfc_words(cell)]
        hits = [(index, find_run(words, run)) for index, words in enumerate(annex_pages)]
        hits = [(index, at) for index, at in hits if at >= 0]
        assert hits, f"row {row[0]} is split across pages or missing"
        assert hits[0] > position, f"row {row[0]} is out of order"
        position = hits[0]
    header = ["STT", "Họ", "và", "tên", "Chức", "vụ,", "đơn", "vị", "Thành", "tích"]
    for words in annex_pages:
        at = find_run(words, header)
        assert at >= 0, "the table header is not repeated on this page"
        assert find_run(words, header, at + 1) == -1, "the table header twice on one page"


def test_cell_text_wraps_inside_its_column():
    items = text_items(reader_for(40).pages[1])
    _number, name, long_cell, _achievement = annex_rows(1)[0]
    after_name = items[[text for _y, text, _font in items].index(name) + 1:]
    pieces = list(itertools.takewhile(lambda item: item[1] in long_cell, after_name))
    assert len({round(y) for y, _text, _font in pieces}) >= 3  # one cell, several lines
    assert " ".join(text for _y, text, _font in pieces) == long_cell


def test_table_wider_than_the_text_is_scaled_down():
    table = Table(columns=(Column("A", 150), Column("B", 150, Align.RIGHT)), rows=(("một", "hai"),))
    reader = read(AdminDocument(title="x", blocks=(table,)))
    assert nfc_words(reader.pages[0].extract_text()) == ["A", "B", "một", "hai"]
    xs = [x for x, text in line_segments_and_x(reader.pages[0])[1] if text == "hai"]
    assert xs and xs[0] < A4[0] - PageSetup().right_mm * MM


# --- rules under the motto, the issuer and the subject line -----------------------------------


def line_segments_and_x(page) -> tuple[list[float], list[tuple[float, str]]]:
    """Lengths of the straight lines stroked on the page, and (x, text) of the texts."""
    lengths = []
    stream = ContentStream(page.get_contents(), page.pdf)
    start = None
    for operands, operator in stream.operations:
        if operator == b"m":
            start = [float(value) for value in operands]
        elif operator == b"l" and start is not None:
            end = [float(value) for value in operands]
            lengths.append(math.dist(start, end))
    texts = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            texts.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], text.strip()))

    page.extract_text(visitor_text=visit)
    return lengths, texts


def test_rule_lengths_on_the_first_page():
    lengths = sorted(line_segments_and_x(reader_for(40).pages[0])[0])
    header = HeaderBlock(issuer_lines=())
    motto = pdfmetrics.stringWidth(header.motto, "LiberationSerif-Bold", header.motto_size)
    # 0.4 (within Decree 30's 1/3–1/2) of the issuing body's longer line
    issuer = 0.4 * pdfmetrics.stringWidth("ỦY BAN NHÂN DÂN", "LiberationSerif-Bold", header.issuer_size)
    subject = 0.4 * pdfmetrics.stringWidth("Về việc tặng Giấy khen năm 2026", "LiberationSerif-Bold", 14)
    assert lengths == pytest.approx(sorted([motto, issuer, subject]), abs=0.5)


def test_report_has_no_issuer_rule_and_no_number_line():
    lengths, texts = line_segments_and_x(reader_for(None).pages[0])
    header = HeaderBlock(issuer_lines=())
    motto = pdfmetrics.stringWidth(header.motto, "LiberationSerif-Bold", header.motto_size)
    assert lengths == pytest.approx([motto], abs=0.5)
    assert not any(text.startswith("Số:") for _x, text in texts)


# --- the closing ------------------------------------------------------------------------------


def test_two_signature_names_on_one_line():
    items = text_items(reader_for(None).pages[0])
    ys = {text: y for y, text, _font in items}
    assert ys["Phạm Quốc Hưng"] == pytest.approx(ys["Đặng Thị Ánh"], abs=0.5)
    assert ys["XÁC NHẬN CỦA THỦ TRƯỞNG"] == pytest.approx(ys["NGƯỜI BÁO CÁO THÀNH TÍCH"], abs=0.5)
    xs = dict((text, x) for x, text in line_segments_and_x(reader_for(None).pages[0])[1])
    assert xs["Phạm Quốc Hưng"] < xs["Đặng Thị Ánh"]


def test_recipients_left_and_signature_right():
    page = reader_for(40).pages[0]
    xs = dict((text, x) for x, text in line_segments_and_x(page)[1])
    assert xs["Nơi nhận:"] == pytest.approx(PageSetup().left_mm * MM, abs=0.5)
    assert xs["Trần Thị Lan"] > A4[0] / 2
    fonts = {text: font for _y, text, font in text_items(page)}
    assert fonts["Nơi nhận:"].endswith("LiberationSerif-BoldItalic")


def closing_doc(fillers: int) -> AdminDocument:
    body = tuple(para(f"Đoạn văn số {index} đẩy phần ký xuống cuối trang.") for index in range(fillers))
    closing = Closing(recipients=("- Như trên;", "- Lưu: VT."),
                      signatures=(SignatureColumn(lines=("CHỦ TỊCH",), name="Lê Văn Ký"),))
    return AdminDocument(title="x", blocks=(*body, closing))


def test_closing_never_splits_across_pages():
    moved = 0
    for fillers in range(20, 36):
        reader = read(closing_doc(fillers))
        last = nfc_words(reader.pages[-1].extract_text())
        for word_run in (["Nơi", "nhận:"], ["CHỦ", "TỊCH"], ["Lê", "Văn", "Ký"], ["-", "Lưu:", "VT."]):
            assert find_run(last, word_run) >= 0, f"{fillers} fillers: {word_run} not on the last page"
        moved += len(reader.pages) > 1
    assert moved  # some filler counts did push the closing onto a new page


def test_line_breaks_in_a_cell_are_kept():
    table = Table(columns=(Column("Họ và tên", 60), Column("Chức vụ", 60)),
                  rows=(("Nguyễn Văn An", "Tổ trưởng\nTổ Toán - Tin <THCS>"),))
    items = text_items(read(AdminDocument(title="x", blocks=(table,))).pages[0])
    lines = {text: y for y, text, _font in items}
    assert lines["Tổ trưởng"] > lines["Tổ Toán - Tin <THCS>"]  # two lines, the second below the first


def test_ragged_and_empty_tables_render():
    table = Table(columns=(Column("Một", 40), Column("Hai", 40), Column("Ba", 40)),
                  rows=(("a",), ("b", "c", "d", "thừa")))
    empty = Table(columns=(Column("Tên", 60),), rows=())
    reader = read(AdminDocument(title="x", blocks=(table, empty, Table(columns=(), rows=()))))
    assert nfc_words(reader.pages[0].extract_text()) == ["Một", "Hai", "Ba", "a", "b", "c", "d", "Tên"]


def test_a_long_annex_renders_every_row():
    """1,000 rows (the time is measured by bench/bench_documents.py, never here)."""
    reader = read(sample_decision(1000))
    assert len(reader.pages) > 50
    assert "1000" in nfc_words(reader.pages[-1].extract_text())
