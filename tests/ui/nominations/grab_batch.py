"""Not collected (no test_ prefix): `pytest tests/ui/nominations/grab_batch.py` grabs the nominations page
with a selection and the batch report to /tmp/grab at a laptop's 1093×614."""

from __future__ import annotations

from nomination_helpers import click
from test_nominations_batch_page import choose_step, hundred, page  # noqa: F401  (fixtures)

from app.services.nominations import BatchStep

OUT = "/tmp/grab"


def test_grab(qtbot, page, fake_messages):  # noqa: F811
    window = page.window()
    window.resize(1093, 614)
    choose_step(page, BatchStep.PROPOSE)
    click(qtbot, page.batch.select_button)
    qtbot.wait(50)
    page.grab().save(f"{OUT}/nominations_selection.png")
    page.table.selectAll()  # the draft with no report among them: refused, with its reason
    click(qtbot, page.batch.run_button)
    qtbot.waitUntil(lambda: page.batch.report_dialog is not None, timeout=60_000)
    dialog = page.batch.report_dialog
    dialog.resize(1093, 614)
    qtbot.wait(50)
    dialog.grab().save(f"{OUT}/batch_report.png")
    dialog.reject()
    page.select_ids(page.listed_ids()[:3])
    choose_step(page, BatchStep.JUDGE)
    click(qtbot, page.batch.run_button)
    judge = page.batch.judge_dialog
    qtbot.wait(50)
    judge.grab().save(f"{OUT}/judge_many.png")
    judge.reject()
    page.table.selectRow(4)
    qtbot.wait(50)
    page.grab().save(f"{OUT}/nominations_one.png")
