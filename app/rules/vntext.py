"""Vietnamese text: NFC normalisation, diacritic folding for search, name sort keys,
dates and numbers as official documents write them."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

_TONE_MARKS = {
    "\u0300": 1,  # huyền
    "\u0309": 2,  # hỏi
    "\u0303": 3,  # ngã
    "\u0301": 4,  # sắc
    "\u0323": 5,  # nặng
}
# Vietnamese alphabet order; letters with a breve, circumflex, horn or bar are letters of their own.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# Sort key separators, below every letter: the end of the letters < the next word < the next part, so
# a shorter name sorts first. Never NUL: PostgreSQL text cannot hold it (migration 0006 moved old keys).
_END, _WORD, _PART = "\x01", "\x02", "\x03"
_WORD_RE = re.compile(r"[^\W_]+")  # letters and digits; punctuation and "_" part words
SORT_KEY_LENGTH = 400  # the stored column's size (a server enforces it): tones past it break no tie


def normalize_text(value: str | None) -> str:
    """NFC, trimmed, inner runs of white space folded to one space."""
    if value is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", value).split())


def normalize_multiline(value: str | None) -> str:
    """Like normalize_text line by line, keeping line breaks (one blank line at most between paragraphs)."""
    lines = [normalize_text(line) for line in (value or "").splitlines()]
    text = "\n".join(lines).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


def fold(value: str | None) -> str:
    """Lower case without diacritics, đ as d: the form search compares."""
    decomposed = unicodedata.normalize("NFD", normalize_text(value).lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d")


def name_words(value: str | None) -> list[str]:
    """The words of a text, lower case with their marks ('Nguyễn Văn Đạt (Hội)' -> nguyễn, văn, đạt,
    hội): what word search indexes and how typed text is split (fold each to compare without marks)."""
    return _WORD_RE.findall(normalize_text(value).lower())


def _letter_and_tone(ch: str) -> tuple[str, int]:
    """Split one lower-case letter into its base Vietnamese letter and its tone number."""
    parts = unicodedata.normalize("NFD", ch)
    base, tone = parts[0], 0
    for mark in parts[1:]:
        if mark in _TONE_MARKS:
            tone = _TONE_MARKS[mark]
        else:
            base = unicodedata.normalize("NFC", base + mark)
    return base, tone


@functools.lru_cache(maxsize=8192)
def _word_key(word: str) -> tuple[str, str]:
    """Primary (letters) and secondary (tones) sort strings for one word."""
    letters, tones = [], []
    for ch in word.lower():
        base, tone = _letter_and_tone(ch)
        rank = _LETTER_RANK.get(base)
        # Letters as one ASCII byte each (a short key keeps the list index small); others after them.
        letters.append(chr(0x40 + rank) if rank is not None else chr(0x100 + ord(base)))
        tones.append(str(tone))
    return "".join(letters), "".join(tones)


def _words_key(words: list[str]) -> tuple[str, str]:
    keys = [_word_key(w) for w in words]
    return _WORD.join(k[0] for k in keys), _WORD.join(k[1] for k in keys)


def _join_parts(parts: list[list[str]]) -> str:
    """Letters of every part first, tones last, so tones only break ties; parts in order."""
    keys = [_words_key(words) for words in parts]
    key = _PART.join(k[0] for k in keys) + _END + _PART.join(k[1] for k in keys)
    return key[:SORT_KEY_LENGTH]


def text_sort_key(value: str) -> str:
    """Vietnamese alphabetical order of a text as written (collectives, units)."""
    return _join_parts([normalize_text(value).split()])


def name_sort_key(full_name: str) -> str:
    """Official-list order of a personal name: given name, then middle names, then family name."""
    words = normalize_text(full_name).split()
    if len(words) < 2:
        return _join_parts([words, [], []])
    return _join_parts([words[-1:], words[1:-1], words[:1]])


def vn_date(day: dt.date) -> str:
    """'ngày 05 tháng 01 năm 2026': days below 10 and months 1 and 2 take a leading zero."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def vn_short_date(day: dt.date | None) -> str:
    """'05/01/2026', the form used in lists and tables."""
    return "" if day is None else day.strftime("%d/%m/%Y")


def vn_number(value: int) -> str:
    """1500000 -> '1.500.000'."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")


def vn_money(value: int) -> str:
    """1500000 -> '1.500.000 đồng'."""
    return f"{vn_number(value)} đồng"


def parse_vn_date(text: str) -> dt.date:
    """Parse '05/01/2026' (also '5/1/2026' or '2026-01-05'); ValueError when it is no date."""
    raw = normalize_text(text)
    if "-" in raw:
        return dt.date.fromisoformat(raw)
    parts = raw.split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError(raw)
    day, month, year = (int(p) for p in parts)
    return dt.date(year, month, day)


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ("", " nghìn", " triệu", " tỷ")


def _tens_and_units(tens: int, units: int, after_hundreds: bool) -> list[str]:
    words: list[str] = []
    if tens == 0:
        if units:
            words += (["linh"] if after_hundreds else []) + [_DIGITS[units]]
        return words
    words.append("mười" if tens == 1 else f"{_DIGITS[tens]} mươi")
    if units == 1:
        words.append("một" if tens == 1 else "mốt")
    elif units == 4:
        words.append("bốn" if tens == 1 else "tư")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return words


def _group_words(value: int, full: bool) -> list[str]:
    """Words for 0–999; `full` says "không trăm" when the group follows a higher one."""
    hundreds, rest = divmod(value, 100)
    words = [f"{_DIGITS[hundreds]} trăm"] if hundreds or (full and rest) else []
    return words + _tens_and_units(rest // 10, rest % 10, after_hundreds=bool(words))


def vn_number_words(value: int) -> str:
    """1053000 -> 'một triệu không trăm năm mươi ba nghìn', as money is written in accounting papers.

    Written here rather than with num2words, whose Vietnamese drops the "không trăm" that vouchers and
    decisions write ("một triệu năm mươi ba nghìn").
    """
    if value == 0:
        return "không"
    if value < 0:
        return "âm " + vn_number_words(-value)
    groups: list[int] = []
    while value:
        value, group = divmod(value, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group, higher = groups[index], index < len(groups) - 1
        if group:
            scale = _GROUPS[index % 3] + " tỷ" * (index // 3)
            words.append(" ".join(_group_words(group, higher)) + scale)
    return " ".join(words)


def vn_money_words(value: int) -> str:
    """702000 -> 'Bảy trăm linh hai nghìn đồng' (the "bằng chữ" of an amount)."""
    text = vn_number_words(value) + " đồng"
    return text[0].upper() + text[1:]


COMMUNE_PREFIXES = ("xã", "phường", "thị trấn", "đặc khu")
PROVINCE_PREFIXES = ("tỉnh", "thành phố")


def lower_first(text: str) -> str:
    """'Thôn Đông' -> 'thôn Đông' (inside a sentence)."""
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    """'tập thể, cá nhân' -> 'Tập thể, cá nhân' (at the start of a sentence)."""
    return text[:1].upper() + text[1:]


def place_names(full: str, prefixes: tuple[str, ...] = COMMUNE_PREFIXES,
                default_prefix: str = "xã") -> tuple[str, str]:
    """('Hòa Bình', 'xã Hòa Bình') from 'Xã Hòa Bình' (or from 'Hòa Bình'): the bare place name, and the
    name as written inside a sentence."""
    for prefix in prefixes:
        if full.lower().startswith(prefix + " "):
            return full[len(prefix) + 1:], lower_first(full)
    return full, f"{default_prefix} {full}"
