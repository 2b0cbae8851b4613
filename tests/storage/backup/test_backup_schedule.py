"""Backup names and Anki's retention schedule (pure functions)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.storage.backup.schedule import (
    BackupReason,
    auto_backup_due,
    backup_file_name,
    backups_to_delete,
    obsolete_backups,
    parse_backup_name,
)

NOW = dt.datetime(2026, 11, 21, 10, 0)
TODAY = NOW.date()


def path_for(moment: dt.datetime, reason: BackupReason = BackupReason.AUTO) -> Path:
    return Path(backup_file_name(moment, reason))


def two_years_of_backups() -> dict[Path, dt.datetime]:
    """Two backups a day (09:00 and 21:00) for two years, and this morning's at 08:00 and 09:00."""
    backups = {}
    for days_ago in range(1, 731):
        day = dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time())
        for hour in (9, 21):
            backups[path_for(day.replace(hour=hour))] = day.replace(hour=hour)
    for hour in (8, 9):
        moment = NOW.replace(hour=hour)
        backups[path_for(moment)] = moment
    return backups


def expected_survivors() -> set[dt.datetime]:
    evening = dt.time(21)
    kept = {NOW.replace(hour=8), NOW.replace(hour=9)}
    yesterday = TODAY - dt.timedelta(days=1)
    kept |= {dt.datetime.combine(yesterday, dt.time(9)), dt.datetime.combine(yesterday, evening)}
    daily = [TODAY - dt.timedelta(days=n) for n in range(2, 14)]  # 12 days, the evening backup of each
    kept |= {dt.datetime.combine(day, evening) for day in daily}
    monday = daily[-1] - dt.timedelta(days=daily[-1].weekday())
    sundays = [monday - dt.timedelta(days=1 + 7 * n) for n in range(10)]  # 10 earlier weeks
    kept |= {dt.datetime.combine(day, evening) for day in sundays}
    month_end = sundays[-1].replace(day=1) - dt.timedelta(days=1)
    for _ in range(9):  # 9 earlier months, the last evening of each
        kept.add(dt.datetime.combine(month_end, evening))
        month_end = month_end.replace(day=1) - dt.timedelta(days=1)
    return kept


def test_two_years_thin_to_today_yesterday_12_daily_10_weekly_9_monthly() -> None:
    backups = two_years_of_backups()
    doomed = set(obsolete_backups(backups.items(), NOW))
    survivors = {moment for path, moment in backups.items() if path not in doomed}
    assert survivors == expected_survivors()
    assert len(survivors) == 2 + 2 + 12 + 10 + 9


def test_thinning_is_stable_when_run_again() -> None:
    backups = two_years_of_backups()
    doomed = set(obsolete_backups(backups.items(), NOW))
    kept = {path: moment for path, moment in backups.items() if path not in doomed}
    assert obsolete_backups(kept.items(), NOW) == []


def test_safety_backups_are_kept_30_days_then_follow_the_schedule() -> None:
    evening = dt.time(21)
    items = []
    for days_ago in (10, 40):
        day = TODAY - dt.timedelta(days=days_ago)
        items.append((path_for(dt.datetime.combine(day, evening)), dt.datetime.combine(day, evening),
                      BackupReason.AUTO))
        morning = dt.datetime.combine(day, dt.time(3))
        items.append((path_for(morning, BackupReason.BEFORE_IMPORT), morning, BackupReason.BEFORE_IMPORT))
    doomed = backups_to_delete(items, NOW)
    old_import = path_for(dt.datetime.combine(TODAY - dt.timedelta(days=40), dt.time(3)),
                          BackupReason.BEFORE_IMPORT)
    assert doomed == [old_import]


def test_names_sort_by_time_and_parse_back() -> None:
    moment = dt.datetime(2026, 11, 21, 14, 30, 5)
    name = backup_file_name(moment, BackupReason.AUTO)
    assert name == "sovang-20261121-143005-tu-dong.sqlite3"
    parsed = parse_backup_name(name)
    assert parsed.created == moment and parsed.reason is BackupReason.AUTO and parsed.scheduled
    second = parse_backup_name(backup_file_name(moment, BackupReason.BEFORE_RESTORE, serial=2))
    assert second.reason is BackupReason.BEFORE_RESTORE and second.reason.label == "trước khôi phục"
    legacy = parse_backup_name("truoc-nang-cap-20250102-030405.sqlite3")
    assert legacy.reason is BackupReason.BEFORE_UPGRADE and not legacy.scheduled
    assert parse_backup_name("state.json") is None
    assert parse_backup_name(".tmp-abc.sqlite3") is None
    assert sorted([backup_file_name(moment.replace(hour=9), BackupReason.MANUAL), name]) == [
        backup_file_name(moment.replace(hour=9), BackupReason.MANUAL), name]


def test_automatic_backup_at_most_every_30_minutes_and_only_after_a_change() -> None:
    assert auto_backup_due(None, True, NOW)
    assert not auto_backup_due(None, False, NOW)
    assert not auto_backup_due(NOW - dt.timedelta(minutes=29), True, NOW)
    assert auto_backup_due(NOW - dt.timedelta(minutes=30), True, NOW)
    assert not auto_backup_due(NOW - dt.timedelta(hours=5), False, NOW)
