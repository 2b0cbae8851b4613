"""Validation of an award form and its criteria lines: one Vietnamese message per wrong field.

Keys name the field ("code", "reward_collective") or the line and its field ("criteria.3.text"), numbered
from 1 in the order of the input. Checks that need the database (unique code, nominations) are in
app/services/catalogue/forms.py.
"""

from __future__ import annotations

import dataclasses
import re

from app.errors import Validator
from app.models import CriterionMode, DisciplineLevel, OccupationGroup, SubjectKind
from app.rules.vntext import normalize_text
from app.services.catalogue.data import (
    DISCIPLINE_LEVEL,
    PERCENT,
    REWARD_FIELDS,
    RULE_CHOICES,
    AwardFormInput,
    CriterionInput,
    RuleParam,
)

CODE_PATTERN = re.compile(r"[A-Z0-9_]+")
MAX_REWARD = 10_000  # hundredths: 100 × the base salary
DISCIPLINE_VALUES = {level.value for level in DisciplineLevel}


def _kinds_label(kinds) -> str:
    return ", ".join(kind.label.lower() for kind in kinds)


def normalized(data: AwardFormInput) -> AwardFormInput:
    """NFC, trimmed text everywhere; a judged line loses any rule; kinds listed once, in order."""
    return dataclasses.replace(
        data,
        code=normalize_text(data.code),
        name=normalize_text(data.name),
        short_name=normalize_text(data.short_name),
        legal_basis=normalize_text(data.legal_basis),
        criteria=[_normalized_line(line) for line in data.criteria],
    )


def _normalized_line(line: CriterionInput) -> CriterionInput:
    judged = line.mode is CriterionMode.JUDGED
    return dataclasses.replace(
        line,
        text=normalize_text(line.text),
        source=normalize_text(line.source),
        code=normalize_text(line.code),
        rule_code="" if judged else normalize_text(line.rule_code),
        rule_params={} if judged else dict(line.rule_params),
        any_of_group=normalize_text(line.any_of_group),
        subject_kinds=[k for k in SubjectKind if k in line.subject_kinds],
        occupation_groups=[g for g in OccupationGroup if g in line.occupation_groups],
    )


def criterion_kinds(line: CriterionInput, form_kinds: list[SubjectKind]) -> list[SubjectKind]:
    """The kinds a line really applies to: its own limit within the kinds the form applies to."""
    return [kind for kind in form_kinds if not line.subject_kinds or kind in line.subject_kinds]


def validate_award_form(data: AwardFormInput) -> None:
    check = Validator()
    check.require("code", "Mã", data.code)
    if data.code and not CODE_PATTERN.fullmatch(data.code):
        check.add("code", "Mã: chỉ gồm chữ in hoa không dấu, chữ số và dấu gạch dưới (ví dụ GIAY_KHEN).")
    check.max_length("code", "Mã", data.code, 40)
    check.require("name", "Tên hình thức", data.name)
    check.max_length("name", "Tên hình thức", data.name, 200)
    check.max_length("short_name", "Tên viết tắt", data.short_name, 40)
    check.plain_text("legal_basis", "Căn cứ pháp lý", data.legal_basis)
    _check_rewards(check, data)
    if data.threshold_percent is None or not 1 <= data.threshold_percent <= 100:
        check.add("threshold_percent", "Tỷ lệ đồng ý: phải từ 1 đến 100%.")
    _check_fraction(check, data)
    kinds = data.applicable_kinds()
    for number, line in enumerate(data.criteria, start=1):
        _check_line(check, number, line, kinds)
    _check_codes(check, data.criteria)
    _check_groups(check, data.criteria, kinds)
    check.raise_if_any()


def _check_fraction(check: Validator, data: AwardFormInput) -> None:
    numerator, denominator = data.threshold_numerator, data.threshold_denominator
    if (numerator is None) != (denominator is None):
        check.add("threshold_numerator", "Tỷ lệ đồng ý: hãy nhập cả tử số và mẫu số (ví dụ 2/3).")
    elif numerator is not None and denominator is not None and not (
            0 < denominator <= 1000 and 0 < numerator <= denominator):
        check.add("threshold_numerator", (f"Tỷ lệ đồng ý: {numerator}/{denominator} phải lớn hơn 0 và không "
                                          "quá 1 (mẫu số đến 1000)."))


def _check_rewards(check: Validator, data: AwardFormInput) -> None:
    if not data.applicable_kinds():
        check.add("rewards", "Áp dụng cho: hãy chọn ít nhất một loại đối tượng "
                             "(tiền thưởng 0 là không thưởng tiền).")
    for kind, reward in data.rewards().items():
        if reward is not None and not 0 <= reward <= MAX_REWARD:
            check.add(REWARD_FIELDS[kind], f"Tiền thưởng cho {kind.label.lower()}: phải từ 0 đến "
                                           f"{MAX_REWARD // 100} lần mức lương cơ sở.")


def _check_line(check: Validator, number: int, line: CriterionInput, form_kinds: list[SubjectKind]) -> None:
    where, key = f"Tiêu chí dòng {number}", f"criteria.{number}"
    if not line.text:
        check.add(f"{key}.text", f"{where}: chưa ghi nội dung tiêu chí.")
    check.plain_texts(line, {"text": f"{where}, nội dung", "rule_code": f"{where}, quy tắc"}, f"{key}.")
    check.max_length(f"{key}.source", f"{where}, nguồn", line.source, 300)
    check.max_length(f"{key}.code", f"{where}, ký hiệu", line.code, 40)
    check.max_length(f"{key}.any_of_group", f"{where}, nhóm", line.any_of_group, 40)
    foreign = [kind for kind in line.subject_kinds if kind not in form_kinds]
    if foreign and form_kinds:
        check.add(f"{key}.subject_kinds",
                  f"{where}: hình thức này không áp dụng cho {_kinds_label(foreign)}.")
    kinds = criterion_kinds(line, form_kinds)
    if line.occupation_groups and SubjectKind.INDIVIDUAL not in kinds:
        check.add(f"{key}.occupation_groups",
                  f"{where}: nhóm nghề nghiệp chỉ dùng cho tiêu chí áp dụng với cá nhân.")
    if line.mode is CriterionMode.RULE:
        _check_rule(check, number, line, kinds)


def _check_rule(check: Validator, number: int, line: CriterionInput, kinds: list[SubjectKind]) -> None:
    where, key = f"Tiêu chí dòng {number}", f"criteria.{number}"
    choice = RULE_CHOICES.get(line.rule_code)
    if choice is None:
        message = f"không có quy tắc “{line.rule_code}”" if line.rule_code else "chưa chọn quy tắc"
        check.add(f"{key}.rule_code", f"{where}: {message}.")
        return
    outside = [kind for kind in kinds if kind not in choice.kinds]
    if outside:
        check.add(f"{key}.rule_code", f"{where}: quy tắc này chỉ xét được cho {_kinds_label(choice.kinds)}; "
                                      f"hãy giới hạn tiêu chí cho {_kinds_label(choice.kinds)}.")
    for param in choice.params:
        message = _param_error(param, line.rule_params.get(param.name))
        if message:
            check.add(f"{key}.rule_params", f"{where}: {message}")


def _param_error(param: RuleParam, value: object) -> str:
    if param.kind == PERCENT:
        valid = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 100
        return "" if valid else f"{param.label.lower()} phải là số nguyên từ 1 đến 100%."
    if param.kind == DISCIPLINE_LEVEL:
        return "" if value in DISCIPLINE_VALUES else "chưa chọn hình thức kỷ luật."
    raise ValueError(param.kind)


def _check_codes(check: Validator, lines: list[CriterionInput]) -> None:
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if line.code and line.code in seen:
            check.add(f"criteria.{number}.code",
                      f"Tiêu chí dòng {number}: ký hiệu “{line.code}” trùng với dòng {seen[line.code]}.")
        seen.setdefault(line.code, number)


def _check_groups(check: Validator, lines: list[CriterionInput], form_kinds: list[SubjectKind]) -> None:
    """A group of alternatives needs two lines or more that apply to one same kind of subject."""
    groups: dict[str, list[int]] = {}
    for number, line in enumerate(lines, start=1):
        if line.any_of_group:
            groups.setdefault(line.any_of_group, []).append(number)
    for group, numbers in groups.items():
        first = numbers[0]
        key, where = f"criteria.{first}.any_of_group", f"Tiêu chí dòng {first}"
        if len(numbers) < 2:
            check.add(key, f"{where}: nhóm “{group}” chỉ có một tiêu chí; "
                           "“một trong các tiêu chí” cần ít nhất hai tiêu chí cùng nhóm.")
            continue
        shared = [kind for kind in form_kinds
                  if sum(kind in criterion_kinds(lines[n - 1], form_kinds) for n in numbers) >= 2]
        if form_kinds and not shared:
            check.add(key, f"{where}: các tiêu chí của nhóm “{group}” không cùng áp dụng cho "
                           "một loại đối tượng nào, nên không thể chọn một trong số đó.")
