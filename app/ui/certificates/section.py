"""The certificates of one issued decision, on the decision page: the recipients to print (all or some),
how and on which printer, the check before printing, then "In…" (the print dialog, at 100 %) or
"Lưu PDF…". A draft or cancelled decision shows why nothing prints."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import ConflictError, ServiceError, ValidationError
from app.services.certificates import (
    BatchCheck,
    CalibrationRow,
    CertificateOptions,
    CertificateRow,
    CertificateText,
    LayoutInfo,
    certificate_texts,
    check_batch,
    list_calibrations,
    list_certificates,
    list_layouts,
    print_certificates,
)
from app.services.decisions import DecisionDetail
from app.services.workspace import Database
from app.ui.certificates import pdf_printing
from app.ui.certificates.check_view import check_html
from app.ui.certificates.choices import (
    BLANK,
    MODES,
    allow_edits,
    calibration_note,
    refill_layouts,
    refill_printers,
)
from app.ui.certificates.columns import kind_label
from app.ui.certificates.shown_loading import LoadsWhenShown
from app.ui.kit import messages, system_files
from app.ui.kit.background import run_in_background
from app.ui.kit.item_rows import roomy_list
from app.ui.kit.operations import busy
from app.ui.kit.widgets import add_button, choice_combo

ACTUAL_SIZE = ("Khi in tệp PDF đã lưu: chọn “Kích thước thực” (Actual size, 100 %), không bao giờ chọn "
               "“Vừa trang” (Fit to page).")
WARNING_STYLE = "background: #fff4e0; color: #6b4200; border: 1px solid #f0c987; padding: 4px;"
REASON_STYLE = "background: #f3f3f3; color: #333; border: 1px solid #ccc; padding: 8px;"


def styled_label(text: str, style: str) -> QLabel:
    """A word-wrapped label with a style sheet."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


def refusal_text(error: ServiceError) -> str:
    if isinstance(error, ValidationError):
        return "\n".join(error.errors.values())
    return str(error)


class CertificatesSection(LoadsWhenShown):
    """Loaded when shown (`show_detail` only remembers the decision while the section is hidden)."""

    printed = Signal()  # a batch was printed or saved: the history reads again

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.detail: DecisionDetail | None = None
        self.texts: list[CertificateText] = []
        self.printed_before: dict[int, int] = {}
        self.layouts: list[LayoutInfo] = []
        self.calibrations: list[CalibrationRow] = []
        self.reason = styled_label("", REASON_STYLE)
        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.body.addWidget(self._build_recipients())
        self.body.addWidget(self._build_options())
        self.body.setStretchFactor(0, 2)
        self.body.setStretchFactor(1, 3)
        self.body.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.reason)
        layout.addWidget(self.body, 1)

    # Building ------------------------------------------------------------------------------------

    def _build_recipients(self) -> QWidget:
        box = QWidget()
        self.recipients = roomy_list()
        self.recipients.setWordWrap(True)
        self.recipients.itemChanged.connect(lambda _item: self._count_chosen())
        self.chosen_label = QLabel()
        buttons = QHBoxLayout()
        add_button(buttons, "Chọn tất cả", lambda: self.check_all(True))
        add_button(buttons, "Bỏ chọn", lambda: self.check_all(False))
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>In cho những người nhận được đánh dấu:</b>"))
        layout.addWidget(self.recipients, 1)
        layout.addWidget(self.chosen_label)
        layout.addLayout(buttons)
        return box

    def _build_options(self) -> QWidget:
        box = QWidget()
        self.mode_combo = choice_combo(MODES)
        self.mode_combo.setToolTip("Giấy trắng: Sổ Vàng in cả viền, quốc hiệu, tiêu ngữ. Phôi: chỉ in phần "
                                   "chữ thay đổi lên phôi giấy khen đã in sẵn.")
        self.mode_combo.currentIndexChanged.connect(lambda _i: self._mode_changed())
        self.layout_combo, self.printer_combo = QComboBox(), QComboBox()
        for combo in (self.layout_combo, self.printer_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        self.printer_combo.currentIndexChanged.connect(lambda _i: self._show_calibration())
        self.calibration_label = styled_label("", "")
        form = QGridLayout()
        form.addWidget(QLabel("Cách in:"), 0, 0)
        form.addWidget(self.mode_combo, 0, 1)
        form.addWidget(QLabel("Mẫu:"), 0, 2)
        form.addWidget(self.layout_combo, 0, 3)
        form.addWidget(QLabel("Máy in:"), 1, 0)
        form.addWidget(self.printer_combo, 1, 1)
        form.addWidget(self.calibration_label, 1, 2, 1, 2)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        buttons = QHBoxLayout()
        self.check_button = add_button(buttons, "Kiểm tra trước khi in", self.run_check)
        self.print_button = add_button(buttons, "In…", self.print_batch)
        self.save_button = add_button(buttons, "Lưu PDF…", self.save_pdf)
        allow_edits(self.db, self.print_button, self.save_button)
        buttons.addStretch(1)
        self.report = QTextBrowser()
        self.report.setPlaceholderText("Bấm “Kiểm tra trước khi in” để xem ô chữ nào phải thu nhỏ, "
                                       "xuống dòng hay không in được, và số phôi cần dùng.")
        warning = styled_label(ACTUAL_SIZE, WARNING_STYLE)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.report, 1)
        layout.addWidget(warning)
        return box

    # Showing -------------------------------------------------------------------------------------

    def show_detail(self, detail: DecisionDetail | None) -> None:
        self.detail = detail
        self.reload_soon()

    def load(self) -> None:
        """Read the decision's recipients, the layouts and printers (or say why nothing prints)."""
        self.report.clear()
        self.texts, reason = [], ""
        if self.detail is None:
            reason = "Chọn một quyết định đã ban hành để in giấy khen."
        else:
            try:
                with busy():
                    self.texts = certificate_texts(self.db, self.detail.row.id)
                    printed = list_certificates(self.db, self.detail.row.id)
                    self.calibrations = list_calibrations(self.db)
                    self.layouts = list_layouts(self.db)
            except ConflictError as error:
                reason = str(error)
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))
        self.body.setVisible(not reason)
        if not reason:
            self.printed_before = self._times_printed(printed)
            self._fill_recipients()
            refill_printers(self.printer_combo, self.calibrations)
            self._show_calibration()
            self._mode_changed()

    @staticmethod
    def _times_printed(certificates: list[CertificateRow]) -> dict[int, int]:
        counts: dict[int, int] = {}
        for row in certificates:
            counts[row.position] = counts.get(row.position, 0) + 1
        return counts

    def _fill_recipients(self) -> None:
        self.recipients.blockSignals(True)
        self.recipients.clear()
        for text in self.texts:
            times = self.printed_before.get(text.position, 0)
            printed = f" — đã in {times} lần" if times else ""
            kind = kind_label(text.kind).lower()
            item = QListWidgetItem(f"{text.position}. {text.recipient} ({kind}){printed}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, text.position)
            item.setToolTip(item.text())
            self.recipients.addItem(item)
        self.recipients.blockSignals(False)
        self._count_chosen()

    def check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.recipients.blockSignals(True)
        for row in range(self.recipients.count()):
            self.recipients.item(row).setCheckState(state)
        self.recipients.blockSignals(False)
        self._count_chosen()

    def choose_only(self, position: int) -> None:
        """Mark one recipient only (a reprint)."""
        for row in range(self.recipients.count()):
            item = self.recipients.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole) == position
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def chosen_positions(self) -> tuple[int, ...]:
        items = (self.recipients.item(row) for row in range(self.recipients.count()))
        checked = Qt.CheckState.Checked
        return tuple(i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == checked)

    def _count_chosen(self) -> None:
        self.chosen_label.setText(f"Đã chọn {len(self.chosen_positions())} / {len(self.texts)} người nhận.")
        self.report.clear()

    def _mode_changed(self) -> None:
        refill_layouts(self.layout_combo, self.layouts, self.mode_combo.currentData())
        self.report.clear()

    def _show_calibration(self) -> None:
        self.calibration_label.setText(calibration_note(self.printer_combo.currentData() or "",
                                                        self.calibrations))

    # The batch -----------------------------------------------------------------------------------

    def options(self) -> CertificateOptions:
        chosen = self.chosen_positions()
        everyone = len(chosen) == len(self.texts)
        return CertificateOptions(
            layout_name=self.layout_combo.currentData(), blank_form=self.mode_combo.currentData() == BLANK,
            positions=None if everyone else chosen,
            printer_name=self.printer_combo.currentData() or "")

    def run_check(self) -> BatchCheck | None:
        """check_batch for the current choices, shown in the report; None when it was refused."""
        if self.detail is None:
            return None
        if not self.chosen_positions():
            self.report.setHtml("<p style='color:#b3261e'>Chưa chọn người nhận nào để in.</p>")
            return None
        try:
            with busy():
                check = check_batch(self.db, self.detail.row.id, self.options())
        except ServiceError as error:
            self.report.setPlainText(refusal_text(error))
            return None
        titles = {info.name: info.title for info in self.layouts}
        self.report.setHtml(check_html(check, titles))
        return check

    def _ready(self) -> CertificateOptions | None:
        """The options to print with, once the check passes and an over-stock is confirmed with a reason."""
        check = self.run_check()
        if check is None:
            return None
        if not check.ok:
            messages.show_error(self, "Có ô chữ không in được (xem phần kiểm tra). Hãy sửa mẫu hoặc dữ liệu "
                                      "rồi in lại.")
            return None
        options = self.options()
        if check.over_stock:
            question = f"{check.stock_warning}\nVẫn in vượt số phôi còn lại trong sổ phôi?"
            if not messages.ask_yes_no(self, question, "Không đủ phôi"):
                return None
            reason = messages.ask_text(self, "Lý do in vượt số phôi (sẽ được ghi lại):", "Không đủ phôi")
            if not reason or not reason.strip():
                messages.show_error(self, "Cần ghi lý do in vượt số phôi. Chưa in gì.")
                return None
            options = replace(options, override_stock=True, note=reason.strip())
        return options

    def print_batch(self) -> None:
        options = self._ready()
        if options is None or self.detail is None:
            return
        printer = pdf_printing.choose_printer(self, options.printer_name)
        if printer is None:
            return
        options = replace(options, printer_name=printer.printerName() or options.printer_name)
        decision_id = self.detail.row.id

        def work() -> int:
            result = print_certificates(self.db, decision_id, options)
            return pdf_printing.print_pdf(printer, result.pdf)

        self._keep = printer  # alive until the background work is over
        run_in_background(self, "Đang in giấy khen…", work, self._printed, self._refused)

    def _printed(self, pages: int) -> None:
        self.load()
        self.printed.emit()
        messages.show_info(self, f"Đã gửi {pages} trang giấy khen tới máy in.")

    def _refused(self, error: ServiceError) -> None:
        self.load()
        messages.show_error(self, refusal_text(error))

    def save_pdf(self) -> None:
        options = self._ready()
        if options is None or self.detail is None:
            return
        number = self.detail.row.number.replace("/", "-") or str(self.detail.row.id)
        suggested = system_files.suggested_save_path(self.db.data_dir, f"Giay-khen-QD-{number}.pdf")
        path = system_files.choose_save_path(self, suggested, "Tệp PDF (*.pdf)", "Lưu giấy khen thành PDF")
        if path is None:
            return
        path = path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
        decision_id = self.detail.row.id
        run_in_background(self, "Đang tạo tệp PDF giấy khen…",
                          lambda: print_certificates(self.db, decision_id, options, out=path),
                          lambda result: self._saved(result.path), self._refused)

    def _saved(self, path: Path) -> None:
        system_files.remember_save_folder(self.db.data_dir, path)
        self.load()
        self.printed.emit()
        messages.show_info(self, f"Đã lưu giấy khen vào tệp:\n{path}\n\n{ACTUAL_SIZE}")

