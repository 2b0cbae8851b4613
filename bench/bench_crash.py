"""Crash safety: kill a writer process at random moments, 200 times; no acknowledged save may be lost.

Each round starts tests/crash_writer.py on one data directory (growing from round to round), lets
it save subjects for a random 0–0.3 s, kills it with SIGKILL, then opens the database afresh and
checks integrity_check "ok", no foreign-key errors, and every save acknowledged before the kill.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, report

sys.path.insert(0, str(ROOT / "tests"))

from crash_writer import kill_once  # noqa: E402

KILLS = 200
MAX_DELAY_S = 0.3


def main(kills: int = KILLS) -> None:
    from app.storage.database import open_database

    seed = random.randrange(2**32)
    rng = random.Random(seed)
    failures, recovered, started = 0, [], time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sovang-crash-") as folder:
        data_dir = Path(folder) / "data"
        open_database(data_dir).close()
        for kill in range(kills):
            outcome = kill_once(data_dir, str(kill), rng.uniform(0.0, MAX_DELAY_S))
            recovered.append(len(outcome.acknowledged))
            if not outcome.ok:
                failures += 1
                print(f"kill {kill}: missing {outcome.missing[:3]}, integrity {outcome.integrity[:2]}, "
                      f"{outcome.foreign_key_errors} foreign-key errors", flush=True)
    elapsed = time.perf_counter() - started
    report("crash safety: writer processes killed (SIGKILL)", kills, "", note=f"seed {seed}")
    report("crash safety: kills after which a check failed or a save was lost", failures, "", 0)
    report("crash safety: acknowledged saves found after each kill, mean", sum(recovered) / kills, "")
    report("crash safety: acknowledged saves checked in total", sum(recovered), "")
    report("crash safety: time for all kills", elapsed, "s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else KILLS)
