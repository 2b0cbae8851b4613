"""A year's decisions packaged for the province (target ≤ 5 s): 10 decisions of ad-hoc rounds with 20
recipients each (200 achievement reports), every document rendered as .docx and .pdf, the list, the JSON,
the manifests, zipped and written atomically; then the package verified.

The year is made through the real services (the simplified procedure, so no council meeting is needed);
making it is not in the figure. The runs after the first are timed (the fonts are loaded once)."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, median, report

sys.path.insert(0, str(ROOT / "tests"))

DECISIONS, RECIPIENTS = 10, 20
RUNS = 3
TARGET_S = 5.0


def make_year(data_dir: Path):
    from decision_helpers import form_ids, make_person, make_round, passed_nomination

    from app.models import DecisionBasis, RoundKind
    from app.services.commune import initialise_commune
    from app.services.decisions import DecisionInput, IssueInput, create_decision, issue_decision
    from app.services.settings import CommuneProfile
    from app.storage.database import open_database

    db = open_database(data_dir)
    initialise_commune(db, CommuneProfile(commune="Xã Hòa Bình", province="Tỉnh Phú Thọ",
                                          chairman="Nguyễn Văn Hùng"))
    form = form_ids(db)["GIAY_KHEN"]
    for number in range(DECISIONS):
        round_id = make_round(db, RoundKind.AD_HOC, f"Khen thưởng đột xuất đợt {number + 1} năm 2026")
        for person in range(RECIPIENTS):
            subject = make_person(db, f"Nguyễn Văn Thử {number * RECIPIENTS + person + 1}")
            passed_nomination(db, round_id, subject, form, review=False)
        draft = create_decision(db, DecisionInput(round_id=round_id, award_form_id=form,
                                                  basis=DecisionBasis.SIMPLIFIED))
        issue_decision(db, draft.row.id, IssueInput(day=dt.date(2026, 11, 21)))
    return db


def main() -> None:
    from app.services.exchange import make_package, verify_package

    with tempfile.TemporaryDirectory() as folder:
        print(f"(making a year of {DECISIONS} decisions × {RECIPIENTS} recipients…)", flush=True)
        db = make_year(Path(folder) / "data")
        try:
            times, cpu, summary = [], [], None
            for run in range(RUNS + 1):
                started, started_cpu = time.perf_counter(), time.process_time()
                summary = make_package(db, Path(folder) / f"goi-{run}.zip", year=2026)
                if run:
                    times.append(time.perf_counter() - started)
                    cpu.append(time.process_time() - started_cpu)
            assert summary is not None
            started = time.perf_counter()
            check = verify_package(summary.path)
            verify_s = time.perf_counter() - started
        finally:
            db.close()
    load = os.getloadavg()[0]
    note = (f"{summary.decisions} decisions, {summary.files} files, {summary.size / 1e6:.1f} MB; "
            f"median of {RUNS}; CPU {median(cpu):.2f} s; load average {load:.1f}")
    report("package a year's decisions (BagIt zip, .docx + .pdf)", median(times), "s", TARGET_S, note)
    report("verify that package (hashes, limits, schema)", verify_s, "s", None,
           "sound" if not check.problems else "; ".join(check.problems)[:80])


if __name__ == "__main__":
    main()
