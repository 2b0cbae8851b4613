"""The upload package on the command line: `sovang package DECISION_ID|--round ID|--catalogue --out
PATH.zip`, `sovang verify-package PATH.zip` (every problem in Vietnamese, exit 2) and `sovang
import-package PATH.zip` (verified first, merged without duplicating)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from app.rules.vntext import vn_number
from app.storage.database import Database

EXIT_OK, EXIT_PROBLEM = 0, 2
Printer = Callable[[str], None]


def add_package_commands(commands) -> None:
    from app.cli.args import path, record_id

    package = commands.add_parser("package", help="lập gói hồ sơ gửi tỉnh (BagIt, một tệp .zip)",
                                  add_help=False)
    package.add_argument("id", metavar="SỐ_QĐ", type=record_id, nargs="?",
                         help="mã quyết định (xem `sovang decision list`)")
    what = package.add_mutually_exclusive_group()
    what.add_argument("--round", type=record_id, metavar="SỐ", help="mọi quyết định đã ban hành của đợt xét")
    what.add_argument("--year", type=record_id, metavar="NĂM", help="mọi quyết định đã ban hành của một năm")
    what.add_argument("--catalogue", action="store_true", help="danh mục hình thức khen thưởng và tiêu chuẩn")
    what.add_argument("--subjects", action="store_true",
                      help="các đối tượng và lịch sử khen thưởng (không kèm CCCD), cho một máy khác của xã")
    package.add_argument("--out", required=True, type=path, metavar="TỆP.zip", help="đường dẫn gói sẽ ghi")
    verify = commands.add_parser("verify-package", help="kiểm tra một gói hồ sơ (.zip)", add_help=False)
    verify.add_argument("file", metavar="TỆP.zip", type=path)
    load = commands.add_parser("import-package", help="nhập một gói (danh mục khen thưởng) sau khi kiểm tra",
                               add_help=False)
    load.add_argument("file", metavar="TỆP.zip", type=path)


def package_command(db: Database, args, out: Printer = print) -> int:
    from app.cli.args import UsageError
    from app.services.exchange import make_catalogue_package, make_package, make_subjects_package

    target = Path(args.out)
    if args.catalogue or args.subjects:
        if args.id is not None:
            raise UsageError("tham số --catalogue, --subjects không dùng cùng mã quyết định")
        written = (make_catalogue_package if args.catalogue else make_subjects_package)(db, target)
        what = "danh mục khen thưởng" if args.catalogue else "đối tượng"
        out(f"Đã ghi gói {what} vào {written}.")
        return EXIT_OK
    if sum(x is not None for x in (args.id, args.round, args.year)) != 1:
        raise UsageError("cần đúng một trong: mã quyết định, --round SỐ, --year NĂM hoặc --catalogue")
    summary = make_package(db, target, decision_id=args.id, round_id=args.round, year=args.year)
    out(f"Đã ghi gói {summary.bag_name} ({vn_number(summary.decisions)} quyết định, "
        f"{vn_number(summary.files)} tệp, {vn_number(max(summary.size // 1024, 1))} KB) vào {summary.path}.")
    return EXIT_OK


def verify_command(args, out: Printer = print, err: Printer | None = None) -> int:
    from app.services.exchange import verify_package

    err = err or _stderr

    check = verify_package(Path(args.file))
    if check.problems:
        err(f"Gói “{check.path.name}” KHÔNG hợp lệ:")
        for problem in check.problems:
            err(f"- {problem}")
        return EXIT_PROBLEM
    info = dict(check.info)
    out(f"Gói “{check.path.name}” hợp lệ: {check.bag_name}, {vn_number(check.files)} tệp, mã SHA-256 khớp.")
    for label in ("Source-Organization", "External-Description", "Sovang-App-Version"):
        if info.get(label):
            out(f"  {label}: {info[label]}")
    return EXIT_OK


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


def import_command(db: Database, args, out: Printer = print) -> int:
    from app.services.exchange import import_package

    out(import_package(db, Path(args.file)).summary())
    return EXIT_OK
