"""The .pdf paginates like the .docx: the same text frame, line height and cell margins, the annex's
tables starting on the current page, the signature never alone on a page; read back from the files.

The comparison with LibreOffice's rendering of our .docx runs where `soffice` is installed (it is not a
project dependency, and CI machines do not have it): it points LibreOffice at our own Liberation Serif,
the metric-compatible Times New Roman Word would use."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pypdfium2 as pdfium
import pytest
from document_samples import annex_rows, sample_decision, sample_report
from docx.oxml.ns import qn
from libreoffice import SOFFICE, pdf_converter
from pdf_pages import MM, first_lines, page_lines, page_of, page_pieces

from app.exporters.document import AdminDocument, Align, Column, Paragraph, Table, para
from app.exporters.docx_writer import render_docx
from app.exporters.pdf_writer import render_pdf

SECOND_HEADING = "II. CÁ NHÂN"
OVERHANG = 1.0  # points a glyph may reach past its advance (the acute of "ố" at a line's end)


# --- the documents ------------------------------------------------------------------------------


def award_content(rows: int):
    from app.exporters.award_content import AwardContent, ListedRecipient, Places, Reward, Signer
    from app.models import DocumentType
    from app.services.wording import default_wording

    recipients = tuple(ListedRecipient("individual", name, where, 702_000)
                       for _number, name, where, _achievement in annex_rows(rows))
    return AwardContent(
        wording=default_wording(DocumentType.DECISION), places=Places("Xã Hòa Bình", "Tỉnh Phú Thọ", 2026),
        form_name="Giấy khen", is_title=False,
        achievement="đã có thành tích xuất sắc trong phong trào thi đua năm 2026", recipients=recipients,
        rewards={"individual": Reward("0,3", 702_000)}, number="205/QĐ-UBND", issued_on=dt.date(2026, 11, 20),
        signer=Signer(("CHỦ TỊCH",), "Nguyễn Văn Hùng"), council_meeting_on=dt.date(2026, 11, 18),
        proposal_number="31/TTr-VP", proposal_on=dt.date(2026, 11, 19),
    )


def sample_proposal(rows: int = 30) -> AdminDocument:
    from app.exporters.proposal_builder import build_proposal
    from app.models import DocumentType
    from app.services.wording import default_wording

    return build_proposal(award_content(rows), default_wording(DocumentType.PROPOSAL))


def padded_decision(filler: int) -> AdminDocument:
    """The sample decision with `filler` more basis lines before the articles, which moves its end down
    the page line by line: one of them puts the last article at the foot of page 1."""
    doc = sample_decision(3)
    at = next(i for i, block in enumerate(doc.blocks) if isinstance(block, Paragraph)
              and block.text == "QUYẾT ĐỊNH:")
    lines = tuple(para(f"Căn cứ văn bản số {n + 1:02d} về công tác thi đua, khen thưởng;", italic=True,
                       first_indent_mm=10) for n in range(filler))
    return AdminDocument(doc.title, doc.blocks[:at] + lines + doc.blocks[at:], doc.page, doc.author)


def two_tables(long_rows: int = 60) -> AdminDocument:
    """An attached list of a short table and a long one, each under its heading."""
    columns = (Column("STT", 12, Align.CENTER), Column("Họ và tên", 45), Column("Chức vụ, đơn vị", 55),
               Column("Thành tích", 53))
    doc = sample_decision(3)
    blocks = list(doc.blocks[:-1])
    blocks[-1:] = [blocks[-1],
                   para("I. TẬP THỂ (03)", bold=True, space_before=6, keep_with_next=True),
                   Table(columns, annex_rows(3)),
                   para(SECOND_HEADING, bold=True, space_before=6, keep_with_next=True),
                   Table(columns, annex_rows(long_rows))]
    return AdminDocument(doc.title, tuple(blocks), doc.page, doc.author)


# --- the PDF's text frame -----------------------------------------------------------------------


def char_boxes(payload: bytes) -> list[list[tuple[float, float, float, float]]]:
    """(left, bottom, right, top) of every visible character, per page."""
    pdf = pdfium.PdfDocument(payload)
    pages = []
    for page in pdf:
        text = page.get_textpage()
        boxes = [text.get_charbox(i) for i in range(text.count_chars())]
        pages.append([box for box in boxes if box[2] > box[0]])
    return pages


def test_the_pdf_text_frame_is_the_page_less_the_margins():
    doc = sample_decision(60)
    page = doc.page
    left, right = page.left_mm * MM, (page.width_mm - page.right_mm) * MM
    top, bottom = (page.height_mm - page.top_mm) * MM, page.bottom_mm * MM
    boxes = char_boxes(render_pdf(doc))
    body = [box for page_boxes in boxes for box in page_boxes if box[3] <= top + 0.5]
    assert min(box[0] for box in body) == pytest.approx(left, abs=1.0)  # no 6 pt frame padding
    assert max(box[2] for box in body) <= right + OVERHANG  # no line wider than the frame
    assert max(box[2] for box in body) >= right - 3.0  # justified lines reach the right margin
    assert min(box[1] for box in body) >= bottom - 0.5
    first = max(box[3] for box in boxes[0])  # the top of page 1's first line, just under the margin
    assert top - 3.0 <= first <= top + 0.5


def test_a_table_wider_than_the_frame_is_scaled_to_it():
    doc = sample_decision(3)
    wide = tuple(Column(c.title, c.width_mm * 1.5, c.align) for c in doc.blocks[-1].columns)
    doc = AdminDocument(doc.title, (*doc.blocks[:-1], Table(wide, doc.blocks[-1].rows)), doc.page)
    right = (doc.page.width_mm - doc.page.right_mm) * MM
    assert max(box[2] for page in char_boxes(render_pdf(doc)) for box in page) <= right + OVERHANG
    widths = [int(col.get(qn("w:w"))) for col in docx.Document(io.BytesIO(render_docx(doc))).element.body
              .iter(qn("w:gridCol"))][-4:]
    assert sum(widths) <= round(doc.page.text_width_mm * 1440 / 25.4) + 2


def test_pdf_lines_are_set_at_word_single_spacing():
    """14 pt text, one line under the other, 1.15 × 14 pt apart (Word's single spacing, not 1.2)."""
    doc = AdminDocument("x", (para("Một dòng. " * 60, space_after=0),))
    baselines = sorted({round(piece.y, 2) for piece in page_pieces(render_pdf(doc))[0]}, reverse=True)
    steps = {round(a - b, 1) for a, b in zip(baselines, baselines[1:], strict=False)}
    assert len(baselines) > 5 and steps == {round(14 * 1.15, 1)}


# --- keeping together ---------------------------------------------------------------------------


def test_the_signature_is_on_the_page_of_the_last_article():
    """Whichever line of page 1 the last article ends on, the closing is on its page."""
    crossed = False
    for filler in range(0, 30):
        doc = padded_decision(filler)
        pages = page_lines(render_pdf(doc), doc.page.top_mm)[:-1]  # the annex's page left out
        article, signer = page_of(pages, "Điều 3."), page_of(pages, "Trần Thị Lan")
        assert page_of(pages, "Nơi nhận:") == signer == article, f"{filler} more lines"
        crossed |= article == 2
    assert crossed  # the sweep did push the end of the decision to page 2


def test_the_docx_keeps_the_last_article_with_the_closing():
    document = docx.Document(io.BytesIO(render_docx(sample_decision(3))))
    body = list(document.element.body)
    closing = next(i for i, node in enumerate(body)
                   if node.tag == qn("w:tbl") and "Nơi nhận:" in "".join(node.itertext()))
    last_article = body[closing - 1]
    assert "".join(last_article.itertext()).startswith("Điều 3.")
    props = last_article.find(qn("w:pPr"))
    assert props.find(qn("w:keepNext")) is not None and props.find(qn("w:keepLines")) is not None
    assert body[closing].findall(f".//{qn('w:cantSplit')}")
    for paragraph in body[closing].iter(qn("w:p")):
        assert paragraph.find(qn("w:pPr")).find(qn("w:keepNext")) is not None


def test_a_long_annex_table_starts_on_the_current_page():
    """A table longer than what is left of the page starts on it, its heading with its first rows,
    instead of leaving the rest of the page blank."""
    doc = two_tables()
    pages = page_lines(render_pdf(doc), doc.page.top_mm)
    assert page_of(pages, SECOND_HEADING) == page_of(pages, "I. TẬP THỂ")
    heading_page = pages[page_of(pages, SECOND_HEADING) - 1]
    after = heading_page[heading_page.index(SECOND_HEADING) + 1:]
    assert after[0].startswith("STT") and len(after) > 3  # the header row and rows under the heading


def test_the_annex_heading_is_never_alone_at_a_page_foot():
    for filler in range(0, 40, 3):
        doc = two_tables(40)
        blocks = list(doc.blocks)
        at = next(i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.text == SECOND_HEADING)
        blocks[at:at] = [para(f"Ghi chú {n}.") for n in range(filler)]
        pages = page_lines(render_pdf(AdminDocument(doc.title, tuple(blocks), doc.page)), doc.page.top_mm)
        page = pages[page_of(pages, SECOND_HEADING) - 1]
        assert page[-1] != SECOND_HEADING and not page[-1].startswith("STT"), f"{filler} notes"


# --- the .docx's settings -----------------------------------------------------------------------


def test_word_opens_the_docx_in_its_current_mode():
    with zipfile.ZipFile(io.BytesIO(render_docx(sample_report()))) as archive:
        settings = archive.read("word/settings.xml").decode()
    document = docx.Document(io.BytesIO(render_docx(sample_report())))
    modes = [node.get(qn("w:val")) for node in document.settings.element.iter(qn("w:compatSetting"))
             if node.get(qn("w:name")) == "compatibilityMode"]
    assert modes == ["15"]
    assert 'w:name="compatibilityMode"' in settings


def test_the_docx_has_widow_control_like_the_pdf():
    document = docx.Document(io.BytesIO(render_docx(sample_report())))
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:pPrDefault"))
    assert defaults.find(f"{qn('w:pPr')}/{qn('w:widowControl')}") is not None


# --- against LibreOffice ------------------------------------------------------------------------


DOCUMENTS = {
    "short decision": lambda: sample_decision(5),
    "decision, 200-row annex": lambda: sample_decision(200),
    "decision, 1,000-row annex": lambda: sample_decision(1000),
    "proposal": sample_proposal,
    "report": sample_report,
}


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: the comparison of our "
                    ".pdf with its rendering of our .docx needs it (apt-get install libreoffice-writer)")
@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_the_pdf_paginates_like_libreoffice_renders_the_docx(name, tmp_path):
    doc = DOCUMENTS[name]()
    ours = first_lines(render_pdf(doc), doc.page.top_mm, chars=20)
    theirs = first_lines(pdf_converter(render_docx(doc), tmp_path)(), doc.page.top_mm, chars=20)
    assert len(ours) == len(theirs), f"{len(ours)} pages in our .pdf, {len(theirs)} in LibreOffice's"
    assert ours == theirs  # each page starts with the same line
