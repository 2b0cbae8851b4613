"""Start to a usable main window with 100,000 subjects (target ≤ 0.8 s).

A fresh interpreter (Qt offscreen) opens the main window on the cached data dir: the window is usable
when its first page (the dashboard, filled) is painted. Then it switches to the subjects list and waits
until it shows its first row. The figures run from just before the process is started; the in-process
part (from the first line of the script, before `import app`) is shown too.
"""

from __future__ import annotations

from common import GUI_CHILD_PRELUDE, demo_data_dir, median, report, run_child

TARGET_S = 0.8
RUNS = 5

CHILD = GUI_CHILD_PRELUDE + r'''
print(json.dumps({
    "first_page_wall": T_FIRST_PAGE_WALL,
    "ready_wall": T_READY_WALL,
    "in_process": T_READY - T0,
    "imports": T_IMPORTED - T0,
    "application": T_APP - T_IMPORTED,
    "database": T_DB - T_APP,
    "window": T_WINDOW - T_DB,
    "shown": T_FIRST_PAGE - T_WINDOW,
    "subjects": T_READY - T_FIRST_PAGE,
    "rows": view.model().rowCount(),
}))
'''


def main() -> None:
    data_dir = demo_data_dir()
    run_child(CHILD, data_dir)  # warm the OS file cache once, as a second start would be
    walls, lists, inside = [], [], []
    parts: dict[str, list[float]] = {"imports": [], "application": [], "database": [], "window": [],
                                     "shown": [], "subjects": []}
    for _ in range(RUNS):
        result, error, _elapsed = run_child(CHILD, data_dir)
        if result is None or "error" in (result or {}):
            report("startup: main window usable (100,000 subjects)", None, "s", TARGET_S,
                   note=f"not available: {error or result['error']}")
            return
        walls.append(result["first_page_wall"] - result["started_wall"])
        lists.append(result["ready_wall"] - result["started_wall"])
        inside.append(result["in_process"])
        for key, values in parts.items():
            values.append(result[key])
    report("startup: process start → main window with the dashboard, median", median(walls), "s", TARGET_S,
           note=f"{RUNS} runs")
    report("startup: process start → main window with the dashboard, worst", max(walls), "s", TARGET_S)
    report("startup: process start → subjects list shown, median", median(lists), "s",
           note=f"{result['rows']:,} rows")
    report("startup: in process (before import app → subjects list shown)", median(inside), "s")
    labels = {
        "imports": "imports (PySide6, SQLAlchemy, Alembic, app)",
        "application": "QApplication and fonts (make_application)",
        "database": "open_database (migration check)",
        "window": "MainWindow(db) built, dashboard filled",
        "shown": "show() until the dashboard is painted",
        "subjects": "switch to the subjects list until its first row is painted",
    }
    for key, values in parts.items():
        report(f"  startup: of which {labels[key]}", median(values), "s")


if __name__ == "__main__":
    main()
