"""A village's year-end round taken forward many at once: 113 LĐTT drafts ("Đề nghị LĐTT cả đơn vị"),
then propose, judge both hand-judged criteria and appraise all 113 in one step each (each nomination in
its own transaction), and the round's progress line the nominations page reads (whole when the round is
chosen, one nomination after a change to it)."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

from common import report

PEOPLE = 113
STEP_TARGET_S = 10.0  # one batch step for a village, run in the background with progress
PROGRESS_TARGET_S = 0.5  # the round's line, read on the GUI thread when the list is refreshed


def prepare(folder: Path):
    from app.models import Gender, OccupationGroup, RoundKind, SubjectKind
    from app.services.commune import initialise_commune
    from app.services.rounds import RoundInput, create_round
    from app.services.settings import CommuneProfile
    from app.services.subjects import SubjectInput, create_subject
    from app.services.units import UnitInput, create_unit
    from app.storage.database import open_database

    db = open_database(folder / "data", replace_missing=True)
    profile = CommuneProfile(commune="Xã Hòa An", province="Tỉnh Cao Bằng", chairman="Nguyễn Văn A")
    initialise_commune(db, profile)
    village = create_unit(db, UnitInput(name="Thôn Đạ Huoai"))
    for n in range(PEOPLE):
        create_subject(db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name=f"Nguyễn Văn Dân {n:03d}",
                                        gender=Gender.MALE, unit_id=village,
                                        occupation_group=OccupationGroup.FARMER))
    year = dt.date.today().year
    round_id = create_round(db, RoundInput(f"Tổng kết năm {year}", RoundKind.YEAR_END, year,
                                           deadline=dt.date.today() + dt.timedelta(days=30)))
    return db, round_id, village


def timed(work):
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def main() -> None:
    from app.models import CriterionOutcome
    from app.services.nominations import (
        JudgementInput,
        ReportInput,
        appraise_many,
        get_nomination,
        judge_many,
        judged_criteria,
        nominate_unit_ldtt,
        propose_many,
        round_progress,
        update_report,
    )

    with tempfile.TemporaryDirectory() as tmp:
        db, round_id, village = prepare(Path(tmp))
        try:
            made, bulk = timed(lambda: nominate_unit_ldtt(db, round_id, village))
            ids = made.created
            for nomination_id in ids:
                version = get_nomination(db, nomination_id).version
                update_report(db, nomination_id, ReportInput(achievements="Sản xuất giỏi."), version)
            proposed, propose_s = timed(lambda: propose_many(db, ids))
            judge_s = 0.0
            for criterion in judged_criteria(db, ids):
                met = JudgementInput(criterion.criterion_id, CriterionOutcome.MET)
                _done, took = timed(lambda met=met: judge_many(db, ids, met))
                judge_s = max(judge_s, took)
            progress, progress_s = timed(lambda: round_progress(db, round_id))
            _one, one_s = timed(lambda: round_progress(db, round_id, only=ids[0]))
            appraised, appraise_s = timed(lambda: appraise_many(db, ids))
        finally:
            db.close()
    note = f"{len(ids)} nominations"
    report(f"'Đề nghị LĐTT cả đơn vị' ({PEOPLE} people)", bulk, "s", STEP_TARGET_S, note)
    report(f"propose {PEOPLE} selected", propose_s, "s", STEP_TARGET_S, f"{len(proposed.done)} done")
    report(f"judge one criterion for {PEOPLE} selected (slowest of two)", judge_s, "s", STEP_TARGET_S)
    report(f"the round's progress line ({PEOPLE} proposed)", progress_s, "s", PROGRESS_TARGET_S,
           f"{len(progress.ready_to_appraise)} ready to appraise")
    report("the round's progress line after a change to one", one_s, "s", 0.05)
    report(f"appraise {PEOPLE} selected", appraise_s, "s", STEP_TARGET_S, f"{len(appraised.done)} done")


if __name__ == "__main__":
    main()
