"""The fields of two duplicate subjects side by side, and the values the merged record keeps.

A field is one thing the officer reads and chooses: the birth date and the birth year are one field
("Ngày/năm sinh"), so are a collective's member counts. The kept record's value wins; where it is empty,
the other's fills it; where both hold different values, the officer chooses (`take_from_other`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import object_session

from app.errors import ServiceError
from app.models import Subject, SubjectKind
from app.rules.vntext import vn_short_date
from app.services.subjects.data import mask_citizen_id

# key -> (label, columns); in the order of the subject form
COMMON_FIELDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("name", "Tên", ("name",)),
    ("unit_id", "Đơn vị", ("unit_id",)),
    ("field_id", "Lĩnh vực", ("field_id",)),
)
KIND_FIELDS: dict[SubjectKind, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    SubjectKind.INDIVIDUAL: (
        ("gender", "Giới tính", ("gender",)),
        ("birth", "Ngày/năm sinh", ("birth_date", "birth_year")),
        ("citizen_id", "Số CCCD", ("citizen_id",)),
        ("ethnicity", "Dân tộc", ("ethnicity",)),
        ("position", "Chức vụ", ("position",)),
        ("occupation_group", "Nhóm nghề nghiệp", ("occupation_group",)),
        ("collective_id", "Thuộc tập thể", ("collective_id",)),
    ),
    SubjectKind.COLLECTIVE: (
        ("parent_body", "Cơ quan chủ quản", ("parent_body",)),
        ("members", "Số thành viên", ("member_count", "female_member_count")),
    ),
    SubjectKind.HOUSEHOLD: (("head_name", "Chủ hộ", ("head_name",)),),
}
TAIL_FIELDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("address", "Địa chỉ", ("address",)),
    ("phone", "Số điện thoại", ("phone",)),
    ("note", "Ghi chú", ("note",)),
)


@dataclass(frozen=True)
class FieldChoice:
    """One field of the two records, as shown: "" where a record has no value."""

    key: str
    label: str
    kept: str
    other: str
    same: bool  # the stored values are equal (a masked CCCD may look alike and differ)

    @property
    def differs(self) -> bool:
        """Both records hold a value and the values differ: the officer chooses."""
        return bool(self.kept and self.other) and not self.same

    @property
    def filled(self) -> bool:
        """The kept record has no value: the other's is taken."""
        return not self.kept and bool(self.other)


def kind_fields(kind: SubjectKind) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    return COMMON_FIELDS + KIND_FIELDS[kind] + TAIL_FIELDS


def field_choices(kept: Subject, other: Subject) -> tuple[FieldChoice, ...]:
    return tuple(FieldChoice(key, label, _shown(kept, key, columns), _shown(other, key, columns),
                             _values(kept, columns) == _values(other, columns))
                 for key, label, columns in kind_fields(kept.kind))


def _values(subject: Subject, columns: tuple[str, ...]) -> tuple:
    return tuple(getattr(subject, column) for column in columns)


def merged_columns(kept: Subject, other: Subject, take_from_other: Collection[str]) -> dict[str, Any]:
    """The column values the kept record ends with; ServiceError for a choice that is not one."""
    choices = {choice.key: choice for choice in field_choices(kept, other)}
    wrong = [key for key in take_from_other if key not in choices or not choices[key].differs]
    if wrong:
        raise ServiceError(f"Không có mục khác nhau nào tên “{wrong[0]}” để chọn giữa hai hồ sơ.")
    values: dict[str, Any] = {}
    for key, _label, columns in kind_fields(kept.kind):
        source = other if key in take_from_other or choices[key].filled else kept
        values.update({column: getattr(source, column) for column in columns})
    return values


def _shown(subject: Subject, key: str, columns: tuple[str, ...]) -> str:
    show = _SHOWN.get(key)
    if show is not None:
        return show(subject)
    return _text(getattr(subject, columns[0]))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return vn_short_date(value)
    return getattr(value, "label", None) or str(value)


def _birth(subject: Subject) -> str:
    if subject.birth_date is not None:
        return vn_short_date(subject.birth_date)
    return "" if subject.birth_year is None else str(subject.birth_year)


def _members(subject: Subject) -> str:
    if subject.member_count is None and subject.female_member_count is None:
        return ""
    total = "?" if subject.member_count is None else str(subject.member_count)
    return total + ("" if subject.female_member_count is None else f" (nữ {subject.female_member_count})")


def _named(relation: str) -> Callable[[Subject], str]:
    def shown(subject: Subject) -> str:
        related = getattr(subject, relation)
        return related.name if related is not None else ""
    return shown


def _collective(subject: Subject) -> str:
    if subject.collective_id is None:
        return ""
    session = object_session(subject)
    collective = session.get(Subject, subject.collective_id) if session is not None else None
    return collective.name if collective is not None else f"số {subject.collective_id}"


_SHOWN: dict[str, Callable[[Subject], str]] = {
    "birth": _birth,
    "members": _members,
    "unit_id": _named("unit"),
    "field_id": _named("field"),
    "collective_id": _collective,
    "citizen_id": lambda subject: mask_citizen_id(subject.citizen_id),
}
