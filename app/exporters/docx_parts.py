"""WordprocessingML building blocks for the .docx writer: runs, paragraphs, rules, tables, text widths.

Everything is built as lxml elements (python-docx's `OxmlElement`) rather than through python-docx's
object API: the API looks cells up one by one, which is far too slow for a list of a thousand names.
Child elements are appended in the order the OOXML schema requires, since Word rejects other orders.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.exporters.document import Align
from app.resources import fonts_dir

FONT = "Times New Roman"
BLACK = "000000"
TWIPS_PER_MM = 1440 / 25.4
PT_PER_MM = 72 / 25.4
RULE_WEIGHT = "6"  # eighths of a point: a 0.75 pt rule
GRID_WEIGHT = "4"  # eighths of a point: 0.5 pt table borders
ALIGNMENTS = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "both"}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Liberation Serif is metric-compatible with Times New Roman: widths measured with it hold in Word.
_FACES = {
    (False, False): ("LiberationSerif", "LiberationSerif-Regular.ttf"),
    (True, False): ("LiberationSerif-Bold", "LiberationSerif-Bold.ttf"),
    (False, True): ("LiberationSerif-Italic", "LiberationSerif-Italic.ttf"),
    (True, True): ("LiberationSerif-BoldItalic", "LiberationSerif-BoldItalic.ttf"),
}


def twips(mm: float) -> str:
    return str(round(mm * TWIPS_PER_MM))


def half_points(size: float) -> str:
    return str(round(size * 2))


def pt_twips(points: float) -> str:
    return str(round(points * 20))


def clean(text: str) -> str:
    """NFC text without the control characters XML cannot carry."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def el(tag: str, parent=None, **attrs: str):
    """A w: element with w: attributes, appended to `parent` when given."""
    node = OxmlElement(tag)
    for name, value in attrs.items():
        node.set(qn(f"w:{name}"), value)
    if parent is not None:
        parent.append(node)
    return node


# --- measuring ----------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _face(bold: bool, italic: bool) -> str:
    name, filename = _FACES[bool(bold), bool(italic)]
    if name not in pdfmetrics.getRegisteredFontNames():  # the PDF writer may have registered it
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / filename)))
    return name


def text_width_mm(text: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
    """The width of `text` set on one line in Times New Roman at `size` points."""
    return pdfmetrics.stringWidth(clean(text), _face(bold, italic), size) / PT_PER_MM


# --- runs ---------------------------------------------------------------------------------------


def run_props(size: float, *, bold: bool = False, italic: bool = False):
    """w:rPr naming Times New Roman for every script, so Word never substitutes a font."""
    rpr = el("w:rPr")
    el("w:rFonts", rpr, ascii=FONT, hAnsi=FONT, cs=FONT, eastAsia=FONT)
    if bold:
        el("w:b", rpr)
        el("w:bCs", rpr)
    if italic:
        el("w:i", rpr)
        el("w:iCs", rpr)
    el("w:sz", rpr, val=half_points(size))
    el("w:szCs", rpr, val=half_points(size))
    return rpr


def make_run(text: str, size: float, *, bold: bool = False, italic: bool = False):
    run = el("w:r")
    run.append(run_props(size, bold=bold, italic=italic))
    for index, line in enumerate(clean(text).split("\n")):
        if index:
            el("w:br", run)
        add_text(run, line)
    return run


def add_text(run, text: str):
    node = el("w:t", run)
    node.set(XML_SPACE, "preserve")
    node.text = text
    return node


# --- paragraphs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParaFormat:
    """Paragraph layout. `line_exact` > 0 fixes the line height (points); 0 is single spacing."""

    align: Align = Align.LEFT
    size: float = 14.0
    first_indent_mm: float = 0.0
    left_mm: float = 0.0
    right_mm: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    keep_next: bool = False
    keep_lines: bool = False
    line_exact: float = 0.0
    rule_below: bool = False


def paragraph_props(fmt: ParaFormat):
    ppr = el("w:pPr")
    if fmt.keep_next:
        el("w:keepNext", ppr)
    if fmt.keep_lines:
        el("w:keepLines", ppr)
    if fmt.rule_below:
        borders = el("w:pBdr", ppr)
        el("w:bottom", borders, val="single", sz=RULE_WEIGHT, space="0", color=BLACK)
    line = pt_twips(fmt.line_exact) if fmt.line_exact else "240"
    el("w:spacing", ppr, before=pt_twips(fmt.space_before), after=pt_twips(fmt.space_after),
       line=line, lineRule="exact" if fmt.line_exact else "auto")
    el("w:ind", ppr, left=twips(fmt.left_mm), right=twips(fmt.right_mm), firstLine=twips(fmt.first_indent_mm))
    el("w:jc", ppr, val=ALIGNMENTS[fmt.align])
    ppr.append(run_props(fmt.size))  # the paragraph mark: sets the height of an empty paragraph
    return ppr


def make_paragraph(fmt: ParaFormat, runs: Iterable[tuple[str, bool, bool]] = ()):
    """A paragraph of (text, bold, italic) runs, all at the format's size."""
    paragraph = el("w:p")
    paragraph.append(paragraph_props(fmt))
    for text, bold, italic in runs:
        paragraph.append(make_run(text, fmt.size, bold=bold, italic=italic))
    return paragraph


def text_paragraph(text: str, size: float, *, bold: bool = False, italic: bool = False,
                   align: Align = Align.CENTER, **options):
    return make_paragraph(ParaFormat(align=align, size=size, **options), [(text, bold, italic)])


def rule_paragraph(length_mm: float, room_mm: float, *, space_after: float = 0.0, keep_next: bool = False):
    """A centred solid line `length_mm` long: the bottom border of a one-point paragraph indented so
    that the border spans just that length of the `room_mm` available."""
    length = max(0.5, min(length_mm, room_mm))
    indent = (room_mm - length) / 2
    fmt = ParaFormat(align=Align.CENTER, size=1, left_mm=indent, right_mm=indent, space_before=2,
                     space_after=space_after, keep_next=keep_next, line_exact=1, rule_below=True)
    return make_paragraph(fmt)


def page_break_paragraph():
    """A page break in a paragraph one point high, so the next page starts with no blank line."""
    paragraph = make_paragraph(ParaFormat(size=1, line_exact=1))
    run = el("w:r", paragraph)
    run.append(run_props(1))
    el("w:br", run, type="page")
    return paragraph


# --- tables -------------------------------------------------------------------------------------


def make_table(widths_mm: Sequence[float], *, grid: bool, cell_margin_mm: float = 0.0,
               vertical_margin_mm: float = 0.0):
    """An empty fixed-layout table, centred, with its column grid; rows are appended by the caller."""
    table = el("w:tbl")
    props = el("w:tblPr", table)
    el("w:tblW", props, w=twips(sum(widths_mm)), type="dxa")
    el("w:jc", props, val="center")
    _table_borders(props, grid)
    el("w:tblLayout", props, type="fixed")
    margins = el("w:tblCellMar", props)
    for side, size in (("top", vertical_margin_mm), ("left", cell_margin_mm),
                       ("bottom", vertical_margin_mm), ("right", cell_margin_mm)):
        el(f"w:{side}", margins, w=twips(size), type="dxa")
    el("w:tblLook", props, val="0000", firstRow="0", lastRow="0", firstColumn="0", lastColumn="0",
       noHBand="1", noVBand="1")
    columns = el("w:tblGrid", table)
    for width in widths_mm:
        el("w:gridCol", columns, w=twips(width))
    return table


def _table_borders(props, grid: bool) -> None:
    borders = el("w:tblBorders", props)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if grid:
            el(f"w:{side}", borders, val="single", sz=GRID_WEIGHT, space="0", color=BLACK)
        else:
            el(f"w:{side}", borders, val="nil")


def make_row(cells: Sequence[Sequence], widths_mm: Sequence[float], *, header: bool = False,
             v_align: str = ""):
    """A row that never splits across pages (and repeats on every page when `header`): each cell
    is a list of paragraphs, an empty list giving an empty cell; `v_align` ("center", "bottom") sets the
    cells' vertical alignment, else Word's default, the top."""
    row = el("w:tr")
    props = el("w:trPr", row)
    el("w:cantSplit", props)
    if header:
        el("w:tblHeader", props)
    for paragraphs, width in zip(cells, widths_mm, strict=True):
        row.append(make_cell(paragraphs, width, v_align=v_align))
    return row


def make_cell(paragraphs: Sequence, width_mm: float, *, v_align: str = ""):
    cell = el("w:tc")
    props = el("w:tcPr", cell)
    el("w:tcW", props, w=twips(width_mm), type="dxa")
    if v_align:
        el("w:vAlign", props, val=v_align)
    for paragraph in paragraphs or [make_paragraph(ParaFormat(size=1, line_exact=1))]:
        cell.append(paragraph)
    return cell
