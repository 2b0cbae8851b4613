"""Giving a draft's proposal its number ("Cấp số tờ trình"), issuing the decision ("Ban hành quyết định"),
and cancelling an issued decision ("Hủy quyết định")."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.models.enums import DocumentType
from app.rules.vntext import vn_short_date
from app.services.decisions import (
    MAX_NUMBER,
    DecisionDetail,
    IssueInput,
    cancel_decision,
    issue_decision,
    issue_proposal,
    next_register_number,
)
from app.services.wording import load_wording
from app.services.workspace import Database
from app.ui.decisions.models import recipients_summary
from app.ui.kit.operations import service_call
from app.ui.kit.widgets import ErrorLabel, Form, ValueReader, VnDateEdit, ok_cancel_buttons

WARNING_STYLE = "background: #fff6dd; color: #6b4e00; border: 1px solid #e6c976; padding: 8px;"
LOCK_TEXT = {
    DocumentType.DECISION: (
        "Sau khi ban hành, nội dung quyết định bị khóa: danh sách, số tiền và số sổ vàng không sửa được "
        "nữa; các hồ sơ chuyển sang “Đã quyết định” và được ghi vào lịch sử khen thưởng của từng đối tượng. "
        "Muốn thay đổi, phải hủy quyết định này và lập quyết định mới."
    ),
    DocumentType.PROPOSAL: (
        "Sau khi cấp số, danh sách khen thưởng của dự thảo bị khóa (vẫn sửa được người ký và câu thành "
        "tích). Số đã cấp không dùng lại được, kể cả khi dự thảo bị xóa."
    ),
}
TITLES = {DocumentType.DECISION: "Ban hành quyết định", DocumentType.PROPOSAL: "Cấp số tờ trình"}
OK_TEXT = {DocumentType.DECISION: "Ban hành", DocumentType.PROPOSAL: "Cấp số"}
NUMBER_LABEL = {DocumentType.DECISION: "Số quyết định", DocumentType.PROPOSAL: "Số tờ trình"}
DAY_LABEL = {DocumentType.DECISION: "Ngày ban hành", DocumentType.PROPOSAL: "Ngày tờ trình"}
CANCEL_TEXT = (
    "Số quyết định vẫn giữ trong sổ đăng ký (ghi là đã hủy, không dùng lại). Các khen thưởng của quyết định "
    "bị gỡ khỏi lịch sử khen thưởng; các hồ sơ trở lại trạng thái trước khi ban hành, để lập quyết định khác."
)


def _notice(text: str, style: str = WARNING_STYLE) -> QLabel:
    label = QLabel(text, wordWrap=True)
    label.setStyleSheet(style)
    return label


def fit_height(dialog: QDialog, width: int, extra: int = 0) -> None:
    """The dialog at this width and the height its wrapped texts need there."""
    layout = dialog.layout()
    height = layout.heightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
    dialog.resize(width, height + extra)


def describe(detail: DecisionDetail) -> str:
    """'Lao động tiên tiến — Tổng kết năm 2026: 5 cá nhân — tổng tiền 3.510.000 đồng'."""
    row = detail.row
    return (f"<b>{html.escape(row.form_name)}</b> — {html.escape(row.round_name)}<br>"
            f"{html.escape(recipients_summary(detail.entries))}")


class RegisterNumberSpin(QSpinBox):
    """A register number as the document prints it: at least two digits ("04/QĐ-UBND")."""

    def textFromValue(self, value: int) -> str:
        return f"{value:02d}"


class IssueDialog(QDialog):
    """The day and the register number of a decision or of its proposal; `result_detail` once issued."""

    def __init__(self, db: Database, detail: DecisionDetail, doc_type: DocumentType,
                 parent: QWidget | None = None, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.db, self.detail, self.doc_type = db, detail, doc_type
        self.result_detail: DecisionDetail | None = None
        self._year: int | None = None
        self.setWindowTitle(TITLES[doc_type])
        self._build(load_wording(db, doc_type)["symbol"])
        self.day_edit.set_date(today())
        self._day_changed()
        self.day_edit.changed.connect(self._day_changed)
        fit_height(self, 580)

    def _build(self, symbol: str) -> None:
        self.form = Form()
        self.day_edit = self.form.add_row("day", DAY_LABEL[self.doc_type], VnDateEdit())
        self.day_edit.setMaximumWidth(180)
        spin = RegisterNumberSpin(minimum=1, maximum=MAX_NUMBER)
        self.number_spin = self.form.add_row("number", NUMBER_LABEL[self.doc_type], spin)
        self.number_spin.setSuffix(f"/{symbol}")
        self.number_spin.setFixedWidth(180)
        self.next_label = QLabel(styleSheet="color: #5f6368;")
        self.form.layout_.addRow("", self.next_label)
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons(OK_TEXT[self.doc_type])
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(describe(self.detail), wordWrap=True))
        layout.addWidget(self.form)
        layout.addWidget(_notice(LOCK_TEXT[self.doc_type]))
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _day_changed(self) -> None:
        """A new year: the number becomes the next free one in that year's register."""
        try:
            day = self.day_edit.date()
        except ValueError:
            return
        if day is None or day.year == self._year:
            return
        self._year = day.year
        following = next_register_number(self.db, self.doc_type, day.year)
        self.number_spin.setValue(following)
        self.next_label.setText(f"Số tiếp theo trong sổ năm {day.year}: {following:02d}")

    def read(self) -> IssueInput:
        reader = ValueReader()
        day = reader.date("day", DAY_LABEL[self.doc_type], self.day_edit.text())
        if day is None and "day" not in reader.errors:
            reader.errors["day"] = f"{DAY_LABEL[self.doc_type]}: hãy nhập ngày."
        reader.raise_if_any()
        return IssueInput(day=day, number=self.number_spin.value(), expected_version=self.detail.version)

    def accept(self) -> None:
        issue = issue_decision if self.doc_type is DocumentType.DECISION else issue_proposal
        try:
            data = self.read()
            with service_call(self) as call:
                self.result_detail = issue(self.db, self.detail.row.id, data)
        except ValidationError as exc:
            self.general_error.set_message("\n".join(self.form.show_errors(exc.errors).values()))
            return
        if call.ok:
            super().accept()


class CancelDialog(QDialog):
    """Cancelling an issued decision: the day and the reason (required)."""

    def __init__(self, db: Database, detail: DecisionDetail, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.db, self.detail = db, detail
        row = detail.row
        self.setWindowTitle(f"Hủy quyết định số {row.number}")
        self.form = Form()
        self.day_edit = self.form.add_row("day", "Ngày hủy", VnDateEdit())
        self.day_edit.setMaximumWidth(180)
        self.day_edit.set_date(today())
        self.reason_edit = self.form.add_row("reason", "Lý do hủy", QPlainTextEdit())
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMinimumHeight(90)
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Hủy quyết định")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Không hủy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        issued = f"Quyết định số <b>{html.escape(row.number)}</b> ngày {vn_short_date(row.issued_on)}"
        layout.addWidget(QLabel(f"{issued}<br>{describe(detail)}", wordWrap=True))
        layout.addWidget(_notice(CANCEL_TEXT))
        layout.addWidget(self.form, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        fit_height(self, 580)

    def accept(self) -> None:
        try:
            reader = ValueReader()
            day = reader.date("day", "Ngày hủy", self.day_edit.text())
            reader.raise_if_any()
            with service_call(self) as call:
                cancel_decision(self.db, self.detail.row.id, self.reason_edit.toPlainText(), day,
                                self.detail.version)
        except ValidationError as exc:
            self.general_error.set_message("\n".join(self.form.show_errors(exc.errors).values()))
            return
        if call.ok:
            super().accept()
