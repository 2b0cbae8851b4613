"""The checklist editor: a nomination's criteria with how each is decided and its outcome; the judged
ones open the judgement dialog (double-click or "Đánh giá…"), the rule ones only show their reason."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.rules.checklist import ChecklistLine
from app.services.nominations import NominationDetail
from app.services.workspace import Database
from app.ui.nominations import checklist_model as cols
from app.ui.nominations.checklist_model import ChecklistModel
from app.ui.nominations.judgement_dialog import JudgementDialog

COLUMN_WIDTHS = {cols.CRITERION: 380, cols.MODE: 80, cols.OUTCOME: 110, cols.REASON: 300, cols.FILE: 140}
HINTS = {
    "judged": "Nhấp đúp vào tiêu chí “Đánh giá” (hoặc chọn rồi bấm “Đánh giá…”) để ghi Đạt / Không đạt.",
    "rule": "Tiêu chí “Quy tắc” do phần mềm quyết định từ dữ liệu (lịch sử khen thưởng, kỷ luật…); "
            "xem lý do ở cột bên phải.",
    "locked": "Hồ sơ đã thẩm định: các tiêu chí không sửa được nữa (trả lại hồ sơ để sửa).",
}


class ChecklistEditor(QWidget):
    judged = Signal()  # a judgement was saved

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.detail: NominationDetail | None = None
        self.model = ChecklistModel(self)
        self.table = self._build_table()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.judge_button = QPushButton("Đánh giá…")
        self.judge_button.clicked.connect(self.judge_selected)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.judge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._update()

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, width in COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        table.horizontalHeader().setSectionResizeMode(cols.REASON, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(lambda _index: self.judge_selected())
        table.selectionModel().selectionChanged.connect(lambda *_args: self._update())
        return table

    def set_detail(self, detail: NominationDetail | None) -> None:
        keep = self.selected_line()
        self.detail = detail
        self.model.set_lines(detail.checklist.lines if detail else ())
        if keep is not None and keep.criterion_id is not None:
            row = self.model.row_of(keep.criterion_id)
            if row is not None:
                self.table.selectRow(row)
        self._update()

    def selected_line(self) -> ChecklistLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.line(rows[0].row()) if rows else None

    def row_of(self, criterion_id: int) -> int | None:
        return self.model.row_of(criterion_id)

    def _can_judge(self, line: ChecklistLine | None) -> bool:
        return bool(line and not line.by_rule and self.detail and self.detail.editable)

    def _update(self) -> None:
        line = self.selected_line()
        self.judge_button.setEnabled(self._can_judge(line))
        if self.detail is not None and not self.detail.editable:
            self.hint.setText(HINTS["locked"])
        else:
            self.hint.setText(HINTS["rule" if line is not None and line.by_rule else "judged"])

    def judge_selected(self) -> None:
        line = self.selected_line()
        if not self._can_judge(line):
            return
        dialog = JudgementDialog(self.db, self.detail.id, line, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.judged)
        dialog.open()
