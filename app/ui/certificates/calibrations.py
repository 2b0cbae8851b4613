"""The printers' stored corrections (offset and scale), the calibration wizard, and a check page printed
with a printer's correction applied (its crosshairs should then land exactly)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.services.certificates import (
    MAX_OFFSET_MM,
    delete_calibration,
    list_calibrations,
    save_calibration_page,
)
from app.services.workspace import Database
from app.ui.certificates.calibration_wizard import CalibrationWizard
from app.ui.certificates.choices import allow_edits, may_edit
from app.ui.certificates.columns import CALIBRATION_COLUMNS, mm
from app.ui.kit import messages, system_files
from app.ui.kit.list_page import ListPage
from app.ui.kit.operations import service_call
from app.ui.kit.row_table import RowTableModel, row_table_view
from app.ui.kit.widgets import add_button

INTRO = (f"Độ lệch của từng máy in được cộng vào mọi ô chữ khi in (tối đa ±{mm(MAX_OFFSET_MM)} mm). "
         "Sau khi căn chỉnh, in “trang kiểm tra” để thấy dấu chữ thập đã rơi đúng chỗ.")


class CalibrationsView(ListPage):
    model: RowTableModel

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.model = RowTableModel(CALIBRATION_COLUMNS, self)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(intro, 1)
        self.wizard_button = add_button(row, "Căn chỉnh máy in…", self.open_wizard)
        self.check_button = add_button(row, "Lưu trang kiểm tra…", self.save_check_page)
        self.delete_button = add_button(row, "Xóa căn chỉnh", self.delete_selected)
        writes = (self.delete_button,) if may_edit(db) else ()
        self.selection_buttons = (self.check_button, *writes)
        allow_edits(db, self.wizard_button, self.delete_button)
        self.lay_out([row], self.use_table(row_table_view(self.model), edits=False))
        self.sort_by_columns()
        self.selection_changed()

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        self.show_rows(list_calibrations(self.db, **self.sorted_by()), "máy in đã căn chỉnh", select)
        self.selection_changed()

    def open_wizard(self) -> None:
        self.open_dialog(CalibrationWizard(self.db, parent=self))

    def save_check_page(self) -> None:
        row = self.selected()
        if row is None:
            return
        suggested = system_files.suggested_save_path(self.db.data_dir, "Trang-kiem-tra-can-chinh.pdf")
        path = system_files.choose_save_path(self, suggested, "Tệp PDF (*.pdf)", "Lưu trang kiểm tra")
        if path is None:
            return
        with service_call(self) as call:
            save_calibration_page(path, self.db, row.printer_name)
        if call.ok:
            system_files.remember_save_folder(self.db.data_dir, path)
            messages.show_info(self, f"Đã lưu trang kiểm tra (đã cộng căn chỉnh của “{row.printer_name}”) "
                                     f"vào:\n{path}\n\nIn ở “Kích thước thực”: dấu A và B phải rơi đúng "
                                     "vị trí ghi trên trang.")

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = (f"Xóa căn chỉnh của máy in “{row.printer_name}”?\n"
                    "Giấy khen in trên máy này sẽ không được bù lệch.")
        name = row.printer_name
        if self.delete_confirmed(question, "Xóa căn chỉnh", lambda: delete_calibration(self.db, name)):
            self.refresh()
