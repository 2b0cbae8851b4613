"""A certificate layout: A4 landscape (297 × 210 mm), each field a box in millimetres from the page's
top-left corner with its font, size, smallest size, most lines, colour, weight, style and alignment.

Two modes: the full design on plain paper (the app draws the border, the national name and motto, the
emblem's box) and the pre-printed blank (phôi: only the variable text). The file format is described in
docs (notes/certificates-api.md) and read by `layout_file.py`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace

PAGE_W_MM = 297.0
PAGE_H_MM = 210.0


class LayoutMode(enum.StrEnum):
    FULL = "full"  # the whole certificate on plain paper
    BLANK_FORM = "blank_form"  # only the variable text, onto the commune's pre-printed blanks


MODE_LABELS = {LayoutMode.FULL: "In đầy đủ trên giấy trắng", LayoutMode.BLANK_FORM: "In lên phôi in sẵn"}

# Every field a certificate has, in reading order, with its Vietnamese name.
FIELD_LABELS: dict[str, str] = {
    "national_name": "Quốc hiệu",
    "motto": "Tiêu ngữ",
    "authority": "Chức vụ người tặng",
    "award_verb": "Chữ “TẶNG”",
    "award_name": "Tên hình thức khen thưởng",
    "recipient_name": "Tên người, tập thể được khen",
    "recipient_detail": "Chức vụ, đơn vị hoặc địa chỉ",
    "achievement": "Thành tích",
    "decision_ref": "Số và ngày quyết định",
    "golden_book": "Số sổ vàng",
    "place_date": "Địa danh, ngày tháng",
    "signer_title": "Chức vụ người ký",
    "signer_name": "Họ tên người ký",
}
FIELD_IDS = tuple(FIELD_LABELS)
# A pre-printed blank carries the national name, the motto and often "TẶNG" / "GIẤY KHEN": a blank-form
# layout may leave them out; the full design needs every field.
PREPRINTED = frozenset({"national_name", "motto", "award_verb", "award_name"})
REQUIRED: dict[LayoutMode, tuple[str, ...]] = {
    LayoutMode.FULL: FIELD_IDS,
    LayoutMode.BLANK_FORM: tuple(f for f in FIELD_IDS if f not in PREPRINTED),
}
ALIGNS = ("left", "center", "right")
VALIGNS = ("top", "middle", "bottom")
ANY = "*"  # a layout for any award form or any subject kind


@dataclass(frozen=True)
class FieldBox:
    """One field's box (mm from the page's top-left corner) and how its text is set."""

    field: str  # one of FIELD_IDS
    x_mm: float
    y_mm: float
    w_mm: float
    h_mm: float
    size: float  # pt
    min_size: float  # pt: the fit rule shrinks down to this before it wraps
    max_lines: int = 1
    font: str = "Liberation Serif"  # a family of fonts.FAMILIES
    bold: bool = False
    italic: bool = False
    color: str = "#000000"  # "#RRGGBB"
    align: str = "center"  # ALIGNS
    valign: str = "middle"  # VALIGNS
    prefix: str = ""  # words printed before the value ("Số sổ vàng: "); empty when the blank has them
    rule_under: bool = False  # a solid line under the text, as long as the text (the motto)

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)

    def moved(self, x_mm: float, y_mm: float) -> FieldBox:
        return replace(self, x_mm=x_mm, y_mm=y_mm)


@dataclass(frozen=True)
class EmblemBox:
    """Where the emblem (Quốc huy, an image the user supplies) goes on the full design; `flags` adds a
    red flag on either side (the CSTĐCS certificate)."""

    x_mm: float
    y_mm: float
    w_mm: float
    h_mm: float
    flags: bool = False


@dataclass(frozen=True)
class Layout:
    name: str  # the file's stem: "giay-khen-ca-nhan"
    title: str  # shown in the app: "Giấy khen — cá nhân (in đầy đủ)"
    mode: LayoutMode
    award: str = ANY  # an award form's code ("GIAY_KHEN", "CSTDCS") or ANY
    subject_kind: str = ANY  # "individual", "collective", "household" or ANY
    fields: tuple[FieldBox, ...] = ()
    border: bool = False  # full design: the app's own border (not the state's Bằng khen patterns)
    emblem: EmblemBox | None = None  # full design only
    background: str = ""  # a scan of the blank beside the layout file: shown by the editor, never printed
    extra: dict = field(default_factory=dict, compare=False)  # unknown keys of the file, kept on save

    def box(self, field_id: str) -> FieldBox | None:
        return next((box for box in self.fields if box.field == field_id), None)

    def with_box(self, box: FieldBox) -> Layout:
        """The layout with this field's box replaced (or added)."""
        others = tuple(b for b in self.fields if b.field != box.field)
        order = {name: index for index, name in enumerate(FIELD_IDS)}
        return replace(self, fields=tuple(sorted((*others, box), key=lambda b: order.get(b.field, 99))))
