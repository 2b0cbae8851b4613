"""The appraiser's decision on one judged criterion: đạt / không đạt / chưa rõ, a note, an evidence file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import CriterionOutcome
from app.rules.checklist import ChecklistLine
from app.services.nominations import JudgementInput, set_judgement
from app.services.workspace import Database
from app.ui.kit import system_files
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.widgets import ErrorLabel, Form, ok_cancel_buttons, restore_geometry, save_geometry

GEOMETRY_KEY = "judgement_dialog"
NO_FILE = "Chưa có tệp minh chứng."


class EvidencePicker(QWidget):
    """The current evidence file, and a newly chosen one to add (through system_files.choose_file)."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current, self.path = current, ""
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.choose_button = QPushButton("Chọn tệp…")
        self.choose_button.clicked.connect(self.choose)
        self.clear_button = QPushButton("Bỏ chọn")
        self.clear_button.clicked.connect(lambda: self._set(""))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.clear_button)
        self._set("")

    def choose(self) -> None:
        path = system_files.choose_file(self, "Chọn tệp minh chứng")
        if path:
            self._set(path)

    def _set(self, path: str) -> None:
        self.path = path
        if path:
            self.label.setText(f"Sẽ thêm: {Path(path).name}")
        else:
            self.label.setText(f"Đã có: {self.current}" if self.current else NO_FILE)
        self.clear_button.setVisible(bool(path))


def outcome_row(owner: QWidget) -> tuple[QWidget, dict[CriterionOutcome, QRadioButton]]:
    """Đạt / Không đạt / Chưa rõ as radio buttons in a row (their group a child of `owner`)."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(owner)
    buttons: dict[CriterionOutcome, QRadioButton] = {}
    for outcome in CriterionOutcome:
        button = QRadioButton(outcome.label)
        group.addButton(button)
        buttons[outcome] = button
        layout.addWidget(button)
    layout.addStretch(1)
    return box, buttons


class JudgementDialog(FormDialog):
    def __init__(self, db: Database, nomination_id: int, line: ChecklistLine,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.nomination_id, self.line = db, nomination_id, line
        self.setWindowTitle("Đánh giá tiêu chí")
        self._build()
        self.outcome_buttons[line.outcome].setChecked(True)
        self.note_edit.setPlainText(line.reason)
        if not restore_geometry(self, GEOMETRY_KEY, db.data_dir):
            self.resize(600, 0)

    def _build(self) -> None:
        criterion = QLabel(self._criterion_text())
        criterion.setWordWrap(True)
        self.form = Form()
        row, self.outcome_buttons = outcome_row(self)
        self.form.add_row("outcome", "Kết quả", row)
        self.note_edit = self.form.add_row("note", "Ghi chú, lý do", QPlainTextEdit())
        self.note_edit.setMinimumHeight(80)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText("Bắt buộc khi không đạt: ghi rõ lý do.")
        self.evidence = self.form.add_row("file", "Tệp minh chứng", EvidencePicker(self.line.file_name))
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Lưu")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (criterion, self.form, self.general_error, self.buttons):
            layout.addWidget(widget)

    def _criterion_text(self) -> str:
        source = f"\n({self.line.source})" if self.line.source else ""
        return f"{self.line.text}{source}"

    def outcome(self) -> CriterionOutcome:
        return next(o for o, button in self.outcome_buttons.items() if button.isChecked())

    def read(self) -> JudgementInput:
        return JudgementInput(self.line.criterion_id, self.outcome(), self.note_edit.toPlainText(),
                              self.evidence.path)

    def submit(self) -> None:
        set_judgement(self.db, self.nomination_id, self.read())

    def show_errors(self, errors: dict[str, str]) -> None:
        super().show_errors({("file" if key == "file_path" else key): msg for key, msg in errors.items()})

    def done(self, result: int) -> None:
        save_geometry(self, GEOMETRY_KEY, self.db.data_dir)
        super().done(result)
