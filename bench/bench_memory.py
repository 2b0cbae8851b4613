"""Memory with 100,000 subjects open (target ≤ 250 MB): peak RSS of a fresh process that opens the
main window, shows the Subjects page and scrolls through a few pages of the list."""

from __future__ import annotations

from common import GUI_CHILD_PRELUDE, demo_data_dir, report, run_child

TARGET_MB = 250.0

CHILD = GUI_CHILD_PRELUDE + r'''
rss_ready = rss_mb("VmRSS")
bar = view.verticalScrollBar()
for step in range(12):  # page down a dozen times, then jump to the middle and the end
    bar.setValue(bar.value() + bar.pageStep())
    app.processEvents()
for fraction in (0.5, 1.0):
    bar.setValue(int(bar.maximum() * fraction))
    app.processEvents()
from app.services.subject_data import SubjectQuery
page = view.parent()
for text in ("n", "ng", "nguyen", "nguyen van", ""):  # a search or two, as a user would
    if hasattr(page, "search_edit"):
        page.search_edit.setText(text)
        page.refresh()
        app.processEvents()
print(json.dumps({
    "rss_ready": rss_ready,
    "rss_end": rss_mb("VmRSS"),
    "peak": rss_mb("VmHWM"),
    "rows": view.model().rowCount(),
}))
'''


def main() -> None:
    result, error, _elapsed = run_child(CHILD, demo_data_dir())
    if result is None or "error" in result:
        report("memory: peak RSS, 100,000 subjects open", None, "MB", TARGET_MB,
               note=f"not available: {error or result['error']}")
        return
    report("memory: peak RSS, 100,000 subjects, list scrolled", result["peak"], "MB", TARGET_MB,
           note=f"{result['rows']:,} rows")
    report("memory: RSS when the list is first shown", result["rss_ready"], "MB", TARGET_MB)
    report("memory: RSS after scrolling and searching", result["rss_end"], "MB", TARGET_MB)


if __name__ == "__main__":
    main()
