"""The periodic reports the commune sends up (the quarterly report on the exemplar work, the annual count
of commendations, the list of exemplars for the province), built as a document model.

Layout follows Decree 30/2020 like the decision: the header, the type and subject lines, the sections
with their tables (the header row repeats on every page, no row is split), and the closing with the
recipients and the signature of the People's Committee. The data is plain: a section's rows hold
numbers and dates as such, written here in the Vietnamese way ("1.500", "05/01/2026"), and kept typed
for the .xlsx (services/exchange/reports_xlsx.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.exporters import admin_parts as parts
from app.exporters.document import (
    LANDSCAPE_A4,
    AdminDocument,
    Block,
    Column,
    HeaderBlock,
    PageSetup,
    Table,
    para,
)
from app.rules.vntext import vn_number, vn_short_date

Cell = str | int | dt.date | None


@dataclass(frozen=True)
class ReportSection:
    heading: str
    paragraphs: tuple[str, ...] = ()
    columns: tuple[Column, ...] = ()
    rows: tuple[tuple[Cell, ...], ...] = ()
    empty: str = "Không có."  # said instead of an empty table


@dataclass(frozen=True)
class PeriodicReport:
    title: str  # the file's title, e.g. "Báo cáo công tác điển hình tiên tiến quý III năm 2026"
    header: HeaderBlock
    type_name: str  # "BÁO CÁO", "DANH SÁCH"
    subject: str  # the line under the type
    sections: tuple[ReportSection, ...]
    signer_lines: tuple[str, ...]
    signer_name: str
    author: str = ""
    intro: str = ""
    recipients: tuple[str, ...] = field(default_factory=tuple)
    landscape: bool = False  # a wide list (the exemplars for the province): A4 turned, Decree 30 margins


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int):
        return vn_number(value)
    if isinstance(value, dt.date):
        return vn_short_date(value)
    return value


def build_periodic_report(report: PeriodicReport) -> AdminDocument:
    blocks: list[Block] = [report.header, *parts.title_lines(report.type_name, report.subject)]
    if report.intro:
        blocks.append(para(report.intro, first_indent_mm=parts.INDENT_MM))
    for section in report.sections:
        blocks += _section(section)
    blocks.append(parts.closing(report.recipients, report.signer_lines, report.signer_name, "VP"))
    page = LANDSCAPE_A4 if report.landscape else PageSetup()
    return AdminDocument(title=report.title, blocks=tuple(blocks), page=page, author=report.author)


def _section(section: ReportSection) -> list[Block]:
    blocks: list[Block] = []
    if section.heading:
        blocks.append(para(section.heading, bold=True, space_before=6, keep_with_next=True))
    blocks += [para(text, first_indent_mm=parts.INDENT_MM) for text in section.paragraphs]
    if section.columns and section.rows:
        rows = tuple(tuple(cell_text(value) for value in row) for row in section.rows)
        blocks.append(Table(columns=section.columns, rows=rows))
    elif section.columns:
        blocks.append(para(section.empty, italic=True, first_indent_mm=parts.INDENT_MM))
    return blocks
