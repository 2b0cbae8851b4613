"""The import reads a sheet's cells from its XML (sheet_xml) rather than through openpyxl's streaming
reader: both must give the same values for every kind of cell, so an openpyxl upgrade that moves what
sheet_xml borrows from it (shared strings, date styles) shows here."""

from __future__ import annotations

import datetime as dt

import pytest
from exchange_helpers import messy_list
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font

from app.errors import ServiceError
from app.services.exchange.sheet_xml import read_sheet_cells
from app.services.exchange.workbook import _parts, read_grid


def every_kind_of_cell(path, error: str | None = "#N/A"):
    book = Workbook()
    sheet = book.active
    sheet.title = "Ô"
    sheet.append(["chữ", 1, 2.5, True, False, dt.datetime(1980, 1, 5, 7, 30), dt.date(1990, 2, 3), "=1+2",
                  error, None, "  cách  ", "0123", 10**15, -7])
    sheet["C5"] = CellRichText(["Nguyễn ", TextBlock(InlineFont(b=True), "Văn"), " An"])
    sheet["E7"], sheet["F7"] = dt.time(10, 30), dt.timedelta(hours=5)
    sheet["Z9"] = "xa"  # rows 2-4, 6 and 8 have nothing: they are left out of the XML
    sheet.merge_cells("A10:C11")
    sheet["A10"] = "gộp"
    book.create_sheet("Trang hai")["B2"] = "chỉ một ô"
    book.save(path)
    return path


def openpyxl_values(path, sheet):
    book = load_workbook(path, read_only=True, data_only=True)
    worksheet = book[sheet]
    worksheet.reset_dimensions()  # read every row, whatever the sheet says its size is
    rows = [list(row) for row in worksheet.iter_rows(values_only=True)]
    book.close()
    return trimmed(rows)


def trimmed(rows):
    rows = [list(row) for row in rows]
    for row in rows:
        while row and row[-1] is None:
            row.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


@pytest.mark.parametrize("sheet", ["Ô", "Trang hai"])
def test_same_values_as_openpyxl(tmp_path, sheet):
    path = every_kind_of_cell(tmp_path / "o.xlsx")
    parts = _parts(path)
    cells = read_sheet_cells(path, parts.sheets[sheet], parts.styles, 1000)
    assert trimmed(cells.rows) == openpyxl_values(path, sheet)
    if sheet == "Ô":
        assert cells.rows[0][5] == dt.datetime(1980, 1, 5, 7, 30) and cells.rows[0][8] == "#N/A"
        assert cells.rows[4][2] == "Nguyễn Văn An" and cells.rows[0][11] == "0123"


def test_same_values_as_openpyxl_on_a_village_list(tmp_path):
    path = messy_list(tmp_path)
    parts = _parts(path)
    assert trimmed(read_sheet_cells(path, parts.sheets["Danh sách"], parts.styles, 1000).rows) == \
        openpyxl_values(path, "Danh sách")


def test_grid_fills_merged_cells_and_keeps_row_numbers(tmp_path):
    grid = read_grid(every_kind_of_cell(tmp_path / "o.xlsx", error=None))
    assert grid.raw[1] == [] and grid.raw[8][25] == "xa"  # row 9, column Z
    assert [grid.raw[r][:3] for r in (9, 10)] == [["gộp"] * 3, ["gộp"] * 3]


def test_too_many_rows_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("app.services.exchange.workbook.MAX_ROWS", 5)
    with pytest.raises(ServiceError, match="trang “Ô”: có hơn 5 dòng"):
        read_grid(every_kind_of_cell(tmp_path / "o.xlsx", error=None))


def test_a_formatted_empty_cell_far_below_is_not_a_row(tmp_path):
    """A border or a style left on an empty cell at the sheet's last row does not make a million rows."""
    path = messy_list(tmp_path)
    book = load_workbook(path)
    book.active["A1048576"].font = Font(bold=True)
    book.save(path)
    grid = read_grid(path)
    assert len(grid.raw) == 11 and grid.raw[-1][1] == "Hoàng Thị Lan"
