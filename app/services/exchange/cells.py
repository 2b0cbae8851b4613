"""One workbook cell read as text first, then as what its column holds: a date (day before month,
always), a year, a number of digits whose leading zeros Excel dropped, a choice."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from app.rules.vntext import fold

MIN_YEAR = 1900
_DATE = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
_YEAR = re.compile(r"(?:năm\s*)?(\d{4})", re.IGNORECASE)
_WORDS = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_BIRTH_PATTERNS = ((_DATE, (1, 2, 3)), (_WORDS, (1, 2, 3)), (_ISO, (3, 2, 1)))  # none matches another's text


def cell_text(value: object) -> str:
    """A cell's value as the officer sees it: NFC, white space folded, trailing spaces gone; whole numbers
    without ".0", dates as dd/mm/yyyy."""
    if type(value) is str:  # most cells: split() folds white space as _SPACES does, and strips
        return " ".join(unicodedata.normalize("NFC", value).replace("\u00a0", " ").split())
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == dt.time() else value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ")
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class Birth:
    date: dt.date | None = None
    year: int | None = None


class CellProblem(ValueError):
    """What is wrong with one cell, in Vietnamese, without the row and column (the caller adds them)."""


def parse_birth(value: object, today: dt.date) -> Birth:
    """A date of birth or a year of birth: an Excel date, "05/01/1980", "5-1-1980", "5.1.80", "1980",
    "ngày 5 tháng 1 năm 1980"; day before month always. Raises CellProblem."""
    if value is None or value == "":
        return Birth()
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return Birth(date=day, year=day.year)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and MIN_YEAR <= int(value) <= today.year:
            return Birth(year=int(value))
        raise CellProblem(f"“{cell_text(value)}” không phải là ngày hay năm sinh")
    text = cell_text(value)
    for pattern, order in _BIRTH_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            d, m, y = (int(match.group(i)) for i in order)
            if y < 100:
                y += 1900 if y > today.year % 100 else 2000
            return Birth(date=_real_date(y, m, d), year=y)
    match = _YEAR.fullmatch(text)
    if match:
        return Birth(year=int(match.group(1)))
    raise CellProblem(f"“{text}” không đọc được thành ngày sinh (ghi ngày/tháng/năm, ví dụ 05/01/1980, "
                      "hoặc chỉ năm sinh)")


def _real_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellProblem(f"ngày {day:02d}/{month:02d}/{year} không có thật") from None


def digits(value: object, length: int, max_lost: int = 2) -> str:
    """A number written with digits only (CCCD, telephone): spaces, dots and dashes dropped; a number
    cell that lost its leading zeros (at most `max_lost` of them) gets them back up to `length`."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = cell_text(value)
    if text.startswith("'"):
        text = text[1:]
    clean = re.sub(r"[\s.\-]", "", text)
    if isinstance(value, int) and len(clean) < length and clean.isdigit():
        clean = clean.zfill(length) if length - len(clean) <= max_lost else clean
    return clean


def citizen_id_digits(value: object) -> str:
    """A CCCD (12 digits; the province code starts with one or two zeros a number cell drops)."""
    return digits(value, 12, max_lost=2)


def phone_digits(value: object) -> str:
    """A telephone number (10 digits; a number cell drops its leading zero)."""
    return digits(value, 10, max_lost=1)


def choice(value: object, options: Mapping[str, object]) -> object | None:
    """The option whose folded key equals the folded cell ("NAM", "nam " -> Gender.MALE); None if empty."""
    text = fold(cell_text(value))
    if not text:
        return None
    return options.get(text, MISSING)


MISSING = object()  # what choice() gives for a text none of the options has


def is_missing(value: object) -> bool:
    return value is MISSING
