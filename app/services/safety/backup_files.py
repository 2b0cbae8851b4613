"""Backup files as the restore dialogs see them: the list, one file's description, and the restore
offered at a start on a damaged database (when there is no open database to restore into)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from app.services.subjects.erase_again import erase_again
from app.storage.backup.backups import list_backups
from app.storage.backup.file import BackupInfo, inspect_backup
from app.storage.backup.restore import RestoreReport, restore_backup
from app.storage.database import open_database

__all__ = ["BackupInfo", "RestoreReport", "inspect_backup", "list_backups", "restore_at_start"]


def restore_at_start(data_dir: Path, path: Path, passphrase: str | None = None) -> RestoreReport:
    """Restore a backup into a data directory with no open database (after a damaged start, or from the
    command line under the folder's lock): migrated when older, and the erasures made since applied
    again (services/subjects/erase_again.py)."""
    report = restore_backup(data_dir, path, passphrase=passphrase)
    db = open_database(data_dir)  # an older backup is migrated now, after its own backup
    try:
        again = erase_again(db)
        return dataclasses.replace(report, erased_again=again[0], not_erased_again=again[1])
    finally:
        db.close()
