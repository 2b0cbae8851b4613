"""The .docx writer: page setup, fonts, header block, rules, page numbers, tables and closing, read back
with python-docx from the bytes it produces."""

from __future__ import annotations

import io
import unicodedata
import zipfile

import docx
import pytest
from document_samples import sample_decision, sample_report
from docx.oxml.ns import qn
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.exporters.document import (
    AdminDocument,
    Closing,
    Column,
    HeaderBlock,
    SignatureColumn,
    Table,
    para,
)
from app.exporters.docx_writer import render_docx
from app.resources import fonts_dir

FONT = "Times New Roman"
TWIPS_PER_MM = 1440 / 25.4
ROWS = 40


@pytest.fixture(scope="module")
def decision() -> AdminDocument:
    return sample_decision(ROWS)


@pytest.fixture(scope="module")
def decision_docx(decision: AdminDocument):
    return docx.Document(io.BytesIO(render_docx(decision)))


def _text(element) -> str:
    return "".join(node.text or "" for node in element.iter(qn("w:t")))


def _paragraph_texts(document) -> list[str]:
    return [_text(p) for p in document.element.body.iter(qn("w:p"))]


def _mm(twips: str) -> float:
    return int(twips) / TWIPS_PER_MM


def _table_with(document, text: str):
    return next(table for table in document.tables if text in _text(table._tbl))


def _cell_paragraph(table, text: str):
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                if paragraph.text == text:
                    return paragraph
    raise AssertionError(f"{text!r} not in the table")


def _assert_run(paragraph, *, size: float, bold: bool = False, italic: bool = False) -> None:
    assert paragraph.runs, paragraph.text
    for run in paragraph.runs:
        assert run.font.size.pt == size, (paragraph.text, run.font.size.pt)
        assert bool(run.bold) is bold, paragraph.text
        assert bool(run.italic) is italic, paragraph.text


def _bold_width_mm(text: str, size: float) -> float:
    """Measured independently of the writer: Liberation Serif Bold is metric-compatible with TNR."""
    if "TestLiberationSerif-Bold" not in pdfmetrics.getRegisteredFontNames():
        path = fonts_dir() / "LiberationSerif-Bold.ttf"
        pdfmetrics.registerFont(TTFont("TestLiberationSerif-Bold", str(path)))
    return pdfmetrics.stringWidth(text, "TestLiberationSerif-Bold", size) * 25.4 / 72


def _rule_lengths_mm(cell) -> list[float]:
    """Lengths of the bottom-border rules in a cell: its width less the paragraphs' indents."""
    width = _mm(cell._tc.find(qn("w:tcPr")).find(qn("w:tcW")).get(qn("w:w")))
    lengths = []
    for p in cell._tc.iter(qn("w:p")):
        ppr = p.find(qn("w:pPr"))
        borders = ppr.find(qn("w:pBdr")) if ppr is not None else None
        if borders is not None and borders.find(qn("w:bottom")) is not None:
            ind = ppr.find(qn("w:ind"))
            lengths.append(width - _mm(ind.get(qn("w:left"))) - _mm(ind.get(qn("w:right"))))
    return lengths


def _has_page_field(part_element) -> bool:
    instructions = [node.text or "" for node in part_element.iter(qn("w:instrText"))]
    simple = [node.get(qn("w:instr")) or "" for node in part_element.iter(qn("w:fldSimple"))]
    return any("PAGE" in text.upper() for text in instructions + simple)


def test_page_is_a4_portrait_with_decree_margins(decision_docx) -> None:
    section = decision_docx.sections[0]
    assert section.orientation == docx.enum.section.WD_ORIENT.PORTRAIT
    measured = (section.page_width.mm, section.page_height.mm, section.top_margin.mm,
                section.bottom_margin.mm, section.left_margin.mm, section.right_margin.mm)
    for value, expected in zip(measured, (210, 297, 20, 20, 30, 15), strict=True):
        assert value == pytest.approx(expected, abs=0.1)


def test_times_new_roman_everywhere(decision_docx) -> None:
    normal = decision_docx.styles["Normal"]
    assert normal.font.name == FONT
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {FONT}
    section = decision_docx.sections[0]
    parts = [decision_docx.element.body, section.header._element, section.first_page_header._element]
    runs = [run for part in parts for run in part.iter(qn("w:r"))]
    assert len(runs) > ROWS * 4
    for run in runs:
        fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == FONT
        assert fonts.get(qn("w:eastAsia")) == FONT and fonts.get(qn("w:cs")) == FONT


def test_header_block_texts_and_formats(decision_docx) -> None:
    table = _table_with(decision_docx, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    _assert_run(_cell_paragraph(table, "ỦY BAN NHÂN DÂN"), size=13, bold=True)
    _assert_run(_cell_paragraph(table, "XÃ HÒA BÌNH"), size=13, bold=True)
    _assert_run(_cell_paragraph(table, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), size=12, bold=True)
    _assert_run(_cell_paragraph(table, "Độc lập - Tự do - Hạnh phúc"), size=13, bold=True)
    _assert_run(_cell_paragraph(table, "Số: 05/QĐ-UBND"), size=13)
    _assert_run(_cell_paragraph(table, "Xã Hòa Bình, ngày 05 tháng 01 năm 2026"), size=14, italic=True)
    for text in ("ỦY BAN NHÂN DÂN", "Độc lập - Tự do - Hạnh phúc", "Số: 05/QĐ-UBND"):
        assert _cell_paragraph(table, text).alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert table.columns[0].width.mm == pytest.approx(62, abs=0.1)
    assert table.columns[1].width.mm == pytest.approx(165 - 62, abs=0.1)


def test_motto_and_issuer_rules_have_measured_lengths(decision_docx) -> None:
    table = _table_with(decision_docx, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    motto_rules = _rule_lengths_mm(table.rows[0].cells[1])
    motto_width = _bold_width_mm("Độc lập - Tự do - Hạnh phúc", 13)
    assert 40 < motto_width < 80
    assert len(motto_rules) == 1
    assert motto_rules[0] == pytest.approx(motto_width, abs=1.0)
    issuer_rules = _rule_lengths_mm(table.rows[0].cells[0])
    assert len(issuer_rules) == 1
    # 1/3–1/2 of the issuing body's longer line (Decree 30): 0.4 of "ỦY BAN NHÂN DÂN"
    longer = _bold_width_mm("ỦY BAN NHÂN DÂN", 13)
    assert longer / 3 < issuer_rules[0] < longer / 2
    assert issuer_rules[0] == pytest.approx(0.4 * longer, abs=1.0)


def test_subject_line_rule_is_a_fraction_of_its_text(decision_docx) -> None:
    body = list(decision_docx.element.body.iterchildren(qn("w:p")))
    index = next(i for i, p in enumerate(body) if _text(p) == "Về việc tặng Giấy khen năm 2026")
    rule = body[index + 1]
    assert rule.find(qn("w:pPr")).find(qn("w:pBdr")).find(qn("w:bottom")) is not None
    ind = rule.find(qn("w:pPr")).find(qn("w:ind"))
    length = 165 - _mm(ind.get(qn("w:left"))) - _mm(ind.get(qn("w:right")))
    assert length == pytest.approx(0.4 * _bold_width_mm("Về việc tặng Giấy khen năm 2026", 14), abs=1.0)
    assert body[index].find(qn("w:pPr")).find(qn("w:keepNext")) is not None


def test_page_numbers_from_page_two_only(decision_docx) -> None:
    section = decision_docx.sections[0]
    assert section.different_first_page_header_footer
    assert section._sectPr.find(qn("w:titlePg")) is not None
    assert _has_page_field(section.header._element)
    assert not _has_page_field(section.first_page_header._element)
    number = section.header.paragraphs[0]
    assert number.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert all(run.font.size.pt == 13 for run in number.runs)


def test_no_page_numbers_when_switched_off() -> None:
    doc = sample_report()
    doc = AdminDocument(title=doc.title, blocks=doc.blocks,
                        page=type(doc.page)(number_pages=False))
    section = docx.Document(io.BytesIO(render_docx(doc))).sections[0]
    assert not section.different_first_page_header_footer
    assert not _has_page_field(section.header._element)


def test_annex_table_rows_header_and_widths(decision_docx, decision) -> None:
    table = _table_with(decision_docx, "Thành tích")
    rows = table._tbl.findall(qn("w:tr"))
    assert len(rows) == 1 + ROWS
    assert rows[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    assert all(row.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for row in rows)
    assert all(row.find(qn("w:trPr")).find(qn("w:tblHeader")) is None for row in rows[1:])
    assert [_text(row.find(qn("w:tc"))) for row in rows[1:]] == [str(n) for n in range(1, ROWS + 1)]
    assert [_text(tc) for tc in rows[0].findall(qn("w:tc"))] == ["STT", "Họ và tên", "Chức vụ, đơn vị",
                                                                  "Thành tích"]
    grid = [_mm(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid == pytest.approx([12, 45, 55, 53], abs=0.1)
    cell_widths = [_mm(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in rows[5].findall(qn("w:tc"))]
    assert cell_widths == pytest.approx([12, 45, 55, 53], abs=0.1)
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    header = table.rows[0].cells[1].paragraphs[0]
    _assert_run(header, size=12, bold=True)
    assert header.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert table.rows[3].cells[0].paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert table.rows[3].cells[1].paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.LEFT
    _assert_run(table.rows[3].cells[2].paragraphs[0], size=12)
    assert table.rows[3].cells[2].text == decision.blocks[-1].rows[2][2]


def test_annex_table_has_a_black_grid(decision_docx) -> None:
    borders = _table_with(decision_docx, "Thành tích")._tbl.tblPr.find(qn("w:tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = borders.find(qn(f"w:{side}"))
        assert border.get(qn("w:val")) == "single"
        assert border.get(qn("w:sz")) == "4"
        assert border.get(qn("w:color")) == "000000"


def test_closing_recipients_and_signature(decision_docx) -> None:
    table = _table_with(decision_docx, "Nơi nhận:")
    assert len(table._tbl.findall(qn("w:tr"))) == 1
    assert table._tbl.find(qn("w:tr")).find(qn("w:trPr")).find(qn("w:cantSplit")) is not None
    _assert_run(_cell_paragraph(table, "Nơi nhận:"), size=12, bold=True, italic=True)
    _assert_run(_cell_paragraph(table, "- Như Điều 3;"), size=11)
    _assert_run(_cell_paragraph(table, "- Lưu: VT, VHXH."), size=11)
    _assert_run(_cell_paragraph(table, "KT. CHỦ TỊCH"), size=14, bold=True)
    _assert_run(_cell_paragraph(table, "PHÓ CHỦ TỊCH"), size=14, bold=True)
    _assert_run(_cell_paragraph(table, "Trần Thị Lan"), size=14, bold=True)
    assert "Nơi nhận:" in table.rows[0].cells[0].text
    assert "Trần Thị Lan" in table.rows[0].cells[1].text
    left = table.rows[0].cells[0].paragraphs
    assert left[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.LEFT


def test_signature_space_is_kept(decision_docx) -> None:
    cell = _table_with(decision_docx, "Nơi nhận:").rows[0].cells[1]
    spacings = [p.find(qn("w:pPr")).find(qn("w:spacing")) for p in cell._tc.iter(qn("w:p"))]
    exact = [int(s.get(qn("w:line"))) / 20 for s in spacings if s.get(qn("w:lineRule")) == "exact"]
    assert exact == pytest.approx([25 * 72 / 25.4], abs=0.1)


def test_every_text_is_carried_in_nfc(decision_docx, decision) -> None:
    texts = set(_paragraph_texts(decision_docx))
    missing = [text for text in decision.texts() if unicodedata.normalize("NFC", text) not in texts]
    assert not missing
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)


def test_decomposed_text_and_control_characters_are_cleaned() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    doc = AdminDocument(title="Thử", blocks=(para(decomposed + "\x00\x07"),))
    texts = _paragraph_texts(docx.Document(io.BytesIO(render_docx(doc))))
    assert "Nguyễn Thị Ánh" in texts


def test_core_properties(decision_docx) -> None:
    properties = decision_docx.core_properties
    assert properties.title == "Quyết định số 05/QĐ-UBND"
    assert properties.author == "UBND xã Hòa Bình"
    assert "python-docx" not in (properties.comments or "")


def test_second_render_is_equally_valid(decision) -> None:
    first, second = render_docx(decision), render_docx(decision)
    with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(second)) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")
        assert a.testzip() is None and b.testzip() is None
    reread = docx.Document(io.BytesIO(second))
    assert set(_paragraph_texts(reread)) >= {unicodedata.normalize("NFC", t) for t in decision.texts()}
    assert len(_table_with(reread, "Thành tích").rows) == 1 + ROWS


def test_report_without_issuer_has_an_empty_left_cell() -> None:
    report = sample_report()
    document = docx.Document(io.BytesIO(render_docx(report)))
    header = _table_with(document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    left = [row.cells[0] for row in header.rows]
    assert all(cell.text == "" for cell in left)
    assert all(_rule_lengths_mm(cell) == [] for cell in left)
    assert not any(text.startswith("Số:") for text in _paragraph_texts(document))
    assert len(_rule_lengths_mm(header.rows[0].cells[1])) == 1
    _assert_run(_cell_paragraph(header, "Hòa Bình, ngày 20 tháng 11 năm 2026"), size=14, italic=True)
    closing = _table_with(document, "Phạm Quốc Hưng")
    cells = closing.rows[0].cells
    assert "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ" in cells[0].text and "Phạm Quốc Hưng" in cells[0].text
    assert "NGƯỜI BÁO CÁO THÀNH TÍCH" in cells[1].text and "Đặng Thị Ánh" in cells[1].text
    _assert_run(_cell_paragraph(closing, "(Ký, ghi rõ họ và tên)"), size=13, italic=True)
    texts = set(_paragraph_texts(document))
    assert all(text in texts for text in report.texts())


def test_single_signature_without_recipients_sits_on_the_right() -> None:
    closing = Closing(signatures=(SignatureColumn(lines=("CHỦ TỊCH",), name="Lê Văn Ba"),))
    doc = AdminDocument(title="t", blocks=(HeaderBlock(issuer_lines=()), closing))
    table = _table_with(docx.Document(io.BytesIO(render_docx(doc))), "Lê Văn Ba")
    assert table.rows[0].cells[0].text == ""
    assert "CHỦ TỊCH" in table.rows[0].cells[1].text


def test_a_thousand_row_annex_has_every_row() -> None:
    """1,000 rows (the time is measured by bench/bench_documents.py, never here)."""
    table = _table_with(docx.Document(io.BytesIO(render_docx(sample_decision(1000)))), "Thành tích")
    assert len(table._tbl.findall(qn("w:tr"))) == 1001


def test_too_wide_columns_are_scaled_to_the_text_width() -> None:
    table = Table(columns=(Column("A", 100), Column("B", 230)), rows=(("1", "2"),))
    document = docx.Document(io.BytesIO(render_docx(AdminDocument(title="t", blocks=(table,)))))
    grid = document.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))
    assert [_mm(col.get(qn("w:w"))) for col in grid] == pytest.approx([50, 115], abs=0.1)
