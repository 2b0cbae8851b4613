"""Dữ liệu → Khôi phục từ bản sao lưu…: the list, a file from elsewhere, and the round trip in the window."""

from __future__ import annotations

import datetime as dt

from backup_helpers import add_subject, subject_names
from PySide6.QtCore import Qt

from app.services.safety.backups import save_second_folder, second_folder
from app.storage.backup.backups import BackupReason, list_backups, make_backup
from app.storage.paths import DB_FILE_NAME
from app.ui.kit import system_files
from app.ui.main_window import MainWindow
from app.ui.pages import SUBJECTS
from app.ui.safety.restore_dialog import RestoreDialog

MORNING = dt.datetime(2026, 1, 5, 9, 30, 15)
NOON = dt.datetime(2026, 1, 5, 12, 0, 0)


def make_dialog(qtbot, data_dir, **kwargs) -> RestoreDialog:
    dialog = RestoreDialog(data_dir, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def row_texts(dialog: RestoreDialog, row: int) -> list[str]:
    item = dialog.table.topLevelItem(row)
    return [item.text(column) for column in range(dialog.table.columnCount())]


def test_backups_are_listed_newest_first_with_date_reason_and_counts(qtbot, commune_db, people, data_dir):
    make_backup(data_dir, BackupReason.AUTO, now=MORNING)
    add_subject(commune_db, "Hoàng Văn Mới")
    noon = make_backup(data_dir, BackupReason.MANUAL, now=NOON)
    dialog = make_dialog(qtbot, data_dir)
    assert [dialog.table.headerItem().text(c) for c in range(6)] == [
        "Thời điểm lập", "Lý do", "Đối tượng", "Hồ sơ đề nghị", "Lượt khen thưởng", "Dung lượng"]
    assert row_texts(dialog, 0)[:5] == ["05/01/2026 12:00:00", "thủ công", "6", "0", "1"]
    assert row_texts(dialog, 1)[:5] == ["05/01/2026 09:30:15", "tự động", "5", "0", "1"]
    assert row_texts(dialog, 0)[5].endswith(" MB") and "," in row_texts(dialog, 0)[5]
    assert dialog.selected().path == noon.path and dialog.restore_button.isEnabled()
    assert "dữ liệu hiện tại được sao lưu thêm một bản" in dialog.note.text()


def test_no_backup_yet_says_where_they_would_be_and_offers_a_file(qtbot, db, data_dir):
    dialog = make_dialog(qtbot, data_dir)
    assert dialog.table.topLevelItemCount() == 0 and not dialog.restore_button.isEnabled()
    assert "chưa có bản sao lưu nào" in dialog.note.text() and "Chọn tệp khác…" in dialog.note.text()


def test_a_file_from_elsewhere_is_shown_on_top_before_it_is_chosen(qtbot, commune_db, people, data_dir,
                                                                   tmp_path, monkeypatch, fake_messages):
    usb = tmp_path / "usb"
    usb.mkdir()
    copy = make_backup(data_dir, BackupReason.MANUAL, dest=usb, now=MORNING)
    monkeypatch.setattr(system_files, "choose_backup_file", lambda parent: copy.path)
    dialog = make_dialog(qtbot, data_dir)
    chosen = []
    dialog.chosen.connect(chosen.append)
    dialog.file_button.click()
    assert row_texts(dialog, 0)[:3] == ["05/01/2026 09:30:15", "thủ công · tệp được chọn", "5"]
    assert dialog.table.topLevelItem(0).toolTip(0) == str(copy.path)
    dialog.restore_button.click()
    assert chosen == [copy.path]


def test_nothing_is_chosen_when_the_user_says_no(qtbot, commune_db, data_dir, fake_messages):
    make_backup(data_dir, BackupReason.MANUAL, now=MORNING)
    fake_messages.yes = False
    dialog = make_dialog(qtbot, data_dir)
    chosen = []
    dialog.chosen.connect(chosen.append)
    dialog.restore_button.click()
    assert chosen == [] and dialog.result() != dialog.DialogCode.Accepted
    assert fake_messages.questions[0].startswith(
        "Khôi phục dữ liệu từ bản sao lưu lập lúc 09:30:15 ngày 05/01/2026")


def open_restore_dialog(qtbot, window: MainWindow) -> RestoreDialog:
    window.backups.restore_action.trigger()
    [dialog] = [d for d in window.findChildren(RestoreDialog) if d.isVisible()]
    return dialog


def test_restore_round_trip_shows_the_old_data_in_the_window(qtbot, commune_db, people, data_dir,
                                                             fake_messages):
    before = make_backup(data_dir, BackupReason.MANUAL, now=MORNING)
    add_subject(commune_db, "Hoàng Văn Mới")
    window = MainWindow(commune_db)
    qtbot.addWidget(window)
    window.show()
    window.show_page(SUBJECTS)
    assert window.page(SUBJECTS).model.rowCount() == 6
    dialog = open_restore_dialog(qtbot, window)
    dialog.table.setCurrentItem(dialog.table.topLevelItem(0))
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: bool(fake_messages.infos))
    assert fake_messages.errors == []
    assert fake_messages.infos[0].startswith(
        "Đã khôi phục dữ liệu từ bản sao lưu lập lúc 09:30:15 ngày 05/01/2026 (5 đối tượng")
    assert window.page(SUBJECTS).model.rowCount() == 5, "the page shows the restored data"
    assert window.stack.currentWidget() is window.page(SUBJECTS)
    assert window.count_label.text() == "Tổng số: 5 đối tượng"
    [safety] = [i for i in list_backups(data_dir) if i.reason is BackupReason.BEFORE_RESTORE]
    assert "Hoàng Văn Mới" in subject_names(safety.path), "the data before the restore was backed up"
    assert "Hoàng Văn Mới" not in subject_names(data_dir / DB_FILE_NAME)
    assert before.path.exists()
    assert window.backups.auto.timer.isActive(), "the automatic backup runs again"


def test_the_second_destination_stays_across_a_restore(qtbot, commune_db, data_dir, tmp_path, fake_messages):
    make_backup(data_dir, BackupReason.MANUAL, now=MORNING)  # made before the stick was chosen
    usb = tmp_path / "usb"
    usb.mkdir()
    save_second_folder(commune_db, usb)
    window = MainWindow(commune_db)
    qtbot.addWidget(window)
    dialog = open_restore_dialog(qtbot, window)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: bool(fake_messages.infos))
    assert second_folder(commune_db) == usb


def test_a_refused_restore_is_said_and_changes_nothing(qtbot, commune_db, people, data_dir, tmp_path,
                                                       monkeypatch, fake_messages):
    junk = tmp_path / "khong-phai.sqlite3"
    junk.write_bytes(b"not a database at all" * 300)
    monkeypatch.setattr(system_files, "choose_backup_file", lambda parent: junk)
    window = MainWindow(commune_db)
    qtbot.addWidget(window)
    dialog = open_restore_dialog(qtbot, window)
    dialog.file_button.click()
    assert row_texts(dialog, 0)[1:5] == ["không rõ · tệp được chọn", "?", "?", "?"]
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: bool(fake_messages.errors))
    assert "khong-phai.sqlite3" in fake_messages.errors[0] and fake_messages.infos == []
    assert window.count_label.text() == "Tổng số: 5 đối tượng"
    assert len(subject_names(data_dir / DB_FILE_NAME)) == 5
    qtbot.waitUntil(window.backups.auto.timer.isActive)


def test_double_click_chooses_a_backup(qtbot, commune_db, data_dir, fake_messages):
    made = make_backup(data_dir, BackupReason.MANUAL, now=MORNING)
    dialog = make_dialog(qtbot, data_dir)
    chosen = []
    dialog.chosen.connect(chosen.append)
    item = dialog.table.topLevelItem(0)
    dialog.table.itemDoubleClicked.emit(item, 0)
    assert chosen == [made.path]
    assert dialog.table.topLevelItem(0).textAlignment(2) & Qt.AlignmentFlag.AlignRight
