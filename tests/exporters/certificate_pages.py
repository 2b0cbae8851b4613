"""Certificate pages read back with pdfplumber: where each piece of text lies, in millimetres from the
page's top-left corner (as layouts measure)."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pdfplumber

MM = 72 / 25.4


@dataclass(frozen=True)
class Found:
    text: str
    left: float  # mm from the left edge
    top: float  # mm from the top edge
    right: float
    bottom: float


def find_texts(payload: bytes, page_index: int, texts: list[str]) -> dict[str, Found]:
    """Where each text (a whole printed line) is on the page; a text not found is absent."""
    found = {}
    with pdfplumber.open(io.BytesIO(payload)) as pdf:
        page = pdf.pages[page_index]
        for text in texts:
            matches = page.search(text, regex=False, return_chars=False)
            if matches:
                m = matches[0]
                found[text] = Found(text, m["x0"] / MM, m["top"] / MM, m["x1"] / MM, m["bottom"] / MM)
    return found


def page_texts(payload: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(payload)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def page_count(payload: bytes) -> int:
    with pdfplumber.open(io.BytesIO(payload)) as pdf:
        return len(pdf.pages)


def page_size_mm(payload: bytes) -> tuple[float, float]:
    with pdfplumber.open(io.BytesIO(payload)) as pdf:
        return pdf.pages[0].width / MM, pdf.pages[0].height / MM


def char_boxes(payload: bytes, page_index: int = 0) -> list[tuple[str, float, float]]:
    """Every character with its left and top in mm."""
    with pdfplumber.open(io.BytesIO(payload)) as pdf:
        return [(c["text"], c["x0"] / MM, c["top"] / MM) for c in pdf.pages[page_index].chars]
