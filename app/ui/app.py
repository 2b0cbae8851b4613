"""Starting the GUI: the application and its fonts, the single-instance lock, the database,
first-run set-up, then the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog

from app.resources import fonts_dir
from app.storage.database import Database, DataDirError
from app.storage.lock import AlreadyRunningError, InstanceLock
from app.storage.paths import logs_dir
from app.storage.schema import DatabaseTooNewError
from app.ui.crash import install_crash_hook
from app.ui.kit import messages

APP_NAME = "Sổ Vàng"
UI_FONT_FAMILY = "Liberation Sans"
UI_FONT_POINT_SIZE = 10
EXIT_OK, EXIT_CANNOT_START = 0, 2
OPEN_FAILED = "Không mở được dữ liệu trong thư mục {data_dir}.\n\n{reason}"


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
    return app


def run_gui(data_dir: Path) -> int:
    """Open the GUI on a data directory; the process exit code."""
    app = make_application()
    previous_hook = install_crash_hook(logs_dir(data_dir))
    try:
        return _run_locked(app, data_dir)
    finally:
        sys.excepthook = previous_hook


def _run_locked(app: QApplication, data_dir: Path) -> int:
    lock = InstanceLock(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except AlreadyRunningError as exc:
        messages.show_error(None, str(exc))
        return EXIT_CANNOT_START
    except OSError as exc:
        messages.show_error(None, OPEN_FAILED.format(data_dir=data_dir, reason=exc.strerror or exc))
        return EXIT_CANNOT_START
    try:
        return _run_database(app, data_dir)
    finally:
        lock.release()


def _run_database(app: QApplication, data_dir: Path) -> int:
    from app.ui.safety.damaged_start_dialog import open_or_recover

    try:
        db = open_or_recover(data_dir)  # a damaged file: set aside, and the offer to restore a backup
    except (DataDirError, DatabaseTooNewError) as exc:
        messages.show_error(None, OPEN_FAILED.format(data_dir=data_dir, reason=exc))
        return EXIT_CANNOT_START
    except Exception as exc:  # a damaged or unreadable database file: say so, open nothing
        reason = f"Cơ sở dữ liệu bị lỗi: {exc}"
        messages.show_error(None, OPEN_FAILED.format(data_dir=data_dir, reason=reason))
        return EXIT_CANNOT_START
    if db is None:  # the database was damaged and the user chose to leave
        return EXIT_CANNOT_START
    try:
        return _run_windows(app, db)
    finally:
        db.close()


def _run_windows(app: QApplication, db: Database) -> int:
    from app.services.settings import is_initialised
    from app.ui.accounts.login_dialog import sign_in
    from app.ui.main_window import MainWindow
    from app.ui.settings.setup_dialog import SetupDialog

    if not sign_in(db):  # asks who is working when the app has accounts
        return EXIT_OK
    if not is_initialised(db) and SetupDialog(db).exec() != QDialog.DialogCode.Accepted:
        return EXIT_OK
    window = MainWindow(db)
    window.show()
    return app.exec()
