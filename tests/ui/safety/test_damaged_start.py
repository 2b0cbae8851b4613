"""A damaged database at start: set aside, the offer of the newest good backup, and the app on its data."""

from __future__ import annotations

import datetime as dt

import pytest
from backup_helpers import add_subject, overwrite, subject_names
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from app.errors import DamagedDatabaseError
from app.services.settings import load_commune_profile
from app.storage.backup.backups import BackupReason, make_backup
from app.storage.database import open_database
from app.storage.paths import DB_FILE_NAME
from app.ui.app import run_gui
from app.ui.kit import system_files
from app.ui.main_window import MainWindow
from app.ui.safety.damaged_start_dialog import DamagedStartDialog
from app.ui.safety.restore_dialog import RestoreDialog

MADE = dt.datetime(2026, 1, 5, 14, 30, 0)


@pytest.fixture
def good_backup(commune_db, people, data_dir):
    """Five subjects backed up; then one more added; then the file's header is overwritten."""
    info = make_backup(data_dir, BackupReason.AUTO, now=MADE)
    add_subject(commune_db, "Hoàng Văn Sau")
    commune_db.close()
    overwrite(data_dir / DB_FILE_NAME, 0, b"\x00" * 100)
    return info


def damage_of(data_dir) -> DamagedDatabaseError:
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(data_dir)
    return caught.value


def set_aside_files(data_dir) -> list:
    return sorted(p for p in data_dir.iterdir() if ".hong-" in p.name)


def test_the_offer_names_the_set_aside_file_and_the_newest_backup(qtbot, good_backup, data_dir):
    damage = damage_of(data_dir)
    dialog = DamagedStartDialog(data_dir, damage)
    qtbot.addWidget(dialog)
    [moved] = set_aside_files(data_dir)
    text = dialog.text()
    assert f"Tệp hỏng đã được để riêng thành “{moved.name}” (không xóa, không ghi đè)." in text
    assert ("Bản sao lưu tốt gần nhất được lập lúc 14:30 ngày 05/01/2026, có 5 đối tượng, 0 hồ sơ đề nghị, "
            "1 lượt khen thưởng.") in text
    assert dialog.newest_button.isVisibleTo(dialog) and dialog.newest_button.isDefault()
    assert dialog.other_button.isVisibleTo(dialog) and dialog.quit_button.text() == "Thoát"
    dialog.newest_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.chosen_path == good_backup.path


def test_without_a_backup_only_another_file_or_leaving_is_offered(qtbot, db, data_dir):
    db.close()
    overwrite(data_dir / DB_FILE_NAME, 0, b"\x00" * 100)
    dialog = DamagedStartDialog(data_dir, damage_of(data_dir))
    qtbot.addWidget(dialog)
    assert not dialog.newest_button.isVisibleTo(dialog) and dialog.quit_button.isDefault()
    assert "không có bản sao lưu nào dùng được" in dialog.text()
    assert "hãy bấm “Chọn bản sao lưu khác…”" in dialog.text()


def test_another_backup_is_chosen_through_the_restore_list(qtbot, good_backup, data_dir, tmp_path,
                                                           monkeypatch):
    dialog = DamagedStartDialog(data_dir, damage_of(data_dir))
    qtbot.addWidget(dialog)
    usb_copy = tmp_path / "sovang-ban-tren-usb.sqlite3"
    usb_copy.write_bytes(good_backup.path.read_bytes())
    monkeypatch.setattr(system_files, "choose_backup_file", lambda parent: usb_copy)
    dialog.other_button.click()
    [listing] = dialog.findChildren(RestoreDialog)
    assert listing.damaged and "thay cho cơ sở dữ liệu bị hỏng" in listing.note.text()
    listing.file_button.click()
    listing.restore_button.click()  # no question: there is no current data to lose
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.chosen_path == usb_copy


def answer_offer(monkeypatch, answers: list[str], offers: list[str]) -> None:
    """Replace the dialog's exec(): note the text, then click the next answer's button."""

    def exec_(dialog: DamagedStartDialog) -> int:
        offers.append(dialog.text())
        answer = answers.pop(0)
        if answer == "newest":
            dialog.newest_button.click()
        elif answer == "file":
            dialog._choose(dialog.damage.newest_backup.path.with_name("khong-co.sqlite3"))
        else:
            dialog.quit_button.click()
        return dialog.result()

    monkeypatch.setattr(DamagedStartDialog, "exec", exec_)


def close_main_window_when_shown(seen: list[str]) -> QTimer:
    """Poll until the main window shows (the restore's own event loop runs first), then close it."""
    timer = QTimer(interval=10)

    def close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows:
            timer.stop()
            seen.extend(w.windowTitle() for w in windows)
            for window in windows:
                window.close()

    timer.timeout.connect(close)
    timer.start()
    return timer


def test_restoring_the_newest_backup_opens_the_app_on_its_data(good_backup, data_dir, monkeypatch,
                                                               fake_messages):
    offers: list[str] = []
    answer_offer(monkeypatch, ["newest"], offers)
    seen: list[str] = []
    timer = close_main_window_when_shown(seen)
    assert run_gui(data_dir) == 0
    timer.stop()
    assert seen == ["Sổ Vàng — Xã Hòa Bình"], "the app opened normally"
    assert len(offers) == 1 and len(set_aside_files(data_dir)) == 1
    assert fake_messages.infos[0].startswith(
        "Đã khôi phục dữ liệu từ bản sao lưu lập lúc 14:30:00 ngày 05/01/2026")
    assert "Hoàng Văn Sau" not in subject_names(data_dir / DB_FILE_NAME)
    assert len(subject_names(data_dir / DB_FILE_NAME)) == 5
    db = open_database(data_dir)
    try:
        assert load_commune_profile(db).commune == "Xã Hòa Bình"
    finally:
        db.close()


def test_a_refused_restore_is_said_and_the_offer_comes_back(good_backup, data_dir, monkeypatch,
                                                            fake_messages):
    offers: list[str] = []
    answer_offer(monkeypatch, ["file", "quit"], offers)
    assert run_gui(data_dir) == 2
    assert len(offers) == 2
    missing = good_backup.path.with_name("khong-co.sqlite3")
    assert fake_messages.errors == [f"Không có tệp sao lưu “{missing}”."]
    assert not (data_dir / DB_FILE_NAME).exists(), "leaving opens nothing and creates nothing"


def test_a_missing_database_in_an_initialised_folder_is_offered_the_backup_not_a_fresh_start(
        qtbot, good_backup, data_dir):
    damage_of(data_dir)  # the damaged file is set aside
    missing = damage_of(data_dir)  # the next start: no database, and the folder was initialised
    dialog = DamagedStartDialog(data_dir, missing)
    qtbot.addWidget(dialog)
    text = dialog.text()
    assert "đã được khởi tạo nhưng tệp cơ sở dữ liệu không còn" in text
    assert "Bản sao lưu tốt gần nhất được lập lúc 14:30 ngày 05/01/2026" in text
    assert "lần mở sau Sổ Vàng sẽ lại đề nghị khôi phục" in text
    assert dialog.windowTitle() == "Thiếu cơ sở dữ liệu"
    assert dialog.newest_button.isVisibleTo(dialog) and dialog.other_button.isVisibleTo(dialog)
    dialog.newest_button.click()
    assert dialog.chosen_path == good_backup.path
