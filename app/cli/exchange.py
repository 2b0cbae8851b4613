"""Excel lists on the command line:

    sovang import-xlsx FILE [--sheet NAME] [--header-row N] [--preset NAME] [--save-preset NAME]
                       [--dry-run] [--errors-out PATH.xlsx] [--all-or-nothing]
    sovang import-undo BATCH_ID
    sovang export-xlsx LIST --out PATH.xlsx [--round ID | --decision ID] [--preset NAME] [--with-citizen-id]

import-xlsx prints every refused row's problems and a summary; exit status 0 when every row was
imported (or matched), 1 when some rows were refused (the good ones are imported unless --dry-run or
--all-or-nothing), 2 for a file that cannot be read (nothing written).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.storage.database import Database

EXIT_OK, EXIT_REFUSED_ROWS = 0, 1
Printer = Callable[[str], None]
LISTS = ("subjects", "nominations", "decision", "register")


def add_exchange_commands(commands) -> None:
    from app.cli.args import path, record_id, text

    load = commands.add_parser("import-xlsx", help="nhập danh sách đối tượng từ tệp Excel (.xlsx)",
                               add_help=False)
    load.add_argument("file", metavar="TỆP", type=path, help="tệp .xlsx thôn, đơn vị gửi lên")
    load.add_argument("--sheet", type=text(200), metavar="TÊN", help="trang tính (mặc định: trang đầu)")
    load.add_argument("--header-row", type=record_id, metavar="SỐ", help="dòng tiêu đề (mặc định: tự tìm)")
    load.add_argument("--preset", type=text(100), metavar="TÊN", help="mẫu ghép cột đã lưu")
    load.add_argument("--save-preset", type=text(100), metavar="TÊN", help="lưu cách ghép cột thành mẫu")
    load.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì vào sổ")
    load.add_argument("--errors-out", type=path, metavar="TỆP.xlsx",
                      help="ghi lại tệp kèm cột “Lỗi” ở các dòng bị từ chối")
    load.add_argument("--all-or-nothing", action="store_true",
                      help="có dòng bị từ chối thì không nhập dòng nào")
    undo = commands.add_parser("import-undo", help="hoàn tác một lần nhập Excel", add_help=False)
    undo.add_argument("batch", metavar="SỐ", type=record_id, help="số lần nhập (in ra khi nhập)")
    export = commands.add_parser("export-xlsx", help="xuất danh sách ra tệp Excel (.xlsx)", add_help=False)
    export.add_argument("list", choices=LISTS, metavar="DANH_SÁCH",
                        help="subjects (đối tượng), nominations (đề nghị của đợt xét), decision (danh sách "
                             "kèm quyết định), register (sổ vàng)")
    export.add_argument("--out", required=True, type=path, metavar="TỆP.xlsx", help="tệp sẽ ghi")
    which = export.add_mutually_exclusive_group()
    which.add_argument("--round", type=record_id, metavar="SỐ", help="đợt xét (với nominations)")
    which.add_argument("--decision", type=record_id, metavar="MÃ", help="quyết định (với decision)")
    export.add_argument("--preset", type=text(100), metavar="TÊN",
                        help="mẫu cột: “Mẫu chung” (mặc định), “MauTDKT”, hoặc mẫu đã lưu")
    export.add_argument("--with-citizen-id", action="store_true",
                        help="xác nhận xuất kèm số CCCD khi mẫu cột có cột đó")


def import_xlsx(db: Database, args, out: Printer = print) -> int:
    from app.services.exchange import (
        ImportSource,
        Outcome,
        import_preset,
        preview_import,
        run_import,
        save_error_workbook,
        save_import_preset,
    )

    preset = import_preset(db, args.preset).fields if args.preset else None
    source = ImportSource(Path(args.file).expanduser(), args.sheet, args.header_row, preset=preset)
    preview = preview_import(db, source)
    out(f"Trang “{preview.sheet}”, dòng tiêu đề {preview.header_row}; cột: " + ", ".join(
        f"{preview.headers[c]} → {key}" for c, key in sorted(preview.mapping.items())))
    for row in preview.refused:
        for problem in row.problems:
            out(problem.message)
    if args.errors_out and preview.refused:
        written = save_error_workbook(preview, Path(args.errors_out).expanduser())
        out(f"Đã ghi tệp lỗi: {written}")
    if args.save_preset:
        fields = {key: preview.headers[c] for c, key in preview.mapping.items()}
        save_import_preset(db, args.save_preset, fields)
        out(f"Đã lưu mẫu ghép cột “{args.save_preset}”.")
    if args.dry_run:
        out(f"Chạy thử (chưa ghi gì): {preview.summary()}")
    else:
        result = run_import(db, source, all_or_nothing=args.all_or_nothing)
        out(result.summary())
    return EXIT_REFUSED_ROWS if preview.counts[Outcome.REFUSED] else EXIT_OK


def import_undo(db: Database, args, out: Printer = print) -> int:
    from app.services.exchange import undo_import

    removed = undo_import(db, args.batch)
    out(f"Đã hoàn tác lần nhập số {args.batch}: xóa {removed} đối tượng đã thêm khi nhập.")
    return EXIT_OK


def export_xlsx(db: Database, args, out: Printer = print) -> int:
    from app.cli.args import UsageError
    from app.services.exchange import ExportRequest, ListKind, export_list, export_preset

    kind = ListKind(args.list)
    if kind is ListKind.NOMINATIONS and args.round is None:
        raise UsageError("danh sách nominations cần --round SỐ")
    if kind is ListKind.DECISION and args.decision is None:
        raise UsageError("danh sách decision cần --decision MÃ")
    columns = export_preset(db, args.preset).columns if args.preset else ExportRequest(kind).columns
    request = ExportRequest(kind, columns, args.round, args.decision, args.with_citizen_id)
    result = export_list(db, request, Path(args.out).expanduser())
    out(result.summary())
    return EXIT_OK
