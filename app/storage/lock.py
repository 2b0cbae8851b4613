"""One writer process per data directory: a lock file held while the app or a writing command runs."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from app.errors import AlreadyRunningError

LOCK_FILE_NAME = "sovang.lock"


class InstanceLock:
    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir
        self._lock = FileLock(str(data_dir / LOCK_FILE_NAME))

    def acquire(self) -> None:
        try:
            self._lock.acquire(timeout=0)
        except Timeout as exc:
            raise AlreadyRunningError(self._data_dir) from exc

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
