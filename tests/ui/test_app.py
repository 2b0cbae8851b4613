"""Starting the GUI: the lock, a damaged database, first-run set-up, the main window; the crash hook."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from app.services.settings import load_commune_profile
from app.storage.database import open_database
from app.storage.lock import InstanceLock
from app.storage.paths import DB_FILE_NAME, logs_dir
from app.ui import crash
from app.ui.app import UI_FONT_FAMILY, load_fonts, run_gui
from app.ui.main_window import MainWindow
from app.ui.safety.damaged_start_dialog import DamagedStartDialog
from app.ui.settings.setup_dialog import SetupDialog


def close_main_window_soon(seen: list[str]) -> None:
    """Once the event loop runs: note the main window's title and close it, which ends the loop.

    (An extra QApplication.quit() would stay queued and end the next test's event loop at once.)
    """

    def close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.extend(w.windowTitle() for w in windows)
        for window in windows:
            window.close()
        if not windows:
            QApplication.quit()

    QTimer.singleShot(0, close)


def test_shipped_fonts_are_the_application_font():
    assert {"Liberation Sans", "Liberation Serif"} <= set(load_fonts())
    assert QGuiApplication.font().family() == UI_FONT_FAMILY
    assert QApplication.applicationName() == "Sổ Vàng"


def test_second_instance_says_so_and_opens_nothing(data_dir, fake_messages):
    data_dir.mkdir(parents=True)
    with InstanceLock(data_dir):
        assert run_gui(data_dir) == 2
    assert len(fake_messages.errors) == 1 and "đang mở dữ liệu" in fake_messages.errors[0]
    assert not (data_dir / DB_FILE_NAME).exists()


def test_damaged_database_is_reported(data_dir, fake_messages, monkeypatch):
    data_dir.mkdir(parents=True)
    (data_dir / DB_FILE_NAME).write_bytes(b"this is not a database" * 100)
    offers: list[str] = []  # the offer to restore is tested in test_damaged_start.py; here: "Thoát"
    monkeypatch.setattr(DamagedStartDialog, "exec", lambda dialog: offers.append(dialog.text()) or 0)
    assert run_gui(data_dir) == 2
    assert "bị hỏng" in offers[0] and not (data_dir / DB_FILE_NAME).exists()
    InstanceLock(data_dir).acquire()  # the lock was released


def test_opens_the_main_window_on_an_initialised_commune(commune_db, data_dir):
    commune_db.close()
    hook_before = sys.excepthook
    seen: list[str] = []
    close_main_window_soon(seen)
    assert run_gui(data_dir) == 0
    assert seen == ["Sổ Vàng — Xã Hòa Bình"]
    assert sys.excepthook is hook_before, "the crash hook is removed when the GUI ends"


def test_first_run_shows_set_up_then_the_main_window(data_dir, monkeypatch):
    def fill_and_accept(dialog: SetupDialog) -> int:
        dialog.commune_edit.setText("Xã Tân Lập")
        dialog.province_edit.setText("Tỉnh Nghệ An")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SetupDialog, "exec", fill_and_accept)
    seen: list[str] = []
    close_main_window_soon(seen)
    assert run_gui(data_dir) == 0
    assert seen == ["Sổ Vàng — Xã Tân Lập"]
    db = open_database(data_dir)
    try:
        assert load_commune_profile(db).province == "Tỉnh Nghệ An"
    finally:
        db.close()


def test_cancelled_set_up_exits_without_a_window(data_dir, monkeypatch):
    monkeypatch.setattr(SetupDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert run_gui(data_dir) == 0
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_crash_writes_the_traceback_and_shows_the_dialog(data_dir, fake_messages, capsys):
    try:
        raise RuntimeError("hỏng rồi")
    except RuntimeError as exc:
        crash.handle_exception(logs_dir(data_dir), type(exc), exc, exc.__traceback__)
    [log] = logs_dir(data_dir).glob("loi-*.log")
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "\nRuntimeError\n" in text
    assert "RuntimeError: hỏng rồi" not in text, "the log holds the exception's type, never its message"
    assert str(log) in fake_messages.errors[0]
    assert fake_messages.errors[0].startswith("Sổ Vàng gặp một lỗi chưa lường trước.")


def test_crash_hook_is_installed_and_restorable(data_dir, fake_messages):
    before = sys.excepthook
    previous = crash.install_crash_hook(logs_dir(data_dir))
    try:
        assert previous is before and sys.excepthook is not before
        sys.excepthook(ValueError, ValueError("x"), None)
    finally:
        sys.excepthook = previous
    assert len(fake_messages.errors) == 1
