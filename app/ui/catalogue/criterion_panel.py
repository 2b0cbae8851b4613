"""The side panel that edits the selected criterion: its wording, source, how it is decided, to whom."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.models.enums import CriterionMode, DisciplineLevel, OccupationGroup, SubjectKind
from app.services.catalogue import DISCIPLINE_LEVEL, PERCENT, RULE_CHOICES, CriterionInput
from app.ui.catalogue.criteria_model import MODE_LABELS, NEW_CODE
from app.ui.kit.widgets import Form, choice_combo, select_data


def _check_boxes(members, columns: int) -> tuple[QWidget, dict]:
    box, boxes = QWidget(), {}
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    for number, member in enumerate(members):
        boxes[member] = QCheckBox(member.label)
        grid.addWidget(boxes[member], number // columns, number % columns)
    return box, boxes


class CriterionPanel(QWidget):
    """Edits one CriterionInput: the wording on the left, how and for whom it is decided on the right.
    `changed` is emitted on every edit the user makes; `rows` are the fields' rows, keyed as the service's
    line fields ("text", "rule_params")."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._line = CriterionInput()
        self._loading = False
        self.wording, self.deciding = Form(), Form()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.wording, 3)
        layout.addWidget(self.deciding, 2)
        self._build_wording(self.wording)
        self._build_deciding(self.deciding)
        self.rows = {**self.wording.rows, **self.deciding.rows}
        self._connect()

    def _build_wording(self, form: Form) -> None:
        self.code_label = form.add_row("code", "Ký hiệu", QLabel())
        self.text_edit = form.add_row("text", "Nội dung tiêu chí", QPlainTextEdit())
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(96)
        self.text_edit.setPlaceholderText("Ghi đúng lời văn của văn bản quy định")
        self.source_edit = form.add_row("source", "Nguồn", QLineEdit(placeholderText="Điều, khoản, văn bản"))

    def _build_deciding(self, form: Form) -> None:
        modes = [(MODE_LABELS[mode], mode.value) for mode in CriterionMode]
        self.mode_combo = form.add_row("mode", "Cách xét", choice_combo(modes))
        rules = [(choice.label, code) for code, choice in RULE_CHOICES.items()]
        self.rule_combo = form.add_row("rule_code", "Quy tắc", choice_combo(rules, empty="— Chọn quy tắc —"))
        self.rule_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rule_combo.setMinimumContentsLength(20)
        self.percent_spin = QSpinBox(minimum=1, maximum=100, suffix=" %")
        self.level_combo = choice_combo((level.label, level.value) for level in DisciplineLevel)
        form.add_row("rule_params", "Tham số", self._params_box())
        self.group_edit = form.add_row(
            "any_of_group", "Một trong nhóm", QLineEdit(placeholderText="Để trống nếu tiêu chí là bắt buộc")
        )
        self.group_edit.setToolTip("Các tiêu chí cùng tên nhóm là các lựa chọn: đạt một trong số đó là đạt.")
        kinds, self.kind_boxes = _check_boxes(list(SubjectKind), 3)
        form.add_row("subject_kinds", "Chỉ áp dụng cho", kinds)
        kinds.setToolTip("Không chọn loại nào: áp dụng cho mọi loại đối tượng của hình thức.")
        occupations, self.occupation_boxes = _check_boxes(list(OccupationGroup), 2)
        form.add_row("occupation_groups", "Nhóm nghề nghiệp", occupations)
        occupations.setToolTip("Chỉ với cá nhân. Không chọn nhóm nào: áp dụng cho mọi cá nhân.")

    def clear_errors(self) -> None:
        self.wording.clear_errors()
        self.deciding.clear_errors()

    def _params_box(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.percent_label = QLabel("Tỷ lệ tối thiểu")
        self.level_label = QLabel("Từ hình thức kỷ luật")
        for widget in (self.percent_label, self.percent_spin, self.level_label, self.level_combo):
            layout.addWidget(widget)
        layout.addStretch(1)
        return box

    def _connect(self) -> None:
        self.text_edit.textChanged.connect(self._edited)
        self.source_edit.textChanged.connect(self._edited)
        self.group_edit.textChanged.connect(self._edited)
        for combo in (self.mode_combo, self.rule_combo, self.level_combo):
            combo.currentIndexChanged.connect(self._edited)
        self.percent_spin.valueChanged.connect(self._edited)
        for box in (*self.kind_boxes.values(), *self.occupation_boxes.values()):
            box.toggled.connect(self._edited)

    def _edited(self, *_args) -> None:
        if not self._loading:
            self._update_states()
            self.changed.emit()

    def _update_states(self) -> None:
        rule = self.mode_combo.currentData() == CriterionMode.RULE.value
        self.deciding.layout_.setRowVisible(self.rows["rule_code"], rule)
        choice = RULE_CHOICES.get(self.rule_combo.currentData() or "") if rule else None
        kinds = {param.kind for param in choice.params} if choice else set()
        self.deciding.layout_.setRowVisible(self.rows["rule_params"], bool(kinds))
        for widget, kind in ((self.percent_label, PERCENT), (self.percent_spin, PERCENT),
                             (self.level_label, DISCIPLINE_LEVEL), (self.level_combo, DISCIPLINE_LEVEL)):
            widget.setVisible(kind in kinds)
        checked = [kind for kind, box in self.kind_boxes.items() if box.isChecked()]
        for box in self.occupation_boxes.values():
            box.setEnabled(not checked or SubjectKind.INDIVIDUAL in checked)

    def load(self, line: CriterionInput | None) -> None:
        """Show a line (None: no line selected, the panel is emptied and disabled)."""
        self._loading = True
        self._line = dataclasses.replace(line) if line else CriterionInput()
        current = self._line
        self.code_label.setText(current.code or NEW_CODE)
        self.text_edit.setPlainText(current.text)
        self.source_edit.setText(current.source)
        select_data(self.mode_combo, current.mode.value)
        select_data(self.rule_combo, current.rule_code or None)
        self.percent_spin.setValue(int(current.rule_params.get("percent", 70)))
        select_data(self.level_combo, current.rule_params.get("level", DisciplineLevel.WARNING.value))
        self.group_edit.setText(current.any_of_group)
        for kind, box in self.kind_boxes.items():
            box.setChecked(kind in current.subject_kinds)
        for group, box in self.occupation_boxes.items():
            box.setChecked(group in current.occupation_groups)
        self._update_states()
        self.setEnabled(line is not None)
        self._loading = False

    def read(self) -> CriterionInput:
        mode = CriterionMode(self.mode_combo.currentData())
        rule_code = (self.rule_combo.currentData() or "") if mode is CriterionMode.RULE else ""
        return dataclasses.replace(
            self._line,
            text=self.text_edit.toPlainText(),
            source=self.source_edit.text(),
            mode=mode,
            rule_code=rule_code,
            rule_params=self._params(rule_code),
            any_of_group=self.group_edit.text(),
            subject_kinds=[kind for kind, box in self.kind_boxes.items() if box.isChecked()],
            occupation_groups=[group for group, box in self.occupation_boxes.items() if box.isChecked()],
        )

    def _params(self, rule_code: str) -> dict[str, int | str]:
        choice = RULE_CHOICES.get(rule_code)
        if choice is None:
            return {}
        values = {PERCENT: self.percent_spin.value(), DISCIPLINE_LEVEL: self.level_combo.currentData()}
        return {param.name: values[param.kind] for param in choice.params}
