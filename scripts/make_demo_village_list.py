"""Make the messy village list shipped for trying the Excel import (resources/data/demo/):

    .venv/bin/python scripts/make_demo_village_list.py

A list as villages send them: a title, a two-row header whose "Năm sinh" is merged over "Nam" | "Nữ",
a numbering row, names in NFD and in the old TCVN3 and VNI fonts, dates and years in many forms, CCCDs
and phone numbers that lost their leading zeros, a 31/02, an 11-digit CCCD, a village the commune does
not have (the demo has "Thôn Trung" and "Thôn Đông"), and a person listed twice.
"""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.services.exchange.encodings import unicode_to_tcvn3, unicode_to_vni  # noqa: E402

TARGET = ROOT / "resources" / "data" / "demo" / "danh-sach-thon-trung.xlsx"
HEADER = ["STT", "Họ và tên", "Năm sinh", None, "Chức vụ", "Thôn", "Số CCCD", "Điện thoại", "Ghi chú"]
SUBHEADER = [None, None, "Nam", "Nữ", None, None, None, None, None]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


ROWS = [
    # name, (male birth, female birth), position, village, CCCD, phone, note
    (nfd("Nguyễn Văn Hùng") + "  ", ("05/01/1968", None), "Trưởng thôn", "Thôn Trung", 25068001234, 912345678,
     ""),
    (unicode_to_tcvn3("lê thị hoa"), (None, dt.datetime(1975, 3, 4)), "Chi hội trưởng phụ nữ", "thôn trung",
     "025175004321", "", "Gõ bằng phông .VnTime"),
    (unicode_to_vni("Phạm Thị Thu Hà"), (None, "12-8-1982"), "Y tế thôn", "Thôn Trung", "", "0987 654 321",
     "Gõ bằng phông VNI-Times"),
    ("Trần Văn Bình", ("31/02/1980", None), "Công an viên", "Thôn Trung", "02508000123", "", ""),
    ("Đỗ Minh Tú", (1979, None), "Thôn đội trưởng", "Thôn Đông", "", "", ""),
    ("Hoàng Thị Lan", (None, "1990"), "Bí thư chi đoàn", "Thôn Núi Đá", "", "", ""),
    (unicode_to_tcvn3("đinh văn nam"), ("5.6.85", None), "Nông dân", "Thôn Trung", "", "",
     ""),
    ("Vũ Thị Mai", (None, "ngày 20 tháng 11 năm 1988"), "Giáo viên", "Thôn Đông", 25188009876, 988111222, ""),
    (nfd("Nguyễn Văn Hùng"), ("5-1-1968", None), "Trưởng thôn", "Thôn Trung", "", "", "Ghi trùng"),
    ("Lò Văn Pá", ("1960", None), "Người có uy tín", "Thôn Trung", "", "", ""),
]


def build(target: Path = TARGET) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Thôn Trung"
    sheet["A1"] = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2026 — THÔN TRUNG"
    sheet["A1"].font = Font(bold=True)
    sheet.merge_cells("A1:I1")
    sheet.append([])
    sheet.append(HEADER)
    sheet.append(SUBHEADER)
    for column in "ABEFGHI":
        sheet.merge_cells(f"{column}3:{column}4")
    sheet.merge_cells("C3:D3")
    for cell in (*sheet[3], *sheet[4]):
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.append([f"({i})" for i in range(1, 10)])
    for number, (name, (male, female), position, village, cccd, phone, note) in enumerate(ROWS, start=1):
        sheet.append([number, name, male, female, position, village, cccd, phone, note])
    for column, width in zip("ABCDEFGHI", (5, 26, 12, 12, 22, 14, 15, 13, 22), strict=True):
        sheet.column_dimensions[column].width = width
    sheet["B8"].font = sheet["B12"].font = Font(name=".VnTime")
    sheet["B9"].font = Font(name="VNI-Times")
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(target)
    return target


if __name__ == "__main__":
    print(build())
