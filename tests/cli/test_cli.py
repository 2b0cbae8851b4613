"""The command line: exit codes, Vietnamese messages, JSON output, nothing half-written."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app.cli.main import main
from app.storage.lock import InstanceLock
from app.storage.paths import DB_FILE_NAME


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_then_check_db(capsys, data_dir) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "init", "--commune", "Xã Hòa Bình",
                       "--province", "Tỉnh Phú Thọ", "--chairman", "Nguyễn Văn Hùng")
    assert code == 0 and "Xã Hòa Bình" in out
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "check-db")
    assert code == 0 and "không có lỗi" in out


def test_init_with_empty_commune_is_refused(capsys, data_dir) -> None:
    args = ["--data-dir", str(data_dir), "init", "--commune", " ", "--province", "Phú Thọ"]
    code, _, err = run(capsys, *args)
    assert code == 2
    assert err.startswith("sovang: ") and "Tên xã" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["init"], "thiếu tham số bắt buộc"),
        (["demo", "--subjects", "nhiều"], "không phải là số nguyên"),
        (["subjects"], "thiếu tham số bắt buộc"),
        (["lam-gi-do"], "không hợp lệ"),
    ],
)
def test_bad_arguments_exit_2_with_vietnamese_line(capsys, data_dir, args, fragment) -> None:
    code, out, err = run(capsys, "--data-dir", str(data_dir), *args)
    assert code == 2 and out == ""
    assert fragment in err and err.count("\n") == 1
    assert not (data_dir / DB_FILE_NAME).exists()


def test_subjects_search_json_uses_the_gui_search(capsys, commune_db, data_dir) -> None:
    from app.models import Gender, SubjectKind
    from app.services.subjects.crud import create_subject
    from app.services.subjects.data import SubjectInput

    create_subject(commune_db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Nguyễn Văn Đạt",
                                            gender=Gender.MALE, citizen_id="037203001234"))
    create_subject(
        commune_db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Lê Thị Hoa", gender=Gender.FEMALE)
    )
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "subjects", "search", "nguyen van dat", "--json")
    assert code == 0
    found = json.loads(out)
    assert [item["name"] for item in found] == ["Nguyễn Văn Đạt"]
    assert found[0]["kind"] == "individual" and found[0]["kind_label"] == "Cá nhân"
    assert "037203001234" not in out
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "subjects", "search", "hoa")
    assert code == 0 and out.splitlines()[0].split("\t")[2] == "Lê Thị Hoa"


def test_writer_command_refused_while_app_holds_lock(capsys, data_dir) -> None:
    data_dir.mkdir(parents=True)
    with InstanceLock(data_dir):
        args = ["--data-dir", str(data_dir), "init", "--commune", "Xã A", "--province", "B"]
        code, _, err = run(capsys, *args)
    assert code == 2 and "đang mở" in err


def test_check_db_reports_broken_foreign_key(capsys, commune_db, data_dir) -> None:
    import sqlite3

    with sqlite3.connect(data_dir / DB_FILE_NAME) as conn:
        conn.execute("INSERT INTO award_record (subject_id, form_name, year, decision_no, issuer, note) "
                     "VALUES (4242, 'Giấy khen', 2024, '', '', '')")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "check-db")
    assert code == 1 and "award_record" in out


def test_console_entry_point_runs(data_dir, migrated_data_dir) -> None:
    migrated_data_dir(data_dir)
    result = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "subjects", "search", "x"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
