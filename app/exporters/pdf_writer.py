"""The .pdf writer: lays an AdminDocument out with reportlab platypus, following Decree 30/2020.

A4 portrait, the page setup's margins, Liberation Serif (metric-compatible with Times New Roman)
embedded as subsets, page numbers centred in the top margin from page 2 on."""

from __future__ import annotations

import io
from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageTemplate,
    Spacer,
)
from reportlab.platypus import PageBreak as RlPageBreak
from reportlab.platypus import Paragraph as RlParagraph
from reportlab.platypus import Table as RlTable

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
from app.exporters.layout import (
    DESCENT,
    SINGLE_LINE,
    TABLE_CELL_MARGIN_MM,
    TABLE_VERTICAL_MARGIN_MM,
    TABLES_APART,
)
from app.exporters.pdf_parts import (
    CellParagraph,
    CenteredRule,
    font_name,
    register_fonts,
    runs_markup,
    runs_width,
    style,
    text_width,
)

# Layout-only tables (header, closing): no grid, no padding, top-aligned. The cell font is set
# although every cell holds paragraphs, else reportlab selects Helvetica (a non-embedded font).
_PLAIN = [("FONT", (0, 0), (-1, -1), font_name(), 12), ("VALIGN", (0, 0), (-1, -1), "TOP"),
          ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
          ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
# The attached list's grid: the .docx's cell margins and vertical centring, so rows are as tall in both.
# Word adds each row's border to its height, reportlab draws it over the edge: half a line above and below.
_GRID_LINE = 0.5
_GRID = [("FONT", (0, 0), (-1, -1), font_name(), 12), ("GRID", (0, 0), (-1, -1), _GRID_LINE, (0, 0, 0)),
         ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
         ("LEFTPADDING", (0, 0), (-1, -1), TABLE_CELL_MARGIN_MM * mm),
         ("RIGHTPADDING", (0, 0), (-1, -1), TABLE_CELL_MARGIN_MM * mm),
         ("TOPPADDING", (0, 0), (-1, -1), TABLE_VERTICAL_MARGIN_MM * mm + _GRID_LINE / 2),
         ("BOTTOMPADDING", (0, 0), (-1, -1), TABLE_VERTICAL_MARGIN_MM * mm + _GRID_LINE / 2)]
_HEADER_GAP = 6.0  # points between the name/motto rows and the number/date row


def render_pdf(doc: AdminDocument) -> bytes:
    """The document as PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    template = _template(buffer, doc)
    template.build(_story(doc.blocks, template.width))
    return buffer.getvalue()


def _template(buffer: io.BytesIO, doc: AdminDocument) -> BaseDocTemplate:
    """The page: the text frame is exactly the page less the margins, as in Word (reportlab's frames
    have 6 pt of padding by default, which would make the text block 4 mm narrower and shorter)."""
    page = doc.page
    template = BaseDocTemplate(
        buffer, pagesize=(page.width_mm * mm, page.height_mm * mm),
        leftMargin=page.left_mm * mm, rightMargin=page.right_mm * mm,
        topMargin=page.top_mm * mm, bottomMargin=page.bottom_mm * mm,
        title=doc.title, author=doc.author, creator="Sổ Vàng", subject="", lang="vi",
        initialFontName=font_name(), initialFontSize=13,
    )
    number_pages = _page_numberer(page) if page.number_pages else _no_decoration
    template.addPageTemplates([
        PageTemplate("first", [_frame(template)], onPage=_no_decoration, autoNextPageTemplate="later"),
        PageTemplate("later", [_frame(template)], onPage=number_pages),
    ])
    return template


def _frame(template: BaseDocTemplate) -> Frame:
    return Frame(template.leftMargin, template.bottomMargin, template.width, template.height, id="text",
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def _no_decoration(canvas, template) -> None:
    return None


def _page_numberer(page: PageSetup) -> Callable:
    """Draws the Arabic page number, upright, centred over the text area in the top margin."""
    x = (page.left_mm + page.text_width_mm / 2) * mm
    # where Word sets the first line of the .docx's page header: its top at half the top margin (the
    # header distance), the baseline one single line less the font's descent below that
    y = (page.height_mm - page.top_mm / 2) * mm - page.page_number_size * (SINGLE_LINE - DESCENT)

    def draw(canvas, template) -> None:
        canvas.saveState()
        canvas.setFont(font_name(), page.page_number_size)
        canvas.drawCentredString(x, y, str(canvas.getPageNumber()))
        canvas.restoreState()

    return draw


def _story(blocks: tuple[Block, ...], width: float) -> list[Flowable]:
    """The flowables of every block, with the two page-break rules the .docx has too: the last paragraph
    goes with the closing (the signature never stands alone on a page), and the paragraphs kept with a
    table (the annex's titles, a section heading) go with its header and first row only, so that a
    table longer than the rest of the page starts on it, as Word and LibreOffice lay it out."""
    groups = [_flowables(block, width) for block in blocks]
    for index, block in enumerate(blocks):
        after_paragraph = index > 0 and isinstance(blocks[index - 1], Paragraph)
        if isinstance(block, Closing) and after_paragraph and groups[index]:
            groups[index] = [KeepTogether([*groups[index - 1], *groups[index]])]
            groups[index - 1] = []
        elif isinstance(block, Table) and groups[index]:
            start = index
            while start and isinstance(blocks[start - 1], Paragraph) and _kept_with_next(groups[start - 1]):
                start -= 1
            if start < index:
                kept = [flowable for group in groups[start:index] for flowable in group]
                for flowable in kept:
                    flowable.keepWithNext = 0
                height = _stack_height(kept, width, spaced=True) + _first_rows_height(block, width)
                groups[start].insert(0, CondPageBreak(height))
    for index in range(1, len(blocks)):  # the gap the .docx needs between two tables
        if _is_table(blocks[index - 1], groups[index - 1]) and _is_table(blocks[index], groups[index]):
            groups[index].insert(0, Spacer(1, TABLES_APART))
    return [flowable for group in groups for flowable in group]


def _is_table(block: Block, group: list[Flowable]) -> bool:
    """Whether the block is laid out as a table in the .docx (a header, a closing, a list with columns)."""
    return bool(group) and (isinstance(block, HeaderBlock | Closing) or (isinstance(block, Table)
                                                                          and bool(block.columns)))


def _kept_with_next(flowables: list[Flowable]) -> bool:
    return bool(flowables) and bool(flowables[-1].getKeepWithNext())


def _first_rows_height(block: Table, width: float) -> float:
    """The height of a table's header row and first row: what must fit below the lines kept with it."""
    return _stack_height([_table(Table(block.columns, block.rows[:1], block.size), width)], width)


def _flowables(block: Block, width: float) -> list[Flowable]:
    if isinstance(block, Paragraph):
        return _paragraph(block, width)
    if isinstance(block, HeaderBlock):
        return [_header(block, width)]
    if isinstance(block, Closing):
        return [_closing(block, width)]
    if isinstance(block, Table):
        return [_table(block, width)] if block.columns else []
    if isinstance(block, PageBreak):
        return [RlPageBreak()]
    raise TypeError(f"unknown block {block!r}")


# --- paragraphs ---------------------------------------------------------------------------------


def _paragraph(block: Paragraph, width: float) -> list[Flowable]:
    ruled = block.rule_under > 0
    paragraph_style = style(
        block.size, block.align, first_indent=block.first_indent_mm * mm, space_before=block.space_before,
        space_after=0.0 if ruled else block.space_after, keep_with_next=block.keep_with_next or ruled,
    )
    flowables: list[Flowable] = [RlParagraph(runs_markup(block.runs), paragraph_style)]
    if ruled:
        length = min(block.rule_under * runs_width(block.runs, block.size), width)
        # as tall as the .docx's rule: a one-point paragraph 2 pt below the text with a 0.75 pt border
        rule = CenteredRule(length, gap_above=3.0, gap_below=0.15 + block.space_after)
        rule.keepWithNext = int(block.keep_with_next)
        flowables.append(rule)
    return flowables


def _line(text: str, size: float, *, bold: bool = False, italic: bool = False,
          align: Align = Align.CENTER) -> RlParagraph:
    return RlParagraph(escape(text), style(size, align, bold=bold, italic=italic))


# --- header block -------------------------------------------------------------------------------


def _header(block: HeaderBlock, width: float) -> RlTable:
    left_width = block.left_width_mm * mm
    rows = [[_issuer(block), _national(block)], [_number(block), _place_date(block)]]
    table = RlTable(rows, colWidths=[left_width, width - left_width], hAlign="CENTER")
    table.setStyle(_PLAIN + [("TOPPADDING", (0, 1), (-1, 1), _HEADER_GAP)])
    return table


_ISSUER_RULE_FRACTION = 0.4  # the line under the issuing body: 1/3–1/2 of its longer line (Decree 30)


def _issuer(block: HeaderBlock) -> list[Flowable]:
    if not block.issuer_lines:
        return []
    lines: list[Flowable] = [_line(text, block.issuer_size, bold=bold) for text, bold in block.issuer_lines]
    body = [line for line in block.issuer_lines if line[1]] or list(block.issuer_lines)  # not the parent
    longest = max(text_width(text, block.issuer_size, bold=bold) for text, bold in body)
    lines.append(CenteredRule(longest * _ISSUER_RULE_FRACTION))
    return lines


def _number(block: HeaderBlock) -> list[Flowable]:
    return [_line(block.number, block.number_size)] if block.number else []


def _national(block: HeaderBlock) -> list[Flowable]:
    return [
        _line(block.national_name, block.national_size, bold=True),
        _line(block.motto, block.motto_size, bold=True),
        CenteredRule(text_width(block.motto, block.motto_size, bold=True)),
    ]


def _place_date(block: HeaderBlock) -> list[Flowable]:
    return [_line(block.place_date, block.date_size, italic=True)] if block.place_date else []


# --- closing: recipients and signatures ---------------------------------------------------------


def _closing(block: Closing, width: float) -> RlTable:
    """Recipients left and the signature right, or two signatures side by side. A single table row,
    so it never splits across pages; the names of two signatures are aligned on one line."""
    if block.recipients or len(block.signatures) < 2:
        widths = [width * 0.45, width * 0.55]
        cells = [_recipients(block), *_signatures(block.signatures[:1], widths[1:])]
    else:
        widths = [width / 2, width / 2]
        cells = _signatures(block.signatures[:2], widths)
    cells += [[] for _ in range(2 - len(cells))]
    table = RlTable([cells], colWidths=widths, hAlign="CENTER", spaceBefore=6)
    table.setStyle(_PLAIN)
    return table


def _signatures(columns: tuple[SignatureColumn, ...], widths: list[float]) -> list[list[Flowable]]:
    """One cell per signature: the title lines, the signature space, the name. A shorter title block
    gets a longer space, so that the names line up."""
    heads = [_signature_head(column) for column in columns]
    heights = [_stack_height(head, w) for head, w in zip(heads, widths, strict=False)]
    top = max(heights, default=0.0)
    return [[*head, Spacer(1, column.space_mm * mm + top - height), _line(column.name, 14, bold=True)]
            for column, head, height in zip(columns, heads, heights, strict=True)]


def _signature_head(column: SignatureColumn) -> list[Flowable]:
    flowables: list[Flowable] = [_line(line, 14, bold=True) for line in column.lines]
    if column.note:
        flowables.append(_line(column.note, 13, italic=True))
    return flowables


def _stack_height(flowables: list[Flowable], width: float, *, spaced: bool = False) -> float:
    """The height of flowables set one under the other, with their spaces before and after if `spaced`."""
    height = sum(flowable.wrap(width, 1e6)[1] for flowable in flowables)
    if spaced:
        height += sum(flowable.getSpaceBefore() + flowable.getSpaceAfter() for flowable in flowables)
    return height


def _recipients(block: Closing) -> list[Flowable]:
    if not block.recipients:
        return []
    title = _line(block.recipients_title, 12, bold=True, italic=True, align=Align.LEFT)
    return [title, *[_line(line, 11, align=Align.LEFT) for line in block.recipients]]


# --- tables -------------------------------------------------------------------------------------


def _table(block: Table, width: float) -> RlTable:
    widths = _column_widths(block, width)
    head_style = style(block.size, Align.CENTER, bold=True)
    cell_styles = [style(block.size, column.align) for column in block.columns]
    header = [CellParagraph(column.title, head_style) for column in block.columns]
    body = [_row(row, cell_styles) for row in block.rows]
    table = LongTable([header, *body], colWidths=widths, repeatRows=1, hAlign="CENTER")
    table.setStyle(_GRID)
    return table


def _row(row: tuple[str, ...], cell_styles: list[ParagraphStyle]) -> list[CellParagraph]:
    """One cell per column: a short row is padded with empty cells, a long one cut."""
    texts = (*row, *[""] * (len(cell_styles) - len(row)))
    return [CellParagraph(text, cell_style) for text, cell_style in zip(texts, cell_styles, strict=False)]


def _column_widths(block: Table, width: float) -> list[float]:
    """Column widths from the model, scaled down to the text width when they add up to more."""
    widths = [column.width_mm * mm for column in block.columns]
    total = sum(widths)
    scale = min(1.0, width / total) if total else 1.0
    return [w * scale for w in widths]
