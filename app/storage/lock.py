"""One writer process per data directory: a lock file held while the app or a writing command runs."""

from __future__ import annotations

import os
from pathlib import Path

from filelock import FileLock, Timeout

from app.errors import AlreadyRunningError

LOCK_FILE_NAME = "sovang.lock"
_HELD: set[str] = set()  # the data directories whose lock this process holds


def holds_lock(data_dir: Path) -> bool:
    """Whether this process holds the data directory's lock: it is then the only one working there."""
    return os.path.abspath(data_dir) in _HELD


class InstanceLock:
    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir
        self._lock = FileLock(str(data_dir / LOCK_FILE_NAME))

    def acquire(self) -> None:
        try:
            self._lock.acquire(timeout=0)
        except Timeout as exc:
            raise AlreadyRunningError(self._data_dir) from exc
        _HELD.add(os.path.abspath(self._data_dir))

    def release(self) -> None:
        _HELD.discard(os.path.abspath(self._data_dir))
        self._lock.release()

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
