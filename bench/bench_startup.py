"""Start to a usable main window with 100,000 subjects (target ≤ 0.8 s).

A fresh interpreter (Qt offscreen) opens the main window on the cached data dir and waits until the
subjects list shows its first row. The figure runs from just before the process is started to that
moment; the in-process part (from the first line of the script, before `import app`) is shown too.
"""

from __future__ import annotations

from common import GUI_CHILD_PRELUDE, demo_data_dir, median, report, run_child

TARGET_S = 0.8
RUNS = 5

CHILD = GUI_CHILD_PRELUDE + r'''
print(json.dumps({
    "ready_wall": T_READY_WALL,
    "in_process": T_READY - T0,
    "imports": T_IMPORTED - T0,
    "application": T_APP - T_IMPORTED,
    "database": T_DB - T_APP,
    "window": T_WINDOW - T_DB,
    "shown": T_READY - T_WINDOW,
    "rows": view.model().rowCount(),
}))
'''


def main() -> None:
    data_dir = demo_data_dir()
    run_child(CHILD, data_dir)  # warm the OS file cache once, as a second start would be
    walls, inside = [], []
    parts: dict[str, list[float]] = {"imports": [], "application": [], "database": [], "window": [],
                                     "shown": []}
    for _ in range(RUNS):
        result, error, _elapsed = run_child(CHILD, data_dir)
        if result is None or "error" in (result or {}):
            report("startup: main window usable (100,000 subjects)", None, "s", TARGET_S,
                   note=f"not available: {error or result['error']}")
            return
        walls.append(result["ready_wall"] - result["started_wall"])
        inside.append(result["in_process"])
        for key, values in parts.items():
            values.append(result[key])
    report("startup: process start → list shown, median", median(walls), "s", TARGET_S,
           note=f"{RUNS} runs, {result['rows']:,} rows")
    report("startup: process start → list shown, worst", max(walls), "s", TARGET_S)
    report("startup: in process (before import app → list shown)", median(inside), "s", TARGET_S)
    labels = {
        "imports": "imports (PySide6, SQLAlchemy, Alembic, app)",
        "application": "QApplication and fonts (make_application)",
        "database": "open_database (migration check)",
        "window": "MainWindow(db) built",
        "shown": "show() until the first row is painted",
    }
    for key, values in parts.items():
        report(f"  startup: of which {labels[key]}", median(values), "s")


if __name__ == "__main__":
    main()
