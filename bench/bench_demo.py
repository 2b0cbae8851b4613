"""Time to generate demo data: 100,000 subjects (and the default 2,000) into a fresh data dir."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from common import BIG, SEED, report


def measure(subjects: int):
    from app.services.demo.generate import generate_demo
    from app.storage.database import open_database

    with tempfile.TemporaryDirectory(prefix="sovang-bench-demo-") as tmp:
        db = open_database(Path(tmp) / "data")
        try:
            started = time.perf_counter()
            summary = generate_demo(db, subjects=subjects, seed=SEED)
            elapsed = time.perf_counter() - started
        finally:
            db.close()
    return elapsed, summary


def main() -> None:

    elapsed, _ = measure(2000)
    report("demo: generate 2,000 subjects", elapsed, "s")
    elapsed, summary = measure(BIG)
    note = f"{summary.awards:,} awards, {summary.holds:,} holds, one transaction"
    report("demo: generate 100,000 subjects", elapsed, "s", note=note)
    report("demo: subjects per second (100,000)", BIG / elapsed, "/s")


if __name__ == "__main__":
    main()
