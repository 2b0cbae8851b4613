"""Demo section "certificates": a calibrated office printer, a batch of blanks received (and one spoiled
in transit), the certificates of the newest issued Giấy khen decision printed on blanks, one of them
misprinted and printed again (the reprint linked to it). Made with the same session-level steps as the
certificate services (the fit and glyph checks included); the PDF itself is not kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import select

from app.models import (
    BlankEntry,
    BlankEntryKind,
    Certificate,
    CertificatePrint,
    Decision,
    DecisionStatus,
    PrinterCalibration,
)
from app.services.certificates.data import CertificateOptions
from app.services.certificates.printing import plan_batch, record_print, refuse_unprintable
from app.services.demo.audit_trail import demo_day
from app.services.demo.context import DemoContext

PRINTER = "Canon LBP2900 (Văn phòng UBND xã)"
REPRINTED = 2  # the recipient whose certificate is misprinted and printed again


def add_certificates(ctx: DemoContext) -> None:
    decision = _newest_issued(ctx)
    if decision is None or decision.issued_on is None:
        ctx.summary.extras.append("0 giấy khen đã in")
        return
    day = decision.issued_on
    officer = ctx.profile.officer or "Cán bộ thi đua, khen thưởng"
    demo_day(ctx.session, day - dt.timedelta(days=20))
    ctx.session.add(PrinterCalibration(printer_name=PRINTER, offset_x_mm=1.5, offset_y_mm=-2.0, scale=1.0,
                                       measured_on=day - dt.timedelta(days=20),
                                       note="Dấu A của trang căn chỉnh in lệch sang trái 1,5 mm, xuống 2 mm"))
    ctx.session.add(BlankEntry(kind=BlankEntryKind.RECEIVED, day=day - dt.timedelta(days=30), count=50,
                               serial_from="000101", serial_to="000150", recorded_by=officer,
                               note="Nhận từ Phòng Nội vụ tỉnh"))
    ctx.session.add(BlankEntry(kind=BlankEntryKind.SPOILED, day=day - dt.timedelta(days=30), count=1,
                               recorded_by=officer, note="Phôi số 000150 bị nhòe mực khi vận chuyển"))
    ctx.session.flush()
    demo_day(ctx.session, day + dt.timedelta(days=2))
    first = _print(ctx, decision, CertificateOptions(blank_form=True, printer_name=PRINTER), day, officer)
    if len(decision.entries) >= REPRINTED:
        _spoil(ctx, first, REPRINTED)
        again = CertificateOptions(blank_form=True, printer_name=PRINTER, positions=(REPRINTED,),
                                   note="In lại giấy khen bị in lệch dòng")
        _print(ctx, decision, again, day + dt.timedelta(days=1), officer)
    printed = len(decision.entries) + (1 if len(decision.entries) >= REPRINTED else 0)
    ctx.summary.extras.append(f"{printed} giấy khen đã in (1 in lại)")


def _newest_issued(ctx: DemoContext) -> Decision | None:
    query = select(Decision).where(Decision.status == DecisionStatus.ISSUED).order_by(
        Decision.issued_on.desc(), Decision.id.desc())
    issued = list(ctx.session.scalars(query))
    commendations = [d for d in issued if d.award_form.code == "GIAY_KHEN"]
    chosen = commendations or issued
    return chosen[0] if chosen else None


def _print(ctx: DemoContext, decision: Decision, options: CertificateOptions, day: dt.date,
           officer: str) -> int:
    batch = plan_batch(None, ctx.session, decision.id, options)
    refuse_unprintable(batch.check)
    print_id = record_print(ctx.session, batch, replace(options, override_stock=batch.check.over_stock),
                            options.note)
    record = ctx.session.get(CertificatePrint, print_id)
    assert record is not None
    record.printed_at = dt.datetime.combine(day, dt.time(2, 30))  # 09:30 in Vietnam, on the demo's calendar
    record.printed_by = officer
    ctx.session.flush()
    return print_id


def _spoil(ctx: DemoContext, print_id: int, position: int) -> None:
    query = select(Certificate).where(Certificate.print_id == print_id).order_by(Certificate.id)
    for certificate in ctx.session.scalars(query):
        if certificate.decision_entry.position == position:
            certificate.spoiled, certificate.spoil_reason = True, "In lệch dòng do đặt phôi ngược khay"
    ctx.session.flush()
