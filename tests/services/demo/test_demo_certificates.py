"""The demo's certificates: a calibrated printer, blanks received and one spoiled, the newest issued Giấy
khen decision printed on blanks with one misprint printed again; at every size the demo has one."""

from __future__ import annotations

import pytest

from app.services.certificates import (
    blank_stock,
    check_batch,
    list_calibrations,
    list_certificates,
    list_prints,
)


@pytest.mark.parametrize("subjects", [30, 2000])
def test_the_demo_prints_an_issued_decision_with_one_reprint(make_demo, subjects) -> None:
    db, summary = make_demo(subjects=subjects, seed=2026)
    (printer,) = list_calibrations(db)
    assert (printer.offset_x_mm, printer.offset_y_mm) == (1.5, -2.0)
    first, reprint = sorted(list_prints(db), key=lambda p: p.id)
    assert first.blank_form and first.recipients == "tất cả" and first.printer_name == printer.printer_name
    assert reprint.recipients == "2" and reprint.reprints == 1 and reprint.note.startswith("In lại")
    certificates = list_certificates(db, first.decision_id)
    spoiled = [c for c in certificates if c.spoiled]
    assert len(spoiled) == 1 and certificates[-1].reprint_of_id == spoiled[0].id
    stock = blank_stock(db)
    assert (stock.received, stock.spoiled, stock.used) == (50, 1, first.count + 1)
    assert check_batch(db, first.decision_id).ok  # every certificate of the demo fits its boxes
    assert f"{first.count + 1} giấy khen đã in (1 in lại)" in summary.describe()
