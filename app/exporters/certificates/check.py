"""Before a page is drawn: every field fitted (shrink, then wrap, never overflow) and every letter checked
against the font that will draw it (NFC; a missing glyph is refused, never a box, never a substitute)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
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


Checked = tuple[FieldFit | None, FieldProblem | None]


def check_field(box: FieldBox, value: str) -> Checked:
    """One field's text checked: (its fit, or None when a letter is missing; a problem, or None)."""
    value = unicodedata.normalize("NFC", value)
    missing = missing_glyphs(f"{box.prefix}{value}" if value else "", face_of(box))
    if missing:
        letters = ", ".join(character_name(ch) for ch in missing)
        return None, FieldProblem(box.field, box.label, f"phông {box.font} không có chữ {letters}", True)
    fit = fit_field(box, value)
    note = fit.note(box)
    return fit, FieldProblem(box.field, box.label, note, not fit.fits) if note else None


class Planner:
    """Plans the pages of a batch, checking each distinct text of a field once: the fields every page
    shares (the authority, the decision, the signer) are fitted once, and their fits are the same
    objects on every page (the PDF then draws them once)."""

    def __init__(self) -> None:
        self._checked: dict[tuple[int, str, str], Checked] = {}
        self._layouts: list[Layout] = []  # kept alive, so that their ids stay theirs

    def plan(self, layout: Layout, text: CertificateText) -> PlannedPage:
        if not any(kept is layout for kept in self._layouts):
            self._layouts.append(layout)
        fits, problems = [], []
        for box in layout.fields:
            value = text.value(box.field)
            key = (id(layout), box.field, value)
            checked = self._checked.get(key)
            if checked is None:
                checked = self._checked[key] = check_field(box, value)
            fit, problem = checked
            if fit is not None:
                fits.append((box, fit))
            if problem is not None:
                problems.append(problem)
        return PlannedPage(layout, text, tuple(fits), tuple(problems))


def plan_page(layout: Layout, text: CertificateText) -> PlannedPage:
    return Planner().plan(layout, text)


def plan_pages(pairs: Iterable[tuple[Layout, CertificateText]]) -> list[PlannedPage]:
    planner = Planner()
    return [planner.plan(layout, text) for layout, text in pairs]
