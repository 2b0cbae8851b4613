"""One decision on the decisions page: what it says (basis, signer, achievement, proposal, cancellation),
its list of recipients, and the steps its state allows."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.models.enums import DecisionBasis, DecisionStatus, DocumentType
from app.rules.vntext import vn_short_date
from app.services.accounts import may_take
from app.services.decisions import (
    DecisionDetail,
    decision_document,
    delete_decision,
    get_decision,
    proposal_document,
)
from app.services.workspace import Database
from app.ui.certificates.decision_tabs import CertificateTabs
from app.ui.decisions.draft_dialog import DecisionDialog
from app.ui.decisions.issue_dialog import CancelDialog, IssueDialog
from app.ui.decisions.models import entry_columns, recipients_summary
from app.ui.kit import messages
from app.ui.kit.document_preview import show_document
from app.ui.kit.operations import service_call
from app.ui.kit.row_table import RowTableModel, row_table_view

D = DecisionStatus
PLACEHOLDER = "Chọn một quyết định trong danh sách để xem nội dung và danh sách khen thưởng."
CANCELLED_STYLE = "background: #fdeceb; color: #8c1d18; border: 1px solid #eba7a2; padding: 6px;"


def summary_html(detail: DecisionDetail) -> str:
    """The decision's header and facts, one per line."""
    row = detail.row
    e = html.escape
    number = f"Quyết định số {e(row.number)} ngày {vn_short_date(row.issued_on)}" if row.number else (
        "Dự thảo quyết định")
    lines = [f"<b>{number}</b> — {e(row.form_name)} &nbsp;·&nbsp; {e(row.round_name)}"
             f" &nbsp;·&nbsp; Trạng thái: <b>{e(row.status.label)}</b>"]
    basis = row.basis.label
    if row.basis is DecisionBasis.COUNCIL and detail.council_meeting_on:
        basis += f" (họp ngày {vn_short_date(detail.council_meeting_on)})"
    lines.append(f"Căn cứ: {e(basis)}")
    lines.append(f"Người ký: {e(detail.signer_role.label)} {e(row.signer_name) or '(chưa có tên)'}")
    lines.append(f"Thành tích: {e(detail.achievement)}")
    if row.proposal_number:
        lines.append(f"Tờ trình số {e(row.proposal_number)} ngày {vn_short_date(detail.proposal_on)}")
    lines.append(f"Khen thưởng: {e(recipients_summary(detail.entries))}")
    return "<br>".join(lines)


def cancel_note(detail: DecisionDetail) -> str:
    return (f"Đã hủy ngày {vn_short_date(detail.cancelled_on)}. Lý do: {detail.cancel_reason}"
            if detail.row.status is D.CANCELLED else "")


def allowed_steps(detail: DecisionDetail | None) -> set[str]:
    """The buttons the decision's state allows."""
    if detail is None:
        return set()
    row = detail.row
    steps = {"decision"}
    if row.status is D.DRAFT:
        steps |= {"edit", "delete", "issue"}
        if not row.proposal_number:
            steps.add("proposal_number")
    if row.status is D.ISSUED:
        steps.add("cancel")
    if row.proposal_number or row.status is D.DRAFT:
        steps.add("proposal")
    return steps


class DecisionPanel(QWidget):
    changed = Signal(int)  # the decision changed (or a step was refused): reload it and the list
    deleted = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.detail: DecisionDetail | None = None
        self._numbers: dict[int, int] = {}
        self.summary = QLabel(PLACEHOLDER, wordWrap=True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cancel_label = QLabel(wordWrap=True, styleSheet=CANCELLED_STYLE)
        self.entries = RowTableModel(entry_columns(self._numbers), self)
        self.entries_table = row_table_view(self.entries)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_buttons())
        layout.addWidget(self.summary)
        layout.addWidget(self.cancel_label)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.entries_table, "Danh sách khen thưởng")
        self.certificates = CertificateTabs(db, self.tabs)
        layout.addWidget(self.tabs, 1)
        self.show_detail(None)

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("edit", "Sửa dự thảo…", self.edit), ("delete", "Xóa dự thảo", self.delete),
            ("proposal_number", "Cấp số tờ trình…", lambda: self.issue(DocumentType.PROPOSAL)),
            ("issue", "Ban hành…", lambda: self.issue(DocumentType.DECISION)),
            ("cancel", "Hủy quyết định…", self.cancel),
            ("decision", "Xem quyết định", self.view_decision),
            ("proposal", "Xem tờ trình", self.view_proposal),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        return row

    # Showing -------------------------------------------------------------------------------------

    def show_decision(self, decision_id: int | None) -> None:
        if decision_id is None:
            self.show_detail(None)
            return
        with service_call(self) as call:
            detail = get_decision(self.db, decision_id)
        self.show_detail(detail if call.ok else None)

    def show_detail(self, detail: DecisionDetail | None) -> None:
        self.detail = detail
        entries = detail.entries if detail else []
        self._numbers.clear()
        self._numbers.update({e.nomination_id: n for n, e in enumerate(entries, start=1)})
        self.entries.set_rows(entries)
        self.entries_table.setEnabled(detail is not None)
        self.summary.setText(summary_html(detail) if detail else PLACEHOLDER)
        note = cancel_note(detail) if detail else ""
        self.cancel_label.setText(note)
        self.cancel_label.setVisible(bool(note))
        self.certificates.show_detail(detail)
        steps = allowed_steps(detail)
        for key, button in self.buttons.items():
            button.setEnabled(key in steps and may_take(self.db.actor, key))

    # Steps ---------------------------------------------------------------------------------------

    def _emit_changed(self) -> None:
        if self.detail is not None:
            self.changed.emit(self.detail.row.id)

    def _open(self, dialog: QDialog) -> None:
        """A step's dialog; whatever its outcome, the decision and the list are reloaded."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._emit_changed())
        dialog.open()

    def edit(self) -> None:
        if self.detail is not None:
            self._open(DecisionDialog(self.db, detail=self.detail, parent=self))

    def issue(self, doc_type: DocumentType) -> None:
        if self.detail is not None:
            self._open(IssueDialog(self.db, self.detail, doc_type, parent=self))

    def cancel(self) -> None:
        if self.detail is not None:
            self._open(CancelDialog(self.db, self.detail, parent=self))

    def delete(self) -> None:
        d = self.detail
        if d is None:
            return
        question = f"Xóa dự thảo quyết định “{d.row.form_name}” — “{d.row.round_name}”?"
        if d.row.proposal_number:
            question += f"\nSố tờ trình {d.row.proposal_number} vẫn giữ trong sổ (ghi là đã hủy)."
        if not messages.ask_yes_no(self, question, "Xóa dự thảo"):
            return
        with service_call(self) as call:
            delete_decision(self.db, d.row.id, d.version)
        if call.ok:
            self.show_detail(None)
            self.deleted.emit()
        else:
            self._emit_changed()

    def view_decision(self) -> None:
        if self.detail is not None:
            decision_id = self.detail.row.id
            show_document(self, self.db.data_dir, lambda: decision_document(self.db, decision_id))

    def view_proposal(self) -> None:
        if self.detail is not None:
            decision_id = self.detail.row.id
            show_document(self, self.db.data_dir, lambda: proposal_document(self.db, decision_id))
