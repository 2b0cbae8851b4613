"""Run every benchmark (`make bench`): one line per figure with its target and OK / OVER.

Each benchmark runs in its own interpreter, so one's memory or imports never colour another's.
Always exits 0: this reports, it does not gate.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
BENCHMARKS = [
    "bench_demo.py", "bench_search.py", "bench_startup.py", "bench_memory.py", "bench_documents.py",
    "bench_certificates.py", "bench_crash.py", "bench_import.py", "bench_package.py", "bench_batch.py",
]


def main(argv: list[str]) -> int:
    chosen = [b for b in BENCHMARKS if not argv or any(a in b for a in argv)]
    # Make the shared 100,000-subject data dir first, so its creation is in no figure.
    subprocess.run([sys.executable, "-c", "import common; common.demo_data_dir()"], cwd=BENCH_DIR)
    started = time.perf_counter()
    for name in chosen:
        print(f"== {name}", flush=True)
        done = subprocess.run([sys.executable, str(BENCH_DIR / name)], cwd=BENCH_DIR)
        if done.returncode != 0:
            print(f"{name}: FAILED (exit status {done.returncode}; see the error above)", flush=True)
    print(f"== benchmarks done in {time.perf_counter() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
