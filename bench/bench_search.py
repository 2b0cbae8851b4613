"""Search as you type on 100,000 demo subjects: time per keystroke (target ≤ 30 ms), the empty query,
fetching one 200-row page of the list, and the list sorted by each column (by the query)."""

from __future__ import annotations

import time

from common import demo_data_dir, median, percentile, report

TARGET_MS = 30.0
ROUNDS = 3
PAGE = 200
# What people type, one keystroke at a time (every prefix is searched).
TYPED = ["nguyen van dat", " nguyen v", "dat", "tran thi", "hoa", "le thi thu", "chi hoi phu nu", "pham",
         "huong", "Hường", "dat nguyen", "thi hoa"]


def keystrokes(text: str) -> list[str]:
    return [text[:i] for i in range(1, len(text) + 1)]


def timed(call) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def keystroke(db, query) -> int:
    """What the Subjects list does on a keystroke: count, first page of ids, their rows."""
    from app.services.subjects.search import fetch_subject_rows, first_page

    count, ids = first_page(db, query, PAGE)
    fetch_subject_rows(db, ids)
    return count


def sort_columns(db) -> None:
    """A click on a column's header: the count and the first 200 rows in that column's order, and a page
    far down the list, for every column in both directions."""
    from app.services.subjects.data import SubjectQuery
    from app.services.subjects.search import SORTS, fetch_subject_rows, subject_ids_page

    for sort in SORTS:
        for descending in (False, True):
            query = SubjectQuery(sort=sort, descending=descending)
            first = median([timed(lambda q=query: keystroke(db, q))[0] for _ in range(3)])
            deep = median([timed(lambda q=query: fetch_subject_rows(
                db, subject_ids_page(db, q, 77_777, PAGE)))[0] for _ in range(3)])
            arrow = "↓" if descending else "↑"
            report(f"sorted by {sort} {arrow}: count + first 200 rows", first, "ms", TARGET_MS,
                   note=f"row 77,777 onward: {deep:.0f} ms")


def main() -> None:
    from app.services.subjects.data import SubjectQuery
    from app.services.subjects.search import fetch_subject_rows, search_subject_ids, subject_ids_page
    from app.storage.database import open_database

    db = open_database(demo_data_dir())
    try:
        keystroke(db, SubjectQuery("warm up"))
        times: list[float] = []
        worst: dict[str, tuple[float, str, int]] = {}
        for _ in range(ROUNDS):
            for text in TYPED:
                for typed in keystrokes(text):
                    ms, hits = timed(lambda t=typed: keystroke(db, SubjectQuery(t)))
                    times.append(ms)
                    if ms > worst.get(text, (0.0, "", 0))[0]:
                        worst[text] = (ms, typed, hits)
        report("search per keystroke (count + first 200 rows), median", median(times), "ms", TARGET_MS,
               note=f"{len(times)} keystrokes in {len(TYPED)} typed texts × {ROUNDS}")
        report("search per keystroke, p95", percentile(times, 95), "ms", TARGET_MS)
        report("search per keystroke, max", max(times), "ms", TARGET_MS)
        for text, (ms, typed, hits) in worst.items():
            note = f"“{typed}”: {hits:,} matches"
            report(f"  worst keystroke typing “{text}”", ms, "ms", TARGET_MS, note=note)

        empty = [timed(lambda: keystroke(db, SubjectQuery()))[0] for _ in range(5)]
        report("empty query (count + first 200 rows), median", median(empty), "ms", TARGET_MS)
        scroll = []
        for start in (0, 50_000, 99_800, 12_345, 77_777):
            for _ in range(3):
                scroll.append(timed(
                    lambda s=start: fetch_subject_rows(db, subject_ids_page(db, SubjectQuery(), s, PAGE)))[0])
        report("scrolling: one 200-row page anywhere in the list, median", median(scroll), "ms", note="info")
        report("scrolling: one 200-row page anywhere in the list, p95", percentile(scroll, 95), "ms")
        sort_columns(db)
        every = [timed(lambda: search_subject_ids(db, SubjectQuery("n")))[0] for _ in range(3)]
        report("all matching ids at once (CLI search), “n”", median(every), "ms", note="info; not the list")
    finally:
        db.close()


if __name__ == "__main__":
    main()
