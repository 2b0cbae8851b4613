"""The audit page's lower pane: one event, who did it when, and each changed field before → after."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.services.audit import AuditDetail, moment_text
from app.ui.audit.model import CHANGE_COLUMNS
from app.ui.kit.row_table import RowTableModel, row_table_view

PLACEHOLDER = "Chọn một dòng trong nhật ký để xem các trường đã thay đổi, giá trị trước và sau."


class AuditDetailPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(PLACEHOLDER)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel()
        self.meta.setStyleSheet("color: #555;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.model = RowTableModel(CHANGE_COLUMNS, self)
        self.table = row_table_view(self.model)
        self.table.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        for widget in (self.title, self.meta, self.note):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1000)
        layout.addStretch(1)  # takes the room when there is no table (a baseline, a redacted event)
        self.show_detail(None)

    def show_detail(self, detail: AuditDetail | None) -> None:
        if detail is None:
            self.title.setText(PLACEHOLDER)
            self.meta.clear()
            self.note.clear()
            self.model.set_rows([])
        else:
            row = detail.row
            self.title.setText(f"<b>{_escaped(row.summary)}</b>")
            self.meta.setText(f"Sự kiện số {row.id} — lúc {moment_text(row.at)} — {_escaped(row.actor)}")
            self.note.setText(detail.note)
            self.model.set_rows(detail.changes)
        self.meta.setVisible(detail is not None)
        self.note.setVisible(bool(detail and detail.note))
        self.table.setVisible(detail is None or bool(detail.changes))  # kept while empty: the layout holds


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
