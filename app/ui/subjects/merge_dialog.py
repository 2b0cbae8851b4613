"""“Gộp hồ sơ trùng”: two records side by side, a choice for each field where they differ, what will move
to the record kept, and a confirmation before the merge (services/subjects/merge.py decides the rest)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.subjects import FieldChoice, MergePlan, MergeResult, merge_plan, merge_subjects
from app.services.workspace import Database
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.operations import service_call
from app.ui.kit.widgets import ErrorLabel, Form, ok_cancel_buttons, restore_geometry, save_geometry

INTRO = ("Hồ sơ bên phải được gộp vào hồ sơ bên trái rồi xóa khỏi sổ; hồ sơ đề nghị, lịch sử khen thưởng, "
         "hồ sơ điển hình và tệp của nó chuyển sang hồ sơ giữ lại. Ô nào hồ sơ giữ lại còn trống thì lấy "
         "theo hồ sơ gộp; ô nào hai bên khác nhau, hãy chọn giá trị giữ lại.")
CONFIRM = "Tôi đã kiểm tra: hai hồ sơ là cùng một đối tượng"
EMPTY = "(trống)"
SHOWN_CHARS = 60  # a longer value (a note) is cut in its cell, whole in its tooltip
GEOMETRY_KEY = "merge_dialog"
MUTED = "color: #6b6b6b;"
CELL = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def _short(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS - 1] + "…"


def _cell(text: str) -> QLabel:
    label = QLabel(_short(text) or EMPTY, wordWrap=True)
    label.setToolTip(text)
    return label


class MergeDialog(FormDialog):
    """Opened on two records; “Đổi bên” swaps which one is kept. `saved_id`: the kept record, once merged."""

    def __init__(self, db: Database, plan: MergePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.saved_id: int | None = None
        self.result_: MergeResult | None = None
        self.choices: dict[str, QButtonGroup] = {}
        self.setWindowTitle("Gộp hồ sơ trùng")
        self._build()
        self._show_plan(plan)
        if not restore_geometry(self, GEOMETRY_KEY, db.data_dir):
            self.resize(900, 560)

    @classmethod
    def for_pair(cls, db: Database, keep_id: int, other_id: int,
                 parent: QWidget | None = None) -> MergeDialog:
        """The dialog on two stored records (NotFoundError when one was deleted meanwhile)."""
        return cls(db, merge_plan(db, keep_id, other_id), parent)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(INTRO, wordWrap=True))
        self.area = QScrollArea(widgetResizable=True)
        self.area.setFrameShape(QFrame.Shape.StyledPanel)
        layout.addWidget(self.area, 1)
        self.moves_label = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        layout.addWidget(self.moves_label)
        self.general_error = ErrorLabel()
        layout.addWidget(self.general_error)
        self.form = Form()
        self.confirm_box = QCheckBox(CONFIRM)
        self.confirm_box.toggled.connect(self._update_button)
        self.form.add_row("confirm", "", self.confirm_box)
        layout.addWidget(self.form)
        layout.addLayout(self._build_buttons())

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.swap_button = QPushButton("Đổi bên giữ lại")
        self.swap_button.setAutoDefault(False)
        self.swap_button.clicked.connect(lambda _checked=False: self.swap())
        row.addWidget(self.swap_button)
        self.buttons = ok_cancel_buttons("Gộp")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row.addWidget(self.buttons, 1)
        return row

    @property
    def merge_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    # The plan ----------------------------------------------------------------------------------------

    def _show_plan(self, plan: MergePlan) -> None:
        self.plan = plan
        self.choices = {}
        self.area.setWidget(self._comparison(plan))
        self.moves_label.setText(f"<b>Sẽ chuyển sang hồ sơ giữ lại:</b> {html.escape(plan.moves_text())}.")
        self.general_error.set_message("\n".join(plan.problems))
        self.confirm_box.setChecked(False)
        self.confirm_box.setEnabled(not plan.problems)
        self._update_button()

    def _comparison(self, plan: MergePlan) -> QWidget:
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        # the two are told apart by their fields below, not by their record numbers
        headers = ("", f"Giữ lại: “{plan.kept.name}”", f"Gộp vào rồi xóa: “{plan.other.name}”")
        for column, text in enumerate(headers):
            grid.addWidget(QLabel(f"<b>{html.escape(text)}</b>", wordWrap=True), 0, column)
        shown = [choice for choice in plan.fields if choice.kept or choice.other]
        for row, choice in enumerate(shown, start=1):
            grid.addWidget(QLabel(f"{choice.label}:"), row, 0, CELL)
            self._cells(grid, row, choice)
        grid.setRowStretch(len(shown) + 1, 1)
        return grid_widget

    def _cells(self, grid: QGridLayout, row: int, choice: FieldChoice) -> None:
        if choice.differs:
            group = QButtonGroup(self)
            for column, text in ((1, choice.kept), (2, choice.other)):
                button = QRadioButton(_short(text))
                button.setToolTip(text)
                button.setChecked(column == 1)
                group.addButton(button, column)
                grid.addWidget(button, row, column, CELL)
            self.choices[choice.key] = group
            return
        kept, other = _cell(choice.kept), _cell(choice.other)
        if choice.filled:
            kept.setStyleSheet(MUTED)
            other.setText(f"<b>{html.escape(_short(choice.other))}</b> (lấy sang hồ sơ giữ lại)")
        elif not choice.other:
            other.setStyleSheet(MUTED)
        grid.addWidget(kept, row, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(other, row, 2, Qt.AlignmentFlag.AlignVCenter)

    def _update_button(self, *_args) -> None:
        self.merge_button.setEnabled(not self.plan.problems and self.confirm_box.isChecked())

    def taken_from_other(self) -> set[str]:
        """The differing fields whose value the officer takes from the record merged in."""
        return {key for key, group in self.choices.items() if group.checkedId() == 2}

    # Actions -----------------------------------------------------------------------------------------

    def swap(self) -> None:
        """Keep the other record instead (the plan read again, every choice back to the kept side)."""
        with service_call(self) as call:
            plan = merge_plan(self.db, self.plan.other.id, self.plan.kept.id)
        if call.ok:
            self._show_plan(plan)

    def submit(self) -> bool | None:
        if not self.confirm_box.isChecked():
            return False
        plan = self.plan
        self.result_ = merge_subjects(self.db, plan.kept.id, plan.other.id, plan.kept.version,
                                      plan.other.version, self.taken_from_other())
        self.saved_id = plan.kept.id
        return None

    def done(self, result: int) -> None:
        save_geometry(self, GEOMETRY_KEY, self.db.data_dir)
        super().done(result)
