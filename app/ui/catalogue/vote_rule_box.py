"""The vote rule of an award form, edited in the form's "Thông tin" tab: the share needed, typed as a
percent ("80") or a fraction ("2/3"), inclusive or strict, of which base; whether absent members' written
opinions count; whether the council votes at all; and the rule said in Vietnamese as it is typed."""

from __future__ import annotations

import re
from fractions import Fraction

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.errors import ValidationError
from app.models.enums import ThresholdBase
from app.rules.council import VoteRule, fraction_text, needed_text
from app.ui.kit.widgets import choice_combo, select_data

FRACTION_FIELD = "threshold_numerator"
_PERCENT = re.compile(r"(\d{1,3})(?:,(\d{1,2}))?\s*%?")
_FRACTION = re.compile(r"(\d{1,4})\s*/\s*(\d{1,4})")
EXAMPLE_BASE = 15  # the example under the rule: a council (or a count) of fifteen


def parse_share(text: str) -> Fraction:
    """'80', '80 %', '66,5' (a percent) or '2/3' (a fraction) as an exact share of 1; ValueError with a
    Vietnamese message naming the field for anything else, zero, or more than the whole."""
    typed = text.strip()
    percent, fraction = _PERCENT.fullmatch(typed), _FRACTION.fullmatch(typed)
    if percent:
        whole, part = percent.group(1), percent.group(2) or ""
        share = Fraction(int(whole + part), 100 * 10 ** len(part))
    elif fraction and int(fraction.group(2)) > 0:
        share = Fraction(int(fraction.group(1)), int(fraction.group(2)))
    else:
        shown = f"“{typed}”" if typed else "để trống"
        raise ValueError(f"Tỷ lệ đồng ý: {shown} không đọc được; hãy gõ phần trăm (80) hoặc phân số (2/3).")
    if not 0 < share <= 1 or share.denominator > 1000:
        raise ValueError(f"Tỷ lệ đồng ý: {typed} phải lớn hơn 0 và không quá 100 % (phân số không quá 1).")
    return share


class ShareEdit(QWidget):
    """'[từ … trở lên | lớn hơn] [80] của [tổng số thành viên Hội đồng]' on one line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strict_combo = QComboBox()
        self.strict_combo.addItem("từ … trở lên (≥)", False)
        self.strict_combo.addItem("lớn hơn (>)", True)
        self.share_edit = QLineEdit()
        self.share_edit.setPlaceholderText("80 hoặc 2/3")
        self.share_edit.setToolTip("Phần trăm (80, 66,5) hoặc phân số (2/3)")
        self.share_edit.setMaximumWidth(90)
        self.base_combo = choice_combo((base.label, base.value) for base in ThresholdBase)
        line = QHBoxLayout(self)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.strict_combo)
        line.addWidget(self.share_edit)
        line.addWidget(QLabel("của"))
        line.addWidget(self.base_combo, 1)
        self.setFocusProxy(self.share_edit)


class VoteRuleBox:
    """The rule's fields (placed in rows of the tab by its owner) and the live text of the rule."""

    def __init__(self) -> None:
        self.share = ShareEdit()
        self.opinions_check = QCheckBox("Tính cả ý kiến bằng văn bản của thành viên vắng mặt")
        self.council_check = QCheckBox("Cần Hội đồng bỏ phiếu")
        self.council_check.setToolTip("Bỏ chọn: kết quả bình xét được ghi trực tiếp, không qua cuộc họp "
                                      "Hội đồng (như Gia đình văn hóa).")
        self.rule_label = QLabel(wordWrap=True)
        self.rule_label.setObjectName("vote_rule_text")
        for signal in (self.share.strict_combo.currentIndexChanged, self.share.share_edit.textChanged,
                       self.share.base_combo.currentIndexChanged, self.opinions_check.toggled,
                       self.council_check.toggled):
            signal.connect(self.update_text)
        self.update_text()

    def load(self, base: ThresholdBase, share: Fraction, strict: bool, opinions: bool, council: bool) -> None:
        select_data(self.share.strict_combo, strict)
        select_data(self.share.base_combo, base.value)
        self.share.share_edit.setText(fraction_text(share).replace(" %", ""))
        self.opinions_check.setChecked(opinions)
        self.council_check.setChecked(council)
        self.update_text()

    def rule(self) -> VoteRule:
        """The typed rule; ValidationError (field threshold_numerator) when the share cannot be read."""
        try:
            share = parse_share(self.share.share_edit.text())
        except ValueError as exc:
            raise ValidationError({FRACTION_FIELD: str(exc)}) from exc
        return VoteRule(ThresholdBase(self.share.base_combo.currentData()), share,
                        bool(self.share.strict_combo.currentData()), self.opinions_check.isChecked())

    def update_text(self, *_args) -> None:
        try:
            rule = self.rule()
        except ValidationError as exc:
            self.rule_label.setText(exc.errors[FRACTION_FIELD])
            return
        lines = [f"Đạt khi số đồng ý {rule.text}."]
        if rule.counts_members:
            lines.append(f"Ví dụ với {EXAMPLE_BASE} thành viên: {needed_text(rule, EXAMPLE_BASE)}.")
        if not self.council_check.isChecked():
            lines.insert(0, "Không qua Hội đồng: kết quả bình xét được ghi trực tiếp.")
        self.rule_label.setText("\n".join(lines))
