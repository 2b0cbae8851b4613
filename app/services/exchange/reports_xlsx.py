"""A periodic report as an .xlsx: one sheet, the title lines, then each section's heading, its text and
its table with typed cells (numbers as numbers, dates as dates), widths from the document's columns."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from app.exporters.periodic_report_builder import PeriodicReport

MM_PER_WIDTH = 2.0  # an Excel column width unit is about 2 mm of A4 text at 11 pt


def report_workbook(report: PeriodicReport) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = report.type_name.title()[:31]
    widths: dict[int, float] = {}
    sheet.append([report.type_name])
    sheet.append([report.subject])
    for row in (1, 2):
        sheet.cell(row, 1).font = Font(bold=True, size=13)
    if report.intro:
        sheet.append([report.intro])
    for section in report.sections:
        sheet.append([])
        if section.heading:
            sheet.append([section.heading])
            sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for text in section.paragraphs:
            sheet.append([text])
        if not section.columns:
            continue
        sheet.append([column.title for column in section.columns])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for index, column in enumerate(section.columns, start=1):
            widths[index] = max(widths.get(index, 0), column.width_mm / MM_PER_WIDTH)
        for values in section.rows:
            sheet.append(list(values))
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in widths.items():
        sheet.column_dimensions[get_column_letter(index)].width = round(width, 1)
    sheet.page_setup.orientation = "landscape"
    sheet.print_area = f"A1:{get_column_letter(max(widths, default=1))}{sheet.max_row}"
    book.properties.title = report.title
    book.properties.creator = "Sổ Vàng"
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()
