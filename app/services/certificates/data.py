"""Plain data the certificate services take and return."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from app.models import BlankEntryKind, GoldenBookScheme, SubjectKind

MAX_OFFSET_MM = 20.0
SCALE_RANGE = (0.9, 1.1)


@dataclass(frozen=True)
class LayoutInfo:
    """One layout the app can use: shipped in resources/certificates, or the user's copy in the data
    folder (which wins over a shipped one of the same name)."""

    name: str
    title: str
    mode: str  # "full" | "blank_form"
    award: str  # award form code or "*"
    subject_kind: str  # SubjectKind value or "*"
    user_copy: bool  # True: the data folder's copy (editable); False: shipped (read-only)
    path: Path
    background: Path | None = None  # the scan of the blank shown by the editor
    problem: str = ""  # why the file cannot be used (Vietnamese); empty when it can


@dataclass(frozen=True)
class CertificateOptions:
    """What to print. `positions` are recipients' numbers in the decision (1-based); None = all.
    `layout_name` None: each recipient gets the layout for the decision's form and its kind, in the
    mode `blank_form` asks for. `printer_name` picks the stored calibration ("" = none: no offsets).
    `override_stock` prints although the blanks left are fewer than needed (recorded with `note`)."""

    layout_name: str | None = None
    blank_form: bool = False
    positions: tuple[int, ...] | None = None
    printer_name: str = ""
    override_stock: bool = False
    note: str = ""  # why: a reprint's reason, an override's reason


@dataclass(frozen=True)
class FitNote:
    """A field that had to shrink or wrap (refused False), or that cannot be printed (refused True):
    does not fit even at its smallest size and most lines, or has a letter its font lacks."""

    position: int
    recipient: str
    field: str  # a field id of the layout
    field_label: str
    message: str  # Vietnamese, complete: "Nguyễn Văn A, ô “Tên…”: cỡ chữ 24 → 18 pt"
    refused: bool = False


@dataclass(frozen=True)
class BatchCheck:
    """What a batch would print, checked before anything is printed."""

    decision_id: int
    decision_number: str
    count: int
    layouts: tuple[str, ...]  # names of the layouts used
    notes: tuple[FitNote, ...] = ()  # shrunk, wrapped, refused; in recipients' order
    blank_form: bool = False
    blanks_needed: int = 0  # 0 in full-design mode
    blanks_left: int | None = None  # None in full-design mode
    reprints: tuple[int, ...] = ()  # positions that already have a certificate (this batch reprints them)

    @property
    def refusals(self) -> tuple[FitNote, ...]:
        return tuple(n for n in self.notes if n.refused)

    @property
    def adjustments(self) -> tuple[FitNote, ...]:
        return tuple(n for n in self.notes if not n.refused)

    @property
    def ok(self) -> bool:
        return not self.refusals

    @property
    def over_stock(self) -> bool:
        return self.blanks_left is not None and self.blanks_needed > self.blanks_left

    @property
    def stock_warning(self) -> str:
        """'Cần 12 phôi, chỉ còn 8.' (empty when enough)."""
        if not self.over_stock:
            return ""
        return f"Cần {self.blanks_needed} phôi, chỉ còn {self.blanks_left}."


@dataclass(frozen=True)
class PrintResult:
    print_id: int
    pdf: bytes
    path: Path | None
    check: BatchCheck


@dataclass(frozen=True)
class PrintRow:
    """One batch printed, as the decision page lists it."""

    id: int
    decision_id: int
    printed_at: dt.datetime
    printed_by: str
    layout_name: str
    blank_form: bool
    printer_name: str
    offset_x_mm: float
    offset_y_mm: float
    scale: float
    recipients: str  # "1,3-5" or "tất cả"
    count: int
    reprints: int
    over_stock: bool
    note: str


@dataclass(frozen=True)
class CertificateRow:
    """One certificate printed: the register of certificates (which golden-book number went to whom)."""

    id: int
    print_id: int
    decision_id: int
    decision_number: str
    decision_date: dt.date | None
    position: int
    golden_book_no: int | None
    recipient: str
    kind: SubjectKind
    printed_at: dt.datetime
    on_blank: bool
    reprint_of_id: int | None
    spoiled: bool
    spoil_reason: str


@dataclass(frozen=True)
class GoldenBookRow:
    """One number of the golden book: given at issue, kept for good (a cancelled decision keeps it)."""

    id: int
    scheme: GoldenBookScheme
    book: str  # "Quyết định 05/QĐ-UBND", "Năm 2026", "Sổ vàng"
    number: int
    recipient: str
    kind: SubjectKind
    decision_id: int
    decision_number: str
    decision_date: dt.date | None
    cancelled: bool
    certificates: int  # how many times printed


@dataclass(frozen=True)
class CalibrationInput:
    """A printer's correction: added to every field (mm, + moves right / down), and a scale (1 = none)."""

    printer_name: str
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    scale: float = 1.0
    measured_on: dt.date | None = None
    note: str = ""


@dataclass(frozen=True)
class CalibrationRow:
    id: int
    printer_name: str
    offset_x_mm: float
    offset_y_mm: float
    scale: float
    measured_on: dt.date | None
    note: str


@dataclass(frozen=True)
class BlankInput:
    """A line of the blanks register: received (with the serial range if the blanks are numbered) or
    spoiled before printing."""

    kind: BlankEntryKind = BlankEntryKind.RECEIVED
    day: dt.date | None = None
    count: int = 0
    serial_from: str = ""
    serial_to: str = ""
    note: str = ""


@dataclass(frozen=True)
class BlankEntryRow:
    id: int
    kind: BlankEntryKind
    day: dt.date
    count: int
    serial_from: str
    serial_to: str
    note: str
    recorded_by: str


@dataclass(frozen=True)
class BlankStock:
    """received − used (certificates printed on blanks) − spoiled before printing = left. `misprinted`
    counts certificates printed on blanks and then marked spoiled (already in `used`)."""

    received: int
    used: int
    spoiled: int
    misprinted: int
    entries: list[BlankEntryRow] = field(default_factory=list)

    @property
    def left(self) -> int:
        return self.received - self.used - self.spoiled
