"""Shared helpers for the benchmarks: the report line, a cached 100,000-subject data dir, GUI probes.

Benchmarks are plain scripts run by `make bench` (bench/run.py), never by the test suite.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
CACHE_DIR = BENCH_DIR / ".cache"  # git-ignored: large generated data
BIG = 100_000
SEED = 2026

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def report(name: str, value: float | None, unit: str, target: float | None = None, note: str = "") -> None:
    """One figure per line: name, measured value, target, and OK / OVER (or info, or n/a)."""
    if value is None:
        shown, status = "—", "n/a"
    else:
        decimals = 3 if unit == "s" else (0 if value >= 10_000 else 1)
        shown = f"{value:,.{decimals}f}"
        status = "info" if target is None else ("OK" if value <= target else "OVER")
    goal = f"≤ {target:g} {unit}" if target is not None else "—"
    line = f"{name:<64} {shown:>10} {unit:<3} target {goal:<11} {status}"
    print(line + (f"  ({note})" if note else ""), flush=True)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def median(values: list[float]) -> float:
    return statistics.median(values)


def _demo_fingerprint() -> str:
    """Changes when the demo generator, its data or the schema changes: the cache is then rebuilt."""
    digest = hashlib.sha256()
    paths = sorted((ROOT / "app" / "services" / "demo").glob("*.py"))
    paths += sorted((ROOT / "resources" / "data" / "demo").glob("*.json"))
    paths += sorted((ROOT / "app" / "storage" / "migrations" / "versions").glob("*.py"))
    paths += [ROOT / "app" / "rules" / "vntext.py"]
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def demo_data_dir(subjects: int = BIG, seed: int = SEED, quiet: bool = False) -> Path:
    """A data dir with `subjects` demo subjects, made once and kept in bench/.cache."""
    from app.services.demo.generate import generate_demo
    from app.storage.database import open_database

    path = CACHE_DIR / f"demo-{subjects}-{seed}"
    marker = path / "bench-demo.json"
    fingerprint = _demo_fingerprint()
    if marker.exists() and json.loads(marker.read_text()).get("fingerprint") == fingerprint:
        return path
    shutil.rmtree(path, ignore_errors=True)
    if not quiet:
        print(f"(making the cached data dir {path.relative_to(ROOT)} with {subjects:,} demo subjects…)",
              flush=True)
    db = open_database(path)
    try:
        summary = generate_demo(db, subjects=subjects, seed=seed)
    finally:
        db.close()
    marker.write_text(json.dumps({"fingerprint": fingerprint, "summary": summary.describe()},
                                 ensure_ascii=False))
    return path


def run_child(code: str, data_dir: Path, timeout: float = 120) -> tuple[dict | None, str, float]:
    """Run `code` in a fresh interpreter (Qt offscreen); its last stdout line is JSON.

    Returns the parsed JSON (None on failure), the error text, and the wall time from just before
    the process was started to when the parent read the child's answer.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SOVANG_BENCH_DATA_DIR=str(data_dir))
    env.pop("SOVANG_DATABASE_URL", None)
    # An installed app has its bytecode compiled; keep the child's .pyc files out of the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE_DIR / "pycache")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    started_wall = time.time()
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                              timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return None, f"no answer within {timeout:.0f} s", 0.0
    elapsed = time.time() - started_wall
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        return None, tail, elapsed
    result = json.loads(lines[-1])
    result.setdefault("started_wall", started_wall)
    return result, "", elapsed


# Code run inside the child processes of the GUI benchmarks: opens the main window on the data dir
# and waits until the subjects list shows rows. Prints one JSON line.
GUI_CHILD_PRELUDE = r'''
import time
T0_WALL, T0 = time.time(), time.perf_counter()
import json, os, sys
from pathlib import Path

def rss_mb(field):
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")

def fail(message):
    print(json.dumps({"error": message}))
    sys.exit(0)

try:
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QListWidget
    try:
        from app.ui.app import make_application
    except ImportError:
        make_application = None
    from app.storage.database import open_database
    from app.ui.main_window import MainWindow
except ImportError as exc:
    fail(f"main window not available: {exc}")
T_IMPORTED = time.perf_counter()
app = make_application() if make_application else (QApplication.instance() or QApplication([]))
T_APP = time.perf_counter()
db = open_database(Path(os.environ["SOVANG_BENCH_DATA_DIR"]))
T_DB = time.perf_counter()
window = MainWindow(db)  # builds and fills the first page (the dashboard)
T_WINDOW = time.perf_counter()
window.show()
app.processEvents()
T_FIRST_PAGE_WALL, T_FIRST_PAGE = time.time(), time.perf_counter()
try:
    from app.ui.pages import SUBJECTS
    window.show_page(SUBJECTS)
except (ImportError, ValueError):
    pass

def subjects_view():
    try:
        from app.ui.pages import SUBJECTS
        page = window.page(SUBJECTS)
        view = getattr(page, "table", None)
        if view is not None and view.model() is not None:
            return view
    except Exception:
        pass
    views = [v for v in window.findChildren(QAbstractItemView)
             if not isinstance(v, QListWidget) and v.model() is not None]
    return max(views, key=lambda v: v.model().rowCount(), default=None)

deadline = time.perf_counter() + 60
view = None
while time.perf_counter() < deadline:
    app.processEvents()
    view = subjects_view()
    if view is not None and view.model().rowCount() > 0 and view.isVisible():
        index = view.model().index(0, 1)
        if view.model().data(index):
            break
    time.sleep(0.0005)
else:
    fail("the subjects list stayed empty")
app.processEvents()
T_READY_WALL, T_READY = time.time(), time.perf_counter()
'''
