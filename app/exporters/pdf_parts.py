"""Building pieces for the .pdf writer: the embedded fonts, cached paragraph styles, run markup and
the centred solid line drawn under the motto, the issuing body and the subject line."""

from __future__ import annotations

from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph

from app.exporters.document import Align, Run
from app.exporters.layout import SINGLE_LINE
from app.resources import fonts_dir

FAMILY = "LiberationSerif"
# (bold, italic) -> registered font name; the files are resources/fonts/<name>.ttf
FONTS = {
    (False, False): "LiberationSerif",
    (True, False): "LiberationSerif-Bold",
    (False, True): "LiberationSerif-Italic",
    (True, True): "LiberationSerif-BoldItalic",
}
_FILES = {
    "LiberationSerif": "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold": "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic": "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}
_ALIGNMENTS = {Align.LEFT: TA_LEFT, Align.CENTER: TA_CENTER, Align.RIGHT: TA_RIGHT, Align.JUSTIFY: TA_JUSTIFY}
LEADING = SINGLE_LINE  # Word's single line spacing, as a multiple of the font size
RULE_THICKNESS = 0.6


def register_fonts() -> None:
    """Register the Liberation Serif family (metric-compatible with Times New Roman) with reportlab.

    Safe to call repeatedly and alongside other modules registering the same names."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / filename)))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=FONTS[False, False], bold=FONTS[True, False],
        italic=FONTS[False, True], boldItalic=FONTS[True, True],
    )


def font_name(bold: bool = False, italic: bool = False) -> str:
    return FONTS[bool(bold), bool(italic)]


@lru_cache(maxsize=256)
def style(size: float, align: Align = Align.LEFT, *, bold: bool = False, italic: bool = False,
          first_indent: float = 0.0, space_before: float = 0.0, space_after: float = 0.0,
          keep_with_next: bool = False, leading: float = LEADING) -> ParagraphStyle:
    """A paragraph style, created once per distinct set of options (styles are never mutated)."""
    name = f"s{size}/{leading}-{align}-{bold}{italic}-{first_indent}-{space_before}-{space_after}"
    return ParagraphStyle(
        name, fontName=font_name(bold, italic), fontSize=size, leading=size * leading,
        alignment=_ALIGNMENTS[Align(align)], firstLineIndent=first_indent, spaceBefore=space_before,
        spaceAfter=space_after, keepWithNext=int(keep_with_next), splitLongWords=0,
        allowWidows=0, allowOrphans=0,  # widow and orphan control, as the .docx sets it
        spaceShrinkage=0,  # Word never squeezes the spaces of a line to fit one more word
    )


def run_markup(run: Run) -> str:
    text = escape(run.text)
    if run.bold:
        text = f"<b>{text}</b>"
    if run.italic:
        text = f"<i>{text}</i>"
    return text


def runs_markup(runs: tuple[Run, ...]) -> str:
    return "".join(run_markup(run) for run in runs)


def text_width(text: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
    return pdfmetrics.stringWidth(text, font_name(bold, italic), size)


def runs_width(runs: tuple[Run, ...], size: float) -> float:
    return sum(text_width(run.text, size, bold=run.bold, italic=run.italic) for run in runs)


class CenteredRule(Flowable):
    """A solid horizontal line of an exact length, centred in the available width."""

    def __init__(self, length: float, *, gap_above: float = 3.0, gap_below: float = 2.0,
                 thickness: float = RULE_THICKNESS) -> None:
        super().__init__()
        self.length = length
        self.gap_above = gap_above
        self.gap_below = gap_below
        self.thickness = thickness
        self.avail_width = length

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.avail_width = availWidth
        return availWidth, self.gap_above + self.thickness + self.gap_below

    def draw(self) -> None:
        y = self.gap_below + self.thickness / 2
        length = min(self.length, self.avail_width)
        x0 = (self.avail_width - length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x0, y, x0 + length, y)


class CellParagraph(Paragraph):
    """A plain-text table cell: skips the markup parser (one prepared fragment per style) and
    remembers its last wrap, since a long table wraps each cell several times while paginating."""

    def __init__(self, text: str | None, cell_style: ParagraphStyle, bulletText=None,  # noqa: N803
                 frags=None, **options) -> None:
        if frags is None and text and "\n" in text:  # kept line breaks go through the markup parser
            text = "<br/>".join(escape(" ".join(line.split())) for line in text.split("\n"))
        elif frags is None:  # reportlab passes the fragments when it splits a cell
            frags = [_style_fragment(cell_style).clone(text=" ".join((text or "").split()))]
        super().__init__(text, cell_style, bulletText, frags, **options)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if availWidth != getattr(self, "_wrapped_at", None) or not hasattr(self, "blPara"):
            super().wrap(availWidth, availHeight)
            self._wrapped_at = availWidth
        return self.width, self.height


@lru_cache(maxsize=64)
def _style_fragment(cell_style: ParagraphStyle):
    """The fragment the markup parser makes for one word in this style, to clone for plain text."""
    return Paragraph("x", cell_style).frags[0]
