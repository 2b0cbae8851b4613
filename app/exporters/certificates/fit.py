"""The fit rule of a field: shrink down to the field's smallest size, then wrap up to its most lines, and
never let the text out of its box. Widths come from the embedded font's own metrics, so the fit checked
before printing is the fit printed."""

from __future__ import annotations

from dataclasses import dataclass

from app.exporters.certificates.fonts import ASCENT, DESCENT, LEADING, face_name, text_width_pt
from app.exporters.certificates.layout import FieldBox

PT_PER_MM = 72.0 / 25.4
SIZE_STEP = 0.5  # pt


@dataclass(frozen=True)
class FieldFit:
    """How one field's text is set: its size, its lines; shrunk or wrapped; or that it cannot fit."""

    field: str
    text: str  # as printed (the layout's prefix and the value)
    size: float
    lines: tuple[str, ...]
    shrunk: bool = False
    wrapped: bool = False
    fits: bool = True

    def note(self, box: FieldBox) -> str:
        """'cỡ chữ 16 → 13,5 pt, xuống 2 dòng' (empty when set as designed)."""
        if not self.fits:
            return (f"không vừa ô ({_pt(box.w_mm)} × {_pt(box.h_mm)} mm) dù đã giảm xuống "
                    f"{_pt(box.min_size)} pt và xuống tối đa {box.max_lines} dòng")
        parts = []
        if self.shrunk:
            parts.append(f"cỡ chữ {_pt(box.size)} → {_pt(self.size)} pt")
        if self.wrapped:
            parts.append(f"xuống {len(self.lines)} dòng")
        return ", ".join(parts)


def _pt(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def face_of(box: FieldBox) -> str:
    name = face_name(box.font, box.bold, box.italic)
    if name is None:  # layout files are checked when read; a box built in code must be right too
        raise ValueError(f"no shipped font {box.font!r} bold={box.bold} italic={box.italic}")
    return name


def block_height_mm(lines: int, size: float) -> float:
    """The height the ink of `lines` lines needs: the first line's ascent, the leading between lines,
    the last line's descent."""
    if lines == 0:
        return 0.0
    return ((lines - 1) * LEADING + ASCENT + DESCENT) * size / PT_PER_MM


def _sizes(box: FieldBox) -> list[float]:
    sizes, size = [], box.size
    while size > box.min_size + 1e-9:
        sizes.append(size)
        size = round(size - SIZE_STEP, 2)
    return [*sizes, box.min_size]


@dataclass(frozen=True)
class Measured:
    """A text's words with their widths at 1 pt (a font's widths scale with its size and add up, so each
    word is measured once whatever the size tried)."""

    paragraphs: tuple[tuple[tuple[str, float], ...], ...]  # the text's own lines: (word, width) each
    space: float

    @classmethod
    def of(cls, text: str, face: str) -> Measured:
        paragraphs = tuple(tuple((word, text_width_pt(word, face, 1.0)) for word in line.split())
                           for line in text.split("\n"))
        return cls(paragraphs, text_width_pt(" ", face, 1.0))


def wrap(measured: Measured, size: float, width_pt: float) -> list[str] | None:
    """Greedy word wrap of each of the text's own lines; None when one word alone is too wide."""
    room = width_pt / size + 1e-9  # in widths at 1 pt
    lines: list[str] = []
    for paragraph in measured.paragraphs:
        current: list[str] = []
        used = 0.0
        for word, width in paragraph:
            if width > room:
                return None
            if current and used + measured.space + width > room:
                lines.append(" ".join(current))
                current, used = [], 0.0
            used += (measured.space if current else 0.0) + width
            current.append(word)
        lines.append(" ".join(current))
    return lines


def fit_field(box: FieldBox, value: str) -> FieldFit:
    """Set `value` (the layout's prefix added) in the box: at the designed size if it fits; else the
    largest size down to the smallest that keeps the text's own lines; else the largest that fits in
    at most `max_lines` lines; else a FieldFit that does not fit."""
    text = f"{box.prefix}{value}" if value else ""
    if not text.strip():
        return FieldFit(box.field, "", box.size, ())
    measured, width = Measured.of(text, face_of(box)), box.w_mm * PT_PER_MM
    own_lines = text.count("\n") + 1
    for most in (own_lines, box.max_lines):
        if most > box.max_lines:
            continue
        for size in _sizes(box):
            lines = wrap(measured, size, width)
            if lines is None or len(lines) > most:
                continue
            if block_height_mm(len(lines), size) <= box.h_mm + 1e-6:
                return FieldFit(box.field, text, size, tuple(lines), shrunk=size < box.size,
                                wrapped=len(lines) > own_lines)
    return FieldFit(box.field, text, box.min_size, tuple(text.split("\n")), fits=False)
