"""Backups encrypted for the second destination: a round trip, a wrong passphrase, an altered byte, and
no plaintext ever written to the second destination."""

from __future__ import annotations

import stat

import pytest
from backup_helpers import add_subject, overwrite, subject_names

from app.errors import ServiceError
from app.services.safety import (
    backup_encryption_on,
    backup_now,
    check_backup_passphrase,
    is_encrypted_backup,
    restore_database,
    save_second_folder,
    set_backup_encryption,
)
from app.storage.backup.backups import list_backups
from app.storage.backup.file import BackupVerificationError
from app.storage.backup.restore import restore_backup
from app.storage.backup.schedule import parse_backup_name
from app.storage.backup.sealed import HEADER, KEY_FILE, PassphraseNeededError, WrongPassphraseError
from app.storage.paths import DB_FILE_NAME, backups_dir

PASSPHRASE = "Tre xanh xanh tự bao giờ"
KNOWN_NAME = "Phạm Thị Thanh Nhàn"


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def encrypted_copy(commune_db, usb):
    add_subject(commune_db, KNOWN_NAME, award=True)
    save_second_folder(commune_db, usb)
    set_backup_encryption(commune_db, PASSPHRASE, PASSPHRASE)
    outcome = backup_now(commune_db)
    assert outcome.copy_problem is None and outcome.copy is not None
    return outcome.copy.path


def test_the_second_destination_holds_only_ciphertext(commune_db, encrypted_copy, usb, data_dir) -> None:
    assert encrypted_copy.name.endswith(".sqlite3.enc") and parse_backup_name(encrypted_copy.name)
    assert is_encrypted_backup(encrypted_copy) and backup_encryption_on(commune_db)
    for path in usb.rglob("*"):  # the copy and the trail's key; no temporary file, no plaintext
        data = path.read_bytes()
        assert KNOWN_NAME.encode() not in data and b"SQLite format 3" not in data, path.name
    assert not (usb / KEY_FILE).exists()  # the encryption key stays in the data folder
    assert stat.S_IMODE((data_dir / KEY_FILE).stat().st_mode) == 0o600
    assert PASSPHRASE.encode() not in (data_dir / KEY_FILE).read_bytes()


def test_round_trip_with_the_passphrase(commune_db, encrypted_copy, data_dir) -> None:
    add_subject(commune_db, "Lê Văn Sau")
    report = restore_database(commune_db, encrypted_copy, PASSPHRASE)
    assert subject_names(data_dir / DB_FILE_NAME) == {KNOWN_NAME}
    assert report.restored.path == encrypted_copy and report.restored.subjects == 1
    assert not list(backups_dir(data_dir).glob(".tmp-*"))  # the decrypted copy is gone


def test_a_passphrase_typed_in_another_unicode_form_still_opens(encrypted_copy) -> None:
    import unicodedata

    check_backup_passphrase(encrypted_copy, unicodedata.normalize("NFD", PASSPHRASE))


def test_wrong_or_missing_passphrase_restores_nothing(commune_db, encrypted_copy, data_dir) -> None:
    add_subject(commune_db, "Lê Văn Sau")
    commune_db.close()
    live = data_dir / DB_FILE_NAME
    before = live.read_bytes()
    with pytest.raises(WrongPassphraseError) as caught:
        restore_backup(data_dir, encrypted_copy, passphrase="Tre xanh xanh tu bao gio")
    assert "Cụm mật khẩu không đúng" in str(caught.value) and "chưa có gì được khôi phục" in str(caught.value)
    with pytest.raises(PassphraseNeededError):
        restore_backup(data_dir, encrypted_copy)
    assert live.read_bytes() == before
    assert [info.reason.value for info in list_backups(data_dir)] == ["thu-cong"]  # none "trước khôi phục"
    assert not list(backups_dir(data_dir).glob(".tmp-*"))


@pytest.mark.parametrize("where", ["body", "tag", "header_nonce"])
def test_an_altered_byte_is_refused_by_the_tag(commune_db, encrypted_copy, data_dir, where) -> None:
    size = encrypted_copy.stat().st_size
    middle = HEADER.size + (size - HEADER.size) // 2
    offset = {"body": middle, "tag": size - 3, "header_nonce": HEADER.size - 2}
    original = encrypted_copy.read_bytes()[offset[where]]
    overwrite(encrypted_copy, offset[where], bytes([original ^ 0x01]))
    commune_db.close()
    before = (data_dir / DB_FILE_NAME).read_bytes()
    with pytest.raises(BackupVerificationError) as caught:
        restore_backup(data_dir, encrypted_copy, passphrase=PASSPHRASE)
    assert "đã bị sửa hoặc hỏng" in str(caught.value)
    assert (data_dir / DB_FILE_NAME).read_bytes() == before
    assert not list(backups_dir(data_dir).glob(".tmp-*"))  # no plaintext of the altered file left


def test_passphrase_rules_and_turning_encryption_off(commune_db, usb, data_dir) -> None:
    with pytest.raises(ServiceError, match="ít nhất 8 ký tự"):
        set_backup_encryption(commune_db, "ngắn", "ngắn")
    with pytest.raises(ServiceError, match="không giống nhau"):
        set_backup_encryption(commune_db, PASSPHRASE, PASSPHRASE + "!")
    assert not backup_encryption_on(commune_db)
    set_backup_encryption(commune_db, PASSPHRASE, PASSPHRASE)
    set_backup_encryption(commune_db, None)
    assert not backup_encryption_on(commune_db)
    save_second_folder(commune_db, usb)
    outcome = backup_now(commune_db)
    assert outcome.copy is not None and not is_encrypted_backup(outcome.copy.path)


def test_cli_restore_reads_the_passphrase_from_standard_input(commune_db, encrypted_copy, data_dir,
                                                              monkeypatch, capsys) -> None:
    import io

    from app.cli.main import main

    add_subject(commune_db, "Lê Văn Sau")
    commune_db.close()
    args = ["--data-dir", str(data_dir), "restore", str(encrypted_copy), "--passphrase-stdin"]
    monkeypatch.setattr("sys.stdin", io.StringIO("sai rồi sai rồi\n"))
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "Cụm mật khẩu không đúng" in err and "Traceback" not in err
    assert "Lê Văn Sau" in subject_names(data_dir / DB_FILE_NAME)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(args) == 2 and "đầu vào chuẩn trống" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSPHRASE}\n"))
    assert main(args) == 0
    assert subject_names(data_dir / DB_FILE_NAME) == {KNOWN_NAME}
    assert "Đã khôi phục dữ liệu" in capsys.readouterr().out
