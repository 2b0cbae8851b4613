"""The columns an exported list can have, and the built-in column presets: the generic layout and the
Quảng Bình "MauTDKT" import template (legal notes §6)."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ListKind(enum.StrEnum):
    SUBJECTS = "subjects"
    NOMINATIONS = "nominations"
    DECISION = "decision"
    REGISTER = "register"

    @property
    def label(self) -> str:
        return {
            "subjects": "Danh sách đối tượng",
            "nominations": "Danh sách đề nghị khen thưởng của đợt xét",
            "decision": "Danh sách khen thưởng kèm quyết định",
            "register": "Sổ vàng (danh sách đã khen thưởng theo số sổ vàng)",
        }[self.value]


class CellType(enum.StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    DATE = "date"
    BIRTH = "birth"  # a date when known, else the year as a number


@dataclass(frozen=True)
class ExportColumn:
    key: str
    header: str
    kind: CellType = CellType.TEXT
    width: int = 16  # the widest it starts at (characters); the writer widens to fit, up to a limit
    hidden: bool = False  # a code column the receiving system reads, hidden in the sheet (MauTDKT)


COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("stt", "STT", CellType.INTEGER, 5),
    ExportColumn("honorific", "Tên gọi (Ông/Bà)", width=9),
    ExportColumn("name", "Họ và tên / Tên tập thể", width=24),
    ExportColumn("gender", "Giới tính", width=8),
    ExportColumn("birth", "Ngày sinh", CellType.BIRTH, 11),
    ExportColumn("position", "Chức vụ", width=18),
    ExportColumn("unit", "Đơn vị công tác", width=20),
    ExportColumn("address", "Địa chỉ", width=20),
    ExportColumn("unit_address", "Đơn vị / Địa chỉ", width=24),
    ExportColumn("kind", "Loại đối tượng", width=12),
    ExportColumn("award_class", "Phân loại khen thưởng", width=12),
    ExportColumn("form", "Danh hiệu / Hình thức khen thưởng", width=24),
    ExportColumn("target_group", "Phân loại đối tượng", width=18),
    ExportColumn("field", "Lĩnh vực hoạt động", width=16),
    ExportColumn("achievement", "Thành tích tóm tắt", width=40),
    ExportColumn("decision", "Số và ngày quyết định", width=22),
    ExportColumn("decision_no", "Số quyết định", width=14),
    ExportColumn("decision_date", "Ngày quyết định", CellType.DATE, 11),
    ExportColumn("golden_book_no", "Số sổ vàng", CellType.INTEGER, 8),
    ExportColumn("round", "Đợt xét", width=24),
    ExportColumn("status", "Trạng thái hồ sơ", width=16),
    ExportColumn("ethnicity", "Dân tộc", width=10),
    ExportColumn("phone", "Điện thoại", width=12),
    # MauTDKT's hidden code columns, one for each coded visible column (legal notes §6). The notes give
    # the codes of "Phân loại khen thưởng" only (CANHAN/TAPTHE/HOGIADINH, confirmed); the province's own
    # code lists for forms, target groups, fields and units are NOT in the notes (uncertain): these
    # columns carry this app's stable codes (the catalogue's form code, the occupation group's name, the
    # field's and the unit's number) for the province's system to map.
    ExportColumn("award_class_code", "Mã phân loại khen thưởng", width=10, hidden=True),
    ExportColumn("form_code", "Mã danh hiệu / hình thức khen thưởng", width=12, hidden=True),
    ExportColumn("target_group_code", "Mã phân loại đối tượng", width=12, hidden=True),
    ExportColumn("field_code", "Mã lĩnh vực hoạt động", width=8, hidden=True),
    ExportColumn("unit_code", "Mã đơn vị công tác", width=8, hidden=True),
    ExportColumn("citizen_id", "Số CCCD", width=14),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}
CITIZEN_ID = "citizen_id"


@dataclass(frozen=True)
class ExportPreset:
    name: str
    columns: tuple[str, ...]
    id: int | None = None  # None: built in (not editable; saved under another name)
    list_kind: str = ""  # "" for every list

    @property
    def asks_citizen_id(self) -> bool:
        return CITIZEN_ID in self.columns

    @property
    def built_in(self) -> bool:
        return self.id is None


GENERIC = ExportPreset("Mẫu chung", (
    "stt", "name", "gender", "birth", "position", "unit_address", "kind", "form", "achievement", "decision",
    "golden_book_no"))
MAU_TDKT = ExportPreset("MauTDKT (Quảng Bình)", (
    "stt", "honorific", "name", "position", "unit", "award_class", "form", "target_group", "field",
    "award_class_code", "form_code", "target_group_code", "field_code", "unit_code"))
SUBJECT_LIST = ExportPreset("Danh sách đối tượng", (
    "stt", "name", "gender", "birth", "position", "unit", "address", "kind", "ethnicity"))
BUILT_IN = (GENERIC, MAU_TDKT, SUBJECT_LIST)
