"""Database checks: SQLite's quick_check and foreign_key_check, reported in Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text

from app.storage.database import Database


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            return "Cơ sở dữ liệu không có lỗi (quick_check: ok; không có lỗi khóa ngoại)."
        return "Cơ sở dữ liệu có lỗi:\n" + "\n".join(f"- {p}" for p in self.problems)


def check_database(db: Database) -> CheckReport:
    report = CheckReport()
    if not db.is_sqlite:
        return report
    with db.engine.connect() as conn:
        quick = [row[0] for row in conn.execute(text("PRAGMA quick_check"))]
        if quick != ["ok"]:
            report.problems.extend(f"quick_check: {line}" for line in quick)
        for table, rowid, parent, _fk in conn.execute(text("PRAGMA foreign_key_check")):
            report.problems.append(f"Bảng {table}, dòng {rowid}: tham chiếu tới bảng {parent} không tồn tại.")
    return report
