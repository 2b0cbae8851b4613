"""Backup files as the restore dialogs see them: the list, one file's description, and the restore
offered at a start on a damaged database (when there is no open database to restore into)."""

from __future__ import annotations

from pathlib import Path

from app.storage.backup.backups import list_backups
from app.storage.backup.file import BackupInfo, inspect_backup
from app.storage.backup.restore import RestoreReport, restore_backup

__all__ = ["BackupInfo", "RestoreReport", "inspect_backup", "list_backups", "restore_at_start"]


def restore_at_start(data_dir: Path, path: Path) -> RestoreReport:
    """Restore a backup into a data directory whose database could not be opened (set aside as damaged)."""
    return restore_backup(data_dir, path)
