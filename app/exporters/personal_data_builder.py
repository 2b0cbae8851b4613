"""The information slip (phiếu cung cấp thông tin cá nhân): the readable face of a personal-data export.

It is built from the same record that goes into the export's `du_lieu.json` (services/subjects/record.py),
so the slip shows what the file holds: the profile with the citizen ID in clear (the person's own
data, on their request), award history, holds, nominations, exemplar records, decisions, stored files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.exporters.admin_parts import CENTER, INDENT_MM
from app.exporters.document import (
    AdminDocument,
    Block,
    Closing,
    Column,
    HeaderBlock,
    SignatureColumn,
    Table,
    para,
)
from app.rules.vntext import vn_date, vn_number, vn_short_date

TITLE = "PHIẾU CUNG CẤP THÔNG TIN CÁ NHÂN"
NONE = "Không có."
DASH = "—"
Record = dict[str, Any]

_PROFILE_LABELS = (
    ("kind", "Loại đối tượng"), ("gender", "Giới tính"), ("birth_date", "Ngày sinh"),
    ("birth_year", "Năm sinh"), ("ethnicity", "Dân tộc"), ("citizen_id", "Số CCCD"),
    ("position", "Chức vụ"), ("occupation_group", "Nhóm nghề nghiệp"), ("parent_body", "Trực thuộc"),
    ("member_count", "Số thành viên"), ("female_member_count", "Số thành viên nữ"),
    ("head_name", "Chủ hộ, người đứng đầu"), ("unit", "Đơn vị"), ("field", "Lĩnh vực"),
    ("address", "Địa chỉ"), ("phone", "Số điện thoại"), ("note", "Ghi chú"),
    ("erased_on", "Ngày xóa dữ liệu cá nhân theo yêu cầu"), ("created_at", "Ngày lập hồ sơ"),
    ("updated_at", "Ngày sửa gần nhất"),
)
_REPORT_LABELS = (
    ("position", "Chức vụ"), ("workplace", "Đơn vị công tác, địa chỉ"),
    ("qualification", "Trình độ chuyên môn"), ("overview", "Đặc điểm, tình hình"),
    ("duties", "Nhiệm vụ được giao"), ("achievements", "Thành tích đạt được"),
    ("measures", "Biện pháp, giải pháp"), ("awards_received", "Hình thức đã được khen thưởng"),
)


@dataclass(frozen=True)
class SlipHeader:
    """Who hands out the slip, where and when."""

    issuer_lines: tuple[tuple[str, bool], ...]  # "ỦY BAN NHÂN DÂN" / "XÃ HÒA BÌNH" (bold)
    place: str  # "Hòa Bình"
    commune: str  # "xã Hòa Bình"
    day: dt.date
    officer: str = ""


def build_personal_data(record: Record, header: SlipHeader) -> AdminDocument:
    subject = record["subject"]
    blocks: list[Block] = [
        HeaderBlock(issuer_lines=header.issuer_lines, place_date=f"{header.place}, {vn_date(header.day)}"),
        para(TITLE, bold=True, align=CENTER, space_before=12, space_after=0),
        para(f"(Thông tin về {subject['name']} lưu trong phần mềm Sổ Vàng)", italic=True, align=CENTER,
             rule_under=0.35, space_after=12),
        para(_intro(subject, header), first_indent_mm=INDENT_MM),
        *_section("I. THÔNG TIN CHUNG", [_profile_table(record)]),
        *_section("II. LỊCH SỬ KHEN THƯỞNG", _awards(record["award_history"])),
        *_section("III. KỶ LUẬT, TẠM DỪNG XÉT KHEN THƯỞNG", _holds(record["holds"])),
        *_section("IV. HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG", _nominations(record["nominations"])),
        *_section("V. ĐIỂN HÌNH TIÊN TIẾN", _exemplars(record["exemplars"])),
        *_section("VI. QUYẾT ĐỊNH KHEN THƯỞNG CÓ TÊN", _decisions(record["decisions"])),
        *_section("VII. TỆP LƯU KÈM", _files(record["files"])),
        *_audit(record.get("audit_events")),
        para("Phiếu này đi kèm tệp du_lieu.json (cùng nội dung, dạng máy đọc được) và bản sao các tệp "
             "lưu kèm còn trong kho tệp.", italic=True, first_indent_mm=INDENT_MM, space_before=6),
        _closing(subject, header),
    ]
    return AdminDocument(title=f"Phiếu cung cấp thông tin cá nhân — {subject['name']}", blocks=tuple(blocks))


def _intro(subject: Record, header: SlipHeader) -> str:
    day = vn_short_date(header.day)
    return (f"Theo yêu cầu của {subject['name']}, Ủy ban nhân dân {header.commune} cung cấp toàn bộ thông "
            f"tin về {subject['name']} đang được lưu trong phần mềm Sổ Vàng, tính đến ngày {day}, như sau:")


def _section(heading: str, body: list[Block]) -> list[Block]:
    blocks: list[Block] = [para(heading, bold=True, space_before=6, keep_with_next=True)]
    return blocks + (body or [_line(NONE)])


def _line(text: str, bold: bool = False) -> Block:
    return para(text, bold=bold, first_indent_mm=INDENT_MM, space_after=2)


def show(value: Any) -> str:
    """A record value as the slip writes it: numbers with '.', yes/no in words, empty as a dash."""
    if value is None or value == "":
        return DASH
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int):
        return vn_number(value)
    return str(value)


def day(value: str | None) -> str:
    """An ISO date (or the date of an ISO moment) as dd/mm/yyyy."""
    return vn_short_date(dt.date.fromisoformat(value[:10])) if value else DASH


def moment(value: str | None) -> str:
    """An ISO date and time as 'dd/mm/yyyy HH:MM'."""
    return f"{dt.datetime.fromisoformat(value):%d/%m/%Y %H:%M}" if value else DASH


_NAME_LABELS = {"Tập thể": "Tên tập thể", "Hộ gia đình": "Tên hộ gia đình"}
_FORMATS = {"birth_date": day, "erased_on": day, "created_at": moment, "updated_at": moment,
            "birth_year": lambda year: str(year) if year else DASH}


def _profile_table(record: Record) -> Table:
    subject = record["subject"]
    name_label = _NAME_LABELS.get(subject["kind"], "Họ và tên")
    rows = [(name_label, subject["name"])]
    rows += [(text, _FORMATS.get(key, show)(subject[key])) for key, text in _PROFILE_LABELS if key in subject]
    if record.get("collective"):
        rows.append(("Thuộc tập thể", record["collective"]["name"]))
    if record.get("members"):
        rows.append(("Các thành viên", ", ".join(m["name"] for m in record["members"])))
    columns = (Column("Thông tin", 55), Column("Nội dung", 110))
    return Table(columns=columns, rows=tuple(rows))


def _numbered(rows: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    return tuple((str(index), *row) for index, row in enumerate(rows, start=1))


def _awards(items: list[Record]) -> list[Block]:
    if not items:
        return []
    rows = [(a["form_name"], str(a["year"]), _number_and_date(a["decision_no"], a["decision_date"]),
             a["issuer"] or DASH) for a in items]
    columns = (Column("STT", 12, CENTER), Column("Danh hiệu, hình thức", 55), Column("Năm", 15, CENTER),
               Column("Số, ngày quyết định", 45), Column("Cấp khen", 38))
    return [Table(columns=columns, rows=_numbered(rows))]


def _number_and_date(number: str | None, issued: str | None) -> str:
    parts = [part for part in (number, day(issued) if issued else "") if part]
    return ", ngày ".join(parts) if parts else DASH


def _holds(items: list[Record]) -> list[Block]:
    if not items:
        return []
    rows = [(h["kind"], show(h["discipline_level"]), day(h["start_date"]), day(h["end_date"]),
             h["note"] or DASH) for h in items]
    columns = (Column("STT", 12, CENTER), Column("Loại", 45), Column("Mức kỷ luật", 28),
               Column("Từ ngày", 24, CENTER), Column("Đến ngày", 24, CENTER), Column("Ghi chú", 32))
    return [Table(columns=columns, rows=_numbered(rows))]


def _text_lines(label_: str, text: str | None) -> list[Block]:
    lines = [line for line in (text or "").splitlines() if line.strip()]
    if not lines:
        return []
    return [_line(f"- {label_}: {lines[0]}"), *(_line(line) for line in lines[1:])]


def _nominations(items: list[Record]) -> list[Block]:
    blocks: list[Block] = []
    for index, item in enumerate(items, start=1):
        blocks.append(_line(f"{index}. {item['award_form']} — {item['round']} ({item['status']})", bold=True))
        blocks.append(_line(f"- Đơn vị đề nghị: {show(item['proposing_unit'])}; lập ngày "
                            f"{day(item['created_at'])}"))
        for key, text in _REPORT_LABELS:
            blocks += _text_lines(text, (item["report"] or {}).get(key))
        for check in item["checklist"]:
            note = f" ({check['note']})" if check["note"] else ""
            attached = f"; tệp: {check['file']}" if check["file"] else ""
            criterion = check["criterion"].rstrip(" ;,.")
            blocks.append(_line(f"- Tiêu chí “{criterion}”: {check['outcome']}{note}{attached}"))
        for event in item["history"]:
            blocks.append(_line(f"- {moment(event['at'])}: {event['text'] or event['status'] or DASH}"))
    return blocks


def _exemplars(items: list[Record]) -> list[Block]:
    blocks: list[Block] = []
    for index, item in enumerate(items, start=1):
        movement = item["movement"] or "không thuộc phong trào nào"
        blocks.append(_line(f"{index}. Điển hình trong {movement} — giai đoạn {item['stage']}", bold=True))
        blocks.append(_line(f"- Đơn vị giới thiệu: {show(item['unit'])}; lĩnh vực: {show(item['field'])}; "
                            f"ngày giới thiệu: {day(item['introduced_on'])}"))
        blocks += _text_lines("Tóm tắt thành tích", item["achievements"])
        blocks += _text_lines("Ghi chú", item["note"])
        for stage in item["stages"]:
            note = f": {stage['note']}" if stage["note"] else ""
            blocks.append(_line(f"- {day(stage['changed_on'])} — {stage['stage']}{note}"))
        for entry in item["files"]:
            kind = "Ảnh" if entry["is_photo"] else "Tài liệu"
            blocks.append(_line(f"- {kind}: {entry['caption']} ({entry['file']})"))
        for news in item["publicity"]:
            blocks.append(_line(f"- Tuyên truyền: {news['title']}, {news['outlet']}, "
                                f"{day(news['published_on'])}"))
        for activity in item["replications"]:
            blocks.append(_line(f"- Nhân rộng: {activity['kind']}, {day(activity['held_on'])}"
                                f"{', ' + activity['place'] if activity['place'] else ''}"))
    return blocks


def _decisions(items: list[Record]) -> list[Block]:
    if not items:
        return []
    rows = [(d["number"] or "(dự thảo)", day(d["issued_on"]), d["award_form"], show(d["golden_book_no"]),
             d["status"]) for d in items]
    columns = (Column("STT", 12, CENTER), Column("Số quyết định", 35), Column("Ngày", 24, CENTER),
               Column("Hình thức", 46), Column("Số sổ vàng", 22, CENTER), Column("Tình trạng", 26))
    return [Table(columns=columns, rows=_numbered(rows))]


def file_size(size: int) -> str:
    """'850 byte', '12,5 KB', '3,2 MB'."""
    if size < 1024:
        return f"{size} byte"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB".replace(".", ",")
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def _files(items: list[Record]) -> list[Block]:
    if not items:
        return []
    rows = [(f["name"], file_size(f["size"]), _packed(f)) for f in items]
    columns = (Column("STT", 12, CENTER), Column("Tên tệp", 85), Column("Dung lượng", 25, CENTER),
               Column("Trong tệp nén", 43))
    return [Table(columns=columns, rows=_numbered(rows))]


def _packed(entry: Record) -> str:
    """'Có, tệp số 02' (the zip names start with the number); or why it is not there."""
    if entry["missing"]:
        return "Không còn trong kho tệp"
    number = entry["in_zip"].rsplit("/", 1)[-1].split("-", 1)[0]
    return f"Có, tệp số {number}"


def _audit(items: list[Record] | None) -> list[Block]:
    if items is None:  # the app keeps no change log
        return []
    rows = [(moment(e["at"]), e["actor"], e["action"], e["summary"] or DASH) for e in items]
    columns = (Column("STT", 12, CENTER), Column("Thời điểm", 30), Column("Người thực hiện", 38),
               Column("Thao tác", 20), Column("Nội dung", 65))
    body: list[Block] = [Table(columns=columns, rows=_numbered(rows))] if rows else []
    return _section("VIII. NHẬT KÝ THAY ĐỔI", body)


def _closing(subject: Record, header: SlipHeader) -> Closing:
    receiver_name = subject["name"] if subject["kind"] == "Cá nhân" else ""
    note = "(Ký, ghi rõ họ tên)"
    return Closing(signatures=(
        SignatureColumn(lines=("NGƯỜI NHẬN PHIẾU",), name=receiver_name, note=note),
        SignatureColumn(lines=("NGƯỜI LẬP PHIẾU",), name=header.officer, note=note),
    ))
