"""The recipients' list of a package as a real Excel workbook: typed cells, dates as dates, a frozen
header, widths that fit, a print area. No citizen ID, no phone (legal notes §7: only what the province
needs leaves the laptop).

A minimal list of its own: the exchange feature's general Excel export with presets was not there when
the package was built; the columns are the generic layout of legal notes §6.
"""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

LIST_COLUMNS = (
    # (key in a recipient's JSON, header, width, Frictionless type)
    ("stt", "STT", 6, "integer"),
    ("name", "Họ và tên / Tên tập thể", 28, "string"),
    ("kind_label", "Loại đối tượng", 14, "string"),
    ("gender_label", "Giới tính", 10, "string"),
    ("birth_year", "Năm sinh", 10, "integer"),
    ("description", "Chức vụ, đơn vị / Địa chỉ", 40, "string"),
    ("unit", "Đơn vị", 24, "string"),
    ("form", "Danh hiệu / Hình thức", 26, "string"),
    ("achievement", "Thành tích tóm tắt", 40, "string"),
    ("decision_number", "Số quyết định", 16, "string"),
    ("decision_date", "Ngày quyết định", 14, "date"),
    ("golden_book_no", "Số sổ vàng", 10, "integer"),
    ("amount", "Tiền thưởng (đồng)", 16, "integer"),
)


def list_rows(decisions: list[dict]) -> list[dict]:
    """One row per recipient of every decision, numbered on."""
    rows: list[dict] = []
    for decision in decisions:
        for recipient in decision["recipients"]:
            rows.append({
                **recipient, "stt": len(rows) + 1, "form": decision["form"]["name"],
                "achievement": decision["achievement"], "decision_number": decision["number"],
                "decision_date": decision["issued_on"],
            })
    return rows


def list_workbook(title: str, decisions: list[dict]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append([header for _key, header, _width, _type in LIST_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in list_rows(decisions):
        sheet.append([_cell(row.get(key), kind) for key, _header, _width, kind in LIST_COLUMNS])
    for index, (_key, _header, width, kind) in enumerate(LIST_COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = width
        if kind == "date":
            for cell in sheet[letter][1:]:
                cell.number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(LIST_COLUMNS))
    sheet.print_area = f"A1:{last}{max(sheet.max_row, 1)}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    book.properties.title = title
    book.properties.creator = "Sổ Vàng"
    # Fixed times: the same list gives the same bytes (the package's manifest stays comparable).
    book.properties.created = book.properties.modified = dt.datetime(2000, 1, 1)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _cell(value, kind: str):
    if value is None or value == "":
        return None
    if kind == "date":
        return dt.date.fromisoformat(value)
    return value
