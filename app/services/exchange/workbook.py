"""Reading a workbook a village sent: refusing what is not one (with the file, sheet, row and column
named), listing its sheets, and a sheet's cells as a grid with merged cells filled and the header found."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.utils.cell import coordinate_to_tuple  # type: ignore[import-untyped]

from app.errors import ServiceError
from app.services.exchange.cells import cell_text
from app.services.exchange.columns import header_key, match_columns, match_header, names_subject

HEADER_SCAN_ROWS = 30
MAX_ROWS = 100_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ERROR_VALUES = frozenset({"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#GETTING_DATA",
                          "#SPILL!", "#CALC!"})
_GENDER_SUBHEADERS = {"nam": "birth_male", "nu": "birth_female"}


def column_letter(index: int) -> str:
    """0 -> 'A'."""
    return get_column_letter(index + 1)


def where(file: Path, sheet: str | None = None, row: int | None = None, column: int | None = None) -> str:
    """'Tệp “ds.xlsx”, trang “Thôn 1”, dòng 7, cột C'."""
    parts = [f"Tệp “{file.name}”"]
    if sheet is not None:
        parts.append(f"trang “{sheet}”")
    if row is not None:
        parts.append(f"dòng {row}")
    if column is not None:
        parts.append(f"cột {column_letter(column)}")
    return ", ".join(parts)


def _refuse_non_workbook(path: Path) -> None:
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
            if head == _OLE_MAGIC:
                rest = head + stream.read(4_000_000)
                if "EncryptedPackage".encode("utf-16-le") in rest:
                    raise ServiceError(f"{where(path)}: tệp có đặt mật khẩu. Hãy mở bằng Excel, gỡ mật khẩu "
                                       "(Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại và chọn lại.")
                raise ServiceError(f"{where(path)}: đây là tệp Excel 97-2003 (.xls). Hãy mở bằng Excel và "
                                   "lưu thành .xlsx (Excel Workbook) rồi chọn lại.")
    except FileNotFoundError:
        raise ServiceError(f"{where(path)}: không tìm thấy tệp.") from None
    except IsADirectoryError:
        raise ServiceError(f"{where(path)}: đây là một thư mục, không phải tệp Excel.") from None
    except OSError as exc:
        raise ServiceError(f"{where(path)}: không đọc được tệp ({exc.strerror or exc}).") from None
    if not zipfile.is_zipfile(path):
        raise ServiceError(f"{where(path)}: không phải tệp Excel .xlsx (hãy chọn tệp lưu bằng Excel).")


def load_workbook(path: Path, *, read_only: bool = False, data_only: bool = True):
    """The workbook (values, not formulas, unless `data_only` is False), or a ServiceError saying why it
    cannot be read."""
    from openpyxl import load_workbook as openpyxl_load  # type: ignore[import-untyped]

    _refuse_non_workbook(path)
    try:
        return openpyxl_load(path, data_only=data_only, read_only=read_only)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, IndexError) as exc:
        raise ServiceError(f"{where(path)}: tệp Excel bị hỏng hoặc không đúng định dạng .xlsx "
                           f"({type(exc).__name__}).") from None
    except Exception as exc:  # openpyxl's own InvalidFileException and parser errors
        raise ServiceError(f"{where(path)}: không đọc được tệp Excel ({type(exc).__name__}).") from None


def sheet_names(path: Path) -> list[str]:
    workbook = load_workbook(path, read_only=True)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


@dataclass
class Grid:
    """A sheet's values, rows and columns counted from 0; `raw` keeps each cell's typed value."""

    file: Path
    sheet: str
    raw: list[list[object]]
    header_row: int = -1  # 0-based; -1 when not found
    header_depth: int = 1  # 2 when a merged header cell has sub-headers under it
    headers: list[str] = field(default_factory=list)
    mapping: dict[int, str] = field(default_factory=dict)  # column -> field

    @property
    def first_data_row(self) -> int:
        return self.header_row + self.header_depth

    def text(self, row: int, column: int) -> str:
        line = self.raw[row]
        return cell_text(line[column]) if column < len(line) else ""


def read_grid(path: Path, sheet: str | None = None) -> Grid:
    """A sheet's cells (merged ranges filled with their top-left value); refused with the place named
    when the sheet is missing or empty or a cell holds a formula error. Read in openpyxl's streaming
    mode (ten times faster on a long list), the merged ranges from the sheet's XML."""
    workbook = load_workbook(path, read_only=True)
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            raise ServiceError(f"{where(path)}: không có trang “{sheet}” (các trang: "
                               f"{', '.join(workbook.sheetnames)}).")
        name = worksheet.title
        raw: list[list[object]] = []
        for row in worksheet.iter_rows(values_only=True):
            raw.append(list(row))
            if len(raw) > MAX_ROWS:
                raise ServiceError(f"{where(path, name)}: có hơn {MAX_ROWS} dòng, quá nhiều cho một lần "
                                   "nhập; hãy chia thành nhiều tệp.")
        merged = _merged_ranges(path, getattr(worksheet, "_worksheet_path", ""))
    finally:
        workbook.close()
    for min_col, min_row, max_col, max_row in merged:
        if min_row > len(raw):
            continue
        top = raw[min_row - 1]
        top_left = top[min_col - 1] if min_col <= len(top) else None
        for r in range(min_row - 1, min(max_row, len(raw))):
            line = raw[r]
            line.extend([None] * (max_col - len(line)))
            for c in range(min_col - 1, max_col):
                line[c] = top_left
    while raw and all(cell_text(v) == "" for v in raw[-1]):
        raw.pop()
    if not raw:
        raise ServiceError(f"{where(path, name)}: trang trống, không có dòng nào.")
    _refuse_error_cells(path, name, raw)
    return Grid(path, name, raw)


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"')


def _merged_ranges(path: Path, member: str) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row) of each merged range of a sheet, 1-based."""
    if not member:
        return []
    with zipfile.ZipFile(path) as archive:
        try:
            xml = archive.read(member.lstrip("/"))
        except KeyError:
            return []
    found = []
    for first, last in _MERGE.findall(xml):
        (r1, c1), (r2, c2) = coordinate_to_tuple(first.decode()), coordinate_to_tuple(last.decode())
        found.append((c1, r1, c2, r2))
    return found


def _refuse_error_cells(path: Path, sheet: str, raw: list[list[object]]) -> None:
    for r, line in enumerate(raw):
        for c, value in enumerate(line):
            if isinstance(value, str) and value in ERROR_VALUES:
                raise ServiceError(f"{where(path, sheet, r + 1, c)}: ô có lỗi công thức {value}. Hãy sửa "
                                   "công thức (hoặc chép rồi dán giá trị) và lưu lại.")


def find_header(grid: Grid, header_row: int | None = None, preset: dict[str, str] | None = None) -> Grid:
    """Set the grid's header row (the one given, 1-based, or the one naming the most fields within the
    first rows) and the columns' fields; a merged header over "Nam" | "Nữ" sub-headers is read as two
    columns of birth years by gender."""
    rows = [header_row - 1] if header_row else range(min(HEADER_SCAN_ROWS, len(grid.raw)))
    best, best_score = -1, 0
    for r in rows:
        if r < 0 or r >= len(grid.raw):
            raise ServiceError(f"{where(grid.file, grid.sheet, header_row)}: không có dòng này trong trang.")
        mapping = match_columns([grid.text(r, c) for c in range(len(grid.raw[r]))], preset)
        score = len(mapping) + (10 if names_subject(mapping) else 0)
        if score > best_score:
            best, best_score = r, score
    if best < 0 or best_score < 11 and header_row is None:
        raise ServiceError(f"{where(grid.file, grid.sheet)}: không tìm thấy dòng tiêu đề có cột “Họ và tên” "
                           f"(hoặc “Tên tập thể”) trong {HEADER_SCAN_ROWS} dòng đầu. Hãy chọn dòng tiêu đề "
                           "và ghép cột bằng tay.")
    grid.header_row = best
    width = max(len(line) for line in grid.raw[best:best + 2])
    grid.headers = [grid.text(best, c) for c in range(width)]
    grid.mapping = match_columns(grid.headers, preset)
    _read_sub_headers(grid, width)
    return grid


def _read_sub_headers(grid: Grid, width: int) -> None:
    below = grid.header_row + 1
    if below >= len(grid.raw):
        return
    subs = {c: grid.text(below, c) for c in range(width)}
    split = {c: _GENDER_SUBHEADERS.get(header_key(subs[c])) for c in range(width)
             if match_header(grid.headers[c]) == "birth"}
    if not split or not all(split.values()):
        return
    for c, key in split.items():
        grid.mapping[c] = key  # type: ignore[assignment]
        grid.headers[c] = f"{grid.headers[c]} — {subs[c]}"
    grid.header_depth = 2


def data_row_is_numbering(values: list[str]) -> bool:
    """The row under a header that numbers its columns: "(1) (2) (3)…" or "1 2 3…"."""
    filled = [v for v in values if v]
    return len(filled) >= 3 and all(v.strip("()").isdigit() and len(v) <= 4 for v in filled)

