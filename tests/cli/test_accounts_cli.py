"""`sovang user list|add|passwd|disable`: the way back when everyone forgot their password."""

from __future__ import annotations

import io

import pytest
from account_helpers import PASSWORD, cheap_hashing  # noqa: F401 - fixture

from app.cli.main import main
from app.models.enums import UserRole
from app.services.accounts.manage import SignInError, authenticate, find_account
from app.storage.database import open_database

pytestmark = pytest.mark.usefixtures("cheap_hashing")


@pytest.fixture(autouse=True)
def migrated(migrated_data_dir, data_dir):
    """A data directory with its database (a command other than `init` refuses a folder that has none)."""
    return migrated_data_dir(data_dir)


def run(capsys, monkeypatch, data_dir, *args: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(data_dir), "user", *args])
    out, err = capsys.readouterr()
    return code, out, err


def sign_in(data_dir, username: str, password: str):
    db = open_database(data_dir)
    try:
        return authenticate(db, username, password)
    finally:
        db.close()


def add(capsys, monkeypatch, data_dir, username, name, role, password=PASSWORD):
    return run(capsys, monkeypatch, data_dir, "add", username, "--name", name, "--role", role,
               "--password-stdin", stdin=password + "\n")


def test_list_add_passwd_disable(capsys, monkeypatch, data_dir):
    code, out, _ = run(capsys, monkeypatch, data_dir, "list")
    assert code == 0 and out == "Chưa có tài khoản nào: Sổ Vàng mở không cần mật khẩu.\n"
    code, out, _ = add(capsys, monkeypatch, data_dir, "lan", "Trần Thị Lan", "leader")
    assert code == 0 and out == "Đã thêm tài khoản “lan” (Trần Thị Lan — Lãnh đạo).\n"
    assert add(capsys, monkeypatch, data_dir, "duc", "Lê Minh Đức", "officer")[0] == 0
    code, out, _ = run(capsys, monkeypatch, data_dir, "list")
    assert out.splitlines() == [
        "duc\tLê Minh Đức\tCán bộ nghiệp vụ\tĐang dùng\tchưa đăng nhập",
        "lan\tTrần Thị Lan\tLãnh đạo\tĐang dùng\tchưa đăng nhập",
    ]
    code, out, _ = run(capsys, monkeypatch, data_dir, "passwd", "LAN", "--password-stdin",
                       stdin="mật khẩu mới 1\n")
    assert code == 0 and out == "Đã đặt mật khẩu mới cho tài khoản “lan”.\n"
    assert sign_in(data_dir, "lan", "mật khẩu mới 1").role is UserRole.LEADER
    with pytest.raises(SignInError):
        sign_in(data_dir, "lan", PASSWORD)
    code, out, _ = run(capsys, monkeypatch, data_dir, "disable", "duc")
    assert code == 0 and out.startswith("Đã ngừng sử dụng tài khoản “duc”")
    assert "Ngừng sử dụng" in run(capsys, monkeypatch, data_dir, "list")[1]


def test_the_password_is_asked_twice_without_echo(capsys, monkeypatch, data_dir):
    answers = iter([PASSWORD, PASSWORD + "x"])
    prompts: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or next(answers))
    code, out, err = run(capsys, monkeypatch, data_dir, "add", "lan", "--name", "Trần Thị Lan",
                         "--role", "leader")
    assert prompts == ["Mật khẩu mới: ", "Nhập lại mật khẩu mới: "]
    assert code == 2 and out == ""
    assert err == "sovang: Nhập lại mật khẩu: không khớp với mật khẩu đã nhập.\n"
    assert PASSWORD not in err


@pytest.mark.parametrize(("args", "stdin", "message"), [
    (["add", "duc", "--name", "Lê Minh Đức", "--role", "officer", "--password-stdin"], PASSWORD,
     "tài khoản đầu tiên phải là Lãnh đạo"),
    (["add", "lan", "--name", "Trần Thị Lan", "--role", "leader", "--password-stdin"], "ngắn",
     "Mật khẩu: phải có ít nhất 8 ký tự."),
    (["add", "lan", "--name", "Trần Thị Lan", "--role", "sếp"], "", "không hợp lệ (chọn một trong"),
    (["passwd", "khong-co", "--password-stdin"], PASSWORD, "Không có tài khoản “khong-co”."),
    (["disable"], "", "thiếu tham số bắt buộc"),
])
def test_refusals_exit_2_with_one_vietnamese_line(capsys, monkeypatch, data_dir, args, stdin, message):
    code, out, err = run(capsys, monkeypatch, data_dir, *args, stdin=stdin + "\n")
    assert code == 2 and out == ""
    assert err.startswith("sovang: ") and message in err and err.count("\n") == 1


def test_the_last_leader_cannot_be_disabled(capsys, monkeypatch, data_dir):
    add(capsys, monkeypatch, data_dir, "lan", "Trần Thị Lan", "leader")
    code, _, err = run(capsys, monkeypatch, data_dir, "disable", "lan")
    assert code == 2 and "Lãnh đạo cuối cùng" in err
    db = open_database(data_dir)
    try:
        assert find_account(db, "lan").active
    finally:
        db.close()
