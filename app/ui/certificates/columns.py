"""The columns of the certificate lists: prints of a decision, certificates printed, the blanks register,
the golden book and the printers' calibrations; and how millimetres and moments are written."""

from __future__ import annotations

import datetime as dt

from app.models import SubjectKind
from app.rules.vntext import vn_number, vn_short_date
from app.ui.kit.row_table import CENTER, RIGHT, RowColumn, first_line

YES = "có"


def mm(value: float, signed: bool = False) -> str:
    """1.5 -> '1,5'; signed: '+1,5' / '-0,8' (a Vietnamese decimal comma)."""
    text = f"{abs(value):.2f}".rstrip("0").rstrip(".").replace(".", ",")
    if signed:
        return ("-" if value < 0 else "+") + text if value else "0"
    return ("-" if value < 0 else "") + text


def scale_text(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".").replace(".", ",")


def local_moment(value: dt.datetime) -> str:
    """A moment stored in UTC (naive), written in the computer's time: '05/11/2026 14:03'."""
    local = value.replace(tzinfo=dt.UTC).astimezone()
    return f"{vn_short_date(local.date())} {local:%H:%M}"


def kind_label(kind: str) -> str:
    try:
        return SubjectKind(kind).label
    except ValueError:
        return kind


def correction_text(x_mm: float, y_mm: float, scale: float) -> str:
    """'ngang +1,5 mm, dọc -0,8 mm, tỉ lệ 1'."""
    return f"ngang {mm(x_mm, True)} mm, dọc {mm(y_mm, True)} mm, tỉ lệ {scale_text(scale)}"


def print_columns(titles: dict[str, str]) -> list[RowColumn]:
    """The prints of a decision; `titles` (filled by the page) turns layout names into their titles."""

    def layouts(row) -> str:
        return "; ".join(titles.get(name.strip(), name.strip()) for name in row.layout_name.split(","))

    return [*PRINT_COLUMNS[:6], RowColumn("Mẫu", layouts, 200, tooltip=layouts, sort="layout_name"),
            *PRINT_COLUMNS[7:]]


PRINT_COLUMNS = [
    RowColumn("Lúc in", lambda r: local_moment(r.printed_at), 120, CENTER, sort="printed_at"),
    RowColumn("Người in", lambda r: r.printed_by, 120, sort="printed_by"),
    RowColumn("Người nhận", lambda r: r.recipients, 90, CENTER, sort="recipients"),
    RowColumn("Số tờ", lambda r: vn_number(r.count), 55, RIGHT, sort="count"),
    RowColumn("In lại", lambda r: vn_number(r.reprints) if r.reprints else "", 55, RIGHT, sort="reprints"),
    RowColumn("Cách in", lambda r: "lên phôi" if r.blank_form else "giấy trắng", 85, sort="blank_form"),
    RowColumn("Mẫu", lambda r: r.layout_name, 150, sort="layout_name"),
    RowColumn("Máy in, căn chỉnh", lambda r: printer_cell(r), 220,
              tooltip=lambda r: printer_cell(r), sort="printer_name"),
    RowColumn("Ghi chú", lambda r: first_line(r.note, 80), 160, stretch=True, tooltip=lambda r: r.note,
              sort="note"),
]


def printer_cell(row) -> str:
    name = row.printer_name or "tệp PDF / không căn chỉnh"
    if row.offset_x_mm or row.offset_y_mm or row.scale != 1:
        return f"{name} ({correction_text(row.offset_x_mm, row.offset_y_mm, row.scale)})"
    return name


def certificate_state(row) -> str:
    if row.spoiled:
        return f"Hỏng: {row.spoil_reason}"
    return "In lại" if row.reprint_of_id else "Bản in đầu"


CERTIFICATE_COLUMNS = [
    RowColumn("STT", lambda r: str(r.position), 45, CENTER, sort="position"),
    RowColumn("Người nhận", lambda r: r.recipient, 220, stretch=True, sort="recipient"),
    RowColumn("Số sổ vàng", lambda r: str(r.golden_book_no or ""), 85, CENTER, sort="golden_book_no"),
    RowColumn("Lúc in", lambda r: local_moment(r.printed_at), 120, CENTER, sort="printed_at"),
    RowColumn("Trên phôi", lambda r: YES if r.on_blank else "", 70, CENTER, sort="on_blank"),
    RowColumn("Tình trạng", certificate_state, 220, tooltip=certificate_state, sort="state"),
]

BLANK_COLUMNS = [
    RowColumn("Ngày", lambda r: vn_short_date(r.day), 95, CENTER, sort="day"),
    RowColumn("Loại", lambda r: r.kind.label, 150, sort="kind"),
    RowColumn("Số phôi", lambda r: vn_number(r.count), 75, RIGHT, sort="count"),
    RowColumn("Sê-ri từ", lambda r: r.serial_from, 100, sort="serial_from"),
    RowColumn("Sê-ri đến", lambda r: r.serial_to, 100, sort="serial_to"),
    RowColumn("Người ghi", lambda r: r.recorded_by, 140, sort="recorded_by"),
    RowColumn("Ghi chú", lambda r: first_line(r.note, 80), 180, stretch=True, tooltip=lambda r: r.note,
              sort="note"),
]

GOLDEN_BOOK_COLUMNS = [
    RowColumn("Sổ", lambda r: r.book, 170, sort="book"),
    RowColumn("Số sổ vàng", lambda r: str(r.number), 85, CENTER, sort="number"),
    RowColumn("Người nhận", lambda r: r.recipient, 220, stretch=True, sort="recipient"),
    RowColumn("Loại", lambda r: kind_label(r.kind), 95, sort="kind"),
    RowColumn("Quyết định", lambda r: r.decision_number + (" (đã hủy)" if r.cancelled else ""), 150,
              sort="decision_number"),
    RowColumn("Ngày", lambda r: vn_short_date(r.decision_date), 95, CENTER, sort="decision_date"),
    RowColumn("Đã in", lambda r: f"{r.certificates} lần" if r.certificates else "chưa in", 75, CENTER,
              sort="certificates"),
]
GOLDEN_BOOK_DATE = 5  # the book's own order: by the decisions' dates, then numbers

CALIBRATION_COLUMNS = [
    RowColumn("Máy in", lambda r: r.printer_name, 260, stretch=True, sort="printer_name"),
    RowColumn("Lệch ngang", lambda r: f"{mm(r.offset_x_mm, True)} mm", 100, RIGHT, sort="offset_x_mm"),
    RowColumn("Lệch dọc", lambda r: f"{mm(r.offset_y_mm, True)} mm", 100, RIGHT, sort="offset_y_mm"),
    RowColumn("Tỉ lệ", lambda r: scale_text(r.scale), 80, RIGHT, sort="scale"),
    RowColumn("Ngày đo", lambda r: vn_short_date(r.measured_on), 95, CENTER, sort="measured_on"),
]
