"""The "Dữ liệu" menu, the automatic backup and the step at close, driven through the main window."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading

import pytest
from backup_helpers import overwrite_page, page_holding

from app.errors import ServiceError
from app.services.safety import backups as backup_service
from app.services.safety.backups import save_second_folder, second_folder
from app.storage.backup import backups as backup
from app.storage.backup.backups import BackupReason, list_backups, make_backup, verify_backup
from app.storage.database import Database
from app.storage.paths import DB_FILE_NAME, backups_dir
from app.ui.kit import system_files
from app.ui.kit.widgets import ERROR_STYLE
from app.ui.main_window import MainWindow
from app.ui.safety import backup_actions
from app.ui.safety.second_folder_dialog import SecondFolderDialog


def make_window(qtbot, db) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    return window


def reasons(data_dir) -> list[BackupReason]:
    return [info.reason for info in list_backups(data_dir)]


def test_backup_now_makes_a_verified_backup_and_names_it(qtbot, commune_db, people, data_dir, fake_messages):
    window = make_window(qtbot, commune_db)
    window.backups.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(fake_messages.infos))
    [made] = list_backups(data_dir)
    assert made.reason is BackupReason.MANUAL and verify_backup(made.path).subjects == 5
    assert fake_messages.infos == [f"Đã sao lưu vào “{made.path}”.\nBản sao lưu có 5 đối tượng, "
                                   "0 hồ sơ đề nghị, 1 lượt khen thưởng."]
    assert fake_messages.errors == []


def test_backup_now_copies_to_the_second_destination(qtbot, commune_db, people, data_dir, tmp_path,
                                                     fake_messages):
    usb = tmp_path / "usb"
    usb.mkdir()
    save_second_folder(commune_db, usb)
    window = make_window(qtbot, commune_db)
    window.backups.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(fake_messages.infos))
    [made] = list_backups(data_dir)
    [copy] = list_backups(data_dir, usb)
    assert copy.path.name == made.path.name and verify_backup(copy.path).subjects == 5
    assert f"Đã chép thêm một bản tới “{copy.path}”." in fake_messages.infos[0]


def test_a_missing_second_destination_is_a_warning_and_the_backup_is_made(qtbot, commune_db, data_dir,
                                                                          tmp_path, fake_messages):
    usb = tmp_path / "usb"
    usb.mkdir()
    save_second_folder(commune_db, usb)
    usb.rmdir()  # the stick was pulled out
    window = make_window(qtbot, commune_db)
    window.backups.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(fake_messages.errors))
    assert reasons(data_dir) == [BackupReason.MANUAL]
    [warning] = fake_messages.errors
    assert warning.startswith("Đã sao lưu vào")
    assert f"Chưa chép được tới nơi sao lưu thứ hai: Không có thư mục “{usb}”. Hãy cắm ổ USB" in warning


def test_copies_in_the_second_destination_are_thinned_on_the_schedule(commune_db, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    copies = {day: usb / f"sovang-202601{day:02d}-120000-tu-dong.sqlite3" for day in range(1, 31)}
    for path in copies.values():
        path.write_bytes(b"")
    other = usb / "ghi-chu.txt"
    other.write_text("không phải bản sao lưu")
    deleted = backup_service.prune_folder(usb, dt.datetime(2026, 1, 30, 18, 0))
    # Kept: today and yesterday (30, 29), 12 days (28…17), then the newest of each earlier week (11, 4).
    assert sorted(deleted) == sorted(copies[day] for day in range(1, 17) if day not in (4, 11))
    assert other.exists()


def fast_timer(window: MainWindow) -> None:
    window.backups.auto.timer.setInterval(10)


def test_the_timer_backs_up_in_another_thread_once_per_30_minutes(qtbot, commune_db, data_dir, monkeypatch):
    threads: list[int] = []
    real = backup.maybe_backup

    def recording(*args, **kwargs):
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(backup, "maybe_backup", recording)
    window = make_window(qtbot, commune_db)
    assert window.backups.auto.timer.isActive() and window.backups.auto.timer.interval() == 5 * 60 * 1000
    fast_timer(window)
    qtbot.waitUntil(lambda: len(threads) >= 3)
    assert threading.get_ident() not in threads
    assert reasons(data_dir) == [BackupReason.AUTO], "the later ticks found no backup due"
    note = window.backups.auto.note
    assert note.text().startswith("Đã sao lưu tự động lúc ") and note.isVisible()


def test_the_timer_mirrors_its_backup_to_the_second_destination(qtbot, commune_db, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    save_second_folder(commune_db, usb)
    window = make_window(qtbot, commune_db)
    fast_timer(window)
    qtbot.waitUntil(lambda: bool(list_backups(commune_db.data_dir, usb)))
    assert [info.reason for info in list_backups(commune_db.data_dir, usb)] == [BackupReason.AUTO]


def test_a_failing_automatic_backup_is_said_in_the_status_bar_not_in_boxes(qtbot, commune_db, monkeypatch,
                                                                            fake_messages):
    calls = []

    def failing(*args, **kwargs):
        calls.append(args)
        raise ServiceError("Không ghi được tệp “x.sqlite3”: ổ đĩa đã đầy.")

    monkeypatch.setattr(backup, "maybe_backup", failing)
    window = make_window(qtbot, commune_db)
    fast_timer(window)
    qtbot.waitUntil(lambda: len(calls) >= 3)
    note = window.backups.auto.note
    assert note.text().startswith("Sao lưu tự động không được: Không ghi được tệp")
    assert note.toolTip() == "Không ghi được tệp “x.sqlite3”: ổ đĩa đã đầy."
    assert note.styleSheet() == ERROR_STYLE
    assert fake_messages.errors == [] and fake_messages.infos == []


def test_close_backs_up_when_the_data_changed(qtbot, commune_db, data_dir, fake_messages):
    window = make_window(qtbot, commune_db)
    window.close()
    assert reasons(data_dir) == [BackupReason.ON_CLOSE]
    assert fake_messages.errors == []


def test_close_makes_no_backup_when_nothing_changed(qtbot, commune_db, data_dir, fake_messages):
    make_backup(data_dir, BackupReason.MANUAL)
    window = make_window(qtbot, commune_db)
    window.show_page("subjects")  # reading changes nothing
    window.close()
    assert reasons(data_dir) == [BackupReason.MANUAL]
    assert fake_messages.errors == []


def test_close_says_clearly_that_the_database_is_damaged(qtbot, commune_db, people, data_dir, fake_messages):
    window = make_window(qtbot, commune_db)
    commune_db.close()  # every change is in the file now; the engine reconnects on the next query
    live = data_dir / DB_FILE_NAME
    overwrite_page(live, page_holding(live, "Nguyễn Văn Đạt".encode()))
    window.close()
    assert not window.isVisible(), "closing is not blocked"
    [message] = fake_messages.errors
    assert message.startswith("Sổ Vàng sẽ đóng, nhưng cần bạn chú ý:")
    assert "Cơ sở dữ liệu có lỗi:" in message
    assert message.endswith(
        "Để khôi phục: vào “Dữ liệu → Khôi phục từ bản sao lưu…” rồi chọn bản sao lưu gần nhất còn tốt.")
    assert list_backups(data_dir) == [], "no damaged copy is kept as a backup"


def test_check_database_says_it_is_sound(qtbot, commune_db, fake_messages):
    window = make_window(qtbot, commune_db)
    window.backups.check_action.trigger()
    qtbot.waitUntil(lambda: bool(fake_messages.infos))
    [message] = fake_messages.infos
    assert message.startswith("Cơ sở dữ liệu không có lỗi (integrity_check: ok; không có lỗi khóa ngoại).")


def test_check_database_lists_the_problems(qtbot, commune_db, people, data_dir, fake_messages):
    conn = sqlite3.connect(data_dir / DB_FILE_NAME)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE subject SET unit_id = 999 WHERE name = 'Trần Thị Lan'")
    conn.commit()
    conn.close()
    window = make_window(qtbot, commune_db)
    window.backups.check_action.trigger()
    qtbot.waitUntil(lambda: bool(fake_messages.errors))
    [message] = fake_messages.errors
    assert message.startswith("Cơ sở dữ liệu có lỗi:\n- Bảng subject, dòng ")
    assert "tham chiếu tới bảng unit không tồn tại" in message
    assert message.endswith(backup_actions.RESTORE_HINT)


def test_open_backups_folder_shows_it_in_the_file_manager(qtbot, commune_db, data_dir, monkeypatch,
                                                          fake_messages):
    opened = []
    monkeypatch.setattr(system_files, "open_folder", lambda path: opened.append(path) or True)
    window = make_window(qtbot, commune_db)
    window.backups.folder_action.trigger()
    assert opened == [backups_dir(data_dir)] and opened[0].is_dir()
    monkeypatch.setattr(system_files, "open_folder", lambda path: False)
    window.backups.folder_action.trigger()
    assert str(backups_dir(data_dir)) in fake_messages.errors[0]


def test_second_folder_is_chosen_checked_saved_and_cleared(qtbot, commune_db, data_dir, tmp_path,
                                                           monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    picked = [data_dir / "backups", usb]
    (data_dir / "backups").mkdir()
    monkeypatch.setattr(system_files, "choose_folder", lambda parent, title: picked.pop(0))
    dialog = SecondFolderDialog(commune_db)
    qtbot.addWidget(dialog)
    dialog.choose_button.click()
    assert "phải nằm ngoài thư mục dữ liệu" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
    dialog.accept()
    assert second_folder(commune_db) is None, "refused: nothing saved"
    dialog.choose_button.click()
    assert not dialog.error.isVisibleTo(dialog)
    assert "cùng ổ đĩa" in dialog.hint.text()  # tmp_path and the data lie on one disk here
    dialog.accept()
    assert second_folder(commune_db) == usb and dialog.result() == dialog.DialogCode.Accepted
    again = SecondFolderDialog(commune_db)
    qtbot.addWidget(again)
    assert again.folder_edit.text() == str(usb)
    again.clear_button.click()
    again.accept()
    assert second_folder(commune_db) is None


def test_an_unwritable_second_folder_is_refused(commune_db, tmp_path, monkeypatch):
    def read_only(folder):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(backup_service, "probe_writable", read_only)
    (tmp_path / "cd").mkdir()
    refused = "Không ghi được vào thư mục .*Permission denied.*Hãy chọn thư mục khác"
    with pytest.raises(ServiceError, match=refused):
        save_second_folder(commune_db, tmp_path / "cd")


def test_on_postgresql_the_items_are_greyed_and_nothing_runs(qtbot, commune_db, data_dir, monkeypatch):
    monkeypatch.setattr(Database, "is_sqlite", property(lambda self: False))
    window = make_window(qtbot, commune_db)
    items = window.backups
    greyed = [items.backup_action, items.restore_action, items.second_action, items.folder_action]
    assert not any(a.isEnabled() for a in greyed) and all("pg_dump" in a.toolTip() for a in greyed)
    assert items.check_action.isEnabled(), "the check asks the server"
    assert not window.backups.auto.timer.isActive()
    window.close()
    assert not backups_dir(data_dir).exists()


def test_a_data_folder_in_a_synced_folder_is_warned_about_without_blocking(qtbot, commune_db, monkeypatch,
                                                                            fake_messages):
    warning = "Cảnh báo: thư mục dữ liệu “X” nằm trong thư mục đồng bộ đám mây OneDrive."
    monkeypatch.setattr(backup_actions, "data_dir_warning", lambda data_dir: warning)
    window = make_window(qtbot, commune_db)
    qtbot.waitUntil(lambda: window.backups.auto.note.text() != "")
    [box] = [w for w in window.findChildren(backup_actions.QMessageBox) if w.isVisible()]
    assert box.text() == warning and not box.isModal()
    assert window.backups.auto.note.toolTip() == warning
    assert fake_messages.errors == []
    box.close()
