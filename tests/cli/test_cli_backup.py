"""The backup commands of the command line: backup, backup --to, backup --list, restore, check-db --full."""

from __future__ import annotations

from pathlib import Path

from backup_helpers import add_subject, overwrite, subject_names

from app.cli.main import main
from app.storage.lock import InstanceLock
from app.storage.paths import DB_FILE_NAME, backups_dir


def run(capsys, data_dir, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def made_path(line: str) -> Path:
    return Path(line.split(": ", 1)[1])


def test_backup_prints_the_file_and_list_shows_it(capsys, commune_db, data_dir) -> None:
    add_subject(commune_db, "Nguyễn Văn Đạt")
    code, out, err = run(capsys, data_dir, "backup")
    assert code == 0 and err == ""
    [line] = out.splitlines()
    assert line.startswith("Đã sao lưu: ") and made_path(line).exists()
    code, out, _ = run(capsys, data_dir, "backup", "--list")
    [listed] = out.splitlines()
    assert code == 0 and "thủ công" in listed and "1 đối tượng" in listed
    assert listed.endswith(str(made_path(line)))


def test_backup_to_a_second_folder(capsys, db, data_dir, tmp_path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, _ = run(capsys, data_dir, "backup", "--to", str(usb))
    first, second = out.splitlines()
    assert code == 0 and second.startswith("Đã chép bản sao lưu tới: ")
    assert made_path(second).parent == usb and made_path(second).name == made_path(first).name


def test_backup_to_a_missing_folder_writes_nothing(capsys, db, data_dir, tmp_path) -> None:
    code, out, err = run(capsys, data_dir, "backup", "--to", str(tmp_path / "khong-co"))
    assert code == 2 and out == "" and err.count("\n") == 1 and "Không có thư mục" in err
    assert not backups_dir(data_dir).exists()


def test_backup_without_a_database(capsys, data_dir) -> None:
    code, _, err = run(capsys, data_dir, "backup")
    assert code == 2 and "chưa được khởi tạo" in err and not data_dir.exists()


def test_list_and_to_together_are_refused(capsys, data_dir, tmp_path, migrated_data_dir) -> None:
    migrated_data_dir(data_dir)
    code, _, err = run(capsys, data_dir, "backup", "--list", "--to", str(tmp_path))
    assert code == 2 and "--list" in err


def test_restore_and_its_refusals(capsys, commune_db, data_dir, tmp_path) -> None:
    add_subject(commune_db, "Lê Thị Hoa")
    _, out, _ = run(capsys, data_dir, "backup")
    saved = made_path(out.strip())
    add_subject(commune_db, "Trần Văn Nam")
    commune_db.close()
    with InstanceLock(data_dir):
        code, _, err = run(capsys, data_dir, "restore", str(saved))
    assert code == 2 and "đang mở" in err
    bogus = tmp_path / "khong-phai.sqlite3"
    bogus.write_text("không phải cơ sở dữ liệu" * 50)
    code, out, err = run(capsys, data_dir, "restore", str(bogus))
    assert code == 2 and out == "" and err.count("\n") == 1
    code, out, err = run(capsys, data_dir, "restore", str(saved))
    assert code == 0 and err == ""
    assert out.startswith("Đã khôi phục dữ liệu") and "trước khi khôi phục" in out
    assert subject_names(data_dir / DB_FILE_NAME) == {"Lê Thị Hoa"}


def test_check_db_full_and_damaged_start(capsys, db, data_dir) -> None:
    code, out, _ = run(capsys, data_dir, "check-db", "--full")
    assert code == 0 and "integrity_check: ok" in out
    db.close()
    overwrite(data_dir / DB_FILE_NAME, 0, b"khong con la db!")
    code, out, err = run(capsys, data_dir, "check-db")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "để riêng thành tệp “sovang.sqlite3.hong-" in err
