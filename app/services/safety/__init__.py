"""Keeping the data safe: the app's backups, database checks and repair.

The names below are what the UI and the CLI may call (app/services/exports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.exports import lazy_exports

if TYPE_CHECKING:
    from app.services.safety.backup_files import (
        BackupInfo,
        RestoreReport,
        inspect_backup,
        list_backups,
        restore_at_start,
    )
    from app.services.safety.backups import (
        ON_SERVER,
        BackupOutcome,
        CloseReport,
        auto_backup,
        backup_now,
        check_second_folder,
        close_step,
        on_same_disk,
        restore_database,
        save_second_folder,
        second_folder,
    )
    from app.services.safety.encryption import (
        backup_encryption_on,
        check_backup_passphrase,
        is_encrypted_backup,
        set_backup_encryption,
    )
    from app.services.safety.file_upload import UploadReport, upload_local_files
    from app.services.safety.integrity import CheckReport, check_database
    from app.services.safety.repair import repair_database

__all__ = [
    "BackupInfo", "BackupOutcome", "CheckReport", "CloseReport", "ON_SERVER", "RestoreReport",
    "auto_backup", "backup_encryption_on", "backup_now", "check_backup_passphrase", "check_database",
    "check_second_folder", "close_step", "inspect_backup", "is_encrypted_backup", "list_backups",
    "on_same_disk", "repair_database", "restore_at_start", "restore_database", "save_second_folder",
    "second_folder", "set_backup_encryption", "UploadReport", "upload_local_files"
]
__getattr__ = lazy_exports(__name__, {
    "backup_files": ["BackupInfo", "RestoreReport", "inspect_backup", "list_backups", "restore_at_start"],
    "backups": [
        "BackupOutcome", "CloseReport", "ON_SERVER", "auto_backup", "backup_now", "check_second_folder",
        "close_step", "on_same_disk", "restore_database", "save_second_folder", "second_folder"
    ],
    "encryption": ["backup_encryption_on", "check_backup_passphrase", "is_encrypted_backup",
                   "set_backup_encryption"],
    "file_upload": ["UploadReport", "upload_local_files"],
    "integrity": ["CheckReport", "check_database"],
    "repair": ["repair_database"],
})
