"""A batch of certificates: checked (fit, glyphs, blanks left), rendered into one PDF, and recorded.

`check_batch` says everything before printing: the fields that had to shrink or wrap, the ones that
cannot be printed (naming the recipient and the field), the blanks needed and left, the recipients that
already have a certificate (this batch reprints them). `print_certificates` refuses a batch with a field
that cannot be printed, and one needing more blanks than are left unless the officer overrides (the
override is recorded); then it writes the PDF whole (or nothing) and records the print, who and when,
which recipients, layout and offsets, and each certificate, a reprint linked to the one it replaces.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ConflictError, ValidationError
from app.exporters.certificates.check import PlannedPage, plan_pages
from app.exporters.certificates.content import CertificateText
from app.exporters.certificates.layout import Layout
from app.exporters.certificates.render import Offsets, render_pages
from app.models import Certificate, CertificatePrint, Decision
from app.rules.vntext import normalize_multiline
from app.services.accounts.permissions import session_actor
from app.services.certificates.blanks import stock_of
from app.services.certificates.calibration import offsets_of
from app.services.certificates.data import BatchCheck, CertificateOptions, FitNote, PrintResult
from app.services.certificates.emblem import emblem_image
from app.services.certificates.layouts import layout_for, load_layout
from app.services.certificates.texts import certificate_texts_of, decision_number
from app.services.decisions.queries import get_decision_row
from app.storage.atomic import save_files
from app.storage.database import Database

ALL = "tất cả"
_PART = re.compile(r"\s*(\d{1,6})\s*(?:-\s*(\d{1,6})\s*)?")


def parse_positions(text: str, count: int) -> tuple[int, ...]:
    """'1,3-5' -> (1, 3, 4, 5): recipients' numbers in the decision (1 to `count`), each once, sorted."""
    chosen: set[int] = set()
    for part in text.split(","):
        match = _PART.fullmatch(part)
        if not match:
            raise ValidationError({"recipients": (
                f"Danh sách người nhận “{text.strip()}”: “{part.strip()}” không phải số thứ tự hay khoảng "
                "số (ví dụ 1,3-5).")})
        low = int(match.group(1))
        high = int(match.group(2) or low)
        if not 1 <= low <= high <= count:
            raise ValidationError({"recipients": (
                f"Danh sách người nhận “{text.strip()}”: “{part.strip()}” nằm ngoài danh sách của quyết định "
                f"(từ 1 đến {count}).")})
        chosen.update(range(low, high + 1))
    return tuple(sorted(chosen))


def positions_text(positions: tuple[int, ...] | None, count: int | None = None) -> str:
    """(1, 3, 4, 5) -> '1,3-5'; None (or every position) -> 'tất cả'."""
    if positions is None or (count is not None and list(positions) == list(range(1, count + 1))):
        return ALL
    runs: list[list[int]] = []
    for number in sorted(set(positions)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ",".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


@dataclass
class Batch:
    decision: Decision
    pages: list[PlannedPage]
    check: BatchCheck
    offsets: Offsets
    layout_names: str


def chosen_texts(texts: list[CertificateText], positions: tuple[int, ...] | None) -> list[CertificateText]:
    if positions is None:
        return texts
    known = {t.position for t in texts}
    outside = [p for p in positions if p not in known]
    if outside:
        raise ValidationError({"recipients": (
            f"Người nhận số {', '.join(map(str, outside))}: không có trong danh sách của quyết định "
            f"(từ 1 đến {len(texts)}).")})
    wanted = set(positions)
    return [t for t in texts if t.position in wanted]


def _layouts(db: Database | None, decision: Decision, texts: list[CertificateText],
             options: CertificateOptions) -> list[Layout]:
    if options.layout_name:
        layout = load_layout(db, options.layout_name)
        return [layout] * len(texts)
    cache: dict[str, Layout] = {}
    for text in texts:
        if text.kind not in cache:
            cache[text.kind] = layout_for(db, decision.award_form.code, text.kind, options.blank_form)
    return [cache[t.kind] for t in texts]


def fit_notes(pages: list[PlannedPage]) -> tuple[FitNote, ...]:
    return tuple(
        FitNote(page.text.position, page.text.recipient, problem.field, problem.label,
                f"Số {page.text.position} — {page.text.recipient}, ô “{problem.label}”: {problem.message}.",
                problem.refused)
        for page in pages for problem in page.problems
    )


def printed_before(session: Session, entry_ids: list[int]) -> dict[int, int]:
    """The newest certificate of each decision-list line that already has one: line id -> certificate id."""
    rows = session.execute(select(Certificate.decision_entry_id, Certificate.id)
                           .where(Certificate.decision_entry_id.in_(entry_ids)).order_by(Certificate.id))
    return dict(rows.all())


def plan_batch(db: Database | None, session: Session, decision_id: int, options: CertificateOptions) -> Batch:
    decision = get_decision_row(session, decision_id)
    texts = chosen_texts(certificate_texts_of(session, decision), options.positions)
    if not texts:
        raise ValidationError({"recipients": "Chưa chọn người nhận nào để in giấy khen."})
    layouts = _layouts(db, decision, texts, options)
    pages = plan_pages(zip(layouts, texts, strict=True))
    blank_form = any(layout.mode.value == "blank_form" for layout in layouts)
    before = printed_before(session, [t.decision_entry_id for t in texts if t.decision_entry_id])
    names = tuple(dict.fromkeys(layout.name for layout in layouts))
    check = BatchCheck(
        decision_id=decision.id, decision_number=decision_number(decision), count=len(texts), layouts=names,
        notes=fit_notes(pages), blank_form=blank_form,
        blanks_needed=len(texts) if blank_form else 0,
        blanks_left=stock_of(session).left if blank_form else None,
        reprints=tuple(t.position for t in texts if t.decision_entry_id in before),
    )
    offsets = offsets_of(session, options.printer_name)
    return Batch(decision, pages, check, offsets, ", ".join(names))


def check_batch(db: Database, decision_id: int, options: CertificateOptions | None = None) -> BatchCheck:
    """Everything about a batch before it prints (refuses only a draft or cancelled decision, a bad
    recipient list, a layout that cannot be read)."""
    with db.read() as session:
        return plan_batch(db, session, decision_id, options or CertificateOptions()).check


def refuse_unprintable(check: BatchCheck) -> None:
    refusals = check.refusals
    if refusals:
        more = f" (và {len(refusals) - 3} ô khác)" if len(refusals) > 3 else ""
        raise ValidationError({"fit": "Không in được: " + " ".join(n.message for n in refusals[:3]) + more})


def _render(db: Database, batch: Batch) -> bytes:
    title = f"Giấy khen — Quyết định số {batch.check.decision_number}"
    return render_pages(batch.pages, batch.offsets, emblem_image(db), title)


def render_certificates(db: Database, decision_id: int, options: CertificateOptions | None = None) -> bytes:
    """The batch's PDF, for a preview: nothing recorded (refused like a print when a field cannot be
    printed)."""
    with db.read() as session:
        batch = plan_batch(db, session, decision_id, options or CertificateOptions())
        refuse_unprintable(batch.check)
        return _render(db, batch)


def print_certificates(db: Database, decision_id: int, options: CertificateOptions | None = None,
                       out: Path | None = None) -> PrintResult:
    """Print (or save) a batch: checked, rendered, the PDF written whole to `out` when given, and the
    print recorded with every certificate. The PDF bytes are returned for the print dialog."""
    options = options or CertificateOptions()
    note = normalize_multiline(options.note)
    with db.transaction() as session:
        batch = plan_batch(db, session, decision_id, options)
        check = batch.check
        refuse_unprintable(check)
        if check.over_stock and not options.override_stock:
            raise ConflictError(f"{check.stock_warning} Hãy nhập thêm phôi vào sổ phôi, in bớt người nhận, "
                                "hoặc xác nhận in vượt số phôi còn lại (sẽ được ghi lại).")
        pdf = _render(db, batch)
        print_id = record_print(session, batch, options, note)
        if out is not None:
            save_files({Path(out): pdf})
    return PrintResult(print_id=print_id, pdf=pdf, path=Path(out) if out is not None else None, check=check)


def record_print(session: Session, batch: Batch, options: CertificateOptions, note: str) -> int:
    """Record a batch printed: the print (who, when, recipients, layout, offsets) and its certificates."""
    check, offsets = batch.check, batch.offsets
    texts = [page.text for page in batch.pages]
    before = printed_before(session, [t.decision_entry_id for t in texts if t.decision_entry_id])
    if check.over_stock:
        note = f"In vượt số phôi còn lại ({check.stock_warning}) {note}".strip()
    record = CertificatePrint(
        decision_id=batch.decision.id, printed_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        printed_by=session_actor(session).label, layout_name=batch.layout_names[:100],
        blank_form=check.blank_form, printer_name=options.printer_name[:200], offset_x_mm=offsets.x_mm,
        offset_y_mm=offsets.y_mm, scale=offsets.scale,
        recipients=positions_text(tuple(t.position for t in texts), len(batch.decision.entries))[:2000],
        count=len(texts), blanks_left=check.blanks_left, over_stock=check.over_stock, note=note,
    )
    session.add(record)
    session.flush()
    for text in texts:
        assert text.decision_entry_id is not None
        session.add(Certificate(
            print_id=record.id, decision_entry_id=text.decision_entry_id, golden_book_no=text.golden_book_no,
            reprint_of_id=before.get(text.decision_entry_id), on_blank=check.blank_form,
            spoiled=False, spoil_reason="",
        ))
    session.flush()
    return record.id
