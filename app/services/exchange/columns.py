"""The fields a candidate list's columns can hold, and finding them from the header's text: accents,
capitals, spaces and punctuation do not matter ("HỌ VÀ TÊN", "Họ tên", "ho va ten" are one field)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.rules.vntext import fold
from app.services.exchange.encodings import Encoding, decode


@dataclass(frozen=True)
class ImportField:
    key: str
    label: str  # as the mapping table and the messages name it
    aliases: tuple[str, ...]  # header texts, matched whole or contained in a longer header


FIELDS: tuple[ImportField, ...] = (
    ImportField("stt", "STT (bỏ qua)", ("STT", "TT", "Số TT", "Số thứ tự")),
    ImportField("name", "Họ và tên", ("Họ và tên", "Họ tên", "Họ, tên", "Tên cá nhân", "Tên đối tượng",
                                      "Tên tập thể/cá nhân/hộ gia đình", "Tên tập thể, cá nhân", "Tên")),
    ImportField("collective_name", "Tên tập thể", ("Tên tập thể", "Tên đơn vị tập thể")),
    ImportField("household_name", "Tên hộ gia đình", ("Tên hộ gia đình", "Hộ gia đình", "Tên hộ")),
    ImportField("kind", "Loại đối tượng", ("Loại đối tượng", "Phân loại khen thưởng", "Đối tượng",
                                           "Loại")),
    ImportField("gender", "Giới tính", ("Giới tính", "Nam/Nữ", "Nam, nữ", "Phái")),
    ImportField("birth", "Ngày sinh (hoặc năm sinh)", ("Ngày sinh", "Năm sinh", "Ngày tháng năm sinh",
                                                      "Ngày, tháng, năm sinh", "Sinh ngày")),
    ImportField("birth_male", "Năm sinh — Nam", ()),
    ImportField("birth_female", "Năm sinh — Nữ", ()),
    ImportField("position", "Chức vụ", ("Chức vụ", "Chức danh", "Chức vụ, chức danh",
                                       "Nghề nghiệp, chức vụ")),
    ImportField("unit", "Đơn vị", ("Đơn vị", "Đơn vị công tác", "Thôn, tổ dân phố", "Thôn/Tổ dân phố",
                                   "Thôn", "Tổ dân phố", "Thôn, xóm", "Đơn vị đề nghị")),
    ImportField("address", "Địa chỉ", ("Địa chỉ", "Nơi ở", "Nơi cư trú", "Địa chỉ thường trú", "Quê quán",
                                       "Nơi ở hiện nay")),
    ImportField("citizen_id", "Số CCCD", ("Số CCCD", "CCCD", "Số căn cước", "Căn cước công dân",
                                          "Số căn cước công dân", "Số CMND/CCCD", "CMND", "Số định danh")),
    ImportField("phone", "Điện thoại", ("Điện thoại", "Số điện thoại", "SĐT", "ĐT", "Di động")),
    ImportField("ethnicity", "Dân tộc", ("Dân tộc",)),
    ImportField("head_name", "Chủ hộ", ("Chủ hộ", "Tên chủ hộ", "Họ tên chủ hộ")),
    ImportField("note", "Ghi chú", ("Ghi chú",)),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}
_SHORT = 4  # aliases this short ("tt", "ten", "loai") must match a header whole, never inside a longer one


def header_key(text: str) -> str:
    """'  HỌ VÀ  TÊN: ' -> 'hovaten': folded, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


_ALIASES: list[tuple[str, str]] = sorted(
    ((header_key(alias), f.key) for f in FIELDS for alias in f.aliases),
    key=lambda pair: -len(pair[0]),
)
_EXACT = {alias: key for alias, key in reversed(_ALIASES)}


def match_header(text: str) -> str | None:
    """The field a header names: the same text, else the longest alias inside it; None when none does.
    A header typed in an old font ("Hä vµ tªn" in TCVN3, "Hoï vaø teân" in VNI) is read in it when it
    names a field only so."""
    found = _match_key(header_key(text))
    if found is None and text and not text.isascii():
        for encoding in (Encoding.TCVN3, Encoding.VNI):
            found = found or _match_key(header_key(decode(text, encoding)))
    return found


def _match_key(key: str) -> str | None:
    if not key:
        return None
    if key in _EXACT:
        return _EXACT[key]
    for alias, field in _ALIASES:
        if len(alias) > _SHORT and alias in key:
            return field
    return None


def match_columns(headers: list[str], preset: dict[str, str] | None = None) -> dict[int, str]:
    """Column index -> field for a header row; a field found twice keeps its first column. A preset
    (field -> header text, as saved) names its headers first."""
    by_header = {header_key(text): key for key, text in (preset or {}).items()}
    found: dict[int, str] = {}
    taken: set[str] = set()
    for index, text in enumerate(headers):
        field = by_header.get(header_key(text)) or match_header(text)
        if field is not None and field not in taken:
            found[index] = field
            taken.add(field)
    if {"birth_male", "birth_female"} & taken:
        taken.add("birth")
    return found


def names_subject(fields: set[str] | dict[int, str]) -> bool:
    values = set(fields.values()) if isinstance(fields, dict) else fields
    return bool(values & {"name", "collective_name", "household_name"})
