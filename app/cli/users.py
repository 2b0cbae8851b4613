"""The accounts on the command line: `sovang user list|add|passwd|disable`.

The command line acts as the computer's own user (whoever may open the data folder), so it may
manage every account: this is the way back when everyone forgot their password
(`sovang user passwd USERNAME`). Passwords are asked twice without echo, or read from the first
line of standard input with --password-stdin (for scripts); they are never printed.
"""

from __future__ import annotations

import getpass
import sys

from app.models.enums import UserRole
from app.services.accounts import AccountInput, AccountRow
from app.storage.database import Database

EXIT_OK = 0
NO_ACCOUNTS = "Chưa có tài khoản nào: Sổ Vàng mở không cần mật khẩu."
ROLES = [role.value for role in UserRole]


def add_user_commands(commands) -> None:
    """`sovang user …` on the parser's subcommands (parsers of the same Vietnamese class)."""
    from app.cli.args import text

    user = commands.add_parser("user", help="tài khoản người dùng và mật khẩu", add_help=False)
    actions = user.add_subparsers(dest="user_command", metavar="LỆNH", required=True, parser_class=type(user))
    actions.add_parser("list", help="các tài khoản, mỗi tài khoản một dòng", add_help=False)
    add = actions.add_parser("add", help="thêm tài khoản (tài khoản đầu tiên phải là leader)", add_help=False)
    add.add_argument("username", metavar="TÊN_ĐĂNG_NHẬP", type=text(100))
    add.add_argument("--name", required=True, type=text(), help="họ và tên người dùng")
    add.add_argument("--role", required=True, choices=ROLES,
                     help=", ".join(f"{role.value}: {role.label.lower()}" for role in UserRole))
    _password_option(add)
    passwd = actions.add_parser("passwd", help="đặt mật khẩu mới (khi quên mật khẩu)", add_help=False)
    passwd.add_argument("username", metavar="TÊN_ĐĂNG_NHẬP", type=text(100))
    _password_option(passwd)
    disable = actions.add_parser("disable", help="ngừng sử dụng một tài khoản", add_help=False)
    disable.add_argument("username", metavar="TÊN_ĐĂNG_NHẬP", type=text(100))


def _password_option(parser) -> None:
    parser.add_argument("--password-stdin", action="store_true",
                        help="đọc mật khẩu từ dòng đầu của đầu vào chuẩn (cho script)")


def user_command(db: Database, args) -> int:
    if args.user_command == "list":
        return _list(db)
    if args.user_command == "add":
        return _add(db, args)
    if args.user_command == "passwd":
        return _passwd(db, args)
    return _disable(db, args)


def _list(db: Database) -> int:
    from app.services.accounts import list_accounts

    rows = list_accounts(db)
    if not rows:
        print(NO_ACCOUNTS)
    for row in rows:
        print("\t".join([row.username, row.full_name, row.role.label, row.status_label, _last_login(row)]))
    return EXIT_OK


def _last_login(row: AccountRow) -> str:
    if row.last_login_at is None:
        return "chưa đăng nhập"
    return f"đăng nhập lần cuối {row.last_login_at:%d/%m/%Y %H:%M}"


def _add(db: Database, args) -> int:
    from app.services.accounts import create_account

    password, again = _read_password(args.password_stdin)
    data = AccountInput(args.username, args.name, UserRole(args.role), password, again)
    row = create_account(db, data)
    print(f"Đã thêm tài khoản “{row.username}” ({row.full_name} — {row.role.label}).")
    return EXIT_OK


def _passwd(db: Database, args) -> int:
    from app.services.accounts import find_account, reset_password

    row = find_account(db, args.username)  # an unknown name is said before the password is asked
    password, again = _read_password(args.password_stdin)
    reset_password(db, row.id, password, again)
    print(f"Đã đặt mật khẩu mới cho tài khoản “{row.username}”.")
    return EXIT_OK


def _disable(db: Database, args) -> int:
    from app.services.accounts import find_account, set_active

    row = find_account(db, args.username)
    set_active(db, row.id, False, row.version)
    print(f"Đã ngừng sử dụng tài khoản “{row.username}”; tài khoản vẫn được giữ trong nhật ký.")
    return EXIT_OK


def _read_password(from_stdin: bool) -> tuple[str, str | None]:
    """The new password and its repetition (None when read from standard input); UsageError when there
    is none to read (standard input empty or closed, not UTF-8, no terminal to ask on)."""
    from app.cli.args import UsageError

    if from_stdin:
        try:
            line = sys.stdin.readline() if sys.stdin is not None else ""
        except (UnicodeDecodeError, ValueError, OSError):
            raise UsageError("--password-stdin: mật khẩu không phải văn bản UTF-8; hãy ghi mật khẩu ở dòng "
                             "đầu, mã UTF-8.") from None
        if any("\ud800" <= ch <= "\udfff" for ch in line):  # bytes kept by surrogateescape
            raise UsageError("--password-stdin: mật khẩu không phải văn bản UTF-8; hãy ghi mật khẩu ở dòng "
                             "đầu, mã UTF-8.")
        if not line:
            raise UsageError("--password-stdin: đầu vào chuẩn trống, không có mật khẩu; "
                             "hãy ghi mật khẩu ở dòng đầu (ví dụ: echo \"…\" | sovang user …).")
        return line.rstrip("\r\n"), None
    try:
        password = getpass.getpass("Mật khẩu mới: ")
        return password, getpass.getpass("Nhập lại mật khẩu mới: ")
    except (EOFError, UnicodeDecodeError, OSError):
        raise UsageError("không hỏi được mật khẩu (không có bàn phím, đầu vào đã hết); "
                         "dùng --password-stdin để đọc mật khẩu từ đầu vào chuẩn.") from None
