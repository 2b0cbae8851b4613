"""The calibration page: millimetre rulers along the top and left edges, crosshairs at known positions,
a 100 mm bar, and the instructions. Printed at actual size, it shows at once whether the printer moved
the page (where the crosshairs landed) or scaled it (the rulers and the bar measure short or long)."""

from __future__ import annotations

import io

from reportlab.lib.colors import HexColor, black
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.exporters.certificates.fonts import registered
from app.exporters.certificates.layout import PAGE_H_MM, PAGE_W_MM
from app.exporters.certificates.render import Offsets, apply_offsets, new_canvas

# The crosshairs: name and centre (mm from the paper's left and top edges).
MARKS: dict[str, tuple[float, float]] = {"A": (40.0, 40.0), "B": (257.0, 170.0)}
RED = HexColor("#C00000")
REGULAR, BOLD = "LiberationSans-Regular", "LiberationSans-Bold"
INSTRUCTIONS = (
    "TRANG CĂN CHỈNH MÁY IN — Sổ Vàng",
    "1. In trang này ở chế độ “Kích thước thực” (Actual size, 100 %). KHÔNG chọn “Vừa trang” "
    "(Fit to page) hay “Thu nhỏ”.",
    "2. Đặt tờ giấy như khi in giấy khen (khổ A4 ngang). Dùng thước đo tâm dấu chữ thập A và B:",
    "    khoảng cách từ MÉP TRÁI tờ giấy (x) và từ MÉP TRÊN tờ giấy (y), tính bằng mm.",
    "3. Nhập các số đo vào Sổ Vàng (Căn chỉnh máy in). Nếu A nằm đúng chỗ thì máy in không lệch.",
    "4. Đoạn thẳng dưới đây dài đúng 100 mm. Nếu đo được khác 100 mm, máy in đã thu nhỏ hoặc phóng to trang:",
    "    hãy in lại ở “Kích thước thực”.",
)


def _mm(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _y(top_mm: float) -> float:
    return (PAGE_H_MM - top_mm) * mm


def render_calibration_page(offsets: Offsets | None = None, printer_name: str = "") -> bytes:
    """The calibration page as a one-page PDF (with a printer's correction applied when given, to check
    that it is right: the crosshairs then land exactly where they are named)."""
    offsets = offsets or Offsets()
    registered(REGULAR)
    registered(BOLD)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, "Trang căn chỉnh máy in")
    canvas.saveState()
    apply_offsets(canvas, offsets)
    _rulers(canvas)
    for name, (x, y) in MARKS.items():
        _crosshair(canvas, name, x, y)
    _instructions(canvas, offsets, printer_name)
    canvas.restoreState()
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _rulers(canvas: Canvas) -> None:
    canvas.setStrokeColor(black)
    canvas.setFillColor(black)
    canvas.setFont(REGULAR, 6)
    for x in range(0, int(PAGE_W_MM) + 1):
        length = 6.0 if x % 10 == 0 else 4.0 if x % 5 == 0 else 2.5
        canvas.setLineWidth(0.35 if x % 10 == 0 else 0.2)
        canvas.line(x * mm, _y(0), x * mm, _y(length))
        if x % 10 == 0 and 0 < x < PAGE_W_MM:
            canvas.drawCentredString(x * mm, _y(length + 2.6), str(x))
    for y in range(0, int(PAGE_H_MM) + 1):
        length = 6.0 if y % 10 == 0 else 4.0 if y % 5 == 0 else 2.5
        canvas.setLineWidth(0.35 if y % 10 == 0 else 0.2)
        canvas.line(0, _y(y), length * mm, _y(y))
        if y % 10 == 0 and 0 < y < PAGE_H_MM:
            canvas.drawString((length + 1) * mm, _y(y + 0.8), str(y))


def _crosshair(canvas: Canvas, name: str, x: float, y: float) -> None:
    canvas.setStrokeColor(RED)
    canvas.setLineWidth(0.3)
    canvas.line((x - 12) * mm, _y(y), (x + 12) * mm, _y(y))
    canvas.line(x * mm, _y(y - 12), x * mm, _y(y + 12))
    canvas.circle(x * mm, _y(y), 5 * mm)
    canvas.setFillColor(RED)
    canvas.setFont(BOLD, 11)
    canvas.drawString((x + 6) * mm, _y(y - 6), name)
    canvas.setFont(REGULAR, 8)
    where = f"{name}: x = {_mm(x)} mm, y = {_mm(y)} mm"
    if x > PAGE_W_MM / 2:  # the label stays on the paper, left of a crosshair near the right edge
        canvas.drawRightString((x - 6) * mm, _y(y + 9), where)
    else:
        canvas.drawString((x + 6) * mm, _y(y + 9), where)


def _instructions(canvas: Canvas, offsets: Offsets, printer_name: str) -> None:
    canvas.setFillColor(black)
    top = 72.0
    for index, line in enumerate(INSTRUCTIONS):
        canvas.setFont(BOLD if index == 0 else REGULAR, 12 if index == 0 else 9.5)
        canvas.drawString(30 * mm, _y(top + index * 6.5), line)
    bar_y = top + len(INSTRUCTIONS) * 6.5 + 4
    canvas.setStrokeColor(black)
    canvas.setLineWidth(0.8)
    canvas.line(60 * mm, _y(bar_y), 160 * mm, _y(bar_y))
    for x in (60, 160):
        canvas.line(x * mm, _y(bar_y - 3), x * mm, _y(bar_y + 3))
    canvas.setFont(REGULAR, 9)
    canvas.drawCentredString(110 * mm, _y(bar_y - 1.5), "100 mm")
    if printer_name:
        applied = (f"Đã áp dụng căn chỉnh của máy in “{printer_name}”: lệch ngang {_mm(offsets.x_mm)} mm, "
                   f"lệch dọc {_mm(offsets.y_mm)} mm, tỉ lệ {_mm(offsets.scale)}.")
        canvas.drawString(30 * mm, _y(bar_y + 10), applied)
