"""The periodic report builder: Decree 30 layout pieces in order, typed cells written the Vietnamese way,
tables that fit the text width, the closing's recipients, and both writers carrying the same words."""

from __future__ import annotations

import datetime as dt

from test_formats_agree import docx_words, pdf_words

from app.exporters import admin_parts as parts
from app.exporters.document import Align, Closing, Column, HeaderBlock, PageSetup, Paragraph, Table
from app.exporters.docx_writer import render_docx
from app.exporters.periodic_report_builder import (
    PeriodicReport,
    ReportSection,
    build_periodic_report,
    cell_text,
)

COLUMNS = (Column("STT", 12, Align.CENTER), Column("Nội dung", 103), Column("Số lượt", 25, Align.RIGHT),
           Column("Tỷ lệ", 25, Align.RIGHT))


def sample(rows: int = 3) -> PeriodicReport:
    header = HeaderBlock(issuer_lines=(("ỦY BAN NHÂN DÂN", True), ("XÃ HÒA BÌNH", True)),
                         number=parts.number_text("", "BC-UBND"),
                         place_date="Hòa Bình, ngày 18 tháng 9 năm 2026")
    table = tuple((i, f"Hình thức {i}", 1500 * i, "10%") for i in range(1, rows + 1))
    sections = (
        ReportSection("I. TỔNG SỐ", ("Năm 2026 có 1.500 lượt.",), COLUMNS, table),
        ReportSection("II. NGÀY", (), (Column("Ngày", 40), Column("Việc", 125)),
                      ((dt.date(2026, 1, 5), "Tổng kết"),)),
        ReportSection("III. TRỐNG", (), COLUMNS, (), empty="Không có số liệu."),
    )
    return PeriodicReport(title="Báo cáo thử", header=header, type_name="BÁO CÁO",
                          subject="Số lượng khen thưởng", sections=sections,
                          signer_lines=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
                          signer_name="Nguyễn Văn Hùng", intro="Ủy ban nhân dân xã báo cáo như sau:",
                          recipients=("Sở Nội vụ tỉnh Phú Thọ", "Lưu: VT"))


def test_cells_are_written_the_vietnamese_way() -> None:
    assert cell_text(1500000) == "1.500.000"
    assert cell_text(dt.date(2026, 1, 5)) == "05/01/2026"
    assert cell_text(None) == "" and cell_text("Thôn Đông") == "Thôn Đông"


def test_blocks_in_the_decree_30_order() -> None:
    document = build_periodic_report(sample())
    blocks = document.blocks
    assert isinstance(blocks[0], HeaderBlock) and blocks[0].number == "Số:……/BC-UBND"
    assert [blocks[1].text, blocks[2].text] == ["BÁO CÁO", "Số lượng khen thưởng"]
    assert blocks[1].runs[0].bold and blocks[2].rule_under > 0  # the subject line has its short rule under it
    assert isinstance(blocks[-1], Closing)
    assert blocks[-1].recipients == ("- Sở Nội vụ tỉnh Phú Thọ;", "- Lưu: VT.")
    assert blocks[-1].signatures[0].lines == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    headings = [b for b in blocks if isinstance(b, Paragraph) and b.text.startswith(("I.", "II.", "III."))]
    assert all(h.runs[0].bold and h.keep_with_next for h in headings)


def test_tables_hold_the_typed_rows_and_fit_the_text_width() -> None:
    document = build_periodic_report(sample())
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert tables[0].rows[1] == ("2", "Hình thức 2", "3.000", "10%")
    assert tables[1].rows == (("05/01/2026", "Tổng kết"),)
    for table in tables:
        assert sum(c.width_mm for c in table.columns) <= PageSetup().text_width_mm + 0.01
    assert "Không có số liệu." in document.texts()  # an empty table is said, not drawn


def test_docx_and_pdf_carry_the_same_words_over_several_pages() -> None:
    document = build_periodic_report(sample(rows=60))
    assert docx_words(render_docx(document)) == pdf_words(document)
