"""Workbooks for the Excel import tests, built with openpyxl as a village would send them: a title row,
a merged header, a numbering row, names typed in NFD or in the old TCVN3 and VNI fonts, dates in many
forms, CCCDs and phone numbers that lost their leading zeros."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

from openpyxl import Workbook, load_workbook

from app.services.exchange.encodings import unicode_to_tcvn3, unicode_to_vni
from app.services.units import UnitInput, create_unit

TODAY = dt.date(2026, 12, 2)
UNIT = "Thôn Nà Lẹng"
HEADERS = ["STT", "HỌ VÀ TÊN", "Giới tính", "Ngày sinh", "Chức vụ", "Đơn vị", "Số CCCD", "Điện thoại"]

# (row in the sheet, cells): rows 1-4 are the title, an empty line, the header and the numbering.
MESSY_ROWS = [
    [1, unicodedata.normalize("NFD", "Nguyễn Văn An") + "  ", "Nam", "05/01/1980", "Trưởng thôn", UNIT,
     1085012345, 912345678],
    [2, unicode_to_tcvn3("Lê Thị Hoa"), "nữ", dt.datetime(1985, 3, 4), "", "thôn nà lẹng", "001085012346",
     ""],
    [3, "Trần Văn Bình", "Nam", "31/02/1980", "", UNIT, "01234567890", ""],
    [4, unicode_to_vni("Phạm Thị Thu Hà"), "Nữ", "1990", "", "Thôn Không Có", "", ""],
    [5, "Nguyễn Văn An", "NAM", "5-1-1980", "", "", "", ""],
    [6, "Đỗ Minh Tú", "Nam", "1975", "Xã đội trưởng", UNIT, "", "0987 654 321"],
    [7, "Hoàng Thị Lan", "X", "12/13/1990", "", "", "", ""],
]


def add_unit(db, name: str = UNIT) -> int:
    return create_unit(db, UnitInput(name=name))


def write_list(path: Path, rows: list[list], headers: list[str] = HEADERS, title: bool = True,
               sheet: str = "Danh sách") -> Path:
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet
    if title:
        ws.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2026"])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        ws.append([])
    ws.append(headers)
    ws.append([f"({i})" for i in range(1, len(headers) + 1)])
    for row in rows:
        ws.append(row)
    workbook.save(path)
    return path


def messy_list(folder: Path) -> Path:
    return write_list(folder / "thon-na-leng.xlsx", MESSY_ROWS)


def cell(path: Path, coordinate: str, sheet: str | None = None):
    workbook = load_workbook(path)
    return (workbook[sheet] if sheet else workbook.active)[coordinate]
