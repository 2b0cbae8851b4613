"""Errors on the way to the main window: the data's own problems are said as such, anything else is a bug.

A database that is damaged or unreadable is said in one Vietnamese message ("Cơ sở dữ liệu bị lỗi") and
writes no crash log; a bug goes to the crash log and the crash dialog, the log holding the traceback's
code locations and types only (no message, no SQL values). The message boxes are answered at the OS edge
(QMessageBox.exec), so the app's own dialog code runs.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import create_engine, text

from app.storage.database import Database
from app.storage.paths import logs_dir
from app.ui import main_window
from app.ui.app import run_gui
from app.ui.crash import CRASH_TITLE
from app.ui.safety import damaged_start_dialog

PERSONAL = "Nguyễn Văn Bí Mật"  # stands for anything personal a message or an SQL value could hold


@dataclass
class Boxes:
    """Every message box shown: its title, text and details; each is closed at once."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)

    def exec(self, box: QMessageBox) -> int:
        self.shown.append((box.windowTitle(), box.text(), box.detailedText()))
        return 0


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    recorded = Boxes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: recorded.exec(box))
    return recorded


@pytest.fixture
def commune_dir(commune_db: Database, data_dir: Path) -> Path:
    commune_db.close()
    return data_dir


def crash_logs(data_dir: Path) -> list[Path]:
    return sorted(logs_dir(data_dir).glob("loi-*.log"))


def sql_error(tmp_path: Path, file_bytes: bytes | None) -> Exception:
    """A real SQLAlchemy error, with the statement and a personal value in its text: from a file that is no
    database (SQLITE_NOTADB), or (None) from a table that does not exist (a plain SQL error)."""
    path = tmp_path / "khac.db"
    if file_bytes is not None:
        path.write_bytes(file_bytes)
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT id FROM subject WHERE name = :name"), {"name": PERSONAL})
    except Exception as exc:
        return exc
    finally:
        engine.dispose()
    raise AssertionError("the statement did not fail")


def raising(error: BaseException):
    def fail(*args, **kwargs):
        raise error

    return fail


@pytest.mark.parametrize("where", ["opening", "window"])
def test_a_bug_at_start_goes_to_the_crash_log_and_dialog(commune_dir, boxes, monkeypatch, capsys, where):
    bug = KeyError(f"khóa {PERSONAL}")
    if where == "opening":
        monkeypatch.setattr(damaged_start_dialog, "open_database", raising(bug))
    else:
        monkeypatch.setattr(main_window.MainWindow, "__init__", raising(bug))
    assert run_gui(commune_dir) == 2
    [log] = crash_logs(commune_dir)
    logged = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last):" in logged and "\nKeyError\n" in logged
    assert 'File "app/ui/app.py", line' in logged, "code locations, relative to the app's folder"
    assert PERSONAL not in logged and str(commune_dir) not in logged
    [(title, shown, details)] = boxes.shown
    assert title == CRASH_TITLE and shown.startswith("Sổ Vàng gặp một lỗi chưa lường trước.")
    assert str(log) in shown and "Cơ sở dữ liệu bị lỗi" not in shown
    assert details == logged.split("\n", 1)[1].rstrip("\n") + "\n"  # the log's entry, under its date line
    assert PERSONAL in capsys.readouterr().err  # the whole traceback on stderr (a terminal) only


def test_a_database_error_while_opening_says_the_database_is_damaged(commune_dir, boxes, monkeypatch,
                                                                    tmp_path):
    error = sql_error(tmp_path, b"khong phai co so du lieu " * 200)
    monkeypatch.setattr(damaged_start_dialog, "open_database", raising(error))
    assert run_gui(commune_dir) == 2
    [(_title, shown, _details)] = boxes.shown
    assert shown == (f"Không mở được dữ liệu trong thư mục {commune_dir}.\n\n"
                     "Cơ sở dữ liệu bị lỗi: file is not a database")
    assert PERSONAL not in shown and "SELECT" not in shown, "the driver's words, not the statement"
    assert not crash_logs(commune_dir), "not a bug: no crash log"


def test_an_unreadable_database_while_opening_is_a_database_problem_too(commune_dir, boxes, monkeypatch):
    error = sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr(damaged_start_dialog, "open_database", raising(error))
    assert run_gui(commune_dir) == 2
    assert boxes.shown[0][1].endswith("Cơ sở dữ liệu bị lỗi: disk I/O error")
    assert not crash_logs(commune_dir)


def test_damage_found_while_building_the_window_is_a_database_problem(commune_dir, boxes, monkeypatch,
                                                                      tmp_path):
    error = sql_error(tmp_path, b"khong phai co so du lieu " * 200)  # SQLITE_NOTADB: the file is at fault
    monkeypatch.setattr(main_window.MainWindow, "__init__", raising(error))
    assert run_gui(commune_dir) == 2
    assert boxes.shown[0][1].endswith("Cơ sở dữ liệu bị lỗi: file is not a database")
    assert not crash_logs(commune_dir)


@pytest.mark.parametrize("where", ["opening", "window"])
def test_a_plain_sql_error_at_start_is_a_bug(commune_dir, boxes, monkeypatch, tmp_path, where):
    error = sql_error(tmp_path, None)  # "no such table": the SQL is at fault, not the file
    if where == "opening":  # e.g. a migration that got its SQL wrong
        monkeypatch.setattr(damaged_start_dialog, "open_database", raising(error))
    else:
        monkeypatch.setattr(main_window.MainWindow, "__init__", raising(error))
    assert run_gui(commune_dir) == 2
    [log] = crash_logs(commune_dir)
    logged = log.read_text(encoding="utf-8")
    assert "sqlite3.OperationalError [SQLITE_ERROR]" in logged and "sqlalchemy.exc.OperationalError" in logged
    assert PERSONAL not in logged and "no such table" not in logged
    assert boxes.shown[0][0] == CRASH_TITLE
