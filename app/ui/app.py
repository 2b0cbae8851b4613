"""Starting the GUI: the application and its fonts, the single-instance lock, the database,
first-run set-up, then the main window.

What goes wrong on the way to the main window is said in one of two ways. The data's own problems — the
data directory in use by another window or not writable, a database that is damaged, unreadable or made
by a newer version — are said in one Vietnamese message, and the app exits. Anything else is a bug: like
a bug later on, its traceback goes to the crash log and the crash dialog (app/ui/crash.py), and the app
exits. Only what the start itself needs is imported here; menus and dialogs import their services when
they are used (tests/ui/test_startup_imports.py keeps it so).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import exc as sa_exc

from app.errors import AlreadyRunningError, DatabaseTooNewError, DataDirError, ServiceError
from app.resources import fonts_dir
from app.services.workspace import Database, InstanceLock, logs_dir
from app.ui.crash import handle_exception, install_crash_hook
from app.ui.kit import messages
from app.ui.kit.qt_vietnamese import install_vietnamese
from app.ui.kit.style import install_style

APP_NAME = "Sổ Vàng"
UI_FONT_FAMILY = "Liberation Sans"
UI_FONT_POINT_SIZE = 10
EXIT_OK, EXIT_CANNOT_START = 0, 2
OPEN_FAILED = "Không mở được dữ liệu trong thư mục {data_dir}.\n\n{reason}"
DATABASE_FAILED = "Cơ sở dữ liệu bị lỗi: {detail}"
# SQLite's primary result codes that say the file or the disk is at fault, not the SQL: PERM, BUSY,
# LOCKED, NOMEM, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB.
SQLITE_DATA_FAULTS = frozenset({3, 5, 6, 7, 8, 10, 11, 13, 14, 26})


def load_fonts() -> list[str]:
    """Register the shipped fonts (Vietnamese glyphs on every machine); the families loaded."""
    families: list[str] = []
    for path in sorted(fonts_dir().glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def make_application() -> QApplication:
    """The QApplication (reused when one exists), named, with the shipped UI font."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("SoVang")
    if UI_FONT_FAMILY in load_fonts():
        app.setFont(QFont(UI_FONT_FAMILY, UI_FONT_POINT_SIZE))
    install_vietnamese(app)
    install_style()
    return app


def run_gui(data_dir: Path) -> int:
    """Open the GUI on a data directory; the process exit code."""
    app = make_application()
    from app.ui.self_check import self_check_verdict, start_self_check  # SOVANG_SELF_CHECK=1 only

    check = start_self_check(app)  # the build's check (scripts/check_frozen.py), not a user feature
    previous_hook = install_crash_hook(logs_dir(data_dir))
    try:
        return self_check_verdict(check, _run_locked(app, data_dir))
    finally:
        sys.excepthook = previous_hook


def _run_locked(app: QApplication, data_dir: Path) -> int:
    """The start under the single-instance lock; a bug raised on the way goes to the crash log and dialog."""
    try:
        return _lock_and_run(app, data_dir)
    except Exception as exc:  # the data's own problems were said below: this is a bug
        handle_exception(logs_dir(data_dir), type(exc), exc, exc.__traceback__)
        return EXIT_CANNOT_START


def start_problem(exc: BaseException, opening: bool) -> str | None:
    """What to tell the user when `exc` is a problem of the data, not of the app; None for a bug.

    An SQLite error is the database's own when its code blames the file or the disk (damaged, unreadable,
    locked, the disk full...); with any other code (a plain SQL error: no such table) it is a bug, however
    far the start has gone. An error that carries no SQLite code (a database server's) is the database's
    own while it is being opened, and afterwards when it is an OperationalError. A ProgrammingError (SQL
    the app got wrong) is always a bug.
    """
    if isinstance(exc, (DataDirError, DatabaseTooNewError, ServiceError)):
        return str(exc)
    if not isinstance(exc, (sqlite3.DatabaseError, sa_exc.DatabaseError)) or isinstance(
            exc, (sqlite3.ProgrammingError, sa_exc.ProgrammingError)):
        return None
    original = getattr(exc, "orig", None) or exc  # SQLAlchemy's error wraps the driver's
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int):
        if code & 0xFF not in SQLITE_DATA_FAULTS:
            return None
    elif not (opening or isinstance(exc, sa_exc.OperationalError)):
        return None
    # The driver's own words: never SQLAlchemy's text, which carries the statement and its values.
    return DATABASE_FAILED.format(detail=str(original).strip() or type(original).__name__)


def _cannot_start(data_dir: Path, reason: str) -> int:
    messages.show_error(None, OPEN_FAILED.format(data_dir=data_dir, reason=reason))
    return EXIT_CANNOT_START


def _lock_and_run(app: QApplication, data_dir: Path) -> int:
    lock = InstanceLock(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except AlreadyRunningError as exc:
        messages.show_error(None, str(exc))
        return EXIT_CANNOT_START
    except OSError as exc:
        return _cannot_start(data_dir, exc.strerror or str(exc))
    try:
        return _run_database(app, data_dir)
    finally:
        lock.release()


def _run_database(app: QApplication, data_dir: Path) -> int:
    from app.ui.safety.damaged_start_dialog import open_or_recover

    try:
        db = open_or_recover(data_dir)  # a damaged file: set aside, and the offer to restore a backup
    except Exception as exc:
        reason = start_problem(exc, opening=True)
        if reason is None:
            raise  # a bug: to the crash dialog (_run_locked)
        return _cannot_start(data_dir, reason)
    if db is None:  # the database was damaged and the user chose to leave
        return EXIT_CANNOT_START
    try:
        return _run_windows(app, db)
    except Exception as exc:
        reason = start_problem(exc, opening=False)
        if reason is None:
            raise
        return _cannot_start(data_dir, reason)
    finally:
        db.close()


def _run_windows(app: QApplication, db: Database) -> int:
    from app.services.settings import is_initialised
    from app.ui.accounts.login_dialog import sign_in
    from app.ui.main_window import MainWindow

    if not sign_in(db):  # asks who is working when the app has accounts
        return EXIT_OK
    if not is_initialised(db):
        from app.ui.settings.setup_dialog import SetupDialog  # the first start only

        if SetupDialog(db).exec() != QDialog.DialogCode.Accepted:
            return EXIT_OK
    window = MainWindow(db)
    window.show()
    return app.exec()
