"""Certificates drawn into one PDF with reportlab: A4 landscape, one page per certificate, fonts embedded.

Positions are in millimetres from the page's top-left corner. The printer's correction moves and scales
everything drawn (fields and design alike): a point p lands at p × scale + offset. In the full design
the app draws its own border (two rules with small lozenges between: it does not copy the state's Bằng
khen patterns), the emblem the user supplied in its box, and for the CSTĐCS certificate a red flag on
either side of it; the national name and motto are fields like the others.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.exporters.certificates.check import PlannedPage
from app.exporters.certificates.fit import FieldFit, block_height_mm, face_of
from app.exporters.certificates.fonts import ASCENT, DESCENT, LEADING, registered, text_width_pt
from app.exporters.certificates.layout import PAGE_H_MM, PAGE_W_MM, EmblemBox, FieldBox, Layout, LayoutMode

PT_PER_MM = mm
BORDER_COLOR = HexColor("#8A1C1C")
FLAG_RED = HexColor("#DA251D")
FLAG_YELLOW = HexColor("#FFCD00")
RULE_WIDTH_PT = 0.6
INITIAL_FONT = "LiberationSerif-Regular"
RULE_GAP_MM = 0.8


@dataclass(frozen=True)
class Offsets:
    """The printer's correction: added to every position (mm; + is right / down) after scaling."""

    x_mm: float = 0.0
    y_mm: float = 0.0
    scale: float = 1.0


def new_canvas(buffer: io.BytesIO, title: str) -> Canvas:
    """A canvas whose initial font is an embedded one (else reportlab lists Helvetica, not embedded)."""
    registered(INITIAL_FONT)
    canvas = Canvas(buffer, pagesize=(PAGE_W_MM * mm, PAGE_H_MM * mm), pageCompression=0, invariant=1,
                    initialFontName=INITIAL_FONT, initialFontSize=12)
    canvas.setTitle(title)
    canvas.setAuthor("Sổ Vàng")
    canvas.setCreator("Sổ Vàng")
    return canvas


def apply_offsets(canvas: Canvas, offsets: Offsets) -> None:
    """After this, drawing at (x, H − y) in points puts a point of the design (x, y mm from the top-left)
    at (x × scale + dx, y × scale + dy) mm on the paper."""
    height = PAGE_H_MM * mm
    canvas.translate(offsets.x_mm * mm, height - offsets.y_mm * mm - offsets.scale * height)
    canvas.scale(offsets.scale, offsets.scale)


def render_pages(pages: Sequence[PlannedPage], offsets: Offsets | None = None, emblem: Path | None = None,
                 title: str = "Giấy khen") -> bytes:
    """One PDF page per planned certificate (every page must be printable: checked before)."""
    offsets = offsets or Offsets()
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, title)
    forms: set[str] = set()
    templates = _templates(pages)
    for page in pages:
        canvas.saveState()
        apply_offsets(canvas, offsets)
        name, common = templates[id(page.layout)]
        _once(canvas, name, forms, lambda c, page=page, common=common: _template(c, page, common, emblem))
        canvas.doForm(name)
        draw_fields(canvas, [(box, fit) for box, fit in page.fits if id(fit) not in common])
        canvas.restoreState()
        canvas.showPage()
    if not pages:
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _templates(pages: Sequence[PlannedPage]) -> dict[int, tuple[str, frozenset[int]]]:
    """Per layout (by identity), the fits all its pages share (the same objects: the planner fits each
    distinct text once) with the design: drawn once as a form each page refers to (a smaller PDF,
    written faster)."""
    common: dict[int, set[int]] = {}
    for page in pages:
        fits = {id(fit) for _box, fit in page.fits}
        key = id(page.layout)
        common[key] = common[key] & fits if key in common else fits
    return {key: (f"template{index}", frozenset(shared))
            for index, (key, shared) in enumerate(common.items())}


def _template(canvas: Canvas, page: PlannedPage, common: frozenset[int], emblem: Path | None) -> None:
    if page.layout.mode is LayoutMode.FULL:
        _design(canvas, page.layout, emblem)
    draw_fields(canvas, [(box, fit) for box, fit in page.fits if id(fit) in common])


@lru_cache(maxsize=64)
def _color(hex_color: str) -> Color:
    return HexColor(hex_color)


def _y(top_mm: float) -> float:
    return (PAGE_H_MM - top_mm) * mm


def draw_fields(canvas: Canvas, fields: Sequence[tuple[FieldBox, FieldFit]]) -> None:
    """The fields' lines in one text object (each line placed at its own origin), then the rules."""
    text = canvas.beginText()
    rules: list[tuple[str, float, float, float]] = []
    for box, fit in fields:
        if not fit.lines or not fit.fits:
            continue
        face, size = face_of(box), fit.size
        size_mm = size / mm
        room = box.h_mm - block_height_mm(len(fit.lines), size)
        top = box.y_mm + {"top": 0.0, "middle": room / 2, "bottom": room}[box.valign]
        text.setFont(face, size)
        text.setFillColor(_color(box.color))
        for index, line in enumerate(fit.lines):
            baseline = top + (ASCENT + index * LEADING) * size_mm
            width = text_width_pt(line, face, size)
            x = box.x_mm * mm + {"left": 0.0, "center": (box.w_mm * mm - width) / 2,
                                 "right": box.w_mm * mm - width}[box.align]
            text.setTextOrigin(x, _y(baseline))
            text.textOut(line)
            if box.rule_under:  # under the descenders, kept inside the box
                rules.append((box.color, x, x + width,
                              _y(min(baseline + DESCENT * size_mm + RULE_GAP_MM, box.y_mm + box.h_mm))))
    canvas.drawText(text)
    for color, left, right, y in rules:
        canvas.setStrokeColor(_color(color))
        canvas.setLineWidth(RULE_WIDTH_PT)
        canvas.line(left, y, right, y)


def _design(canvas: Canvas, layout: Layout, emblem: Path | None) -> None:
    if layout.border:
        _draw_border(canvas)
    box = layout.emblem
    if box is None:
        return
    if emblem is not None:
        canvas.drawImage(str(emblem), box.x_mm * mm, _y(box.y_mm + box.h_mm), box.w_mm * mm, box.h_mm * mm,
                         preserveAspectRatio=True, anchor="c", mask="auto")
    if box.flags:
        _draw_flags(canvas, box)


def _once(canvas: Canvas, name: str, forms: set[str], draw) -> None:
    """Draw what pages share once, as a form they refer to."""
    if name in forms:
        return
    canvas.beginForm(name)
    draw(canvas)
    canvas.endForm()
    forms.add(name)


def _draw_border(canvas: Canvas) -> None:
    """Two rules 10 and 14 mm from the edges, small lozenges in the band between: plain geometry."""
    canvas.saveState()
    canvas.setStrokeColor(BORDER_COLOR)
    canvas.setFillColor(BORDER_COLOR)
    outer, inner = 10.0, 14.0
    canvas.setLineWidth(1.6)
    canvas.rect(outer * mm, outer * mm, (PAGE_W_MM - 2 * outer) * mm, (PAGE_H_MM - 2 * outer) * mm)
    canvas.setLineWidth(0.6)
    canvas.rect(inner * mm, inner * mm, (PAGE_W_MM - 2 * inner) * mm, (PAGE_H_MM - 2 * inner) * mm)
    middle, step, half = (outer + inner) / 2, 6.0, 0.9
    for x in _steps(outer + 4, PAGE_W_MM - outer - 4, step):
        _lozenge(canvas, x, middle, half)
        _lozenge(canvas, x, PAGE_H_MM - middle, half)
    for y in _steps(outer + 4, PAGE_H_MM - outer - 4, step):
        _lozenge(canvas, middle, y, half)
        _lozenge(canvas, PAGE_W_MM - middle, y, half)
    canvas.restoreState()


def _steps(start: float, stop: float, step: float) -> list[float]:
    count = int((stop - start) // step)
    spare = (stop - start - count * step) / 2
    return [start + spare + i * step for i in range(count + 1)]


def _lozenge(canvas: Canvas, x_mm: float, y_mm: float, half_mm: float) -> None:
    path = canvas.beginPath()
    path.moveTo(x_mm * mm, (y_mm - half_mm) * mm)
    path.lineTo((x_mm + half_mm) * mm, y_mm * mm)
    path.lineTo(x_mm * mm, (y_mm + half_mm) * mm)
    path.lineTo((x_mm - half_mm) * mm, y_mm * mm)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _draw_flags(canvas: Canvas, box: EmblemBox) -> None:
    """A red flag with a yellow star on each side of the emblem's box, leaning outwards on a staff."""
    flag_w, flag_h = box.h_mm * 0.55, box.h_mm * 0.37
    top = box.y_mm + box.h_mm * 0.12
    for side in (-1, 1):
        staff_x = box.x_mm - 3 if side < 0 else box.x_mm + box.w_mm + 3
        left = staff_x - flag_w if side < 0 else staff_x
        canvas.setStrokeColor(HexColor("#6B4A1E"))
        canvas.setLineWidth(1.2)
        canvas.line(staff_x * mm, _y(top - 1), staff_x * mm, _y(box.y_mm + box.h_mm))
        canvas.setFillColor(FLAG_RED)
        canvas.rect(left * mm, _y(top + flag_h), flag_w * mm, flag_h * mm, stroke=0, fill=1)
        _star(canvas, left + flag_w / 2, top + flag_h / 2, flag_h * 0.3)


def _star(canvas: Canvas, cx_mm: float, cy_mm: float, radius_mm: float) -> None:
    import math

    canvas.setFillColor(FLAG_YELLOW)
    path = canvas.beginPath()
    for index in range(10):
        angle = math.pi / 2 + index * math.pi / 5
        r = radius_mm if index % 2 == 0 else radius_mm * 0.382
        x, y = cx_mm + r * math.cos(angle), cy_mm - r * math.sin(angle)
        (path.moveTo if index == 0 else path.lineTo)(x * mm, _y(y))
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
