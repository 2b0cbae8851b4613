"""Enumerations stored as their English value; the Vietnamese label is for the UI and documents."""

from __future__ import annotations

import enum


class LabelledEnum(enum.StrEnum):
    """A string enum whose members carry a Vietnamese label."""

    label: str

    def __new__(cls, value: str, label: str) -> LabelledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def from_label(cls, label: str) -> LabelledEnum:
        for member in cls:
            if member.label == label:
                return member
        raise ValueError(label)


class SubjectKind(LabelledEnum):
    INDIVIDUAL = ("individual", "Cá nhân")
    COLLECTIVE = ("collective", "Tập thể")
    HOUSEHOLD = ("household", "Hộ gia đình")


class Gender(LabelledEnum):
    MALE = ("male", "Nam")
    FEMALE = ("female", "Nữ")


class OccupationGroup(LabelledEnum):
    CIVIL_SERVANT = ("civil_servant", "Cán bộ, công chức, viên chức")
    WORKER = ("worker", "Công nhân")
    FARMER = ("farmer", "Nông dân")
    DIRECT_LABOURER = ("direct_labourer", "Người lao động trực tiếp")
    STUDENT = ("student", "Học sinh, sinh viên")
    BUSINESS = ("business", "Doanh nhân")
    OTHER = ("other", "Khác")


class UnitKind(LabelledEnum):
    VILLAGE = ("village", "Thôn")
    RESIDENTIAL_GROUP = ("residential_group", "Tổ dân phố")
    AGENCY = ("agency", "Cơ quan")
    SCHOOL = ("school", "Trường học")
    MASS_ORGANISATION = ("mass_organisation", "Đoàn thể")
    ENTERPRISE = ("enterprise", "Doanh nghiệp")
    COOPERATIVE = ("cooperative", "Hợp tác xã")
    OTHER = ("other", "Khác")


class HoldKind(LabelledEnum):
    DISCIPLINE = ("discipline", "Kỷ luật")
    INVESTIGATION = ("investigation", "Đang bị điều tra, thanh tra, kiểm tra")
    COMPLAINT = ("complaint", "Có đơn khiếu nại, tố cáo đang xem xét")


class DisciplineLevel(LabelledEnum):
    """Levels in rising order; the rank is the position in this list."""

    REPRIMAND = ("reprimand", "Khiển trách")
    WARNING = ("warning", "Cảnh cáo")
    DEMOTION = ("demotion", "Hạ bậc lương")
    DOWNGRADE = ("downgrade", "Giáng chức")
    REMOVAL = ("removal", "Cách chức")
    DISMISSAL = ("dismissal", "Buộc thôi việc")

    @property
    def rank(self) -> int:
        return list(DisciplineLevel).index(self)
