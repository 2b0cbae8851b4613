"""The "Thông tin" tab of an award form: names, kind, whom it applies to and its cash reward, the vote."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.models.enums import AwardKind, PollMethod, SubjectKind
from app.rules.vntext import vn_money
from app.services.catalogue import REWARD_FIELDS, AwardFormInput, reward_amount
from app.ui.catalogue.vote_rule_box import FRACTION_FIELD, VoteRuleBox
from app.ui.kit.widgets import Form, choice_combo, select_data

VIETNAMESE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def reward_spin() -> QDoubleSpinBox:
    """A multiple of the base salary written the Vietnamese way: '0,30 lần'."""
    spin = QDoubleSpinBox(decimals=2, minimum=0.0, maximum=100.0, singleStep=0.1, suffix=" lần")
    spin.setLocale(VIETNAMESE)
    spin.setMinimumWidth(110)
    return spin


class RewardRow:
    """One subject kind: "applies" check box, the multiple, and the amount in đồng beside it."""

    def __init__(self, kind: SubjectKind, base_salary: int) -> None:
        self.base_salary = base_salary
        self.check = QCheckBox(kind.label)
        self.spin = reward_spin()
        self.amount = QLabel()
        self.check.toggled.connect(self._update)
        self.spin.valueChanged.connect(self._update)
        self._update()

    def _update(self, *_args) -> None:
        self.spin.setEnabled(self.check.isChecked())
        value = self.value()
        self.amount.setText("" if value is None else f"= {vn_money(reward_amount(value, self.base_salary))}")

    def value(self) -> int | None:
        """Hundredths of the base salary; None when the form does not apply to the kind."""
        return round(self.spin.value() * 100) if self.check.isChecked() else None

    def set_value(self, hundredths: int | None) -> None:
        self.check.setChecked(hundredths is not None)
        self.spin.setValue((hundredths or 0) / 100)


def share_of(data: AwardFormInput) -> Fraction:
    """The form's exact share (its fraction, else its percent; 50 % for a new form without either)."""
    if data.threshold_numerator and data.threshold_denominator:
        return Fraction(data.threshold_numerator, data.threshold_denominator)
    return Fraction(data.threshold_percent or 50, 100)


class AwardFormInfo(Form):
    def __init__(self, base_salary: int, shipped: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code_edit = self.add_row("code", "Mã", QLineEdit(maxLength=40))
        if shipped:
            self.code_edit.setReadOnly(True)
            self.code_edit.setStyleSheet("QLineEdit { background: palette(window); }")
            self.code_edit.setToolTip("Hình thức có sẵn theo quy định giữ nguyên mã.")
        else:
            self.code_edit.setPlaceholderText("Chữ in hoa không dấu, số, dấu gạch dưới: KHEN_DOT_XUAT")
        self.name_edit = self.add_row("name", "Tên hình thức", QLineEdit())
        self.short_edit = self.add_row("short_name", "Tên viết tắt", QLineEdit(maxLength=40))
        kinds = choice_combo((kind.label, kind.value) for kind in AwardKind)
        self.kind_combo = self.add_row("kind", "Loại", kinds)
        self.add_row("rewards", "Áp dụng cho và tiền thưởng", self._rewards_box(base_salary))
        for key in REWARD_FIELDS.values():
            self.rows[key] = self.rows["rewards"]
        self.merit_check = self.add_row("counts_toward_merit", "Tính cho khen thưởng công trạng", QCheckBox(
            "Có — kết quả được tính khi xét khen thưởng theo công trạng sau này"))
        self.merit_check.setToolTip("Khen thưởng đột xuất, chuyên đề không được tính (NĐ 152/2025, Điều 4).")
        self._add_vote_rule_rows()
        self.legal_edit = self.add_row("legal_basis", "Căn cứ pháp lý", QPlainTextEdit())
        self.legal_edit.setTabChangesFocus(True)
        self.legal_edit.setMinimumHeight(70)

    def _rewards_box(self, base_salary: int) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.reward_rows = {kind: RewardRow(kind, base_salary) for kind in SubjectKind}
        for number, row in enumerate(self.reward_rows.values()):
            grid.addWidget(row.check, number, 0)
            grid.addWidget(row.spin, number, 1)
            grid.addWidget(row.amount, number, 2)
        note = QLabel(f"Tiền thưởng bằng số lần mức lương cơ sở (LCS, hiện là {vn_money(base_salary)}); "
                      "0 là không thưởng tiền.", wordWrap=True)
        note.setEnabled(False)
        grid.addWidget(note, len(self.reward_rows), 0, 1, 3)
        grid.setColumnStretch(2, 1)
        return box

    def _add_vote_rule_rows(self) -> None:
        self.vote_rule = VoteRuleBox()
        self.add_row("needs_council_vote", "Hội đồng", self.vote_rule.council_check)
        polls = choice_combo((method.label, method.value) for method in PollMethod)
        self.poll_combo = self.add_row("poll_method", "Cách biểu quyết", polls)
        self.add_row(FRACTION_FIELD, "Tỷ lệ đồng ý cần đạt", self.vote_rule.share)
        for key in ("threshold_denominator", "threshold_percent", "threshold_base", "threshold_strict"):
            self.rows[key] = self.rows[FRACTION_FIELD]
        self.add_row("counts_written_opinions", "Ý kiến vắng mặt", self.vote_rule.opinions_check)
        self.add_row("vote_rule", "Quy tắc", self.vote_rule.rule_label)

    def load(self, data: AwardFormInput) -> None:
        self.code_edit.setText(data.code)
        self.name_edit.setText(data.name)
        self.short_edit.setText(data.short_name)
        select_data(self.kind_combo, data.kind.value)
        for kind, value in data.rewards().items():
            self.reward_rows[kind].set_value(value)
        self.merit_check.setChecked(data.counts_toward_merit)
        select_data(self.poll_combo, data.poll_method.value)
        self.vote_rule.load(data.threshold_base, share_of(data), data.threshold_strict,
                            data.counts_written_opinions, data.needs_council_vote)
        self.legal_edit.setPlainText(data.legal_basis)

    def read(self) -> AwardFormInput:
        """The typed values (the criteria lines are read from the other tab); ValidationError when the
        share of the vote rule cannot be read."""
        rewards = {kind: row.value() for kind, row in self.reward_rows.items()}
        rule = self.vote_rule.rule()
        return AwardFormInput(
            code=self.code_edit.text(),
            name=self.name_edit.text(),
            short_name=self.short_edit.text(),
            kind=AwardKind(self.kind_combo.currentData()),
            counts_toward_merit=self.merit_check.isChecked(),
            poll_method=PollMethod(self.poll_combo.currentData()),
            threshold_base=rule.base,
            threshold_percent=round(rule.fraction * 100),
            threshold_numerator=rule.fraction.numerator,
            threshold_denominator=rule.fraction.denominator,
            threshold_strict=rule.strict,
            counts_written_opinions=rule.counts_opinions,
            needs_council_vote=self.vote_rule.council_check.isChecked(),
            legal_basis=self.legal_edit.toPlainText(),
            reward_individual=rewards.get(SubjectKind.INDIVIDUAL),
            reward_collective=rewards.get(SubjectKind.COLLECTIVE),
            reward_household=rewards.get(SubjectKind.HOUSEHOLD),
        )
