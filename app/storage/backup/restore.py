"""Restoring a backup into the live database of a data directory.

The caller closes its Database first and holds the data directory's lock (InstanceLock): no other
connection may be open. The backup must pass verification and come from this version of the app or
an older one (an older schema is migrated by the next `open_database`, after its own backup). The
current database is backed up first ("trước khôi phục"); when that backup fails verification the
current database is damaged, and it is set aside under a new name instead — never overwritten. The
copy itself goes through SQLite's backup API into the live file under a rollback journal, so it is
one transaction: a full disk in the middle leaves the live database as it was.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import secrets
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.errors import ServiceError
from app.storage.atomic import TEMP_PREFIX
from app.storage.audit.key import bring_key_from
from app.storage.backup.backups import make_backup, require_local_database
from app.storage.backup.file import (
    BUSY_TIMEOUT_S,
    BackupInfo,
    BackupVerificationError,
    connect_readonly,
    target_error,
    verify_backup,
)
from app.storage.backup.schedule import BackupReason, parse_backup_name
from app.storage.backup.sealed import decrypt_to, is_encrypted
from app.storage.damage import set_aside
from app.storage.erasures import bring_erasures_from
from app.storage.initialised import mark_initialised
from app.storage.paths import DB_FILE_NAME, backups_dir, damage_note
from app.storage.private import private_folder
from app.storage.schema import SCHEMA_HEAD

SQLITE_BUSY, SQLITE_LOCKED = 5, 6


@dataclass(frozen=True)
class RestoreReport:
    restored: BackupInfo
    safety_backup: BackupInfo | None  # the database as it was just before, backed up
    set_aside: Path | None  # or: the damaged database, moved aside instead
    needs_upgrade: bool  # an older schema, migrated when the database is next opened
    erased_again: int = 0  # subjects erased before and erased again after the restore (erase_again.py)
    not_erased_again: int = 0  # … that could not be erased again (a council meeting names them)

    def summary(self) -> str:
        made = self.restored.created
        lines = [f"Đã khôi phục dữ liệu từ bản sao lưu lập lúc {made:%H:%M:%S} ngày {made:%d/%m/%Y} "
                 f"({self.restored.counts_text()})."]
        if self.safety_backup is not None:
            lines.append(f"Dữ liệu trước khi khôi phục đã được sao lưu vào “{self.safety_backup.path}”.")
        if self.set_aside is not None:
            lines.append(f"Cơ sở dữ liệu cũ bị hỏng nên đã được để riêng thành “{self.set_aside.name}”.")
        if self.needs_upgrade:
            lines.append("Bản sao lưu được lập bởi phiên bản cũ hơn; dữ liệu sẽ được nâng cấp khi mở.")
        if self.erased_again:
            lines.append(f"Đã xóa lại dữ liệu cá nhân của {self.erased_again} đối tượng đã xóa trước đây "
                         "(bản sao lưu được lập trước khi xóa).")
        if self.not_erased_again:
            lines.append(f"Chưa xóa lại được dữ liệu cá nhân của {self.not_erased_again} đối tượng đã xóa "
                         "trước đây vì có hồ sơ nằm trong phiên họp của Hội đồng; hãy xóa lại các đối tượng "
                         "này.")
        return "\n".join(lines)


def _is_known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    from app.storage.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def _needs_upgrade(info: BackupInfo) -> bool:
    """False for the current schema, True for an older one; refused when it is from a newer app."""
    if info.revision == SCHEMA_HEAD:
        return False
    if info.revision is not None and _is_known_revision(info.revision):
        return True
    raise ServiceError(
        f"Bản sao lưu “{info.path.name}” được lập bởi phiên bản Sổ Vàng mới hơn "
        f"(mã lược đồ {info.revision}). "
        "Hãy cập nhật Sổ Vàng rồi khôi phục lại; dữ liệu hiện tại không bị thay đổi.")


def _protect_current(data_dir: Path, now: dt.datetime | None) -> tuple[BackupInfo | None, Path | None]:
    live = data_dir / DB_FILE_NAME
    if not live.is_file() or live.stat().st_size == 0:
        return None, None
    try:
        return make_backup(data_dir, BackupReason.BEFORE_RESTORE, now=now), None
    except BackupVerificationError:
        pass
    try:
        return None, set_aside(live, now)
    except OSError as exc:
        raise ServiceError(f"Cơ sở dữ liệu hiện tại bị hỏng và không để riêng được ({exc.strerror or exc}). "
                           "Hãy đóng mọi cửa sổ Sổ Vàng rồi thử lại.") from exc


def _copy_into(backup: Path, live: Path) -> None:
    try:
        source = connect_readonly(backup)
        try:
            target = sqlite3.connect(live, timeout=BUSY_TIMEOUT_S)
            try:
                target.execute("PRAGMA journal_mode=DELETE")  # the copy is one rollback-journal transaction
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED):
            raise ServiceError("Cơ sở dữ liệu đang được mở ở nơi khác. Hãy đóng Sổ Vàng rồi khôi phục lại; "
                               "dữ liệu hiện tại không bị thay đổi.") from exc
        raise target_error(live, exc) from exc


@contextlib.contextmanager
def _plain_copy(data_dir: Path, backup_path: Path, passphrase: str | None) -> Iterator[Path]:
    """The backup itself, or an encrypted one decrypted into a temporary file in backups/ (0600, removed
    after; a killed restore's leftover goes at the next open)."""
    if not is_encrypted(backup_path):
        yield backup_path
        return
    folder = backups_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    private_folder(folder)
    temp = folder / f"{TEMP_PREFIX}{secrets.token_hex(8)}-khoi-phuc.sqlite3"
    try:
        decrypt_to(backup_path, temp, passphrase)
        yield temp
    finally:
        temp.unlink(missing_ok=True)


def _described_as(info: BackupInfo, original: Path) -> BackupInfo:
    """A decrypted copy's description under the encrypted file's name and date."""
    parsed = parse_backup_name(original.name)
    if parsed is None:
        return dataclasses.replace(info, path=original)
    return dataclasses.replace(info, path=original, created=parsed.created, reason=parsed.reason)


def restore_backup(data_dir: Path, backup_path: Path, now: dt.datetime | None = None,
                   passphrase: str | None = None) -> RestoreReport:
    """Replace the live database with a verified backup, after backing the live one up.

    An encrypted backup (storage/backup/sealed.py) needs its passphrase: PassphraseNeededError without
    one, WrongPassphraseError or BackupVerificationError (an altered file) before anything is changed."""
    require_local_database(data_dir)
    live = data_dir / DB_FILE_NAME
    if live.exists() and backup_path.resolve() == live.resolve():
        raise ServiceError("Không thể khôi phục cơ sở dữ liệu từ chính nó: hãy chọn một tệp sao lưu.")
    if not backup_path.is_file():
        raise ServiceError(f"Không có tệp sao lưu “{backup_path}”.")
    with _plain_copy(data_dir, backup_path, passphrase) as plain:
        return _restore_verified(data_dir, plain, backup_path, now)


def _restore_verified(data_dir: Path, plain: Path, backup_path: Path,
                      now: dt.datetime | None) -> RestoreReport:
    live = data_dir / DB_FILE_NAME
    info = _described_as(verify_backup(plain), backup_path)
    needs_upgrade = _needs_upgrade(info)
    data_dir.mkdir(parents=True, exist_ok=True)
    safety, moved = _protect_current(data_dir, now)
    _copy_into(plain, live)
    bring_key_from(backup_path.parent, data_dir)  # a new folder (a laptop replaced): the trail's key too
    bring_erasures_from(backup_path.parent, data_dir)  # applied again by the caller (subjects/erase_again)
    damage_note(data_dir).unlink(missing_ok=True)  # the damage noted while working was in the old file
    mark_initialised(data_dir)  # a folder restored into holds the commune's data from now on
    return RestoreReport(info, safety, moved, needs_upgrade)
