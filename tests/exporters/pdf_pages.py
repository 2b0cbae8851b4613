"""Reading laid-out pages back from a PDF, ours or LibreOffice's: the lines of each page in reading order
(top to bottom, left to right) with their positions, so pagination can be compared across renderers."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass

from pypdf import PdfReader

MM = 72 / 25.4


@dataclass(frozen=True)
class Piece:
    x: float  # points from the page's left edge
    y: float  # points from the page's bottom edge (the baseline)
    text: str


def page_pieces(payload: bytes) -> list[list[Piece]]:
    """The text pieces of every page with their baseline positions."""
    pages = []
    for page in PdfReader(io.BytesIO(payload)).pages:
        pieces: list[Piece] = []

        def visit(text, cm, tm, font_dict, font_size, pieces=pieces):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                pieces.append(Piece(x, y, unicodedata.normalize("NFC", text)))

        page.extract_text(visitor_text=visit)
        pages.append(pieces)
    return pages


def page_lines(payload: bytes, top_mm: float, height_mm: float = 297.0) -> list[list[str]]:
    """The body lines of every page, top to bottom, each its words joined by single spaces. Text in the top
    margin (the page number) is left out; pieces whose baselines are within 2 pt make one line."""
    limit = (height_mm - top_mm) * MM
    result = []
    for pieces in page_pieces(payload):
        body = sorted((p for p in pieces if p.y <= limit), key=lambda p: (-p.y, p.x))
        lines: list[list[Piece]] = []
        for piece in body:
            if lines and abs(lines[-1][0].y - piece.y) <= 2:
                lines[-1].append(piece)
            else:
                lines.append([piece])
        result.append([" ".join(" ".join(p.text for p in sorted(line, key=lambda p: p.x)).split())
                       for line in lines])
    return result


def first_lines(payload: bytes, top_mm: float, chars: int = 30) -> list[str]:
    """The beginning of the first body line of every page."""
    return [lines[0][:chars] if lines else "" for lines in page_lines(payload, top_mm)]


def page_of(pages: list[list[str]], text: str) -> int:
    """The number (from 1) of the first page with a line starting with `text`."""
    for number, lines in enumerate(pages, start=1):
        if any(line.startswith(text) for line in lines):
            return number
    raise AssertionError(f"{text!r} is on no page")
