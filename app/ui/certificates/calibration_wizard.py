"""The calibration wizard: choose the printer, print the calibration page at actual size, measure where
crosshairs A and B landed, and the correction (offset and scale) is worked out, checked and saved."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.errors import ServiceError, ValidationError
from app.rules.vntext import normalize_text
from app.services.certificates import (
    CALIBRATION_MARKS,
    CalibrationInput,
    calibration_from_marks,
    calibration_page,
    list_calibrations,
    save_calibration,
    save_calibration_page,
)
from app.services.workspace import Database
from app.ui.certificates import pdf_printing
from app.ui.certificates.choices import refill_printers
from app.ui.certificates.columns import correction_text, mm
from app.ui.kit import messages, system_files
from app.ui.kit.background import run_in_background
from app.ui.kit.widgets import ERROR_STYLE, add_button

W = QWizard.WizardButton
POINTS = ("ax", "ay", "bx", "by")


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def read_mm(text: str) -> float | None:
    """'41,5' or '41.5' -> 41.5; empty -> None; ValueError when it is no number."""
    raw = normalize_text(text).replace(",", ".").replace(" ", "")
    return float(raw) if raw else None


def landed_text(landed_a: tuple[float, float]) -> str:
    """'Máy in đặt dấu A lệch sang phải 1,5 mm và lên trên 0,8 mm.' (plain words for the officer)"""
    (ax, ay), (x, y) = CALIBRATION_MARKS["A"], landed_a
    parts = []
    if round(x - ax, 2):
        parts.append(f"sang {'phải' if x > ax else 'trái'} {mm(abs(x - ax))} mm")
    if round(y - ay, 2):
        parts.append(f"{'xuống dưới' if y > ay else 'lên trên'} {mm(abs(y - ay))} mm")
    return f"Máy in đặt dấu A lệch {' và '.join(parts)}." if parts else "Dấu A rơi đúng chỗ."


class PrinterPage(QWizardPage):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.setTitle("Bước 1: Chọn máy in")
        self.printer_combo = QComboBox()
        self.printer_combo.setEditable(True)
        refill_printers(self.printer_combo, list_calibrations(db), none_item=False)
        self.printer_combo.editTextChanged.connect(lambda _t: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(_label("Mỗi máy in đặt tờ giấy lệch đi một chút. Căn chỉnh một lần cho mỗi máy in, "
                                "Sổ Vàng sẽ tự bù độ lệch đó mỗi khi in giấy khen lên phôi."))
        layout.addWidget(QLabel("Máy in:"))
        layout.addWidget(self.printer_combo)
        layout.addStretch(1)

    def printer_name(self) -> str:
        return normalize_text(self.printer_combo.currentText())

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.printer_name())


class PrintPage(QWizardPage):
    def __init__(self, wizard: CalibrationWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle("Bước 2: In trang căn chỉnh")
        (ax, ay), (bx, by) = CALIBRATION_MARKS["A"], CALIBRATION_MARKS["B"]
        buttons = QHBoxLayout()
        self.print_button = add_button(buttons, "In trang căn chỉnh…", wizard.print_page)
        self.save_button = add_button(buttons, "Lưu trang căn chỉnh (PDF)…", wizard.save_page)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(_label(
            "In trang căn chỉnh trên một tờ giấy trắng khổ A4, đặt giấy nằm ngang như khi in phôi. "
            "Trong hộp thoại in, chọn “Kích thước thực” (Actual size), không chọn “Vừa trang”."))
        layout.addLayout(buttons)
        layout.addWidget(_label(
            f"Trang có thước đo mi-li-mét ở mép trên và mép trái, và hai dấu chữ thập: A đáng lẽ nằm cách "
            f"mép trái {mm(ax)} mm, mép trên {mm(ay)} mm; B cách mép trái {mm(bx)} mm, mép trên {mm(by)} mm. "
            "Nếu thước in ra không đúng từng mi-li-mét, máy in đã thu nhỏ trang: in lại ở "
            "“Kích thước thực”."))
        layout.addStretch(1)


class MeasurePage(QWizardPage):
    def __init__(self, wizard: CalibrationWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle("Bước 3: Đo và nhập vị trí dấu chữ thập")
        self.edits = {key: QLineEdit() for key in POINTS}
        grid = QGridLayout()
        grid.addWidget(QLabel("Cách mép trái (mm)"), 0, 1)
        grid.addWidget(QLabel("Cách mép trên (mm)"), 0, 2)
        for row, (mark, keys) in enumerate((("A", ("ax", "ay")), ("B (không bắt buộc)", ("bx", "by"))), 1):
            grid.addWidget(QLabel(f"Dấu {mark}:"), row, 0)
            for column, key in enumerate(keys, 1):
                self.edits[key].setPlaceholderText("ví dụ 41,5")
                self.edits[key].textChanged.connect(lambda _t: self.recompute())
                grid.addWidget(self.edits[key], row, column)
        self.result = _label("")
        layout = QVBoxLayout(self)
        layout.addWidget(_label("Dùng thước đo từ mép giấy tới tâm mỗi dấu chữ thập trên tờ vừa in. "
                                "Nhập cả dấu B để Sổ Vàng tính cả tỉ lệ (máy in co giãn trang)."))
        layout.addLayout(grid)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.calibration: CalibrationInput | None = None

    def recompute(self) -> None:
        """Work the correction out from what is typed; show it, or what is wrong."""
        self.calibration, message = None, ""
        try:
            values = {key: read_mm(edit.text()) for key, edit in self.edits.items()}
        except ValueError:
            message = "Vị trí phải là số mi-li-mét, ví dụ 41,5."
        else:
            message = self._compute(values)
        ok = self.calibration is not None
        self.result.setStyleSheet("" if ok else ERROR_STYLE)
        self.result.setText(message)
        self.completeChanged.emit()

    def _compute(self, values: dict[str, float | None]) -> str:
        if values["ax"] is None or values["ay"] is None:
            return "Nhập vị trí của dấu A (cả hai số)."
        b = (values["bx"], values["by"])
        if (b[0] is None) != (b[1] is None):
            return "Dấu B: nhập cả hai số, hoặc để trống cả hai."
        landed_b = (b[0], b[1]) if b[0] is not None and b[1] is not None else None
        try:
            landed_a = (values["ax"], values["ay"])
            self.calibration = calibration_from_marks(self.wizard_.printer_name(), landed_a, landed_b)
        except ValidationError as error:
            return "\n".join(error.errors.values())
        c = self.calibration
        correction = correction_text(c.offset_x_mm, c.offset_y_mm, c.scale)
        return (f"{landed_text(landed_a)}\nSổ Vàng sẽ bù: {correction} (+ là dịch sang phải / xuống dưới)."
                "\nBấm “Lưu căn chỉnh” để dùng từ lần in sau.")

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.calibration is not None


class CalibrationWizard(QWizard):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.saved_id: int | None = None
        self.setWindowTitle("Căn chỉnh máy in")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        for button, text in ((W.NextButton, "Tiếp theo ›"), (W.BackButton, "‹ Quay lại"),
                             (W.FinishButton, "Lưu căn chỉnh"), (W.CancelButton, "Hủy")):
            self.setButtonText(button, text)
        self.printer_page = PrinterPage(db)
        self.print_page_ = PrintPage(self)
        self.measure_page = MeasurePage(self)
        for page in (self.printer_page, self.print_page_, self.measure_page):
            self.addPage(page)
        self.resize(640, 420)

    def printer_name(self) -> str:
        return self.printer_page.printer_name()

    def print_page(self) -> None:
        printer = pdf_printing.choose_printer(self, self.printer_name())
        if printer is not None:
            self._keep = printer

            def work() -> int:
                return pdf_printing.print_pdf(printer, calibration_page())

            run_in_background(self, "Đang in trang căn chỉnh…", work, self._page_printed)

    def _page_printed(self, _pages: int) -> None:
        messages.show_info(self, "Đã gửi trang căn chỉnh tới máy in. Đo vị trí dấu A và B trên tờ giấy, "
                                 "rồi bấm “Tiếp theo”.")

    def save_page(self) -> None:
        suggested = system_files.suggested_save_path(self.db.data_dir, "Trang-can-chinh-may-in.pdf")
        path = system_files.choose_save_path(self, suggested, "Tệp PDF (*.pdf)", "Lưu trang căn chỉnh")
        if path is None:
            return
        try:
            save_calibration_page(path)
        except ServiceError as error:
            messages.show_error(self, str(error))
            return
        system_files.remember_save_folder(self.db.data_dir, path)
        messages.show_info(self, f"Đã lưu trang căn chỉnh vào:\n{path}\n\nKhi in, chọn “Kích thước thực”.")

    def accept(self) -> None:
        calibration = self.measure_page.calibration
        if calibration is None:
            return
        try:
            self.saved_id = save_calibration(self.db, calibration).id
        except ValidationError as error:
            messages.show_error(self, "\n".join(error.errors.values()))
            return
        except ServiceError as error:
            messages.show_error(self, str(error))
            return
        super().accept()
