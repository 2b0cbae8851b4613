"""The fonts a certificate layout may name: the shipped Liberation families (resources/fonts), registered
with reportlab once and embedded in every PDF (as subsets)."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.resources import fonts_dir

# (family, bold, italic) -> the registered name, which is also the file's stem in resources/fonts
FACES: dict[tuple[str, bool, bool], str] = {
    ("Liberation Serif", False, False): "LiberationSerif-Regular",
    ("Liberation Serif", True, False): "LiberationSerif-Bold",
    ("Liberation Serif", False, True): "LiberationSerif-Italic",
    ("Liberation Serif", True, True): "LiberationSerif-BoldItalic",
    ("Liberation Sans", False, False): "LiberationSans-Regular",
    ("Liberation Sans", True, False): "LiberationSans-Bold",
}
FAMILIES = tuple(dict.fromkeys(family for family, _bold, _italic in FACES))
# The fonts' vertical metrics (hhea, in em): a line's ink lies within ascent above and descent below its
# baseline, Vietnamese stacked marks included; both families share them.
ASCENT = 0.891
DESCENT = 0.216
LEADING = 1.15  # a line's height in em when a field wraps


def face_name(family: str, bold: bool, italic: bool) -> str | None:
    """The registered font for a family and style, or None when no such font is shipped."""
    return FACES.get((family, bool(bold), bool(italic)))


def style_words(bold: bool, italic: bool) -> str:
    """'đậm, nghiêng' — how a message names the style of a font."""
    words = [word for word, on in (("đậm", bold), ("nghiêng", italic)) if on]
    return ", ".join(words) or "thường"


@cache
def registered(name: str) -> TTFont:
    """The font registered under its name (once), with its file's glyph table for the glyph check."""
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / f"{name}.ttf")))
    font = pdfmetrics.getFont(name)
    assert isinstance(font, TTFont)
    return font


@cache
def covered(name: str) -> frozenset[int]:
    """The code points the font has a glyph for (its cmap)."""
    return frozenset(registered(name).face.charToGlyph)


def text_width_pt(text: str, name: str, size: float) -> float:
    registered(name)
    return pdfmetrics.stringWidth(text, name, size)
