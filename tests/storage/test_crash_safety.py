"""Every acknowledged save survives a kill at a random moment (bench/bench_crash.py does 200 kills)."""

from __future__ import annotations

import random

from crash_writer import kill_once

from app.services.safety.integrity import check_database
from app.storage.database import open_database

KILLS = 15
MAX_DELAY_S = 0.25


def test_every_acknowledged_save_survives_a_kill(data_dir) -> None:
    open_database(data_dir).close()
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    acknowledged = 0
    for kill in range(KILLS):
        outcome = kill_once(data_dir, str(kill), rng.uniform(0.0, MAX_DELAY_S))
        assert outcome.ok, (
            f"kill {kill} (seed {seed}): missing {outcome.missing[:5]}, integrity {outcome.integrity[:3]}, "
            f"{outcome.foreign_key_errors} foreign-key errors")
        acknowledged += len(outcome.acknowledged)
    assert acknowledged > 0, "the writer never acknowledged a save: the kills proved nothing"
    db = open_database(data_dir)
    try:
        report = check_database(db, full=True)
    finally:
        db.close()
    assert report.ok, report.summary()
