"""Printer calibration: the calibration page, the correction worked out from where its crosshairs landed,
and the corrections stored per printer name (applied to every field at print time).

A printer that puts a point p of the page at p × s + t (mm from the paper's top-left corner) is corrected
by printing q = (p − t) / s instead: the stored scale is 1 / s and the stored offset −t / s. With crosshair
A alone the scale is taken as 1 and the offset is simply where A should be minus where it landed.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFoundError, ValidationError, Validator
from app.exporters.certificates.calibration import MARKS, render_calibration_page
from app.exporters.certificates.render import Offsets
from app.models import PrinterCalibration
from app.rules.vntext import normalize_multiline, normalize_text
from app.services.certificates.data import MAX_OFFSET_MM, SCALE_RANGE, CalibrationInput, CalibrationRow
from app.services.sorting import by_text, order_by
from app.storage.atomic import save_files
from app.storage.database import Database

CALIBRATION_MARKS = dict(MARKS)  # name -> (x, y) mm from the paper's left and top edges
Point = tuple[float, float]


def _mm(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def check_calibration(data: CalibrationInput) -> CalibrationInput:
    """The input cleaned, or ValidationError: offsets within ±20 mm, scale within 0,9–1,1."""
    clean = CalibrationInput(printer_name=normalize_text(data.printer_name), offset_x_mm=data.offset_x_mm,
                             offset_y_mm=data.offset_y_mm, scale=data.scale, measured_on=data.measured_on,
                             note=normalize_multiline(data.note))
    check = Validator()
    check.require("printer_name", "Tên máy in", clean.printer_name)
    check.max_length("printer_name", "Tên máy in", clean.printer_name, 200)
    check.plain_text("printer_name", "Tên máy in", clean.printer_name)
    for name, label in (("offset_x_mm", "Lệch ngang"), ("offset_y_mm", "Lệch dọc")):
        value = getattr(clean, name)
        if not isinstance(value, int | float) or not math.isfinite(value):
            check.add(name, f"{label}: phải là một số (mm).")
        elif abs(value) > MAX_OFFSET_MM:
            check.add(name, (f"{label} {_mm(value)} mm: vượt quá ±{_mm(MAX_OFFSET_MM)} mm. Hãy đo lại, và "
                             "kiểm tra cách đặt giấy vào khay và khổ giấy đã chọn (A4 ngang)."))
    low, high = SCALE_RANGE
    scale = clean.scale
    if not isinstance(scale, int | float) or not math.isfinite(scale) or not low <= scale <= high:
        shown = _mm(scale) if isinstance(scale, int | float) else scale
        check.add("scale", (f"Tỉ lệ {shown}: phải từ {_mm(low)} đến {_mm(high)}. Máy in đã thu nhỏ hoặc "
                            "phóng to trang: hãy in lại trang căn chỉnh ở chế độ “Kích thước thực”."))
    check.raise_if_any()
    return clean


def calibration_from_marks(printer_name: str, landed_a: Point, landed_b: Point | None = None,
                           measured_on: dt.date | None = None) -> CalibrationInput:
    """The correction from where crosshair A (and B, for the scale) landed on the paper, in mm from
    the paper's left and top edges. Checked (ValidationError beyond ±20 mm or a scale off by 10 %)."""
    (ax, ay), (bx, by) = MARKS["A"], MARKS["B"]
    scale_printed = 1.0
    if landed_b is not None:
        designed = math.hypot(bx - ax, by - ay)
        scale_printed = math.hypot(landed_b[0] - landed_a[0], landed_b[1] - landed_a[1]) / designed
        if scale_printed <= 0:
            raise ValidationError({"scale": "Vị trí A và B trùng nhau: hãy đo lại."})
    shift_x, shift_y = landed_a[0] - scale_printed * ax, landed_a[1] - scale_printed * ay
    return check_calibration(CalibrationInput(
        printer_name=printer_name, offset_x_mm=round(-shift_x / scale_printed, 2),
        offset_y_mm=round(-shift_y / scale_printed, 2), scale=round(1 / scale_printed, 4),
        measured_on=measured_on or dt.date.today()))


def _row(record: PrinterCalibration) -> CalibrationRow:
    return CalibrationRow(id=record.id, printer_name=record.printer_name, offset_x_mm=record.offset_x_mm,
                          offset_y_mm=record.offset_y_mm, scale=record.scale, measured_on=record.measured_on,
                          note=record.note)


def _find(session: Session, printer_name: str) -> PrinterCalibration | None:
    query = select(PrinterCalibration).where(PrinterCalibration.printer_name == normalize_text(printer_name))
    return session.scalars(query).first()


def save_calibration(db: Database, data: CalibrationInput) -> CalibrationRow:
    """Store (or replace) the correction of one printer, by its name."""
    clean = check_calibration(data)
    with db.transaction() as session:
        record = _find(session, clean.printer_name)
        if record is None:
            record = PrinterCalibration(printer_name=clean.printer_name)
            session.add(record)
        record.offset_x_mm, record.offset_y_mm = float(clean.offset_x_mm), float(clean.offset_y_mm)
        record.scale, record.measured_on, record.note = float(clean.scale), clean.measured_on, clean.note
        session.flush()
        return _row(record)


# The calibrations list's sorts (CalibrationRow's fields).
CALIBRATION_SORTS = ("printer_name", "offset_x_mm", "offset_y_mm", "scale", "measured_on")


def list_calibrations(db: Database, *, sort: str = "printer_name",
                      descending: bool = False) -> list[CalibrationRow]:
    """The printers calibrated, sorted by the query on one of CALIBRATION_SORTS, then by name."""
    keys = dict(zip(CALIBRATION_SORTS, (
        by_text(PrinterCalibration.printer_name), PrinterCalibration.offset_x_mm,
        PrinterCalibration.offset_y_mm, PrinterCalibration.scale, PrinterCalibration.measured_on),
        strict=True))
    with db.read() as session:
        query = select(PrinterCalibration).order_by(
            *order_by(keys, sort, descending, PrinterCalibration.printer_name, PrinterCalibration.id))
        return [_row(r) for r in session.scalars(query)]


def get_calibration(db: Database, printer_name: str) -> CalibrationRow | None:
    with db.read() as session:
        record = _find(session, printer_name)
        return _row(record) if record else None


def delete_calibration(db: Database, printer_name: str) -> None:
    with db.transaction() as session:
        record = _find(session, printer_name)
        if record is None:
            raise NotFoundError(f"Chưa có căn chỉnh nào cho máy in “{normalize_text(printer_name)}”.")
        session.delete(record)


def offsets_of(session: Session, printer_name: str) -> Offsets:
    """The stored correction of a printer (none for an unnamed or uncalibrated printer)."""
    record = _find(session, printer_name) if printer_name.strip() else None
    if record is None:
        return Offsets()
    return Offsets(record.offset_x_mm, record.offset_y_mm, record.scale)


def calibration_page(db: Database | None = None, printer_name: str = "") -> bytes:
    """The calibration page PDF; with a printer's name, its stored correction applied (to check it)."""
    offsets = Offsets()
    if db is not None and printer_name.strip():
        with db.read() as session:
            if _find(session, printer_name) is None:
                raise NotFoundError(f"Chưa có căn chỉnh nào cho máy in “{normalize_text(printer_name)}”.")
            offsets = offsets_of(session, printer_name)
    return render_calibration_page(offsets, normalize_text(printer_name) if offsets != Offsets() else "")


def save_calibration_page(out: Path, db: Database | None = None, printer_name: str = "") -> Path:
    """Write the calibration page whole (or not at all) to `out`."""
    target = Path(out)
    save_files({target: calibration_page(db, printer_name)})
    return target
