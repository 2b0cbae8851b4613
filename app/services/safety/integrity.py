"""Database checks: SQLite's quick_check or integrity_check and foreign_key_check, reported in Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.errors import DamagedInUseError
from app.services.audit.check import TrailReport, check_audit_trail
from app.services.safety.integrity_server import check_server
from app.storage.damage import is_damage_error
from app.storage.database import Database

SHOWN_PROBLEMS = 20
ADVICE = "Hãy khôi phục từ bản sao lưu tốt gần nhất."


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    check: str = "quick_check"  # or integrity_check (full)
    foreign_keys_checked: bool = True
    trail: TrailReport | None = None  # the audit trail against the data (app/services/audit/check.py)
    server_note: str = ""  # on PostgreSQL, what was checked (app/services/safety/integrity_server.py)

    @property
    def ok(self) -> bool:
        return not self.problems and (self.trail is None or self.trail.ok)

    def summary(self) -> str:
        return "\n".join(filter(None, [self._file_summary(), self.trail and self.trail.summary()]))

    def _file_summary(self) -> str:
        if not self.problems and self.server_note:
            return self.server_note
        if not self.problems:
            keys = "; không có lỗi khóa ngoại" if self.foreign_keys_checked else ""
            return f"Cơ sở dữ liệu không có lỗi ({self.check}: ok{keys})."
        shown = [f"- {p}" for p in self.problems[:SHOWN_PROBLEMS]]
        if len(self.problems) > SHOWN_PROBLEMS:
            shown.append(f"- … và {len(self.problems) - SHOWN_PROBLEMS} lỗi khác.")
        return "\n".join(["Cơ sở dữ liệu có lỗi:", *shown, ADVICE])


def _structure(conn, report: CheckReport) -> None:
    lines = [row[0] for row in conn.execute(text(f"PRAGMA {report.check}"))]
    if lines != ["ok"]:
        report.problems.extend(f"Lỗi cấu trúc tệp ({report.check}): {line}" for line in lines)


def _foreign_keys(conn, report: CheckReport) -> None:
    for table, rowid, parent, _fk in conn.execute(text("PRAGMA foreign_key_check")):
        report.problems.append(f"Bảng {table}, dòng {rowid}: tham chiếu tới bảng {parent} không tồn tại.")


def _run(db: Database, report: CheckReport) -> CheckReport:
    if not db.is_sqlite:
        if report.foreign_keys_checked:  # not on close: the server checks itself
            check_server(db, report, full=report.check == "integrity_check")
        return report
    try:
        with db.engine.connect() as conn:
            _structure(conn, report)
            if report.foreign_keys_checked:
                _foreign_keys(conn, report)
    except DamagedInUseError as exc:  # SQLite's "malformed" while checking (app/storage/database.py)
        report.problems.append(f"Tệp cơ sở dữ liệu bị hỏng, không kiểm tra hết được ({exc.detail}).")
    except DBAPIError as exc:
        if not is_damage_error(exc):
            raise
        report.problems.append(f"Tệp cơ sở dữ liệu bị hỏng, không kiểm tra hết được ({exc.orig}).")
    return report


def check_database(db: Database, full: bool = False, against: Path | None = None) -> CheckReport:
    """quick_check (or integrity_check when `full`) and foreign_key_check: the "check database" command.
    On a sound file, the audit trail is checked too (its chain, and the data against it; when `full`, the
    stored files' bytes; with `against`, the trail's head kept in that backup or package)."""
    report = _run(db, CheckReport(check="integrity_check" if full else "quick_check"))
    if not report.problems:
        report.trail = check_audit_trail(db, files=full, against=against)
    return report


def quick_check_on_close(db: Database) -> CheckReport:
    """quick_check alone, when the app closes (about 0.15 s for 100,000 subjects)."""
    return _run(db, CheckReport(check="quick_check", foreign_keys_checked=False))
