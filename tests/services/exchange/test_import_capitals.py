"""TCVN3 text typed in a capitals font (.VnTimeH, .VnArialH…) stores its capitals at the lower-case codes:
the import reads the cell's font and upper-cases such cells after conversion, and only those."""

from __future__ import annotations

import pytest
from exchange_helpers import TODAY, UNIT, add_unit
from openpyxl import Workbook
from openpyxl.styles import Font

from app.services.exchange import ImportSource, Outcome, preview_import, run_import
from app.services.exchange.encodings import unicode_to_tcvn3
from app.services.exchange.workbook import read_grid
from app.services.exchange.workbook_parts import is_capital_font
from app.services.subjects import SubjectQuery, search_subjects

pytestmark = pytest.mark.both_backends

HEADERS = ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Chức vụ", "Đơn vị"]


def capitals_list(path, header_font: str = "Times New Roman"):
    """Row 2 typed in .VnTimeH (names and position), row 3 in .VnTime, row 4 in Unicode (Times New Roman);
    the header in Unicode, or typed in TCVN3 in `header_font`."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    if header_font.startswith(".Vn"):
        sheet.append([unicode_to_tcvn3(text.lower()) for text in HEADERS])
        for cell in sheet[1]:
            cell.font = Font(name=header_font, bold=True)
    else:
        sheet.append(HEADERS)
    sheet.append([1, unicode_to_tcvn3("nguyễn văn đạt"), "Nam", 1980, "truong thon", UNIT])
    sheet.append([2, unicode_to_tcvn3("Lê Thị Hoa"), "Nữ", 1985, unicode_to_tcvn3("Hội viên"), UNIT])
    sheet.append([3, "Trần Văn Bình", "Nam", 1990, "Hội viên", UNIT])
    for column in "BE":
        sheet[f"{column}2"].font = Font(name=".VnTimeH", size=13)
        sheet[f"{column}3"].font = Font(name=".VnTime", size=13)
        sheet[f"{column}4"].font = Font(name="Times New Roman", size=13)
    sheet["A2"].font = Font(name=".VnArialH")  # a number: nothing to upper-case
    book.save(path)
    return path


def test_capital_fonts_recognised():
    capitals = (".VnTimeH", ".VnArialH", ".VnAvantH", ".VnCentury SchoolbookH")
    assert all(is_capital_font(name) for name in capitals)
    assert not any(is_capital_font(name) for name in (".VnTime", ".VnArial", "Times New Roman", "VNI-Times",
                                                       "Arial", "H", None, ""))


def test_only_cells_in_a_capitals_font_are_marked(tmp_path):
    grid = read_grid(capitals_list(tmp_path / "chu-hoa.xlsx"))
    assert grid.capitals == {(1, 0), (1, 1), (1, 4)}


def test_tcvn3_capitals_read_as_capitals(commune_db, tmp_path):
    add_unit(commune_db)
    source = ImportSource(capitals_list(tmp_path / "chu-hoa.xlsx"))
    preview = preview_import(commune_db, source, today=TODAY)
    rows = {r.row: r for r in preview.rows}
    assert [rows[r].outcome for r in (2, 3, 4)] == [Outcome.CREATED] * 3, preview.refused
    assert rows[2].name == "NGUYỄN VĂN ĐẠT" and rows[2].subject.position == "TRUONG THON"
    assert rows[2].note == "đã chuyển từ mã TCVN3 (ABC) sang Unicode"
    assert rows[3].name == "Lê Thị Hoa" and rows[3].subject.position == "Hội viên"
    assert rows[4].name == "Trần Văn Bình"
    run_import(commune_db, source, today=TODAY)
    names = {s.name for s in search_subjects(commune_db, SubjectQuery())}
    assert names == {"NGUYỄN VĂN ĐẠT", "Lê Thị Hoa", "Trần Văn Bình"}


def test_a_header_typed_in_a_tcvn3_capitals_font(commune_db, tmp_path):
    """A list typed in the old fonts throughout: its header ("hä vµ tªn" shown as "HỌ VÀ TÊN") is found."""
    add_unit(commune_db)
    path = capitals_list(tmp_path / "tieu-de-chu-hoa.xlsx", header_font=".VnTimeH")
    preview = preview_import(commune_db, ImportSource(path), today=TODAY)
    assert preview.header_row == 1
    assert preview.mapping == {1: "name", 2: "gender", 3: "birth", 4: "position", 5: "unit"}
    assert preview.headers == [text.upper() for text in HEADERS]  # as the capitals font shows them
    assert [r.name for r in preview.rows] == ["NGUYỄN VĂN ĐẠT", "Lê Thị Hoa", "Trần Văn Bình"]
