"""`sovang report NAME --year Y [--quarter Q] --out PATH`: a periodic report in the format of the file's
suffix (.xlsx, .docx or .pdf), written whole or not at all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.storage.database import Database

EXIT_OK = 0
Printer = Callable[[str], None]


def add_report_command(commands) -> None:
    import argparse

    from app.cli.args import path

    def year(value: str) -> int:
        if not value.isdigit() or not 1900 <= int(value) <= 2200:
            raise argparse.ArgumentTypeError(f"“{value[:20]}” không phải năm (1900–2200)")
        return int(value)

    def quarter(value: str) -> int:
        if value not in ("1", "2", "3", "4"):
            raise argparse.ArgumentTypeError(f"“{value[:20]}” không phải quý (1 đến 4)")
        return int(value)

    names = {"quy": "báo cáo quý về công tác điển hình tiên tiến (cần --quarter)",
             "nam": "báo cáo số lượng khen thưởng trong năm",
             "dien-hinh": "danh sách điển hình tiên tiến gửi tỉnh"}
    report = commands.add_parser("report", help="báo cáo định kỳ (.xlsx, .docx hoặc .pdf)", add_help=False)
    report.add_argument("name", metavar="TÊN", choices=list(names),
                        help="; ".join(f"{key}: {text}" for key, text in names.items()))
    report.add_argument("--year", required=True, type=year, metavar="NĂM")
    report.add_argument("--quarter", type=quarter, metavar="QUÝ", help="1 đến 4")
    report.add_argument("--out", required=True, type=path, metavar="TỆP",
                        help="đường dẫn tệp sẽ ghi; đuôi .xlsx, .docx hoặc .pdf chọn định dạng")


def report_command(db: Database, args, out: Printer = print) -> int:
    from app.services.exchange import write_report

    written = write_report(db, args.name, args.year, args.quarter, Path(args.out))
    out(f"Đã ghi báo cáo vào {written}.")
    return EXIT_OK
