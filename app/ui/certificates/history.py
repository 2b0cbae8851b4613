"""The prints of one decision's certificates (who, when, which recipients, layout, printer and correction)
and every certificate printed, with "Hỏng phôi / in lại…" for a misprint."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from app.errors import ValidationError
from app.services.certificates import (
    CertificateRow,
    list_certificates,
    list_layouts,
    list_prints,
    spoil_certificate,
)
from app.services.workspace import Database
from app.ui.certificates.choices import may_edit
from app.ui.certificates.columns import CERTIFICATE_COLUMNS, print_columns
from app.ui.certificates.shown_loading import LoadsWhenShown
from app.ui.kit import messages
from app.ui.kit.operations import busy, service_call
from app.ui.kit.row_table import RowTableModel, row_table_view, selected_row, sort_names
from app.ui.kit.table_columns import ColumnLayout, query_sort, sort_by_query
from app.ui.kit.widgets import add_button

EMPTY = "Chưa in giấy khen nào của quyết định này."


class PrintHistory(LoadsWhenShown):
    reprint_requested = Signal(int)  # a recipient's position: print it again

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.decision_id: int | None = None
        self._titles: dict[str, str] = {}
        self.prints = RowTableModel(print_columns(self._titles), self)
        self.certificates = RowTableModel(CERTIFICATE_COLUMNS, self)
        self.prints_table = row_table_view(self.prints)
        self.certificates_table = row_table_view(self.certificates)
        self.certificates_table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        for table, columns, key, newest in (
                (self.prints_table, self.prints.columns, "prints", True),
                (self.certificates_table, CERTIFICATE_COLUMNS, "certificates", False)):
            kept = ColumnLayout(table, db.data_dir, f"PrintHistory/{key}")  # widths, order and sort kept
            sort_by_query(table, sort_names(columns), self.load, 0, descending=newest, restored=kept.restored)
        self.summary = QLabel(EMPTY)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        self.spoil_button = add_button(buttons, "Hỏng phôi / in lại…", self.spoil_and_reprint)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._titled("Các lần in", self.prints_table))
        splitter.addWidget(self._titled("Giấy khen đã in (chọn một tờ in hỏng để in lại)",
                                        self.certificates_table))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._enable()

    @staticmethod
    def _titled(title: str, table: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"<b>{title}</b>"))
        layout.addWidget(table, 1)
        return box

    def show_decision(self, decision_id: int | None) -> None:
        self.decision_id = decision_id
        self.reload_soon()

    def load(self) -> None:
        prints, certificates = [], []
        if self.decision_id is not None:
            with busy():
                sort, descending = query_sort(self.prints_table, sort_names(self.prints.columns))
                prints = list_prints(self.db, self.decision_id, sort=sort, descending=descending)
                self._titles.update({info.name: info.title for info in list_layouts(self.db)})
                sort, descending = query_sort(self.certificates_table, sort_names(CERTIFICATE_COLUMNS))
                certificates = list_certificates(self.db, self.decision_id, sort=sort, descending=descending)
        self.prints.set_rows(prints)
        self.certificates.set_rows(certificates)
        spoiled = sum(1 for c in certificates if c.spoiled)
        reprints = sum(1 for c in certificates if c.reprint_of_id)
        counts = f"{len(certificates)} tờ giấy khen ({reprints} tờ in lại, {spoiled} tờ hỏng)"
        self.summary.setText(f"{len(prints)} lần in, {counts}." if prints else EMPTY)
        self._enable()

    def selected(self) -> CertificateRow | None:
        return selected_row(self.certificates_table)

    def _enable(self) -> None:
        row = self.selected()
        self.spoil_button.setEnabled(row is not None and not row.spoiled and may_edit(self.db))

    def spoil_and_reprint(self) -> None:
        """Mark the chosen certificate spoiled (with its reason), then offer to print that recipient again."""
        row = self.selected()
        if row is None or row.spoiled:
            return
        reason = messages.ask_text(self, f"Tờ giấy khen của “{row.recipient}” bị hỏng vì sao?\n"
                                         "(ví dụ: kẹt giấy, in lệch, sai chính tả)", "Hỏng phôi / in lại")
        if reason is None:
            return
        if not reason.strip():
            messages.show_error(self, "Lý do hỏng: không được để trống.")
            return
        try:
            with service_call(self) as call:
                spoil_certificate(self.db, row.id, reason)
        except ValidationError as error:
            messages.show_error(self, "\n".join(error.errors.values()))
            return
        self.load()
        if call.ok and messages.ask_yes_no(self, f"Đã ghi tờ của “{row.recipient}” là hỏng.\n"
                                                 "In lại giấy khen cho người này ngay bây giờ?", "In lại"):
            self.reprint_requested.emit(row.position)
