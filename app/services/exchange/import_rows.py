"""The dry run of a candidate list: every data row read into a subject and judged — created, matched to
a subject already in the book (or to an earlier row of the same file), or refused with every problem
named by row and column. The rules are the subject form's (services/subjects/validation.py)."""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.models import Gender, Subject, SubjectKind, Unit
from app.rules.vntext import fold, normalize_text
from app.services.exchange.cells import (
    MISSING,
    CellProblem,
    cell_text,
    citizen_id_digits,
    is_missing,
    parse_birth,
    phone_digits,
)
from app.services.exchange.columns import FIELD_BY_KEY
from app.services.exchange.encodings import Detection, Encoding, could_be_legacy, decode, detect
from app.services.exchange.workbook import Grid, column_letter, data_row_is_numbering
from app.services.subjects.data import SubjectInput
from app.services.subjects.validation import normalized, validate_subject

TEXT_FIELDS = ("name", "collective_name", "household_name", "kind", "gender", "position", "unit", "address",
               "ethnicity", "head_name", "note")
_GENDERS = {"nam": Gender.MALE, "nu": Gender.FEMALE, "m": Gender.MALE, "f": Gender.FEMALE,
            "male": Gender.MALE, "female": Gender.FEMALE}
_KINDS = {
    **{fold(k.label): k for k in SubjectKind},
    "canhan": SubjectKind.INDIVIDUAL, "ca nhan": SubjectKind.INDIVIDUAL, "cn": SubjectKind.INDIVIDUAL,
    "tapthe": SubjectKind.COLLECTIVE, "tt": SubjectKind.COLLECTIVE,
    "hogiadinh": SubjectKind.HOUSEHOLD, "hgd": SubjectKind.HOUSEHOLD, "ho": SubjectKind.HOUSEHOLD,
}
# The subject form's field -> the import field whose column it came from.
_FORM_FIELDS = {"name": "name", "gender": "gender", "birth_date": "birth", "birth_year": "birth",
                "citizen_id": "citizen_id", "phone": "phone", "address": "address", "position": "position",
                "ethnicity": "ethnicity", "note": "note", "head_name": "head_name", "unit_id": "unit"}


# fold(), once per distinct text: genders, units, kinds and many names repeat down a list.
_fold = functools.lru_cache(maxsize=16_384)(fold)


def _choice(text: str, options: Mapping[str, object]) -> object | None:
    """cells.choice for a cell already read as text."""
    return options.get(_fold(text), MISSING) if text else None


class Outcome(enum.StrEnum):
    CREATED = "created"
    MATCHED = "matched"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        return {"created": "Thêm mới", "matched": "Đã có (khớp)", "refused": "Bị từ chối"}[self.value]


@dataclass(frozen=True)
class Problem:
    row: int  # the workbook's row number (1-based)
    column: int | None  # 0-based; None for the row as a whole
    header: str  # the column's header in the file (or the field's name)
    text: str  # what is wrong, without the place

    @property
    def message(self) -> str:
        """'Dòng 7, cột C (Ngày sinh): ngày 31/02/1980 không có thật'."""
        if self.column is None:
            return f"Dòng {self.row}: {self.text}"
        return f"Dòng {self.row}, cột {column_letter(self.column)} ({self.header}): {self.text}"


@dataclass
class RowResult:
    row: int
    outcome: Outcome
    name: str
    problems: list[Problem] = field(default_factory=list)
    subject: SubjectInput | None = None  # what is created
    matched_id: int | None = None  # the subject in the book it matched
    note: str = ""  # "khớp với đối tượng số 12", "trùng dòng 5 của tệp", "chuyển từ mã TCVN3"

    @property
    def messages(self) -> str:
        return "; ".join(p.message for p in self.problems)


class _Known(NamedTuple):  # a tuple: 10,000 of them are made for each analysis
    id: int
    name: str
    birth_date: dt.date | None
    birth_year: int | None
    citizen_id: str | None


class _Book:
    """The subjects and units already stored, indexed for matching (read once per analysis)."""

    def __init__(self, session: Session) -> None:
        self.units = {fold(name): uid for uid, name in session.execute(select(Unit.id, Unit.name))}
        self.by_name: dict[tuple[SubjectKind, str], list[_Known]] = defaultdict(list)
        self.by_citizen_id: dict[str, tuple[str, _Known]] = {}
        rows = session.execute(select(Subject.id, Subject.kind, Subject.name, Subject.name_norm,
                                      Subject.birth_date, Subject.birth_year, Subject.citizen_id))
        for sid, kind, name, norm, birth_date, birth_year, cid in rows:
            known = _Known(sid, name, birth_date, birth_year, cid)
            self.by_name[(kind, norm)].append(known)
            if cid:
                self.by_citizen_id[cid] = (norm, known)
        self.name_keys: dict[str, str] = {}

    def same_name(self, stored: str, read: str) -> bool:
        """The same name but for case and Unicode form ("Ân" is not "An", though both fold alike); each
        stored name's key made once (many rows share a folded name)."""
        key = self.name_keys.get(stored)
        if key is None:
            key = self.name_keys[stored] = normalize_text(stored).casefold()
        return key == read.casefold()


def _same_birth(data: SubjectInput, date: dt.date | None, year: int | None) -> bool:
    if data.birth_date is not None and date is not None:
        return data.birth_date == date
    mine = data.birth_year or (data.birth_date.year if data.birth_date else None)
    theirs = year or (date.year if date else None)
    return mine is not None and mine == theirs


@dataclass
class _RowReader:
    grid: Grid
    book: _Book
    today: dt.date
    column_encoding: dict[int, Encoding | None]
    columns: dict[str, int] = field(default_factory=dict)  # field -> column
    detected: dict[str, Detection] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.columns = {f: c for c, f in self.grid.mapping.items()}

    def detect(self, value: str) -> Detection:
        """encodings.detect, once per distinct text (units, positions and many names repeat)."""
        found = self.detected.get(value)
        if found is None:
            found = self.detected[value] = detect(value)
        return found

    def header(self, key: str) -> str:
        column = self.columns.get(key)
        if column is not None and column < len(self.grid.headers) and self.grid.headers[column]:
            return self.grid.headers[column]
        return FIELD_BY_KEY[key].label

    def read(self, r: int) -> RowResult:
        row = r + 1
        problems: list[Problem] = []
        converted: set[Encoding] = set()

        def add(key: str | None, text: str) -> None:
            column = self.columns.get(key) if key else None
            problems.append(Problem(row, column, self.header(key) if key else "", text))

        def raw(key: str) -> object:
            column = self.columns.get(key)
            line = self.grid.raw[r]
            return line[column] if column is not None and column < len(line) else None

        def text(key: str) -> str:
            column = self.columns.get(key)
            if column is None:
                return ""
            value = self.grid.text(r, column)
            if not value or key not in TEXT_FIELDS:
                return value
            found = self.detect(value)
            column_encoding = self.column_encoding.get(column)
            encoding = found.encoding or column_encoding
            legacy_column = column_encoding not in (None, Encoding.UNICODE)
            if encoding is Encoding.UNICODE and legacy_column and could_be_legacy(value):
                encoding = column_encoding  # "vò minh" reads as Unicode alone, but its column is in TCVN3
            if encoding is None:
                add(key, f"“{value}” có vẻ gõ bằng phông chữ cũ (TCVN3 hoặc VNI) nhưng không rõ bảng mã nào; "
                         "hãy chuyển tệp sang Unicode (Unikey: Công cụ chuyển mã) rồi nhập lại")
                return value
            if encoding is not Encoding.UNICODE:
                converted.add(encoding)
                value = found.text if found.encoding is encoding else decode(value, encoding)
            if (r, column) in self.grid.capitals:
                value = value.upper()  # a TCVN3 capitals font (.VnTimeH) shows its letters as capitals
            return value

        data = SubjectInput()
        data.kind = self._kind(text, add)
        names = {k: text(k) for k in ("name", "collective_name", "household_name")}
        if names["collective_name"] and not names["name"] and "kind" not in self.columns:
            data.kind = SubjectKind.COLLECTIVE
        if names["household_name"] and not names["name"] and "kind" not in self.columns:
            data.kind = SubjectKind.HOUSEHOLD
        data.name = names["name"] or names["collective_name"] or names["household_name"]
        gender = _choice(text("gender"), _GENDERS)
        if is_missing(gender):
            add("gender", f"“{text('gender')}” không phải Nam hoặc Nữ")
        else:
            data.gender = gender  # type: ignore[assignment]
        self._birth(data, raw, add)
        data.position, data.address = text("position"), text("address")
        data.ethnicity, data.head_name, data.note = text("ethnicity"), text("head_name"), text("note")
        data.citizen_id = citizen_id_digits(raw("citizen_id"))
        data.phone = phone_digits(raw("phone"))
        unit = text("unit")
        if unit:
            data.unit_id = self.book.units.get(_fold(unit))
            if data.unit_id is None:
                add("unit", f"không có đơn vị “{unit}” trong danh sách đơn vị của xã (thêm đơn vị trước, "
                            "hoặc sửa tên cho đúng)")
        if data.kind is not SubjectKind.INDIVIDUAL:
            data.gender, data.birth_date, data.birth_year = None, None, None
        clean = normalized(data)
        try:
            validate_subject(clean, self.today)
        except ValidationError as exc:
            said = {p.column for p in problems}
            for form_field, message in exc.errors.items():
                key = _FORM_FIELDS.get(form_field)
                if key in self.columns and self.columns[key] in said:
                    continue  # the cell's own problem says it already
                label = message.split(":", 1)
                add(key if key in self.columns else None,
                    (label[1].strip() if key in self.columns and len(label) == 2 else message).rstrip("."))
        note = " và ".join(f"đã chuyển từ mã {e.label} sang Unicode" for e in sorted(converted))
        if problems:
            problems.sort(key=lambda p: (p.column is None, p.column or 0))
            return RowResult(row, Outcome.REFUSED, clean.name, problems, note=note)
        return RowResult(row, Outcome.CREATED, clean.name, subject=clean, note=note)

    def _kind(self, text, add) -> SubjectKind:
        value = text("kind")
        if not value:
            return SubjectKind.INDIVIDUAL
        found = _choice(value, _KINDS)
        if found is None or is_missing(found):
            add("kind", f"“{value}” không phải Cá nhân, Tập thể hay Hộ gia đình")
            return SubjectKind.INDIVIDUAL
        return found  # type: ignore[return-value]

    def _birth(self, data: SubjectInput, raw, add) -> None:
        for key, gender in (("birth", None), ("birth_male", Gender.MALE), ("birth_female", Gender.FEMALE)):
            value = raw(key)
            if key not in self.columns or cell_text(value) == "":
                continue
            if gender is not None:
                data.gender = gender  # the column says it, whatever the date in it
            try:
                birth = parse_birth(value, self.today)
            except CellProblem as exc:
                add(key, str(exc))
                continue
            data.birth_date, data.birth_year = birth.date, birth.year


def column_encodings(grid: Grid) -> dict[int, Encoding | None]:
    """Each text column's encoding judged from all its cells together (for cells too short to tell)."""
    found: dict[int, Encoding | None] = {}
    for column, key in grid.mapping.items():
        if key in TEXT_FIELDS:
            joined = " ".join(grid.text(r, column) for r in range(grid.first_data_row, len(grid.raw))
                              if column < len(grid.raw[r]))
            found[column] = detect(joined).encoding
    return found


def analyse_rows(session: Session, grid: Grid, today: dt.date) -> list[RowResult]:
    """Every data row of the grid judged against the book (nothing written)."""
    book = _Book(session)
    reader = _RowReader(grid, book, today, column_encodings(grid))
    mapped = sorted(grid.mapping)
    results: list[RowResult] = []
    seen: dict[tuple, tuple[int, str]] = {}
    for r in range(grid.first_data_row, len(grid.raw)):
        if not any(grid.text(r, c) for c in mapped):
            continue
        near_header = r < grid.first_data_row + 2
        if near_header and data_row_is_numbering([grid.text(r, c) for c in range(len(grid.raw[r]))]):
            continue
        result = reader.read(r)
        if result.outcome is Outcome.CREATED and result.subject is not None:
            _match(result, result.subject, book, seen)
        results.append(result)
    return results


def _match(result: RowResult, data: SubjectInput, book: _Book, seen: dict[tuple, tuple[int, str]]) -> None:
    norm = _fold(data.name)
    if data.citizen_id and data.citizen_id in book.by_citizen_id:
        _, known = book.by_citizen_id[data.citizen_id]
        if book.same_name(known.name, data.name):
            _matched(result, known)
        else:
            result.outcome = Outcome.REFUSED
            result.problems.append(Problem(result.row, None, "", (
                f"số CCCD này đã có ở đối tượng số {known.id} “{known.name}”, khác họ tên; "
                "hãy kiểm tra lại")))
        return
    for known in book.by_name.get((data.kind, norm), []):
        if not book.same_name(known.name, data.name):
            continue  # "Ân" is not "An": folded alike only to find the candidates quickly
        if data.kind is not SubjectKind.INDIVIDUAL or (
                _same_birth(data, known.birth_date, known.birth_year)
                and not (data.citizen_id and known.citizen_id and data.citizen_id != known.citizen_id)):
            _matched(result, known)
            return
    keys: list[tuple] = [("cccd", data.citizen_id)] if data.citizen_id else []
    birth = data.birth_date or data.birth_year
    if data.kind is not SubjectKind.INDIVIDUAL or birth is not None:
        keys.append((data.kind, data.name.casefold(), birth))
    for key in keys:
        if key in seen:
            earlier_row, earlier_cid = seen[key]
            if data.citizen_id and earlier_cid and earlier_cid != data.citizen_id:
                continue  # same name and birth, another CCCD: another person
            result.outcome, result.subject = Outcome.MATCHED, None
            result.note = _join(result.note, f"trùng dòng {earlier_row} của tệp này (chỉ thêm một lần)")
            return
    for key in keys:
        seen[key] = (result.row, data.citizen_id)


def _matched(result: RowResult, known: _Known) -> None:
    result.outcome, result.subject, result.matched_id = Outcome.MATCHED, None, known.id
    result.note = _join(result.note, f"khớp với đối tượng số {known.id} “{known.name}” đã có trong sổ")


def _join(first: str, second: str) -> str:
    return f"{first}; {second}" if first else second
