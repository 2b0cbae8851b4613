"""“Xóa theo yêu cầu”: the erase plan (what goes, what stays and why), a required reason, and the
subject's full name typed to enable the red button; the erasure (after a backup) runs off the GUI thread.

The rule itself lives in services/subjects/erase.py; this dialog only shows the plan the service wrote.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import ServiceError, ValidationError
from app.rules.vntext import normalize_text, vn_short_date
from app.services.subjects import ErasePlan, EraseResult, erase_subject
from app.services.workspace import Database
from app.ui.kit import messages
from app.ui.kit.background import run_in_background
from app.ui.kit.widgets import Form

LAW_NOTE = (
    "Theo Luật Bảo vệ dữ liệu cá nhân (số 91/2025/QH15), người có dữ liệu có thể yêu cầu xóa dữ liệu cá "
    "nhân của mình. Quyết định khen thưởng, sổ vàng và hồ sơ khen thưởng đã ban hành được giữ theo quy định "
    "về lưu trữ và khen thưởng."
)
BACKUP_NOTE = " Trước khi xóa, Sổ Vàng tự sao lưu dữ liệu."
DANGER_STYLE = (
    "QPushButton { background-color: #b3261e; color: white; font-weight: bold; padding: 4px 14px; }"
    "QPushButton:disabled { background-color: #e6b3ae; color: #fdf2f1; }"
)


def plan_html(plan: ErasePlan) -> str:
    """The plan as two headed lists: Sẽ xóa / Giữ lại và lý do."""
    deleted = "".join(f"<li>{html.escape(line)}</li>" for line in plan.delete) or "<li>(không còn gì)</li>"
    kept = "".join(f"<li><b>{html.escape(k.what)}</b> — {html.escape(k.why)}</li>" for k in plan.keep)
    return (f"<p>{html.escape(plan.rule)}</p><h4>Sẽ xóa</h4><ul>{deleted}</ul>"
            f"<h4>Giữ lại và lý do</h4><ul>{kept or '<li>(không có)</li>'}</ul>")


class EraseDialog(QDialog):
    erased = Signal(object)  # the EraseResult

    def __init__(self, db: Database, plan: ErasePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.plan = db, plan
        self.result_: EraseResult | None = None
        self.setWindowTitle(f"Xóa dữ liệu cá nhân theo yêu cầu — {plan.name}")
        self.setMinimumWidth(640)
        self.resize(720, 560)  # the plan scrolls: the dialog fits a 1366×768 laptop at 125 %
        layout = QVBoxLayout(self)
        note = QLabel(LAW_NOTE + (BACKUP_NOTE if db.is_sqlite else ""), wordWrap=True)
        layout.addWidget(note)
        if plan.erased_on:
            day = vn_short_date(plan.erased_on)
            layout.addWidget(QLabel(f"Dữ liệu cá nhân đã được xóa một lần ngày {day}.", wordWrap=True))
        self.plan_view = QTextBrowser(openExternalLinks=False)
        self.plan_view.setHtml(plan_html(plan))
        layout.addWidget(self.plan_view, 1)
        layout.addWidget(self._build_form())
        layout.addWidget(self._build_buttons())
        self._update_button()

    def _build_form(self) -> Form:
        self.form = Form()
        self.reason_edit = QLineEdit(placeholderText="Ví dụ: Đơn đề nghị xóa dữ liệu ngày 05/01/2026")
        self.name_edit = QLineEdit(placeholderText=self.plan.name)
        self.form.add_row("reason", "Lý do xóa (bắt buộc):", self.reason_edit)
        self.form.add_row("confirm_name", f"Gõ “{self.plan.name}” để xác nhận:", self.name_edit)
        for edit in (self.reason_edit, self.name_edit):
            edit.textChanged.connect(self._update_button)
        self.form.setEnabled(bool(self.plan.delete))
        return self.form

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox()
        self.erase_button = QPushButton("Xóa dữ liệu")
        self.erase_button.setStyleSheet(DANGER_STYLE)
        self.erase_button.setAutoDefault(False)
        self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        cancel = self.buttons.addButton("Đóng" if not self.plan.delete else "Hủy",
                                        QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)
        self.erase_button.clicked.connect(self.erase)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    def confirmed(self) -> bool:
        typed = normalize_text(self.name_edit.text()).casefold()
        return bool(self.plan.delete and normalize_text(self.reason_edit.text())
                    and typed == self.plan.name.casefold())

    def _update_button(self, *_args) -> None:
        self.erase_button.setEnabled(self.confirmed())

    def erase(self) -> None:
        if not self.confirmed():
            return
        self.form.clear_errors()
        self.erase_button.setEnabled(False)
        reason, name = self.reason_edit.text(), self.name_edit.text()
        work = lambda: erase_subject(self.db, self.plan.subject_id, reason, name, expected=self.plan)  # noqa: E731
        self.task = run_in_background(self, "Đang sao lưu rồi xóa dữ liệu…", work, self._done, self._failed)

    def _done(self, result: EraseResult) -> None:
        self.result_ = result
        self.erased.emit(result)
        messages.show_info(self, result.summary(), "Đã xóa dữ liệu cá nhân")
        self.accept()

    def _failed(self, error: ServiceError) -> None:
        others = {"": str(error)}
        if isinstance(error, ValidationError):
            others = self.form.show_errors(error.errors)
        if others:
            messages.show_error(self, " ".join(others.values()))
        self._update_button()
