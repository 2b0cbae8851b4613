"""File names inside an upload package: NFC, plain ASCII, safe on Windows, sortable by the province.

A name reads commune code, year, document number, then what the file is:
"XaHoaBinh_2026_QD-205_1-quyet-dinh.pdf". Numbers are padded to three digits so that a name sorts where
its number does.
"""

from __future__ import annotations

import re
import unicodedata

# Windows refuses these names whatever the extension (CON.txt is still CON).
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"{port}{i}" for port in ("COM", "LPT") for i in range(1, 10))}
MAX_NAME = 120


def ascii_words(text: str) -> list[str]:
    """'Xã Hòa Bình' -> ['Xa', 'Hoa', 'Binh']: diacritics off, đ as d, anything else a separator."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return [word for word in re.split(r"[^0-9A-Za-z]+", stripped) if word]


def slug(text: str) -> str:
    """'Trần Văn Bình' -> 'tran-van-binh'."""
    return "-".join(word.lower() for word in ascii_words(text)) or "khong-ten"


def commune_code(code: str, commune: str) -> str:
    """The commune's administrative code when the officer set one, else its name run together."""
    words = ascii_words(code) or [word[:1].upper() + word[1:] for word in ascii_words(commune)]
    return "".join(words)[:40] or "Xa"


def document_code(number: str) -> str:
    """'205/QĐ-UBND' -> 'QD-205'; '64/TTr-VP' -> 'TTr-064'; a draft without a number -> 'du-thao'."""
    digits, _, symbol = number.partition("/")
    if not digits.strip().isdigit():
        return "du-thao"
    kind = (ascii_words(symbol) or ["VB"])[0]
    return f"{kind}-{int(digits):03d}"


def safe_name(name: str) -> str:
    """A file or folder name any Windows, macOS or Linux accepts, in NFC and at most MAX_NAME long."""
    text = unicodedata.normalize("NFC", name)
    text = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', "-", text).strip(" .")
    stem, dot, suffix = text.rpartition(".") if "." in text else (text, "", "")
    if stem.split(".")[0].upper() in _RESERVED:
        stem = f"_{stem}"
    budget = MAX_NAME - len(dot + suffix)
    return (stem[:budget].rstrip(" .") or "tep") + dot + suffix


def decision_stem(root: str, number: str) -> str:
    """The start of a decision's file names: the bag's name, and the decision's code unless the bag is
    named after that one decision."""
    code = document_code(number)
    return root if root.endswith(code) else f"{root}_{code}"
