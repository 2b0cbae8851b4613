"""The choices a print is made from: how (full design or blanks), which layout, which printer and the
correction stored for it; shared by the decision's certificates section and the layout editor."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from app.services.accounts import may_take
from app.services.certificates import CalibrationRow, LayoutInfo
from app.services.workspace import Database
from app.ui.certificates.columns import correction_text
from app.ui.certificates.pdf_printing import available_printers
from app.ui.kit.widgets import select_data

FULL, BLANK = "full", "blank_form"
MODES = [("In đầy đủ trên giấy trắng", FULL), ("In lên phôi có sẵn", BLANK)]
AUTO_LAYOUT = "Tự chọn theo hình thức và loại đối tượng"
NO_PRINTER = "Không dùng căn chỉnh (in thẳng)"


READ_ONLY = "Tài khoản này chỉ được xem, không được in hay sửa."


def may_edit(db: Database) -> bool:
    """Whether the person working may print, record or change (a viewer only reads)."""
    return may_take(db.actor, "certificates")


def allow_edits(db: Database, *widgets: QWidget) -> None:
    """Grey out the widgets that write when the person may only read, saying why."""
    if not may_edit(db):
        for widget in widgets:
            widget.setEnabled(False)
            widget.setToolTip(READ_ONLY)


def refill_layouts(combo: QComboBox, layouts: list[LayoutInfo], mode: str, auto: bool = True) -> None:
    """The usable layouts of one mode (a layout that cannot be read is left out), led by the automatic
    choice when `auto`; the current choice kept when it is still listed."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if auto:
        combo.addItem(AUTO_LAYOUT, None)
    for info in layouts:
        if info.mode == mode and not info.problem:
            combo.addItem(info.title + (" — bản đã sửa" if info.user_copy else ""), info.name)
    select_data(combo, current)
    combo.blockSignals(False)


def refill_printers(combo: QComboBox, calibrations: list[CalibrationRow], none_item: bool = True) -> None:
    """The computer's printers and those with a stored correction (a printer of another computer)."""
    current = combo.currentData()
    names = available_printers()
    names += [c.printer_name for c in calibrations if c.printer_name not in names]
    combo.blockSignals(True)
    combo.clear()
    for name in names:
        combo.addItem(name, name)
    if none_item:
        combo.addItem(NO_PRINTER, "")
    if current is not None:
        select_data(combo, current)
    combo.blockSignals(False)


def calibration_note(printer_name: str, calibrations: list[CalibrationRow]) -> str:
    """What correction a print on this printer gets."""
    if not printer_name:
        return "Không bù độ lệch: chữ in đúng vị trí của mẫu."
    row = next((c for c in calibrations if c.printer_name == printer_name), None)
    if row is None:
        return ("Máy in này chưa được căn chỉnh. Nên căn chỉnh một lần (trang “Giấy khen”, thẻ “Máy in”) "
                "trước khi in lên phôi.")
    return f"Đã căn chỉnh: {correction_text(row.offset_x_mm, row.offset_y_mm, row.scale)}."
