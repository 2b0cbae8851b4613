"""Dialogs of a step taken for many nominations: the criterion judged for all, and the report after."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import CriterionOutcome
from app.services.nominations import BatchLine, BatchReport, JudgedCriterion, JudgementInput
from app.ui.kit.row_table import RowColumn, RowTableModel, first_line, row_table_view
from app.ui.kit.widgets import ErrorLabel, Form, ok_cancel_buttons
from app.ui.nominations.judgement_dialog import outcome_row

REFUSED_MARK, DONE_MARK = "Không làm được", "Đã làm"
NO_CRITERION = "Tiêu chí: các hồ sơ đã chọn không có tiêu chí đánh giá tay."
REFUSED_STYLE = "background: #fdeceb; color: #8c1d18; border: 1px solid #eba7a2; padding: 6px;"
REASONS_SHOWN = 5  # the first refusals in full above the table; every one is in the table


def refusals_text(refused: list[BatchLine]) -> str:
    """The first refused nominations with their whole reasons, as plain lines."""
    shown = refused[:REASONS_SHOWN]
    lines = [f"• {line.subject_name} ({line.form_name}): {line.text}" for line in shown]
    if len(refused) > REASONS_SHOWN:
        rest = len(refused) - REASONS_SHOWN
        lines.append(f"… và {rest} hồ sơ khác (xem bảng dưới, dòng “{REFUSED_MARK}”).")
    return "Không làm được:\n" + "\n".join(lines)


class JudgeManyDialog(QDialog):
    """One judged criterion and its outcome for every selected nomination it applies to."""

    def __init__(self, criteria: list[JudgedCriterion], selected: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Đánh giá một tiêu chí cho các hồ sơ đã chọn")
        self.criteria = criteria
        intro = QLabel(f"Kết quả được ghi cho từng hồ sơ trong {selected} hồ sơ đã chọn, "
                       "như khi đánh giá từng hồ sơ một.")
        intro.setWordWrap(True)
        self.form = Form()
        self.criterion_combo = self.form.add_row("criterion_id", "Tiêu chí", QComboBox())
        self.criterion_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.criterion_combo.setMinimumContentsLength(30)
        for n, c in enumerate(criteria):
            self.criterion_combo.addItem(f"{c.text} — {c.form_name} ({c.count} hồ sơ)", c.criterion_id)
            self.criterion_combo.setItemData(n, f"{c.form_name}: {c.text}", Qt.ItemDataRole.ToolTipRole)
        row, self.outcome_buttons = outcome_row(self)
        self.outcome_buttons[CriterionOutcome.MET].setChecked(True)
        self.form.add_row("outcome", "Kết quả", row)
        self.note_edit = self.form.add_row("note", "Ghi chú, lý do", QPlainTextEdit())
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(90)
        self.note_edit.setPlaceholderText("Bắt buộc khi không đạt: ghi rõ lý do.")
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Ghi cho tất cả")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.form, self.general_error, self.buttons):
            layout.addWidget(widget)
        self.resize(640, 0)

    def choose(self, criterion_id: int, outcome: CriterionOutcome, note: str = "") -> None:
        self.criterion_combo.setCurrentIndex(self.criterion_combo.findData(criterion_id))
        self.outcome_buttons[outcome].setChecked(True)
        self.note_edit.setPlainText(note)

    def judgement(self) -> JudgementInput:
        outcome = next(o for o, button in self.outcome_buttons.items() if button.isChecked())
        return JudgementInput(self.criterion_combo.currentData(), outcome, self.note_edit.toPlainText())

    def accept(self) -> None:
        """Refused here, before any nomination is touched, when a failing outcome has no reason."""
        self.form.clear_errors()
        if self.criterion_combo.currentData() is None:
            self.form.show_errors({"criterion_id": NO_CRITERION})
            return
        judgement = self.judgement()
        if judgement.outcome is CriterionOutcome.NOT_MET and not judgement.note.strip():
            self.form.show_errors({"note": "Ghi chú: hãy ghi lý do không đạt."})
            return
        super().accept()


REPORT_COLUMNS = [
    RowColumn("Đối tượng", lambda line: line.subject_name, 190),
    RowColumn("Hình thức", lambda line: line.form_name, 150),
    RowColumn("Kết quả", lambda line: line.mark, 110),
    RowColumn("Nội dung", lambda line: first_line(line.text, 200), 400, stretch=True,
              tooltip=lambda line: line.text),
]


class _ReportRow:
    """A line of the report table: the batch line and whether it was done."""

    def __init__(self, line: BatchLine, done: bool) -> None:
        self.id = line.nomination_id
        self.subject_name, self.form_name, self.text = line.subject_name, line.form_name, line.text
        self.mark = DONE_MARK if done else REFUSED_MARK


class BatchReportDialog(QDialog):
    """What a batch step did for each nomination, the refused ones first with their reasons."""

    def __init__(self, report: BatchReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Kết quả: {report.step.label}")
        self.summary = QLabel(f"<b>{report.summary()}</b>")
        self.summary.setWordWrap(True)
        self.reasons = QLabel(refusals_text(report.refused))
        self.reasons.setWordWrap(True)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reasons.setStyleSheet(REFUSED_STYLE)
        self.reasons.setVisible(bool(report.refused))
        self.model = RowTableModel(REPORT_COLUMNS, self)
        self.model.set_rows([_ReportRow(line, False) for line in report.refused]
                            + [_ReportRow(line, True) for line in report.done])
        self.table = row_table_view(self.model)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.reasons)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(860, 480)

    def lines(self) -> list[tuple[str, str, str]]:
        """(person, result, text) per row, as shown."""
        return [(row.subject_name, row.mark, row.text) for row in self.model.rows()]
