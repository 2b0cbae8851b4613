"""The .docx writer: lays an AdminDocument out as a Word file following Decree 30/2020.

A4 portrait, Times New Roman throughout, page numbers centred at the top from page 2 on. The header
block and the closing are borderless two-column tables; an attached list is a grid table whose header
row repeats on every page and whose rows never split. Word opens the result for editing, so the layout
is expressed in Word's own terms (tables, borders, fields) rather than drawn.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import math
from collections.abc import Callable

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Twips

from app.exporters.document import (
    AdminDocument,
    Align,
    Block,
    Closing,
    HeaderBlock,
    PageBreak,
    PageSetup,
    Paragraph,
    SignatureColumn,
    Table,
)
from app.exporters.docx_parts import (
    BLACK,
    FONT,
    XML_SPACE,
    ParaFormat,
    add_text,
    clean,
    el,
    half_points,
    make_paragraph,
    make_row,
    make_table,
    page_break_paragraph,
    rule_paragraph,
    run_props,
    text_paragraph,
    text_width_mm,
)
from app.exporters.layout import TABLE_CELL_MARGIN_MM, TABLE_VERTICAL_MARGIN_MM, TABLES_APART

LANGUAGE = "vi-VN"
WORD_URI = "http://schemas.microsoft.com/office/word"
COMPATIBILITY_MODE = "15"
GRID_V_ALIGN = "center"  # the attached list's cells, centred vertically as in the PDF
ISSUER_RULE_FRACTION = 0.4  # the line under the issuing body: 1/3–1/2 of its longer line (Decree 30)
HEADER_GAP = 6.0  # points above the number and the place-and-date line
CLOSING_GAP = 6.0  # points above the recipients and the signature


def render_docx(doc: AdminDocument) -> bytes:
    """The document as the bytes of a .docx file."""
    document = docx.Document()
    _setup_styles(document)
    _set_compatibility(document)
    _setup_page(document.sections[0], doc.page)
    _set_properties(document, doc)
    elements = [element for index, block in enumerate(doc.blocks) for element in
                (_kept_paragraph(block, doc.page) if _before_closing(doc.blocks, index)
                 else _BUILDERS[type(block)](block, doc.page))]
    elements = _tables_apart(elements)
    if not elements or elements[-1].tag == qn("w:tbl"):
        elements.append(make_paragraph(ParaFormat(size=1, line_exact=1)))  # Word wants a last paragraph
    end = document.element.body.find(qn("w:sectPr"))
    for element in elements:
        end.addprevious(element)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _before_closing(blocks: tuple[Block, ...], index: int) -> bool:
    """Whether blocks[index] is the paragraph before the closing: it is kept whole and with the closing
    (one table row that never splits), so the signature never stands alone on a page, as in the PDF."""
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return isinstance(blocks[index], Paragraph) and isinstance(following, Closing)


# --- document setup -----------------------------------------------------------------------------


def _setup_styles(document: Document) -> None:
    """Times New Roman, black, Vietnamese, single spacing: on the defaults and on Normal."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    _font_of_record(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")), 14)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    for name, value in (("after", "0"), ("line", "240"), ("lineRule", "auto")):
        spacing.set(qn(f"w:{name}"), value)
    spacing.addprevious(el("w:widowControl"))  # no line alone at a page's foot or head (the PDF's too)
    normal = document.styles["Normal"]
    _font_of_record(normal.element.get_or_add_rPr(), 14)
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANGUAGE)


def _set_compatibility(document: Document) -> None:
    """Word's current layout (compatibility mode 15, Word 2013 and later), not the older mode python-docx's
    template declares: Word then opens the file without "[Compatibility Mode]" and lays it out as new."""
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = el("w:compat")
        settings.append(compat)  # python-docx's template always has one; the schema order is not kept here
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            compat.remove(setting)
    compat.append(el("w:compatSetting", name="compatibilityMode", uri=WORD_URI, val=COMPATIBILITY_MODE))


def _font_of_record(rpr, size: float) -> None:
    """Replace any font, colour, size and language in `rpr` by the document's own."""
    for tag in ("w:rFonts", "w:color", "w:sz", "w:szCs", "w:lang"):
        for node in rpr.findall(qn(tag)):
            rpr.remove(node)
    rpr.insert(0, el("w:rFonts", ascii=FONT, hAnsi=FONT, cs=FONT, eastAsia=FONT))
    # w:color, w:sz, w:szCs and w:lang come after every other run property the templates use
    el("w:color", rpr, val=BLACK)
    el("w:sz", rpr, val=half_points(size))
    el("w:szCs", rpr, val=half_points(size))
    el("w:lang", rpr, val=LANGUAGE, eastAsia=LANGUAGE, bidi="ar-SA")


def _tables_apart(elements: list) -> list:
    """A paragraph of TABLES_APART points between two adjacent tables, which Word and LibreOffice would
    otherwise join into one (the second's borders and widths lost); the .pdf leaves the same gap."""
    result: list = []
    for element in elements:
        if result and element.tag == qn("w:tbl") and result[-1].tag == qn("w:tbl"):
            result.append(make_paragraph(ParaFormat(size=1, line_exact=TABLES_APART)))
        result.append(element)
    return result


def _setup_page(section: Section, page: PageSetup) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if page.landscape else WD_ORIENT.PORTRAIT  # what Word prints
    section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
    section.top_margin, section.bottom_margin = _margin(page.top_mm), _margin(page.bottom_mm)
    section.left_margin, section.right_margin = _margin(page.left_mm), _margin(page.right_mm)
    section.header_distance = section.footer_distance = Mm(page.top_mm / 2)
    section.gutter = Mm(0)
    if page.number_pages:
        _number_pages(section, page.page_number_size)


def _margin(mm: float) -> Twips:
    """Word stores margins in twips; round up so that 15 mm never becomes 14,99 mm (below Decree 30)."""
    return Twips(math.ceil(mm / 25.4 * 1440))


def _number_pages(section: Section, size: float) -> None:
    """A PAGE field centred in the default header; page 1 gets its own, empty, header."""
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    container = header._element
    for paragraph in container.findall(qn("w:p")):
        container.remove(paragraph)
    paragraph = make_paragraph(ParaFormat(align=Align.CENTER, size=size))
    for run in _page_field(size):
        paragraph.append(run)
    container.append(paragraph)


def _page_field(size: float) -> list:
    """The runs of a PAGE field: begin, instruction, separator, cached result, end."""
    runs = [el("w:r") for _ in range(5)]
    for run in runs:
        run.append(run_props(size))
    el("w:fldChar", runs[0], fldCharType="begin")
    instruction = el("w:instrText", runs[1])
    instruction.set(XML_SPACE, "preserve")
    instruction.text = " PAGE "
    el("w:fldChar", runs[2], fldCharType="separate")
    add_text(runs[3], "2")
    el("w:fldChar", runs[4], fldCharType="end")
    return runs


def _set_properties(document: Document, doc: AdminDocument) -> None:
    properties = document.core_properties
    properties.title = clean(doc.title)
    properties.author = properties.last_modified_by = clean(doc.author)
    properties.comments = properties.keywords = properties.subject = ""
    properties.language = LANGUAGE
    properties.created = properties.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
    properties.revision = 1


# --- blocks -------------------------------------------------------------------------------------


def _header(block: HeaderBlock, page: PageSetup) -> list:
    """Issuer (left) beside national name and motto (right); below them the number beside the
    place and date, in a second row so the two lines share a baseline."""
    widths = (block.left_width_mm, page.text_width_mm - block.left_width_mm)
    table = make_table(widths, grid=False)
    table.append(make_row([_issuer(block, widths[0]), _national(block, widths[1])], widths))
    if block.number or block.place_date:
        number = [text_paragraph(block.number, block.number_size, space_before=HEADER_GAP)]
        date = [text_paragraph(block.place_date, block.date_size, italic=True, space_before=HEADER_GAP)]
        table.append(make_row([number if block.number else [], date if block.place_date else []], widths))
    return [table]


def _issuer(block: HeaderBlock, width: float) -> list:
    if not block.issuer_lines:
        return []
    lines = [text_paragraph(text, block.issuer_size, bold=bold, keep_next=True)
             for text, bold in block.issuer_lines]
    body = [line for line in block.issuer_lines if line[1]] or list(block.issuer_lines)  # not the parent
    longest = max(text_width_mm(text, block.issuer_size, bold=bold) for text, bold in body)
    return [*lines, rule_paragraph(longest * ISSUER_RULE_FRACTION, width, keep_next=True)]


def _national(block: HeaderBlock, width: float) -> list:
    motto_length = text_width_mm(block.motto, block.motto_size, bold=True)
    return [
        text_paragraph(block.national_name, block.national_size, bold=True, keep_next=True),
        text_paragraph(block.motto, block.motto_size, bold=True, keep_next=True),
        rule_paragraph(motto_length, width, keep_next=True),
    ]


def _paragraph(block: Paragraph, page: PageSetup) -> list:
    return _laid_paragraph(block, page, kept=False)


def _kept_paragraph(block: Block, page: PageSetup) -> list:
    """The paragraph before the closing: whole, and on the closing's page."""
    assert isinstance(block, Paragraph)
    return _laid_paragraph(block, page, kept=True)


def _laid_paragraph(block: Paragraph, page: PageSetup, *, kept: bool) -> list:
    ruled = block.rule_under > 0
    fmt = ParaFormat(align=block.align, size=block.size, first_indent_mm=block.first_indent_mm,
                     space_before=block.space_before, space_after=0.0 if ruled else block.space_after,
                     keep_next=block.keep_with_next or ruled or kept, keep_lines=kept)
    paragraph = make_paragraph(fmt, [(run.text, run.bold, run.italic) for run in block.runs])
    if not ruled:
        return [paragraph]
    length = block.rule_under * _runs_width(block)
    rule = rule_paragraph(length, page.text_width_mm, space_after=block.space_after,
                          keep_next=block.keep_with_next or kept)
    return [paragraph, rule]


def _runs_width(block: Paragraph) -> float:
    return sum(text_width_mm(run.text, block.size, bold=run.bold, italic=run.italic) for run in block.runs)


def _closing(block: Closing, page: PageSetup) -> list:
    """Recipients beside the signature, or two signatures side by side: one row, never split."""
    width = page.text_width_mm
    if block.recipients or len(block.signatures) < 2:
        widths = (width * 0.45, width * 0.55)
        cells = [_recipients(block), _signature(block.signatures[0]) if block.signatures else []]
    else:
        widths = (width / 2, width / 2)
        cells = [_signature(column) for column in block.signatures[:2]]
    table = make_table(widths, grid=False)
    table.append(make_row(cells, widths))
    for props in table.iter(qn("w:pPr")):  # kept together also where a row's cantSplit is not enough
        if props.find(qn("w:keepNext")) is None:
            props.insert(0, el("w:keepNext"))
    return [table]


def _recipients(block: Closing) -> list:
    if not block.recipients:
        return []
    title = text_paragraph(block.recipients_title, 12, bold=True, italic=True, align=Align.LEFT,
                           space_before=CLOSING_GAP)
    return [title, *[text_paragraph(line, 11, align=Align.LEFT) for line in block.recipients]]


def _signature(column: SignatureColumn) -> list:
    lines = [text_paragraph(line, 14, bold=True, space_before=CLOSING_GAP if index == 0 else 0.0)
             for index, line in enumerate(column.lines)]
    if column.note:
        lines.append(text_paragraph(column.note, 13, italic=True))
    space = column.space_mm * 72 / 25.4
    lines.append(make_paragraph(ParaFormat(size=1, line_exact=space)) if space >= 1 else None)
    lines.append(text_paragraph(column.name, 14, bold=True))
    return [line for line in lines if line is not None]


def _table(block: Table, page: PageSetup) -> list:
    """A grid table: the header row repeats on every page, rows never split. Body rows are copies
    of one prepared row with the texts set, which keeps a thousand-row list fast."""
    widths = _column_widths(block, page.text_width_mm)
    table = make_table(widths, grid=True, cell_margin_mm=TABLE_CELL_MARGIN_MM,
                       vertical_margin_mm=TABLE_VERTICAL_MARGIN_MM)
    titles = [[text_paragraph(c.title, block.size, bold=True)] for c in block.columns]
    table.append(make_row(titles, widths, header=True, v_align=GRID_V_ALIGN))
    prototype = make_row([[text_paragraph("", block.size, align=c.align)] for c in block.columns], widths,
                         v_align=GRID_V_ALIGN)
    for row in block.rows:
        table.append(_filled_row(prototype, row, widths, block))
    return [table]


def _column_widths(block: Table, room_mm: float) -> list[float]:
    """Column widths from the model, scaled down to the text width when they add up to more."""
    widths = [column.width_mm for column in block.columns]
    total = sum(widths)
    scale = room_mm / total if total > room_mm else 1.0
    return [width * scale for width in widths]


def _filled_row(prototype, texts: tuple[str, ...], widths: list[float], block: Table):
    if len(texts) != len(widths) or any("\n" in text for text in texts):
        return _slow_row(texts, widths, block)
    row = copy.deepcopy(prototype)
    for node, text in zip(row.iter(qn("w:t")), texts, strict=True):
        node.text = clean(text)
    return row


def _slow_row(texts: tuple[str, ...], widths: list[float], block: Table):
    """A row with line breaks in its texts or the wrong number of cells (padded or cut to fit)."""
    texts = (tuple(texts) + ("",) * len(widths))[: len(widths)]
    paragraphs = [[text_paragraph(text, block.size, align=column.align)]
                  for text, column in zip(texts, block.columns, strict=True)]
    return make_row(paragraphs, widths, v_align=GRID_V_ALIGN)


def _page_break(_block: PageBreak, _page: PageSetup) -> list:
    return [page_break_paragraph()]


_BUILDERS: dict[type, Callable[[Block, PageSetup], list]] = {
    HeaderBlock: _header, Paragraph: _paragraph, Closing: _closing, Table: _table, PageBreak: _page_break,
}
