"""Erasures remembered outside the database, so that restoring an older backup cannot bring a person back.

`xoa-du-lieu.json` in the data folder (0600, written atomically) lists each erasure on request as the
subject's number and the moment (UTC, as the database's `created_at`), nothing personal. Like the trail's
key (storage/audit/key.py) a copy is kept beside every backup folder, the second destination included,
and a restore merges the copy beside the backup into the data folder's list. After a restore the
subjects service erases every listed subject again (services/subjects/erase_again.py): a subject whose
record was made after the erasure moment is another person (a number freed by a deleted record may be
given again by an older backup's counter) and is left alone.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from app.errors import ServiceError
from app.storage.atomic import write_atomically

ERASURES_FILE = "xoa-du-lieu.json"


@dataclass(frozen=True, order=True)
class Erasure:
    subject_id: int
    erased_at: dt.datetime  # UTC, naive, like created_at


def erasures_path(folder: Path) -> Path:
    return folder / ERASURES_FILE


def read_erasures(folder: Path) -> list[Erasure]:
    """The erasures listed in `folder` (the data folder or a backup folder); [] when there is no list."""
    path = erasures_path(folder)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return sorted({Erasure(int(item["subject_id"]), dt.datetime.fromisoformat(item["erased_at"]))
                       for item in raw["erasures"]})
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ServiceError(f"Không đọc được danh sách các lần xóa dữ liệu cá nhân “{path}” ({exc}). Hãy chép "
                           "lại tệp này từ thư mục sao lưu (cùng tên, nằm cạnh các bản sao lưu).") from exc


def _write(folder: Path, erasures: list[Erasure]) -> None:
    path = erasures_path(folder)
    data = {"erasures": [{"subject_id": e.subject_id, "erased_at": e.erased_at.isoformat(timespec="seconds")}
                         for e in sorted(set(erasures))]}
    write_atomically(path, json.dumps(data, indent=1).encode())
    os.chmod(path, 0o600)


def remember_erasure(data_dir: Path, subject_id: int, erased_at: dt.datetime) -> None:
    """Add one erasure to the data folder's list (ServiceError when it cannot be written)."""
    try:
        _write(data_dir, [*read_erasures(data_dir), Erasure(subject_id, erased_at.replace(microsecond=0))])
    except OSError as exc:
        path = erasures_path(data_dir)
        raise ServiceError(f"Không ghi được danh sách các lần xóa dữ liệu cá nhân “{path}” "
                           f"({exc.strerror or exc}).") from exc


def keep_erasures_beside(data_dir: Path, folder: Path) -> None:
    """A copy of the list in a backup folder, merged with what is there (written only when it differs)."""
    ours = read_erasures(data_dir)
    if not ours:
        return
    try:
        there = read_erasures(folder)
    except ServiceError:
        there = []  # an unreadable copy is replaced
    merged = sorted(set(ours) | set(there))
    if merged == there:
        return
    try:
        _write(folder, merged)
    except OSError as exc:
        raise ServiceError(f"Không chép được danh sách các lần xóa dữ liệu cá nhân vào “{folder}” "
                           f"({exc.strerror or exc}).") from exc


def bring_erasures_from(folder: Path, data_dir: Path) -> None:
    """At a restore: the list beside the backup merged into the data folder's (a replaced laptop)."""
    try:
        there = read_erasures(folder)
    except ServiceError:
        return  # the data folder's own list still applies
    ours = read_erasures(data_dir)
    if set(there) - set(ours):
        try:
            _write(data_dir, [*ours, *there])
        except OSError as exc:
            raise ServiceError(f"Không chép được danh sách các lần xóa dữ liệu cá nhân từ “{folder}” "
                               f"({exc.strerror or exc}).") from exc
