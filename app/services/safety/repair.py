"""Repairing the database file: what SQLite can rebuild (its indexes), after a backup.

Index damage ("row missing from index", "wrong # of entries in index") is the damage a repair can
mend without losing a record: REINDEX rebuilds every index from the tables. Damage to the tables
themselves cannot be mended in place; the report then says to restore from a backup. The copy taken
before the repair goes through the backup API like every backup; when the file is damaged that copy
cannot pass verification and is kept unverified, so the repair never destroys the only copy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text

from app.errors import DamagedInUseError, ServiceError
from app.services.accounts.permissions import PermissionDeniedError
from app.services.safety.integrity import ADVICE, CheckReport, check_database
from app.storage.backup import file as backup_file
from app.storage.backup.backups import BackupReason, free_backup_path, make_backup
from app.storage.backup.file import BackupInfo, BackupVerificationError
from app.storage.database import Database
from app.storage.paths import backups_dir


@dataclass
class RepairReport:
    before: CheckReport
    after: CheckReport | None = None  # None: nothing needed repairing, or nothing could be done
    backup: BackupInfo | None = None
    cannot: str = ""  # what the repair could not do, and why (the file is damaged beyond its indexes)

    @property
    def ok(self) -> bool:
        return not self.cannot and (self.after or self.before).ok

    def summary(self) -> str:
        if self.after is None:  # the file is sound; the audit trail's findings are not for a repair
            trail = self.before.trail.summary() if self.before.trail and not self.before.trail.ok else ""
            if self.cannot:
                return self._cannot_summary()
            return "\n".join(filter(None, ["Tệp cơ sở dữ liệu không có lỗi cấu trúc, không cần sửa.", trail]))
        lines = [f"Đã sao lưu trước khi sửa: “{self.backup.path.name}”.",
                 "Đã dựng lại các chỉ mục (REINDEX)."]
        if self.after.ok:
            lines.append("Sau khi sửa, cơ sở dữ liệu không còn lỗi.")
        else:
            lines += ["Vẫn còn lỗi mà việc sửa không khắc phục được:",
                      *[f"- {p}" for p in self.after.problems[:10]], ADVICE]
        return "\n".join(lines)

    def _cannot_summary(self) -> str:
        lines = ["Cơ sở dữ liệu có lỗi:", *[f"- {p}" for p in self.before.problems[:10]]]
        if self.backup is not None:
            lines.append(f"Đã sao lưu nguyên trạng trước khi sửa: “{self.backup.path.name}”.")
        lines += [f"Không sửa được: {self.cannot}",
                  "Dữ liệu không bị thay đổi. " + ADVICE
                  + " Lần mở sau, Sổ Vàng sẽ để riêng tệp hỏng và đề nghị khôi phục."]
        return "\n".join(lines)


def _safety_copy(db: Database) -> BackupInfo:
    try:
        return make_backup(db.data_dir, BackupReason.BEFORE_REPAIR)
    except BackupVerificationError:  # the file is damaged: keep an unverified copy of it as it is
        target = free_backup_path(backups_dir(db.data_dir), dt.datetime.now().replace(microsecond=0),
                                  BackupReason.BEFORE_REPAIR)
        return backup_file.write_verified(db.sqlite_path, target, readonly_source=False, verify=False)


def repair_database(db: Database) -> RepairReport:
    """Check; when the file is damaged, back up, rebuild the indexes and check again. What the audit
    trail finds (records edited outside the app) is reported, not "repaired": only a person can judge it."""
    if not db.is_sqlite:
        raise ServiceError("Cơ sở dữ liệu trên máy chủ PostgreSQL do máy chủ tự kiểm tra và sửa; "
                           "hãy nhờ người quản trị máy chủ.")
    if not db.actor.can_edit:
        raise PermissionDeniedError(
            f"Tài khoản “{db.actor.label}” chỉ được xem, không được sửa cơ sở dữ liệu.")
    before = check_database(db, full=True)
    if not before.problems:
        return RepairReport(before)
    try:
        safety = _safety_copy(db)
    except ServiceError as exc:  # not even a copy as it is: a repair without one could lose the rest
        return RepairReport(before, cannot=f"không sao lưu được tệp trước khi sửa ({exc}), nên không sửa gì.")
    try:
        with db.engine.begin() as conn:
            conn.execute(text("REINDEX"))
    except DamagedInUseError as exc:  # the tables themselves are damaged (app/storage/database.py)
        return RepairReport(before, backup=safety, cannot=(
            f"tệp bị hỏng cả ở phần dữ liệu ({exc.detail}), không chỉ ở các chỉ mục, nên không dựng lại "
            "được chỉ mục (REINDEX) và không sửa được tại chỗ."))
    return RepairReport(before, check_database(db, full=True), safety)
