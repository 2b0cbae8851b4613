"""The argument parser of the command line, with its messages in Vietnamese."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from app.cli.audit import add_audit_command
from app.cli.certificates import add_certificate_commands
from app.cli.console import shown
from app.cli.council import add_council_commands
from app.cli.exchange import add_exchange_commands
from app.cli.files import add_files_command
from app.cli.package import add_package_commands
from app.cli.report import add_report_command
from app.cli.subject_data import add_subject_commands
from app.cli.subject_merge import add_merge_command
from app.cli.users import add_user_commands
from app.errors import character_refusal, forbidden_character
from app.models.enums import NominationStatus
from app.rules.vntext import vn_number

_TRANSLATIONS = [
    (r"the following arguments are required: (.*)", r"thiếu tham số bắt buộc: \1"),
    (r"unrecognized arguments: (.*)", r"tham số không nhận ra: \1"),
    (r"argument (\S+): invalid (?:int|positive_int) value: (.*)", r"tham số \1: \2 không phải là số nguyên"),
    (
        r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
        r"tham số \1: \2 không hợp lệ (chọn một trong: \3)",
    ),
    (r"argument (\S+): expected one argument", r"tham số \1 cần một giá trị"),
    (r"argument (\S+): ignored explicit argument (.*)", r"tham số \1 không nhận giá trị (\2)"),
    (r"ambiguous option: (\S+) could match (.*)", r"tham số \1 không rõ là tham số nào (\2)"),
    (r"argument (\S+): not allowed with argument (.*)", r"tham số \1 không dùng cùng \2"),
    # A type below refused the value: its message is Vietnamese already.
    (r"argument (\S+): (.*)", r"tham số \1: \2"),
]

# Every id is an Integer column: 4 bytes on PostgreSQL, so no record there has a larger number (SQLite's
# are 8 bytes, but its ids are given one by one from 1: the same limit holds on both databases).
MAX_ID = 2**31 - 1
MAX_COUNT = MAX_ID
SEARCH_LIMIT = 200  # characters of a search text (a name, part of one): SQLite refuses very long patterns
TEXT_LIMIT = 2000  # characters of any other text argument (the services check each field's own limit)
PATH_LIMIT = 4096


STATUSES = [status.value for status in NominationStatus]


class UsageError(Exception):
    """Bad command-line arguments (exit status 2)."""


def translate(message: str) -> str:
    for pattern, replacement in _TRANSLATIONS:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return f"tham số không hợp lệ ({message})"


class VietnameseArgumentParser(argparse.ArgumentParser):
    """Errors raised as UsageError in Vietnamese, and a Vietnamese -h/--help on every command and
    subcommand (`sovang import-xlsx --help` shows the command's help, not a missing argument)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["add_help"] = False  # argparse's own says "show this help message and exit"
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="hiện hướng dẫn này rồi thoát")

    def error(self, message: str) -> NoReturn:
        raise UsageError(translate(message))

    def print_help(self, file=None) -> None:  # noqa: D401 - argparse's own signature
        text = self.format_help().replace("usage:", "Cách dùng:").replace("options:", "Tùy chọn:")
        text = text.replace("positional arguments:", "Tham số:")
        (file or sys.stdout).write(text)


def _integer(value: str) -> int:
    text = value.strip()
    if not re.fullmatch(r"[+-]?[0-9]{1,30}", text):
        raise argparse.ArgumentTypeError(f"“{shown(value)}” không phải là số nguyên")
    return int(text)


def _within(value: str, low: int, high: int) -> int:
    number = _integer(value)
    if not low <= number <= high:
        raise argparse.ArgumentTypeError(
            f"“{shown(value)}” không hợp lệ: phải là số nguyên từ {vn_number(low)} đến {vn_number(high)}")
    return number


def record_id(value: str) -> int:
    """The number of a record: from 1 to the largest id the database can hold."""
    return _within(value, 1, MAX_ID)


def count(value: str) -> int:
    """A number of rows or records: from 0 (0 often means "all")."""
    return _within(value, 0, MAX_COUNT)


def seed(value: str) -> int:
    return _within(value, -(2**63), 2**63 - 1)


def text(limit: int = TEXT_LIMIT):
    """A text argument: no control character, no bytes that were not UTF-8, at most `limit` characters."""

    def parse(value: str) -> str:
        ch = forbidden_character(value)
        if ch is not None:
            raise argparse.ArgumentTypeError(character_refusal(ch))
        if len(value) > limit:
            raise argparse.ArgumentTypeError(f"dài quá {vn_number(limit)} ký tự ({vn_number(len(value))})")
        return value

    parse.__name__ = "text"
    return parse


def path(value: str) -> str:
    """A file or folder path: any bytes the system allows (a name that is not UTF-8 included), but no
    control character (NUL cannot be in a path at all)."""
    ch = forbidden_character(value)
    if ch is not None and not "\ud800" <= ch <= "\udfff":
        raise argparse.ArgumentTypeError(f"đường dẫn {character_refusal(ch)}")
    if not value.strip():
        raise argparse.ArgumentTypeError("đường dẫn trống")
    if len(value) > PATH_LIMIT:
        raise argparse.ArgumentTypeError(f"đường dẫn dài quá {vn_number(PATH_LIMIT)} ký tự")
    return value


def build_parser() -> VietnameseArgumentParser:
    parser = VietnameseArgumentParser(
        prog="sovang", description="Sổ Vàng — quản lý thi đua, khen thưởng cấp xã.", add_help=False
    )
    parser.add_argument(
        "--data-dir", type=path,
        help="thư mục dữ liệu (mặc định: SOVANG_DATA_DIR hoặc thư mục của người dùng)"
    )
    commands = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=VietnameseArgumentParser)

    init = commands.add_parser("init", help="khai báo xã lần đầu", add_help=False)
    init.add_argument("--commune", required=True, type=text(), help="tên xã, ví dụ “Xã Hòa Bình”")
    init.add_argument("--province", required=True, type=text(), help="tên tỉnh, thành phố")
    init.add_argument("--chairman", default="", type=text(), help="họ tên Chủ tịch UBND xã")

    demo = commands.add_parser("demo", help="điền dữ liệu mẫu", add_help=False)
    demo.add_argument("--subjects", type=count, default=2000, help="số đối tượng mẫu (mặc định 2000)")
    demo.add_argument("--seed", type=seed, default=2026, help="hạt giống ngẫu nhiên (cùng hạt, cùng dữ liệu)")

    subjects = commands.add_parser("subjects", help="tra cứu đối tượng", add_help=False)
    subjects_commands = subjects.add_subparsers(
        dest="subjects_command", metavar="LỆNH", required=True, parser_class=VietnameseArgumentParser
    )
    search = subjects_commands.add_parser("search", help="tìm theo tên, không cần dấu", add_help=False)
    search.add_argument("text", metavar="CHỮ", type=text(SEARCH_LIMIT),
                        help="chữ cần tìm, ví dụ “nguyen van dat”")
    search.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    search.add_argument("--limit", type=count, default=0, help="số dòng tối đa (0: tất cả)")
    search.add_argument("--with-citizen-id", action="store_true",
                        help="kèm số CCCD đầy đủ trong JSON (mặc định không có; chỉ khi nơi nhận yêu cầu)")
    add_merge_command(subjects_commands)

    _add_rounds(commands)
    _add_nominations(commands)
    _add_decisions(commands)
    check_db = commands.add_parser("check-db", help="kiểm tra tính toàn vẹn của cơ sở dữ liệu",
                                   add_help=False)
    check_db.add_argument("--full", action="store_true",
                          help="kiểm tra đầy đủ (integrity_check, nội dung các tệp lưu trữ), chậm hơn")
    check_db.add_argument("--against", metavar="TỆP",
                          help="đối chiếu nhật ký thay đổi với một bản sao lưu (hoặc gói dữ liệu đã gửi đi)")
    check_db.add_argument("--repair", action="store_true",
                          help="sửa những lỗi sửa được (dựng lại chỉ mục), sau khi sao lưu")
    _add_backup(commands)
    add_audit_command(commands)
    add_certificate_commands(commands)
    add_subject_commands(commands)
    add_user_commands(commands)
    add_exchange_commands(commands)
    add_package_commands(commands)
    add_report_command(commands)
    add_files_command(commands)
    add_council_commands(commands)
    return parser


def _subcommands(parser: argparse.ArgumentParser, dest: str):
    return parser.add_subparsers(dest=dest, metavar="LỆNH", required=True,
                                 parser_class=VietnameseArgumentParser)


def _add_rounds(commands) -> None:
    rounds = commands.add_parser("rounds", help="đợt xét khen thưởng", add_help=False)
    listing = _subcommands(rounds, "rounds_command").add_parser(
        "list", help="các đợt xét, mỗi đợt một dòng bắt đầu bằng số của đợt", add_help=False)
    listing.add_argument("--json", action="store_true", help="in kết quả dạng JSON")


def _add_nominations(commands) -> None:
    nominations = commands.add_parser("nominations", help="hồ sơ đề nghị khen thưởng", add_help=False)
    actions = _subcommands(nominations, "nominations_command")
    listing = actions.add_parser("list", help="các hồ sơ đề nghị, mỗi hồ sơ một dòng", add_help=False)
    listing.add_argument("--round", type=record_id, help="chỉ các hồ sơ của đợt xét số ROUND")
    listing.add_argument(
        "--status", choices=STATUSES,
        help="chỉ các hồ sơ ở trạng thái: "
        + ", ".join(f"{s.value} ({s.label.lower()})" for s in NominationStatus),
    )
    listing.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    check = actions.add_parser(
        "check", help="bảng kiểm tiêu chí của một hồ sơ (mã thoát 0: đủ điều kiện, 1: chưa)", add_help=False)
    check.add_argument("id", metavar="SỐ", type=record_id, help="số hồ sơ")
    check.add_argument("--json", action="store_true", help="in kết quả dạng JSON")


def _add_decisions(commands) -> None:
    decision = commands.add_parser("decision", help="quyết định khen thưởng", add_help=False)
    actions = _subcommands(decision, "decision_command")
    listing = actions.add_parser("list", help="các quyết định, mỗi quyết định một dòng bắt đầu bằng mã",
                                 add_help=False)
    listing.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    render = actions.add_parser("render", help="xuất quyết định (hoặc tờ trình) ra tệp Word hoặc PDF",
                                add_help=False)
    render.add_argument("id", metavar="SỐ", type=record_id,
                        help="mã quyết định (cột đầu của “decision list”)")
    render.add_argument("--format", choices=["docx", "pdf"], required=True, help="định dạng tệp")
    render.add_argument("--out", required=True, type=path, metavar="TỆP", help="đường dẫn tệp sẽ ghi")
    render.add_argument("--document", choices=["decision", "proposal"], default="decision",
                        help="decision: quyết định (mặc định); proposal: tờ trình kèm theo")


def _add_backup(commands) -> None:
    backup = commands.add_parser("backup", help="sao lưu cơ sở dữ liệu (đã kiểm tra)", add_help=False)
    backup.add_argument("--to", type=path, metavar="THƯ_MỤC",
                        help="chép thêm bản sao lưu vào thư mục này (ổ USB…)")
    backup.add_argument("--list", action="store_true", help="liệt kê các bản sao lưu, mới nhất trước")
    restore = commands.add_parser("restore", help="khôi phục từ một bản sao lưu", add_help=False)
    restore.add_argument("file", metavar="TỆP", type=path, help="tệp sao lưu .sqlite3 (hoặc .sqlite3.enc)")
    restore.add_argument("--passphrase-stdin", action="store_true",
                         help="bản sao lưu mã hóa: đọc cụm mật khẩu ở dòng đầu của đầu vào chuẩn")
