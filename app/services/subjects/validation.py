"""Validation of a subject form: one Vietnamese message per wrong field."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum

from app.errors import Validator
from app.models import HoldKind, SubjectKind
from app.rules.vntext import normalize_text
from app.services.subjects.data import AwardInput, HoldInput, SubjectInput

NAME_LABELS = {
    SubjectKind.INDIVIDUAL: "Họ và tên",
    SubjectKind.COLLECTIVE: "Tên tập thể",
    SubjectKind.HOUSEHOLD: "Tên hộ gia đình",
}
MIN_BIRTH_YEAR = 1900
TEXT_LABELS = {"address": "Địa chỉ", "phone": "Số điện thoại", "note": "Ghi chú", "position": "Chức vụ",
               "ethnicity": "Dân tộc", "citizen_id": "Số CCCD", "parent_body": "Cơ quan chủ quản",
               "head_name": "Chủ hộ"}
AWARD_LABELS = {"form_name": "danh hiệu, hình thức", "decision_no": "số quyết định", "issuer": "cấp khen",
                "note": "ghi chú"}


def _normalize_strings(item, **extra):
    """A copy with NFC, trimmed text in every plain string field (enums are left as they are)."""
    texts = {
        f.name: normalize_text(value)
        for f in dataclasses.fields(item)
        if isinstance(value := getattr(item, f.name), str) and not isinstance(value, enum.Enum)
    }
    return dataclasses.replace(item, **{**texts, **extra})


def normalized(data: SubjectInput) -> SubjectInput:
    """NFC and trimmed text everywhere, the citizen ID without spaces."""
    return _normalize_strings(
        data,
        citizen_id=normalize_text(data.citizen_id).replace(" ", ""),
        awards=[_normalize_strings(a) for a in data.awards],
        holds=[_normalize_strings(h) for h in data.holds],
    )


def validate_subject(data: SubjectInput, today: dt.date) -> None:
    check = Validator()
    label = NAME_LABELS[data.kind]
    check.require("name", label, data.name)
    check.max_length("name", label, data.name, 200)
    check.plain_texts(data, TEXT_LABELS)
    check.max_length("address", "Địa chỉ", data.address, 300)
    _check_phone(check, data.phone)
    if data.kind is SubjectKind.INDIVIDUAL:
        _check_individual(check, data, today)
    elif data.kind is SubjectKind.COLLECTIVE:
        _check_collective(check, data)
    else:
        check.require("head_name", "Chủ hộ", data.head_name)
    for index, award in enumerate(data.awards, start=1):
        _check_award(check, index, award, today)
    for index, hold in enumerate(data.holds, start=1):
        _check_hold(check, index, hold)
    check.raise_if_any()


def _check_phone(check: Validator, phone: str) -> None:
    digits = phone.replace(" ", "").replace(".", "").removeprefix("+84")
    if phone and (not digits.isdigit() or not 9 <= len(digits) <= 11):
        check.add("phone", "Số điện thoại: chỉ gồm chữ số, từ 9 đến 11 số.")


def _check_individual(check: Validator, data: SubjectInput, today: dt.date) -> None:
    if data.gender is None:
        check.add("gender", "Giới tính: hãy chọn Nam hoặc Nữ.")
    if data.birth_date is not None:
        if data.birth_date.year < MIN_BIRTH_YEAR:
            check.add("birth_date", f"Ngày sinh: năm sinh phải từ {MIN_BIRTH_YEAR} trở đi.")
        if data.birth_year is not None and data.birth_year != data.birth_date.year:
            check.add("birth_year", "Năm sinh: không khớp với ngày sinh.")
    if data.birth_year is not None and not MIN_BIRTH_YEAR <= data.birth_year <= today.year:
        check.add("birth_year", f"Năm sinh: phải từ {MIN_BIRTH_YEAR} đến {today.year}.")
    if data.birth_date is not None and data.birth_date > today:
        check.add("birth_date", "Ngày sinh: không được sau ngày hôm nay.")
    if data.citizen_id and not (data.citizen_id.isdigit() and len(data.citizen_id) == 12):
        check.add("citizen_id", "Số CCCD: phải gồm đúng 12 chữ số.")
    check.max_length("position", "Chức vụ", data.position, 200)
    check.max_length("ethnicity", "Dân tộc", data.ethnicity, 50)


def _check_collective(check: Validator, data: SubjectInput) -> None:
    if data.member_count is not None and data.member_count < 0:
        check.add("member_count", "Số thành viên: không được âm.")
    if data.female_member_count is not None:
        if data.female_member_count < 0:
            check.add("female_member_count", "Số thành viên nữ: không được âm.")
        elif data.member_count is not None and data.female_member_count > data.member_count:
            check.add("female_member_count", "Số thành viên nữ: không được lớn hơn tổng số thành viên.")
    check.max_length("parent_body", "Cơ quan chủ quản", data.parent_body, 200)


def _check_award(check: Validator, index: int, award: AwardInput, today: dt.date) -> None:
    where = f"Khen thưởng dòng {index}"
    check.plain_texts(award, {k: f"{where}, {v}" for k, v in AWARD_LABELS.items()}, f"awards.{index}.")
    if not award.form_name:
        check.add(f"awards.{index}.form_name", f"{where}: chưa ghi danh hiệu hoặc hình thức khen thưởng.")
    if award.year is None or not MIN_BIRTH_YEAR <= award.year <= today.year + 1:
        check.add(f"awards.{index}.year", f"{where}: năm khen thưởng không hợp lệ.")
    if award.decision_date is not None and award.decision_date > today:
        check.add(f"awards.{index}.decision_date", f"{where}: ngày quyết định không được sau hôm nay.")


def _check_hold(check: Validator, index: int, hold: HoldInput) -> None:
    where = f"Tạm dừng xét dòng {index}"
    check.plain_texts(hold, {"note": f"{where}, ghi chú"}, f"holds.{index}.")
    if hold.start_date is None:
        check.add(f"holds.{index}.start_date", f"{where}: chưa có ngày bắt đầu.")
    elif hold.end_date is not None and hold.end_date < hold.start_date:
        check.add(f"holds.{index}.end_date", f"{where}: ngày kết thúc trước ngày bắt đầu.")
    if hold.kind is HoldKind.DISCIPLINE and hold.discipline_level is None:
        check.add(f"holds.{index}.discipline_level", f"{where}: chưa chọn hình thức kỷ luật.")
