"""One small model of an administrative document (Decree 30/2020), rendered by the .docx and .pdf writers.

A document is a page setup and a sequence of blocks. The builders (decision, proposal, achievement
report) fill the blocks with text; the writers know nothing of awards and only lay the blocks out.
The model is plain data and round-trips through JSON, so an issued document is stored as it was issued
and reprints the same after the settings change.

Sizes are in points, lengths in millimetres.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


@dataclass(frozen=True)
class PageSetup:
    """A4 portrait with the Decree 30 margins (or LANDSCAPE_A4); page numbers centred at the top from page 2
    on."""

    width_mm: float = 210.0
    height_mm: float = 297.0
    top_mm: float = 20.0
    bottom_mm: float = 20.0
    left_mm: float = 30.0
    right_mm: float = 15.0
    number_pages: bool = True
    page_number_size: float = 13.0

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm

    @property
    def landscape(self) -> bool:
        return self.width_mm > self.height_mm


# A4 turned for a wide table (Decree 30/2020 allows landscape for tables), the same margins: the left one
# is still the binding side of a document that stands alone.
LANDSCAPE_A4 = PageSetup(width_mm=297.0, height_mm=210.0)


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of runs. `rule_under` draws a short solid line under it: the fraction of the text
    width of the paragraph's own text (1.0 = as long as the text, used under the motto)."""

    runs: tuple[Run, ...]
    align: Align = Align.JUSTIFY
    size: float = 14.0
    first_indent_mm: float = 0.0
    space_before: float = 0.0
    space_after: float = 6.0
    keep_with_next: bool = False
    rule_under: float = 0.0

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def para(text: str, *, bold: bool = False, italic: bool = False, **options: Any) -> Paragraph:
    """A one-run paragraph: the common case."""
    return Paragraph(runs=(Run(text, bold=bold, italic=italic),), **options)


@dataclass(frozen=True)
class HeaderBlock:
    """The Decree 30 header: issuing body (left) and national name with motto (right), then the
    number line (left) and the place and date in italics (right).

    `issuer_lines` are (text, bold): a parent body line is not bold, the issuing body is; a solid line
    of about a third of its length goes under the last issuer line. The national name is upper case,
    bold; the motto bold with a line the same length as the text under it. `number` ("Số: 05/QĐ-UBND")
    and `place_date` may be empty (an achievement report has neither issuer nor number).
    """

    issuer_lines: tuple[tuple[str, bool], ...]
    number: str = ""
    place_date: str = ""
    national_name: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    issuer_size: float = 13.0
    national_size: float = 12.0
    motto_size: float = 13.0
    number_size: float = 13.0
    date_size: float = 14.0
    left_width_mm: float = 62.0


@dataclass(frozen=True)
class SignatureColumn:
    """Authority and title lines (upper case, bold), an optional note in italics ("(Ký, ghi rõ họ
    tên)"), the space for signature and stamp, then the name in bold."""

    lines: tuple[str, ...]
    name: str
    note: str = ""
    space_mm: float = 25.0


@dataclass(frozen=True)
class Closing:
    """The foot of a document: recipients ("Nơi nhận:") on the left and the signature on the right,
    or two signatures side by side (an achievement report: confirmation left, author right)."""

    signatures: tuple[SignatureColumn, ...]
    recipients: tuple[str, ...] = ()
    recipients_title: str = "Nơi nhận:"


@dataclass(frozen=True)
class Column:
    title: str
    width_mm: float
    align: Align = Align.LEFT


@dataclass(frozen=True)
class Table:
    """A table with a header row that repeats on every page; no row is ever split across pages."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    size: float = 12.0


@dataclass(frozen=True)
class PageBreak:
    pass


Block = HeaderBlock | Paragraph | Closing | Table | PageBreak
_BLOCK_TYPES: dict[str, type] = {
    "header": HeaderBlock, "paragraph": Paragraph, "closing": Closing, "table": Table,
    "page_break": PageBreak,
}
_TYPE_NAMES = {cls: name for name, cls in _BLOCK_TYPES.items()}


@dataclass(frozen=True)
class AdminDocument:
    title: str  # the file's metadata title, e.g. "Quyết định số 05/QĐ-UBND"
    blocks: tuple[Block, ...]
    page: PageSetup = field(default_factory=PageSetup)
    author: str = ""

    def texts(self) -> list[str]:
        """Every piece of text in reading order: what both writers must carry (tests compare them)."""
        return [text for block in self.blocks for text in _block_texts(block)]

    def to_json(self) -> str:
        return json.dumps(
            {
                "title": self.title,
                "author": self.author,
                "page": asdict(self.page),
                "blocks": [{"type": _TYPE_NAMES[type(b)], **asdict(b)} for b in self.blocks],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, payload: str) -> AdminDocument:
        data = json.loads(payload)
        blocks = tuple(_block_from_dict(item) for item in data["blocks"])
        return cls(title=data["title"], author=data.get("author", ""), page=PageSetup(**data["page"]),
                   blocks=blocks)


def _block_texts(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, HeaderBlock):
        texts = [line for line, _bold in block.issuer_lines] + [block.national_name, block.motto]
        return texts + [t for t in (block.number, block.place_date) if t]
    if isinstance(block, Closing):
        texts = [block.recipients_title, *block.recipients] if block.recipients else []
        for column in block.signatures:
            texts += [*column.lines, *([column.note] if column.note else []), column.name]
        return texts
    if isinstance(block, Table):
        return [c.title for c in block.columns] + [cell for row in block.rows for cell in row]
    return []


def _block_from_dict(item: dict) -> Block:
    item = dict(item)
    cls = _BLOCK_TYPES[item.pop("type")]
    if cls is Paragraph:
        item["runs"] = tuple(Run(**run) for run in item["runs"])
        item["align"] = Align(item["align"])
    elif cls is HeaderBlock:
        item["issuer_lines"] = tuple((text, bold) for text, bold in item["issuer_lines"])
    elif cls is Closing:
        item["signatures"] = tuple(
            SignatureColumn(**{**col, "lines": tuple(col["lines"])}) for col in item["signatures"]
        )
        item["recipients"] = tuple(item["recipients"])
    elif cls is Table:
        item["columns"] = tuple(Column(**{**c, "align": Align(c["align"])}) for c in item["columns"])
        item["rows"] = tuple(tuple(row) for row in item["rows"])
    return cls(**item)
