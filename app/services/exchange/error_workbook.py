"""The workbook sent back with a "Lỗi" column: the original file, every cell kept, each refused row's
problems written beside it (and the row tinted), so the officer can fix the cells and import it again
(the rows already imported are then matched, never added twice)."""

from __future__ import annotations

import io
from pathlib import Path

from app.errors import ServiceError
from app.services.exchange.import_rows import Outcome
from app.services.exchange.workbook import load_workbook, where
from app.storage.atomic import save_files

ERROR_HEADER = "Lỗi"
_FILL = "FFF2CC"  # a pale yellow: the row to fix
_MESSAGE_FILL = "F8CBAD"


def save_error_workbook(preview, target: Path) -> Path:
    """Write the preview's file with its problems to `target` (.xlsx), atomically; the original file is
    never changed. Returns the path written."""
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]

    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    if target.resolve() == Path(preview.file).resolve():
        raise ServiceError(f"{where(target)}: hãy lưu tệp lỗi thành một tệp khác tệp gốc.")
    # Formulas kept: the officer's own file goes back to them.
    workbook = load_workbook(Path(preview.file), data_only=False)
    sheet = workbook[preview.sheet]
    column = _error_column(sheet, preview.header_row)
    header = sheet.cell(row=preview.header_row, column=column, value=ERROR_HEADER)
    header.font = Font(bold=True, color="C00000")
    row_fill = PatternFill("solid", start_color=_FILL, end_color=_FILL)
    message_fill = PatternFill("solid", start_color=_MESSAGE_FILL, end_color=_MESSAGE_FILL)
    for result in preview.rows:
        if result.outcome is not Outcome.REFUSED:
            sheet.cell(row=result.row, column=column, value=None)
            continue
        for c in range(1, column):
            cell = sheet.cell(row=result.row, column=c)
            if cell.coordinate not in sheet.merged_cells:
                cell.fill = row_fill
        cell = sheet.cell(row=result.row, column=column,
                          value="\n".join(p.message for p in result.problems))
        cell.fill = message_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions[header.column_letter].width = 70
    buffer = io.BytesIO()
    workbook.save(buffer)
    save_files({target: buffer.getvalue()})
    return target


def _error_column(sheet, header_row: int) -> int:
    """The "Lỗi" column of a file saved back before (so a second round replaces it), else the next free."""
    for cell in sheet[header_row]:
        if isinstance(cell.value, str) and cell.value.strip() == ERROR_HEADER:
            return cell.column
    return sheet.max_column + 1
