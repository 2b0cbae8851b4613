"""The second destination's copies encrypted with a passphrase (storage/backup/sealed.py): the setting,
and what a restore asks of an encrypted file."""

from __future__ import annotations

from pathlib import Path

from app.storage.backup.sealed import (
    check_passphrase,
    check_passphrase_text,
    is_encrypted,
    new_backup_key,
    read_backup_key,
    save_backup_key,
)
from app.storage.database import Database

__all__ = ["backup_encryption_on", "check_backup_passphrase", "is_encrypted_backup", "set_backup_encryption"]


def backup_encryption_on(db: Database) -> bool:
    return read_backup_key(db.data_dir) is not None


def set_backup_encryption(db: Database, passphrase: str | None, again: str | None = None) -> None:
    """Encrypt the copies from now on with this passphrase (typed twice), or stop (None)."""
    if passphrase is None:
        save_backup_key(db.data_dir, None)
        return
    check_passphrase_text(passphrase, again or "")
    save_backup_key(db.data_dir, new_backup_key(passphrase))


def is_encrypted_backup(path: Path) -> bool:
    return is_encrypted(path)


def check_backup_passphrase(path: Path, passphrase: str) -> None:
    """WrongPassphraseError (a ServiceError) when the passphrase does not open the encrypted backup."""
    check_passphrase(path, passphrase)
