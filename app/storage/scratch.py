"""The data folder's tmp/: copies opened in Word. Old ones are removed; one still open is left."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

KEEP_FOR = dt.timedelta(days=1)


def scratch_dir(data_dir: Path) -> Path:
    return data_dir / "tmp"


def clean_scratch(folder: Path, keep_for: dt.timedelta = KEEP_FOR, now: float | None = None) -> list[Path]:
    """Delete the files in folder older than keep_for; the ones removed. A locked file (still open in
    Word on Windows) or a vanished one is skipped; the next clean takes it."""
    if not folder.is_dir():
        return []
    limit = (time.time() if now is None else now) - keep_for.total_seconds()
    removed: list[Path] = []
    for path in folder.iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed
