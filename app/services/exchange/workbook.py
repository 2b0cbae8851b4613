"""Reading a workbook a village sent: refusing what is not one (with the file, sheet, row and column
named), listing its sheets, and a sheet's cells as a grid with merged cells filled and the header found."""

from __future__ import annotations

import contextlib
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError

from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from app.errors import ServiceError
from app.services.exchange.cells import cell_text
from app.services.exchange.columns import header_key, match_columns, match_header, names_subject
from app.services.exchange.encodings import Encoding, detect
from app.services.exchange.sheet_xml import TooManyRows, read_sheet_cells
from app.services.exchange.workbook_parts import WorkbookParts, read_parts

HEADER_SCAN_ROWS = 30
MAX_ROWS = 100_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
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
                if _holds_encrypted_package(stream):
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


def _holds_encrypted_package(stream) -> bool:
    """An OLE file holding the stream "EncryptedPackage": a workbook saved with a password. Its name is
    in the OLE directory, whose first sector the header gives (looked for in the first 4 MB too)."""
    stream.seek(0)
    start = stream.read(4_000_000)
    if _ENCRYPTED_PACKAGE in start:
        return True
    if len(start) < 0x34:
        return False
    (shift,) = struct.unpack_from("<H", start, 0x1E)  # sector size: 2 ** shift
    (first_directory,) = struct.unpack_from("<I", start, 0x30)
    if shift > 16:
        return False
    stream.seek((first_directory + 1) << shift)
    return _ENCRYPTED_PACKAGE in stream.read(65_536)


def load_workbook(path: Path, *, read_only: bool = False, data_only: bool = True):
    """The workbook (values, not formulas, unless `data_only` is False), or a ServiceError saying why it
    cannot be read."""
    from openpyxl import load_workbook as openpyxl_load  # type: ignore[import-untyped]

    _refuse_non_workbook(path)
    with _readable(path):
        return openpyxl_load(path, data_only=data_only, read_only=read_only)


@contextlib.contextmanager
def _readable(path: Path) -> Iterator[None]:
    """openpyxl's and zipfile's exceptions as a ServiceError naming the file."""
    try:
        yield
    except ServiceError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, IndexError) as exc:
        raise ServiceError(f"{where(path)}: tệp Excel bị hỏng hoặc không đúng định dạng .xlsx "
                           f"({type(exc).__name__}).") from None
    except Exception as exc:  # openpyxl's own InvalidFileException and parser errors
        raise ServiceError(f"{where(path)}: không đọc được tệp Excel ({type(exc).__name__}).") from None


def _parts(path: Path) -> WorkbookParts:
    _refuse_non_workbook(path)
    with _readable(path):
        return read_parts(path)


def sheet_names(path: Path) -> list[str]:
    return list(_parts(path).sheets)


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
    capitals: set[tuple[int, int]] = field(default_factory=set)  # (row, column) in a TCVN3 capitals font
    _texts: dict[int, list[str]] = field(default_factory=dict, repr=False)  # rows read as text, once

    @property
    def first_data_row(self) -> int:
        return self.header_row + self.header_depth

    def row_texts(self, row: int) -> list[str]:
        """The row's cells as text (cells.cell_text); computed once, as every step reads them."""
        found = self._texts.get(row)
        if found is None:
            found = self._texts[row] = [cell_text(value) for value in self.raw[row]]
        return found

    def text(self, row: int, column: int) -> str:
        line = self.row_texts(row)
        return line[column] if column < len(line) else ""


def read_grid(path: Path, sheet: str | None = None) -> Grid:
    """A sheet's cells (merged ranges filled with their top-left value); refused with the place named
    when the sheet is missing or empty or a cell holds a formula error. openpyxl reads the workbook's
    parts (workbook_parts) and the sheet's cells are read from its XML (sheet_xml)."""
    parts = _parts(path)
    if not parts.sheets:
        raise ServiceError(f"{where(path)}: không có trang tính nào.")
    if sheet is not None and sheet not in parts.sheets:
        raise ServiceError(f"{where(path)}: không có trang “{sheet}” (các trang: {', '.join(parts.sheets)}).")
    name = sheet if sheet is not None else next(iter(parts.sheets))
    try:
        cells = read_sheet_cells(path, parts.sheets[name], parts.styles, MAX_ROWS)
    except TooManyRows:
        raise ServiceError(f"{where(path, name)}: có hơn {MAX_ROWS} dòng, quá nhiều cho một lần "
                           "nhập; hãy chia thành nhiều tệp.") from None
    except (zipfile.BadZipFile, KeyError, ValueError, IndexError, ParseError, OSError) as exc:
        raise ServiceError(f"{where(path, name)}: tệp Excel bị hỏng, không đọc được các ô của trang "
                           f"({type(exc).__name__}).") from None
    raw, capitals = cells.rows, cells.marked
    for min_col, min_row, max_col, max_row in cells.merged:
        if min_row > len(raw):
            continue
        top = raw[min_row - 1]
        top_left = top[min_col - 1] if min_col <= len(top) else None
        in_capitals = (min_row - 1, min_col - 1) in capitals
        raw.extend([] for _ in range(min(max_row, MAX_ROWS) - len(raw)))  # rows with nothing but the range
        for r in range(min_row - 1, min(max_row, len(raw))):
            line = raw[r]
            line.extend([None] * (max_col - len(line)))
            for c in range(min_col - 1, max_col):
                line[c] = top_left
                if in_capitals:
                    capitals.add((r, c))
    while raw and all(cell_text(v) == "" for v in raw[-1]):
        raw.pop()
    if not raw:
        raise ServiceError(f"{where(path, name)}: trang trống, không có dòng nào.")
    _refuse_error_cells(path, name, raw)
    return Grid(path, name, raw, capitals=capitals)


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
    grid.headers = [_readable_header(grid, best, c) for c in range(width)]
    grid.mapping = match_columns(grid.headers, preset)
    _read_sub_headers(grid, width)
    return grid


def _readable_header(grid: Grid, row: int, column: int) -> str:
    """A header cell as the officer sees it: typed in an old font (TCVN3, VNI), in Unicode, in capitals
    when its font is a TCVN3 capitals one."""
    text = grid.text(row, column)
    found = detect(text)
    if found.encoding not in (None, Encoding.UNICODE):
        text = found.text
    return text.upper() if (row, column) in grid.capitals else text


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

