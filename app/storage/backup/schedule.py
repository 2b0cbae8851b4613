"""Backup file names and when backups are made and kept. Pure functions: no files are touched here.

Retention follows Anki's schedule (rslib/src/collection/backup.rs): walking from the newest backup
back, everything from today and yesterday is kept; then the newest backup of each of 12 earlier days,
then the newest of each of 10 earlier weeks (weeks start on Monday), then the newest of each of 9
earlier months; the rest goes. A safety backup ("trước …": before an upgrade, a restore, a repair or
an import) takes part in that schedule like any other, but is never deleted in its first 30 days,
so an officer who finds a bad import a few weeks later still has the state from before it.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MIN_INTERVAL = dt.timedelta(minutes=30)
SAFETY_KEEP = dt.timedelta(days=30)
STAMP_FORMAT = "%Y%m%d-%H%M%S"


class BackupReason(enum.StrEnum):
    """Why a backup was made; the value is the slug in the file name."""

    AUTO = "tu-dong"
    ON_CLOSE = "khi-dong"
    MANUAL = "thu-cong"
    BEFORE_UPGRADE = "truoc-nang-cap"
    BEFORE_RESTORE = "truoc-khoi-phuc"
    BEFORE_REPAIR = "truoc-sua-chua"
    BEFORE_IMPORT = "truoc-nhap"
    BEFORE_ERASE = "truoc-xoa-du-lieu"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_safety(self) -> bool:
        return self.value.startswith("truoc-")


_LABELS = {
    BackupReason.AUTO: "tự động",
    BackupReason.ON_CLOSE: "khi đóng",
    BackupReason.MANUAL: "thủ công",
    BackupReason.BEFORE_UPGRADE: "trước nâng cấp",
    BackupReason.BEFORE_RESTORE: "trước khôi phục",
    BackupReason.BEFORE_REPAIR: "trước sửa chữa",
    BackupReason.BEFORE_IMPORT: "trước nhập",
    BackupReason.BEFORE_ERASE: "trước xóa dữ liệu cá nhân",
}
_SLUGS = "|".join(re.escape(reason.value) for reason in BackupReason)
# A copy encrypted for the second destination ends in .enc (storage/backup/sealed.py).
_NAME = re.compile(rf"sovang-(\d{{8}}-\d{{6}})-({_SLUGS})(?:-(\d+))?\.sqlite3(?:\.enc)?")
# Written by versions before the backup module: listed for restore, never deleted by the schedule.
_OLD_NAME = re.compile(r"truoc-nang-cap-(\d{8}-\d{6})\.sqlite3")


@dataclass(frozen=True)
class ParsedName:
    created: dt.datetime
    reason: BackupReason
    scheduled: bool  # named by this version, so the retention schedule applies to it


def backup_file_name(created: dt.datetime, reason: BackupReason, serial: int = 1) -> str:
    """`sovang-20261121-143005-tu-dong.sqlite3`: sorts by time; serial 2, 3… for the same second."""
    suffix = f"-{serial}" if serial > 1 else ""
    return f"sovang-{created.strftime(STAMP_FORMAT)}-{reason.value}{suffix}.sqlite3"


def parse_backup_name(name: str) -> ParsedName | None:
    if match := _NAME.fullmatch(name):
        return ParsedName(_stamp(match.group(1)), BackupReason(match.group(2)), True)
    if match := _OLD_NAME.fullmatch(name):
        return ParsedName(_stamp(match.group(1)), BackupReason.BEFORE_UPGRADE, False)
    return None


def _stamp(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, STAMP_FORMAT)


@dataclass(frozen=True)
class Limits:
    daily: int = 12
    weekly: int = 10
    monthly: int = 9


def _day(moment: dt.datetime) -> int:
    return moment.toordinal()


def _week(moment: dt.datetime) -> int:
    return (moment.toordinal() - 1) // 7  # day 1 (1 January of year 1) was a Monday


def _month(moment: dt.datetime) -> int:
    return moment.year * 12 + moment.month


_PERIODS = (_day, _week, _month)


def obsolete_backups(
    backups: Iterable[tuple[Path, dt.datetime]], now: dt.datetime, limits: Limits = Limits()
) -> list[Path]:
    """The backups the schedule no longer needs (Anki's thinning), newest first."""
    remaining = [limits.daily, limits.weekly, limits.monthly]
    last_kept = [None, None, None]
    yesterday = _day(now) - 1
    obsolete: list[Path] = []
    for path, created in sorted(backups, key=lambda item: item[1], reverse=True):
        stage = next((i for i, left in enumerate(remaining) if left > 0), None)
        if _day(created) >= yesterday:
            keep = True
        elif stage is None:
            keep = False
        else:
            period, last = _PERIODS[stage](created), last_kept[stage]
            keep = last is None or period < last
            if keep:
                remaining[stage] -= 1
        if keep:
            last_kept = [period_of(created) for period_of in _PERIODS]
        else:
            obsolete.append(path)
    return obsolete


def backups_to_delete(
    backups: Iterable[tuple[Path, dt.datetime, BackupReason]], now: dt.datetime
) -> list[Path]:
    """The schedule's obsolete backups, less the safety backups younger than 30 days."""
    items = list(backups)
    protected = {path for path, created, reason in items if reason.is_safety and now - created < SAFETY_KEEP}
    obsolete = obsolete_backups(((path, created) for path, created, _ in items), now)
    return [path for path in obsolete if path not in protected]


def auto_backup_due(last_backup: dt.datetime | None, changed: bool, now: dt.datetime) -> bool:
    """An automatic backup is due when the data changed and the last one is 30 minutes old or more."""
    if not changed:
        return False
    return last_backup is None or now - last_backup >= MIN_INTERVAL or now < last_backup
