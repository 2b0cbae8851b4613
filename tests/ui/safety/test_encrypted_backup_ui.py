"""Encryption of the second destination's copies in the GUI: set in the second-destination dialog (the
passphrase twice), asked when an encrypted copy is restored, asked again after a wrong one."""

from __future__ import annotations

from backup_helpers import add_subject, subject_names

from app.services.safety import backup_encryption_on, backup_now, is_encrypted_backup
from app.storage.paths import DB_FILE_NAME
from app.ui.main_window import MainWindow
from app.ui.safety import passphrase_prompt
from app.ui.safety.second_folder_dialog import ENCRYPT, NEED_PASSPHRASE, SecondFolderDialog

PASSPHRASE = "Cây đa giếng nước sân đình"


def encrypting_dialog(qtbot, db, usb):
    dialog = SecondFolderDialog(db)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(usb))
    dialog.encrypt_box.setChecked(True)
    return dialog


def test_encryption_is_set_with_the_passphrase_typed_twice(qtbot, commune_db, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = encrypting_dialog(qtbot, commune_db, usb)
    assert dialog.encrypt_box.text() == ENCRYPT and dialog.passphrase_edit.isVisibleTo(dialog)
    dialog.accept()
    assert dialog.error.text() == NEED_PASSPHRASE and not backup_encryption_on(commune_db)
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.again_edit.setText(PASSPHRASE + ".")
    dialog.accept()
    assert "không giống nhau" in dialog.error.text() and not backup_encryption_on(commune_db)
    dialog.again_edit.setText(PASSPHRASE)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and backup_encryption_on(commune_db)
    again = SecondFolderDialog(commune_db)
    qtbot.addWidget(again)
    assert again.encrypt_box.isChecked() and again.passphrase_edit.placeholderText().startswith("Để trống")
    again.accept()  # empty: the passphrase in use is kept
    assert backup_encryption_on(commune_db)
    again = SecondFolderDialog(commune_db)
    qtbot.addWidget(again)
    again.encrypt_box.setChecked(False)
    again.accept()
    assert not backup_encryption_on(commune_db)


def test_restoring_an_encrypted_copy_asks_for_the_passphrase_until_it_is_right(
        qtbot, commune_db, tmp_path, data_dir, fake_messages, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    add_subject(commune_db, "Đinh Thị Lụa")
    dialog = encrypting_dialog(qtbot, commune_db, usb)
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.again_edit.setText(PASSPHRASE)
    dialog.accept()
    copy = backup_now(commune_db).copy.path
    assert is_encrypted_backup(copy)
    add_subject(commune_db, "Hoàng Văn Sau")
    answers = ["sai mật khẩu rồi", PASSPHRASE]
    prompts: list[str] = []

    def answer(parent, prompt):
        prompts.append(prompt)
        return answers.pop(0)

    monkeypatch.setattr(passphrase_prompt, "ask_text", answer)
    window = MainWindow(commune_db)
    qtbot.addWidget(window)
    window.backups.restore_from(copy)
    qtbot.waitUntil(lambda: bool(fake_messages.infos))
    assert fake_messages.errors == [] and len(prompts) == 2
    assert prompts[1].startswith("Cụm mật khẩu không đúng")
    assert subject_names(data_dir / DB_FILE_NAME) == {"Đinh Thị Lụa"}


def test_a_cancelled_passphrase_restores_nothing(qtbot, commune_db, tmp_path, data_dir, fake_messages,
                                                 monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = encrypting_dialog(qtbot, commune_db, usb)
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.again_edit.setText(PASSPHRASE)
    dialog.accept()
    copy = backup_now(commune_db).copy.path
    add_subject(commune_db, "Hoàng Văn Sau")
    monkeypatch.setattr(passphrase_prompt, "ask_text", lambda parent, prompt: None)
    window = MainWindow(commune_db)
    qtbot.addWidget(window)
    window.backups.restore_from(copy)
    assert "Hoàng Văn Sau" in subject_names(data_dir / DB_FILE_NAME)
    assert fake_messages.infos == [] and fake_messages.errors == []


def test_the_restore_list_marks_an_encrypted_copy(qtbot, commune_db, tmp_path, monkeypatch):
    from app.ui.kit import system_files
    from app.ui.safety.restore_dialog import RestoreDialog

    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = encrypting_dialog(qtbot, commune_db, usb)
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.again_edit.setText(PASSPHRASE)
    dialog.accept()
    copy = backup_now(commune_db).copy.path
    assert "*.enc" in system_files.BACKUP_FILTER
    monkeypatch.setattr(system_files, "choose_backup_file", lambda parent: copy)
    restore = RestoreDialog(commune_db.data_dir)
    qtbot.addWidget(restore)
    restore.choose_file()
    assert restore.table.topLevelItem(0).text(1) == "thủ công · mã hóa · tệp được chọn"
    assert restore.selected().path == copy
