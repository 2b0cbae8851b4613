"""Before a page is drawn: every field fitted (shrink, then wrap, never overflow) and every letter checked
against the font that will draw it (NFC; a missing glyph is refused, never a box, never a substitute)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from app.exporters.certificates.content import CertificateText
from app.exporters.certificates.fit import FieldFit, face_of, fit_field
from app.exporters.certificates.fonts import covered
from app.exporters.certificates.layout import FieldBox, Layout


@dataclass(frozen=True)
class FieldProblem:
    """A field that shrank or wrapped (refused False), or cannot be printed (refused True)."""

    field: str
    label: str
    message: str  # Vietnamese, without the recipient ("cỡ chữ 24 → 18 pt")
    refused: bool


@dataclass(frozen=True)
class PlannedPage:
    layout: Layout
    text: CertificateText
    fits: tuple[tuple[FieldBox, FieldFit], ...]
    problems: tuple[FieldProblem, ...]

    @property
    def printable(self) -> bool:
        return not any(p.refused for p in self.problems)


def missing_glyphs(text: str, face: str) -> list[str]:
    """The characters of `text` (NFC) the font has no glyph for, each once, in order."""
    have = covered(face)
    missing: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch != "\n" and ord(ch) not in have and ch not in missing:
            missing.append(ch)
    return missing


def character_name(ch: str) -> str:
    """'“ꞵ” (U+A7B5 LATIN SMALL LETTER BETA)'."""
    return f"“{ch}” (U+{ord(ch):04X} {unicodedata.name(ch, 'không rõ tên')})"


def plan_page(layout: Layout, text: CertificateText) -> PlannedPage:
    fits, problems = [], []
    for box in layout.fields:
        value = unicodedata.normalize("NFC", text.value(box.field))
        missing = missing_glyphs(f"{box.prefix}{value}" if value else "", face_of(box))
        if missing:
            letters = ", ".join(character_name(ch) for ch in missing)
            message = f"phông {box.font} không có chữ {letters}"
            problems.append(FieldProblem(box.field, box.label, message, True))
            continue
        fit = fit_field(box, value)
        fits.append((box, fit))
        note = fit.note(box)
        if note:
            problems.append(FieldProblem(box.field, box.label, note, not fit.fits))
    return PlannedPage(layout, text, tuple(fits), tuple(problems))
