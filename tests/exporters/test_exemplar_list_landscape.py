"""The list of exemplars for the province (`sovang report dien-hinh`) on landscape A4 (Decree 30/2020 allows
it for a table): the columns fill the wider text frame, the .docx says landscape to Word, both formats
carry the same words over several pages, and, where LibreOffice is installed, its rendering of our .docx
breaks the pages where our .pdf does. A table followed by the closing's table stays a table of its own in
the .docx (Word and LibreOffice would join two adjacent tables, losing the list's borders and widths)."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pypdfium2 as pdfium
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from libreoffice import SOFFICE, pdf_converter
from pdf_pages import page_lines
from test_formats_agree import assert_same_words

from app.exporters.document import LANDSCAPE_A4, AdminDocument, Table
from app.exporters.docx_writer import render_docx
from app.exporters.pdf_writer import render_pdf
from app.services.exchange.reports import report_document
from app.services.exchange.reports_content import Frame, exemplar_list
from app.services.settings import read_commune_profile

FIELDS = ("Văn hóa, thông tin, thể thao", "Nông nghiệp và xây dựng nông thôn mới", "Quốc phòng, an ninh")
MOVEMENTS = ("Toàn dân đoàn kết xây dựng đời sống văn hóa", "Phong trào thi đua yêu nước",
             "Thi đua “Chung sức xây dựng nông thôn mới” giai đoạn 2026–2030")
STAGES = ("Phát hiện", "Bồi dưỡng", "Tổng kết", "Nhân rộng")


def rows(count: int) -> tuple[tuple, ...]:
    return tuple(
        (n, f"Nguyễn Thị Thanh Hương {n}" if n % 3 else f"Ban Công tác Mặt trận tổ dân phố số {n}",
         f"Thôn Đồng Xe {n % 7}", FIELDS[n % 3], MOVEMENTS[n % 3], STAGES[n % 4],
         dt.date(2026, 1 + n % 12, 1 + n % 28),
         f"Phát triển {n} ha bưởi Diễn theo tiêu chuẩn VietGAP, doanh thu {100 + n} triệu đồng/năm; tạo việc "
         "làm thường xuyên cho lao động…")
        for n in range(1, count + 1))


@pytest.fixture
def exemplar_document(commune_db):
    def make(count: int = 40) -> AdminDocument:
        with commune_db.read() as session:
            frame = Frame(session, read_commune_profile(session), 2026, dt.date(2026, 11, 21))
            return report_document(exemplar_list(frame, rows(count), None))
    return make


def test_the_list_is_landscape_a4_and_its_columns_fill_the_frame(exemplar_document):
    document = exemplar_document()
    assert document.page == LANDSCAPE_A4 and document.page.text_width_mm == pytest.approx(252.0)
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert sum(c.width_mm for c in table.columns) == pytest.approx(document.page.text_width_mm)
    widths = {c.title: c.width_mm for c in table.columns}
    assert widths["Thành tích tiêu biểu"] == max(widths.values())  # the widest: the achievement
    section = docx.Document(io.BytesIO(render_docx(document))).sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    pdf = pdfium.PdfDocument(render_pdf(document))
    assert len(pdf) > 2 and all(tuple(round(x) for x in page.get_size()) == (842, 595) for page in pdf)


def test_docx_and_pdf_carry_the_same_words(exemplar_document):
    assert_same_words(exemplar_document(60))


def test_the_list_and_the_closing_stay_two_tables_in_the_docx(exemplar_document):
    body = docx.Document(io.BytesIO(render_docx(exemplar_document(3)))).element.body
    children = [child.tag for child in body]
    for before, after in zip(children, children[1:], strict=False):
        assert not (before == after == qn("w:tbl")), "two adjacent tables: Word would join them"


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: the comparison of our "
                    ".pdf with its rendering of our .docx needs it (apt-get install libreoffice-writer)")
def test_the_pdf_breaks_pages_where_libreoffice_breaks_the_docx(exemplar_document, tmp_path):
    document = exemplar_document(40)
    height, top = document.page.height_mm, document.page.top_mm

    def starts(payload: bytes) -> list[str]:
        return [lines[0][:20] if lines else "" for lines in page_lines(payload, top, height)]

    ours = starts(render_pdf(document))
    theirs = starts(pdf_converter(render_docx(document), tmp_path)())
    assert len(ours) > 2 and ours == theirs  # the same pages, each starting with the same line
