"""The achievement report (báo cáo thành tích) of an individual (Mẫu số 05 of ND 152/2025), a collective
or a household, from a nomination's report fields."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.exporters import admin_parts as parts
from app.exporters.document import AdminDocument, Block, Closing, HeaderBlock, SignatureColumn, para


@dataclass(frozen=True)
class ReportContent:
    kind: str  # individual | collective | household
    form_name: str
    is_title: bool
    period: str  # "năm 2026", "quý III năm 2026", or the round's purpose for ad-hoc and thematic rounds
    name: str
    place: str  # the place line's name as every document writes it ("Xã Hòa Bình", from the wording)
    day: dt.date | None
    wording: dict
    profile: tuple[tuple[str, str], ...] = ()  # ("Giới tính", "Nữ") …, only the known ones
    overview: str = ""
    duties: str = ""
    achievements: str = ""
    measures: str = ""
    awards_received: str = ""
    signer_name: str = ""  # who signs as author (the person, the head of the collective or household)
    confirm_name: str = ""  # the head who confirms (of the unit, the village, the level that proposes)
    extra: dict = field(default_factory=dict)


def build_report(content: ReportContent) -> AdminDocument:
    award = f"DANH HIỆU “{content.form_name.upper()}”" if content.is_title else content.form_name.upper()
    place_date = f"{content.place}, {parts.date_text(content.day, _year(content))}"
    blocks: list[Block] = [
        HeaderBlock(issuer_lines=(), place_date=place_date),
        para("BÁO CÁO THÀNH TÍCH", bold=True, align=parts.CENTER, space_before=12, space_after=0),
        para(f"ĐỀ NGHỊ TẶNG {award}", bold=True, align=parts.CENTER, space_after=0),
        para(f"(Thành tích {content.period})", italic=True, align=parts.CENTER, rule_under=0.35,
             space_after=12),
        *_sections(content),
        _closing(content),
    ]
    return AdminDocument(title=f"Báo cáo thành tích — {content.name}", blocks=tuple(blocks))


def _year(content: ReportContent) -> int:
    return content.day.year if content.day else dt.date.today().year


def _sections(content: ReportContent) -> list[Block]:
    if content.kind == "collective":
        first = [("Đặc điểm, tình hình", content.overview), ("Chức năng, nhiệm vụ", content.duties)]
        return [
            *_heading("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH"), *_profile(content),
            *_numbered(first, if_empty=()),
            *_heading("II. THÀNH TÍCH ĐẠT ĐƯỢC"),
            *_numbered([("Kết quả đạt được", content.achievements),
                        ("Các biện pháp, giải pháp đã thực hiện", content.measures)]),
            *_heading("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"), *_text(content.awards_received),
        ]
    first_title = "I. THÔNG TIN HỘ GIA ĐÌNH" if content.kind == "household" else "I. SƠ LƯỢC LÝ LỊCH"
    return [
        *_heading(first_title), *_profile(content),
        *_heading("II. THÀNH TÍCH ĐẠT ĐƯỢC"),
        *_numbered([("Quyền hạn, nhiệm vụ được giao", content.duties),
                    ("Thành tích đạt được", content.achievements),
                    ("Các biện pháp, giải pháp đã thực hiện", content.measures)]),
        *_heading("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"), *_text(content.awards_received),
    ]


def _heading(text: str) -> list[Block]:
    return [para(text, bold=True, space_before=6, keep_with_next=True)]


def _profile(content: ReportContent) -> list[Block]:
    label = "Tên tập thể" if content.kind == "collective" else "Họ và tên"
    if content.kind == "household":
        label = "Hộ gia đình"
    lines = [(label, content.name), *content.profile]
    return [para(f"- {key}: {value}", first_indent_mm=parts.INDENT_MM, space_after=2) for key, value in lines]


def _numbered(items: list[tuple[str, str]], if_empty: tuple[str, ...] = ("",)) -> list[Block]:
    """The items that have text, numbered 1., 2. … as they are printed (an empty item is left out and
    the next takes its number); none at all: `if_empty` ("Không có." by default)."""
    present = [(title, text) for title, text in items if text.strip()]
    blocks: list[Block] = []
    for number, (title, text) in enumerate(present, start=1):
        blocks.append(para(f"{number}. {title}", bold=True, first_indent_mm=parts.INDENT_MM,
                           keep_with_next=True))
        blocks += _text(text)
    if not present:
        blocks += [block for line in if_empty for block in _text(line)]
    return blocks


def _text(text: str) -> list[Block]:
    lines = [line.strip() for line in text.splitlines() if line.strip()] or ["Không có."]
    return [para(line, first_indent_mm=parts.INDENT_MM) for line in lines]


def _closing(content: ReportContent) -> Closing:
    wording, kind = content.wording, content.kind
    return Closing(signatures=(
        SignatureColumn(lines=(wording[f"{kind}_confirm"],), name=content.confirm_name,
                        note=wording.get("confirm_note", "")),
        SignatureColumn(lines=(wording[f"{kind}_author"],), name=content.signer_name,
                        note=wording.get("sign_note", "")),
    ))
