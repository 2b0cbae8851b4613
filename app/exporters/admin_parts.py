"""Pieces every administrative document shares: the header, dates, the basis lines, the closing, the
attached list. Decree 30/2020 rules that are about wording (not layout) live here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from app.exporters.award_content import KIND_WORDS, ROMAN, AwardContent, ListedRecipient, fill
from app.exporters.document import (
    AdminDocument,
    Align,
    Block,
    Closing,
    Column,
    HeaderBlock,
    PageSetup,
    Paragraph,
    Run,
    SignatureColumn,
    Table,
    para,
)
from app.rules.vntext import upper_first, vn_date

BLANK = "……"  # the dots left for a number or a day a draft does not have yet
INDENT_MM = 10.0
CENTER = Align.CENTER
DRAFT_MARK = "DỰ THẢO"
CANCELLED_MARK = "ĐÃ HỦY"
ISSUER_SIZES = (13.0, 12.0)  # Decree 30: the issuing body in 12–13 pt; 12 only when 13 does not fit
ISSUER_MIN_WIDTH_MM = 62.0
ISSUER_SLACK_MM = 3.0  # room left in the issuer column beside the longest line
# a line too long for the issuer column is split before the name of the commune, never inside a name
_UNIT_WORDS = (" XÃ ", " PHƯỜNG ", " ĐẶC KHU ", " THỊ TRẤN ")


def number_text(number: str, symbol: str) -> str:
    """'Số: 05/QĐ-UBND', or 'Số:      /QĐ-UBND' in a draft."""
    return f"Số: {number}" if number else f"Số:{BLANK}/{symbol}"


def date_text(day: dt.date | None, year: int) -> str:
    """'ngày 05 tháng 01 năm 2026', or blanks for day and month in a draft."""
    return vn_date(day) if day else f"ngày{BLANK}tháng{BLANK}năm {year}"


def count_text(count: int, kind: str) -> str:
    """'02 tập thể': counts below 10 take a leading zero, as decisions write them."""
    return f"{count:02d} {KIND_WORDS[kind]}"


def join_words(parts: Sequence[str]) -> str:
    """'a, b và c'."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]


def header(wording: dict, values: dict[str, str], number: str, day: dt.date | None, year: int, *,
           parent_lines: int = 0, place: str | None = None) -> HeaderBlock:
    """The header block. The issuing body's lines are bold; the first `parent_lines` lines name a parent
    body (cơ quan chủ quản, not bold): a commune People's Committee has none, its office (the proposal's
    issuer) has the committee. `place` is the place-name template when it is not `wording["place"]`.
    The issuer column is widened, then the issuer set in 12 pt, so that no line breaks inside a name."""
    lines = [fill(line, **values) for line in wording["issuer_lines"]]
    parents = min(parent_lines, len(lines) - 1)
    issuer = [(line, index >= parents) for index, line in enumerate(lines)]
    place_name = fill(wording["place"] if place is None else place, **values)
    block = HeaderBlock(
        issuer_lines=tuple(issuer),
        number=number_text(number, wording["symbol"]),
        place_date=f"{place_name}, {date_text(day, year)}",
    )
    return fitted_header(block)


def fitted_header(block: HeaderBlock) -> HeaderBlock:
    """The issuer column as wide as its longest line needs (from 62 mm up to what the national name
    leaves), the issuer in 13 pt, else 12 pt; a line that fits neither is split before the commune's
    name ("ỦY BAN NHÂN DÂN" / "XÃ …") rather than wherever the line happens to wrap."""
    from app.exporters.docx_parts import text_width_mm  # the fonts' metrics, loaded when a header is made

    if not block.issuer_lines:
        return block
    national = text_width_mm(block.national_name, block.national_size, bold=True)
    room = PageSetup().text_width_mm - national - ISSUER_SLACK_MM  # the national name's column keeps its room
    for lines in (block.issuer_lines, _split_names(block.issuer_lines)):
        for size in ISSUER_SIZES:
            need = max(text_width_mm(text, size, bold=bold) for text, bold in lines) + ISSUER_SLACK_MM
            if need <= room:
                return replace(block, issuer_lines=lines, issuer_size=size,
                               left_width_mm=round(max(ISSUER_MIN_WIDTH_MM, need), 1))
    return replace(block, issuer_lines=_split_names(block.issuer_lines), issuer_size=ISSUER_SIZES[-1],
                   left_width_mm=round(room, 1))


def _split_names(lines: tuple[tuple[str, bool], ...]) -> tuple[tuple[str, bool], ...]:
    result: list[tuple[str, bool]] = []
    for text, bold in lines:
        cut = max(text.find(word) for word in _UNIT_WORDS)
        if cut > 0:
            result += [(text[:cut], bold), (text[cut + 1:], bold)]
        else:
            result.append((text, bold))
    return tuple(result)


def marked(document: AdminDocument, mark: str, note: str = "") -> AdminDocument:
    """The document with a state mark at the top of its first page ("DỰ THẢO", "ĐÃ HỦY"), and the
    note under it (what cancelled it). The document's own blocks are not changed."""
    blocks: list[Block] = [para(mark, bold=True, align=Align.RIGHT, size=13, space_after=0 if note else 6)]
    if note:
        blocks.append(para(note, italic=True, align=Align.RIGHT, size=12, space_after=6))
    return replace(document, blocks=(*blocks, *document.blocks))


def title_lines(type_name: str, subject: str) -> list[Block]:
    return [
        para(type_name, bold=True, align=CENTER, space_before=12, space_after=0, keep_with_next=True),
        para(subject, bold=True, align=CENTER, rule_under=0.35, space_after=6, keep_with_next=True),
    ]


def basis_paragraphs(lines: Sequence[str]) -> list[Block]:
    """Each 'Căn cứ …' line ends with ';' and the last one ('Theo đề nghị …') with '.' (Decree 30/2020,
    Phụ lục I: "dòng cuối cùng kết thúc bằng dấu chấm")."""
    clean = [line.strip().rstrip(" ;,.") for line in lines if line.strip()]
    return [
        para(line + ("." if index == len(clean) - 1 else ";"), italic=True, first_indent_mm=INDENT_MM)
        for index, line in enumerate(clean)
    ]


def article(label: str, text: str) -> Paragraph:
    return Paragraph(runs=(Run(f"{label} ", bold=True), Run(text)), first_indent_mm=INDENT_MM)


def recipient_lines(lines: Sequence[str], drafting_unit: str | None = None) -> tuple[str, ...]:
    """'- Như Điều 3;' … '- Lưu: VT, VP.': each line starts with '-', ends with ';', the last with '.'.
    With a `drafting_unit` (may be empty) the archive line "Lưu: VT, <unit>" is added last, unless the
    list has its own "Lưu:" line."""
    clean = [line.strip().lstrip("-").strip().rstrip(";,.") for line in lines if line.strip()]
    if drafting_unit is not None and not any(line.lower().startswith("lưu:") for line in clean):
        unit = drafting_unit.strip(" ;,.")
        clean.append(f"Lưu: VT, {unit}" if unit else "Lưu: VT")
    return tuple(f"- {line}{'.' if i == len(clean) - 1 else ';'}" for i, line in enumerate(clean))


def closing(recipients: Sequence[str], signer_lines: Sequence[str], signer_name: str,
            drafting_unit: str | None = None) -> Closing:
    column = SignatureColumn(lines=tuple(signer_lines), name=signer_name)
    return Closing(signatures=(column,), recipients=recipient_lines(recipients, drafting_unit))


def award_phrase(content: AwardContent) -> str:
    return f"danh hiệu “{content.form_name}”" if content.is_title else content.form_name


def kinds_phrase(content: AwardContent) -> str:
    return join_words([KIND_WORDS[kind] for kind in content.kinds()])


def counts_phrase(content: AwardContent) -> str:
    return join_words([count_text(content.count(kind), kind) for kind in content.kinds()])


ANNEX_COLUMNS = (
    Column("STT", 12, CENTER),
    Column("Họ và tên / Tên tập thể", 50),
    Column("Chức vụ, đơn vị công tác / Địa chỉ", 52),
    Column("Thành tích", 51),
)


def annex_tables(content: AwardContent) -> list[Block]:
    """One table per kind, collectives first. The numbers run on through the tables: a recipient's
    number in the list is its golden-book number (số sổ vàng) on the certificate."""
    blocks: list[Block] = []
    first = 1
    for index, kind in enumerate(content.kinds()):
        rows = [r for r in content.recipients if r.kind == kind]
        heading = f"{ROMAN[index]}. {KIND_WORDS[kind].upper()} ({len(rows):02d})"
        blocks.append(para(heading, bold=True, space_before=6, keep_with_next=True))
        blocks.append(Table(columns=ANNEX_COLUMNS, rows=_annex_rows(rows, content.achievement, first)))
        first += len(rows)
    return blocks


def _annex_rows(rows: list[ListedRecipient], achievement: str, first: int) -> tuple[tuple[str, ...], ...]:
    phrase = upper_first(achievement)
    return tuple((str(i), r.name, r.description, phrase) for i, r in enumerate(rows, start=first))


def annex_heading(title: str, attached_to: str) -> list[Block]:
    return [
        para("DANH SÁCH", bold=True, align=CENTER, space_after=0, keep_with_next=True),
        para(title, bold=True, align=CENTER, space_after=0, keep_with_next=True),
        para(f"({attached_to})", italic=True, align=CENTER, rule_under=0.35, keep_with_next=True),
    ]
