"""What a workbook holds besides its cells, read by openpyxl without its worksheets (whose reading
opens every sheet to size it): the worksheets' names and XML parts, the shared strings, and what the
cell styles say (dates, the TCVN3 capitals fonts). sheet_xml reads the cells of the sheet chosen."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.services.exchange.sheet_xml import SheetStyles


@dataclass(frozen=True)
class WorkbookParts:
    sheets: dict[str, str]  # worksheet name -> its XML part, in the workbook's order
    styles: SheetStyles


def is_capital_font(name: str | None) -> bool:
    """A TCVN3 (ABC) capitals font (".VnTimeH", ".VnArialH"): its capitals are stored at the lower-case
    letters' codes."""
    return name is not None and name.startswith(".Vn") and name.endswith("H")


def read_parts(path: Path) -> WorkbookParts:
    """The workbook's parts; openpyxl's and zipfile's exceptions when it cannot be read."""
    from openpyxl.reader.excel import ExcelReader  # type: ignore[import-untyped]
    from openpyxl.styles.stylesheet import apply_stylesheet  # type: ignore[import-untyped]

    reader = ExcelReader(path, read_only=True, data_only=True)
    try:
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        sheets = {sheet.name: rel.target for sheet, rel in reader.parser.find_sheets()
                  if rel.target in reader.valid_files and "chartsheet" not in rel.Type}
        return WorkbookParts(sheets, _styles(reader.wb, list(reader.shared_strings)))
    finally:
        reader.archive.close()


def _styles(workbook, shared_strings: list[str]) -> SheetStyles:
    """Dates and durations by cell style, and the cell styles in a TCVN3 capitals font."""
    capital_fonts = {i for i, font in enumerate(workbook._fonts) if is_capital_font(font.name)}
    marked = frozenset(i for i, style in enumerate(workbook._cell_styles) if style.fontId in capital_fonts)
    dates, durations = frozenset(workbook._date_formats), frozenset(workbook._timedelta_formats)
    return SheetStyles(shared_strings, dates, durations, workbook.epoch, marked)
