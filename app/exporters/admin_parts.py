"""Pieces every administrative document shares: the header, dates, the basis lines, the closing, the
attached list. Decree 30/2020 rules that are about wording (not layout) live here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from app.exporters.award_content import KIND_WORDS, ROMAN, AwardContent, ListedRecipient, fill
from app.exporters.document import (
    Align,
    Block,
    Closing,
    Column,
    HeaderBlock,
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


def header(wording: dict, values: dict[str, str], number: str, day: dt.date | None, year: int) -> HeaderBlock:
    lines = [fill(line, **values) for line in wording["issuer_lines"]]
    issuer = tuple((line, index > 0 or len(lines) == 1) for index, line in enumerate(lines))
    place = fill(wording["place"], **values)
    return HeaderBlock(
        issuer_lines=issuer,
        number=number_text(number, wording["symbol"]),
        place_date=f"{place}, {date_text(day, year)}",
    )


def title_lines(type_name: str, subject: str) -> list[Block]:
    return [
        para(type_name, bold=True, align=CENTER, space_before=12, space_after=0, keep_with_next=True),
        para(subject, bold=True, align=CENTER, rule_under=0.35, space_after=6, keep_with_next=True),
    ]


def basis_paragraphs(lines: Sequence[str]) -> list[Block]:
    """Each 'Căn cứ …' line ends with ';' and the last one with ',' (Decree 30/2020)."""
    clean = [line.rstrip(" ;,.") for line in lines if line.strip()]
    return [
        para(line + ("," if index == len(clean) - 1 else ";"), italic=True, first_indent_mm=INDENT_MM)
        for index, line in enumerate(clean)
    ]


def article(label: str, text: str) -> Paragraph:
    return Paragraph(runs=(Run(f"{label} ", bold=True), Run(text)), first_indent_mm=INDENT_MM)


def recipient_lines(lines: Sequence[str]) -> tuple[str, ...]:
    """'- Như Điều 3;' … '- Lưu: VT.': each line starts with '-', ends with ';', the last with '.'."""
    clean = [line.strip().lstrip("-").strip().rstrip(";,.") for line in lines if line.strip()]
    return tuple(f"- {line}{'.' if i == len(clean) - 1 else ';'}" for i, line in enumerate(clean))


def closing(recipients: Sequence[str], signer_lines: Sequence[str], signer_name: str) -> Closing:
    column = SignatureColumn(lines=tuple(signer_lines), name=signer_name)
    return Closing(signatures=(column,), recipients=recipient_lines(recipients))


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
