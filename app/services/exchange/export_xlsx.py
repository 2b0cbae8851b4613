"""A list written as a real Excel workbook: a title row, typed cells (numbers as numbers, dates as dates
shown dd/mm/yyyy), a frozen header repeated on every printed page, widths that fit the text, a print
area, landscape A4 fitted to the page's width; a code column (MauTDKT) hidden in the sheet."""

from __future__ import annotations

import datetime as dt
import io

from app.services.exchange.export_columns import CellType, ExportColumn
from app.services.exchange.export_lists import ListData

DATE_FORMAT = "dd/mm/yyyy"
MAX_WIDTH = 50
TITLE_ROWS = 3  # title, subtitle, an empty line; the header is the next row


def _width(value: object) -> int:
    if isinstance(value, dt.date):
        return 10
    text = "" if value is None else str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def _typed(column: ExportColumn, value: object) -> tuple[object, str | None]:
    """The value as the cell should hold it, and its number format."""
    if value is None or value == "":
        return None, None
    if column.kind is CellType.DATE or (column.kind is CellType.BIRTH and isinstance(value, dt.date)):
        return value, DATE_FORMAT
    if column.kind in (CellType.INTEGER, CellType.BIRTH):
        return int(value), "0"  # type: ignore[call-overload]
    return str(value), "@"


def workbook_bytes(data: ListData, columns: list[ExportColumn], sheet_title: str = "Danh sách") -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Border, Font, Side  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title[:31]
    last = get_column_letter(len(columns))
    sheet["A1"] = data.title
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.merge_cells(f"A1:{last}1")
    if data.subtitle:
        sheet["A2"] = data.subtitle
        sheet["A2"].font = Font(italic=True)
        sheet["A2"].alignment = Alignment(horizontal="center")
        sheet.merge_cells(f"A2:{last}2")
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_row = TITLE_ROWS + 1
    widths = []
    for c, column in enumerate(columns, start=1):
        cell = sheet.cell(row=header_row, column=c, value=column.header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        widths.append(max(column.width, min(_width(column.header), 20)))
    wrap = Alignment(vertical="top", wrap_text=True)
    for r, row in enumerate(data.rows, start=header_row + 1):
        for c, column in enumerate(columns, start=1):
            value, number_format = _typed(column, row.get(column.key))
            cell = sheet.cell(row=r, column=c, value=value)
            if number_format:
                cell.number_format = number_format
            cell.border = border
            cell.alignment = wrap
            widths[c - 1] = max(widths[c - 1], min(_width(value), MAX_WIDTH))
    for c, (column, width) in enumerate(zip(columns, widths, strict=True), start=1):
        dimension = sheet.column_dimensions[get_column_letter(c)]
        dimension.width = width + 2
        dimension.hidden = column.hidden  # a code column: read by the receiving system, not by people
    last_row = max(header_row, header_row + len(data.rows))
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.print_area = f"A1:{last}{last_row}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if data.rows:
        sheet.auto_filter.ref = f"A{header_row}:{last}{last_row}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
