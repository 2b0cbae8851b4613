"""One nomination on the nominations page: its path buttons, whether it is ready for the council, the
checklist editor, the achievement report and the history."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.models.enums import NominationStatus
from app.services.accounts import may_take
from app.services.decisions import report_document
from app.services.nominations import (
    NominationDetail,
    NominationEventRow,
    appraise,
    delete_nomination,
    get_nomination,
    propose,
    record_review,
    return_to_draft,
)
from app.services.workspace import Database
from app.ui.kit import messages
from app.ui.kit.document_preview import show_document
from app.ui.kit.operations import service_call
from app.ui.kit.row_table import RowColumn, RowTableModel, first_line, row_table_view
from app.ui.kit.widgets import add_button
from app.ui.nominations.checklist_editor import ChecklistEditor
from app.ui.nominations.dialog import NominationDialog
from app.ui.nominations.report_form import report_html

S = NominationStatus
CHECKLIST_TAB, REPORT_TAB, HISTORY_TAB = range(3)
READY_STYLE = "background: #e3f4e6; color: #14632d; border: 1px solid #9fd3ab; padding: 6px;"
MISSING_STYLE = "background: #fff6dd; color: #6b4e00; border: 1px solid #e6c976; padding: 6px;"
FAILING_STYLE = "background: #fdeceb; color: #8c1d18; border: 1px solid #eba7a2; padding: 6px;"
PLACEHOLDER = "Chọn một hồ sơ trong danh sách để xem tiêu chí, báo cáo thành tích và lịch sử."


def local_time(at: dt.datetime) -> str:
    """The event's time on this computer's clock (SQLite stamps the history in UTC)."""
    moment = at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


EVENT_COLUMNS = [
    RowColumn("Thời gian", lambda e: local_time(e.at), 125),
    RowColumn("Trạng thái", lambda e: e.status.label if e.status else "", 170),
    RowColumn("Nội dung", lambda e: first_line(e.text, 200), 400, stretch=True, tooltip=lambda e: e.text),
]


AFTER_APPRAISAL = {
    S.APPRAISED: ("✓ Đã thẩm định, đủ điều kiện: chờ Hội đồng Thi đua - Khen thưởng bình xét", READY_STYLE),
    S.PASSED: ("✓ Hội đồng đã bình xét: đạt. Chờ quyết định khen thưởng", READY_STYLE),
    S.FAILED: ("Hội đồng đã bình xét: không đạt", FAILING_STYLE),
    S.DECIDED: ("✓ Đã có quyết định khen thưởng", READY_STYLE),
}
NO_REPORT = "Chưa có báo cáo thành tích: hãy nhập phần “Thành tích đạt được” (nút “Sửa báo cáo…”)"


def readiness(detail: NominationDetail) -> tuple[str, str]:
    """The banner's text and style: where the nomination stands once appraised; before that, ready for the
    council only when its report is filled and every criterion is decided and none fails, else what fails
    and what is missing."""
    if detail.status in AFTER_APPRAISAL:
        return AFTER_APPRAISAL[detail.status]
    checklist = detail.checklist
    if detail.ready_for_council:
        return "✓ Đủ điều kiện trình Hội đồng", READY_STYLE
    missing = [*checklist.missing] + ([] if detail.report_filled else [NO_REPORT])
    lines = [*checklist.failures, *missing]
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    title = "Chưa đủ điều kiện trình Hội đồng" + (" — có tiêu chí không đạt" if checklist.failures else "")
    style = FAILING_STYLE if checklist.failures else MISSING_STYLE
    return f"<b>{title}:</b><ul style='margin: 2px 0 0 -20px;'>{items}</ul>", style


class NominationPanel(QWidget):
    changed = Signal(int)  # the nomination was changed (or a step refused): reload it and the list
    deleted = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.detail: NominationDetail | None = None
        self.title = QLabel(PLACEHOLDER)
        self.title.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.checklist = ChecklistEditor(db)
        self.checklist.judged.connect(lambda: self._emit_changed())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self._build_buttons())
        layout.addWidget(self.banner)
        layout.addWidget(self._build_tabs(), 1)
        layout.addStretch(0)  # takes the height only while the tabs are hidden (many selected)
        self.show_detail(None)

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("edit", "Sửa báo cáo…", self.edit_report), ("propose", "Đề nghị", self.propose),
            ("appraise", "Thẩm định", self.appraise), ("pass", "Bình xét: Đạt", self.record_passed),
            ("fail", "Bình xét: Không đạt", self.record_failed), ("return", "Trả lại…", self.send_back),
            ("delete", "Xóa", self.delete),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        self.report_button = add_button(row, "Báo cáo thành tích…", self.view_report)  # not a step
        return row

    def _build_tabs(self) -> QTabWidget:
        self.report_view = QTextBrowser()
        self.events = RowTableModel(EVENT_COLUMNS, self)
        self.events_table = row_table_view(self.events)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.checklist, "Tiêu chí")
        self.tabs.addTab(self.report_view, "Báo cáo thành tích")
        self.tabs.addTab(self.events_table, "Lịch sử")
        return self.tabs

    # Showing -------------------------------------------------------------------------------------

    def show_nomination(self, nomination_id: int | None) -> None:
        if nomination_id is None:
            self.show_detail(None)
            return
        with service_call(self) as call:
            detail = get_nomination(self.db, nomination_id)
        self.show_detail(detail if call.ok else None)

    def show_detail(self, detail: NominationDetail | None) -> None:
        self.detail = detail
        self.tabs.setEnabled(detail is not None)
        self._show_parts(True)
        self.banner.setVisible(detail is not None)
        self.checklist.set_detail(detail)
        self.events.set_rows(detail.events if detail else [])
        self._enable_buttons(detail.status if detail else None)
        for key in ("pass", "fail"):  # a form the council votes on is reviewed at its meeting only
            offered = detail is not None and not detail.needs_council_vote
            self.buttons[key].setVisible(offered)
            self.buttons[key].setEnabled(offered and self.buttons[key].isEnabled())
        if detail is None:
            self.title.setText(PLACEHOLDER)
            self.report_view.clear()
            return
        self.title.setText(f"<b>{html.escape(detail.subject_name)}</b> — {html.escape(detail.form_name)}"
                           f" &nbsp;·&nbsp; {html.escape(detail.round_name)}"
                           f" &nbsp;·&nbsp; Trạng thái: <b>{detail.status.label}</b>")
        text, style = readiness(detail)
        self.banner.setText(text)
        self.banner.setStyleSheet(style)
        self.report_view.setHtml(report_html(detail.report, detail.subject_kind))

    def show_many(self, count: int) -> None:
        """Many nominations are selected: what to do with them instead of one nomination's parts."""
        self.show_detail(None)
        self._show_parts(False)
        self.title.setText(f"Đã chọn {count} hồ sơ. Chọn bước ở dòng “Nhiều hồ sơ cùng lúc” phía trên để làm "
                           "cho tất cả; bấm một hồ sơ để xem riêng hồ sơ đó.")

    def _show_parts(self, shown: bool) -> None:
        self.tabs.setVisible(shown)
        for button in (*self.buttons.values(), self.report_button):  # show_detail then hides pass/fail
            button.setVisible(shown)

    def _enable_buttons(self, status: NominationStatus | None) -> None:
        allowed = {
            "edit": (S.DRAFT, S.PROPOSED), "propose": (S.DRAFT,), "appraise": (S.PROPOSED,),
            "pass": (S.APPRAISED,), "fail": (S.APPRAISED,), "return": (S.PROPOSED, S.APPRAISED),
            "delete": (S.DRAFT, S.PROPOSED),
        }
        for key, button in self.buttons.items():
            button.setEnabled(status in allowed[key] and may_take(self.db.actor, key))
        self.report_button.setEnabled(status is not None)

    # Steps ---------------------------------------------------------------------------------------

    def _step(self, action: Callable[[NominationDetail], None]) -> None:
        """Run one step of the path; a refusal is shown with what to do; the nomination is reloaded."""
        detail = self.detail
        if detail is None:
            return
        try:
            with service_call(self):
                action(detail)
        except ValidationError as exc:
            messages.show_error(self, "\n".join(exc.errors.values()))
        self._emit_changed()

    def _emit_changed(self) -> None:
        if self.detail is not None:
            self.changed.emit(self.detail.id)

    def propose(self) -> None:
        self._step(lambda d: propose(self.db, d.id, d.version))

    def appraise(self) -> None:
        self._step(lambda d: appraise(self.db, d.id, d.version))

    def record_passed(self) -> None:
        d = self.detail
        if d is None:
            return
        question = f"Ghi kết quả bình xét: “{d.subject_name}” đạt “{d.form_name}”?"
        if messages.ask_yes_no(self, question, "Kết quả bình xét"):
            self._step(lambda d: record_review(self.db, d.id, True, "", d.version))

    def record_failed(self) -> None:
        note = messages.ask_text(self, "Ghi chú kết quả bình xét (không bắt buộc):", "Bình xét: không đạt")
        if note is not None:
            self._step(lambda d: record_review(self.db, d.id, False, note, d.version))

    def send_back(self) -> None:
        reason = messages.ask_text(self, "Lý do trả lại hồ sơ để bổ sung:", "Trả lại hồ sơ")
        if reason is not None:
            self._step(lambda d: return_to_draft(self.db, d.id, reason, d.version))

    def edit_report(self) -> None:
        if self.detail is None:
            return
        dialog = NominationDialog(self.db, detail=self.detail, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._emit_changed())
        dialog.open()

    def delete(self) -> None:
        d = self.detail
        if d is None or not messages.ask_yes_no(self, f"Xóa hồ sơ đề nghị “{d.subject_name}” — "
                                                      f"“{d.form_name}”?", "Xóa hồ sơ"):
            return
        with service_call(self) as call:
            delete_nomination(self.db, d.id)
        if call.ok:
            self.show_detail(None)
            self.deleted.emit()

    def view_report(self) -> None:
        """The achievement report as a document (preview, Word and PDF)."""
        if self.detail is not None:
            nomination_id = self.detail.id
            show_document(self, self.db.data_dir, lambda: report_document(self.db, nomination_id))

    def history(self) -> list[NominationEventRow]:
        return self.events.rows()
