"""Certificates on the command line: `sovang certificates DECISION_ID --out PATH.pdf [--layout NAME]
[--blank-form] [--recipients 1,3-5] [--printer NAME] [--override-stock]` (checked, written whole or not at
all, the print recorded) and `sovang calibration-page --out PATH.pdf [--printer NAME]`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.storage.database import Database

EXIT_OK = 0
Printer = Callable[[str], None]
ACTUAL_SIZE = "In ở chế độ “Kích thước thực” (100 %), không chọn “Vừa trang” (Fit to page)."


def add_certificate_commands(commands) -> None:
    from app.cli.args import path, record_id, text

    batch = commands.add_parser("certificates", help="in giấy khen của một quyết định đã ban hành ra tệp PDF",
                                add_help=False)
    batch.add_argument("id", metavar="SỐ", type=record_id, help="mã quyết định (cột đầu của “decision list”)")
    batch.add_argument("--out", required=True, type=path, metavar="TỆP.pdf", help="đường dẫn tệp PDF sẽ ghi")
    batch.add_argument("--layout", type=text(100), metavar="TÊN_MẪU",
                       help="tên mẫu giấy khen (mặc định: theo hình thức khen thưởng và loại đối tượng)")
    batch.add_argument("--blank-form", action="store_true", help="in lên phôi in sẵn (chỉ phần chữ thay đổi)")
    batch.add_argument("--recipients", type=text(2000), metavar="1,3-5",
                       help="số thứ tự người nhận trong quyết định (mặc định: tất cả)")
    batch.add_argument("--printer", type=text(200), metavar="TÊN_MÁY_IN", default="",
                       help="áp dụng căn chỉnh đã lưu của máy in này")
    batch.add_argument("--override-stock", action="store_true",
                       help="vẫn in khi số phôi còn lại ít hơn số giấy khen (được ghi lại)")
    batch.add_argument("--note", type=text(), default="", help="ghi chú của lần in (lý do in lại…)")
    page = commands.add_parser("calibration-page", help="trang căn chỉnh máy in (thước mm, dấu chữ thập)",
                               add_help=False)
    page.add_argument("--out", required=True, type=path, metavar="TỆP.pdf", help="đường dẫn tệp PDF sẽ ghi")
    page.add_argument("--printer", type=text(200), metavar="TÊN_MÁY_IN", default="",
                      help="áp dụng căn chỉnh đã lưu của máy in này (để kiểm tra lại)")


def _pdf_target(value: str) -> Path:
    from app.cli.args import UsageError

    target = Path(value).expanduser()
    if target.suffix.lower() != ".pdf":
        raise UsageError(f"tham số --out: “{target.name}” phải là tệp .pdf")
    return target


def certificates_command(db: Database, args, out: Printer = print) -> int:
    from app.services.certificates import CertificateOptions, parse_positions, print_certificates
    from app.services.decisions import get_decision

    target = _pdf_target(args.out)
    positions = None
    if args.recipients:
        positions = parse_positions(args.recipients, len(get_decision(db, args.id).entries))
    options = CertificateOptions(layout_name=args.layout or None, blank_form=args.blank_form,
                                 positions=positions, printer_name=args.printer,
                                 override_stock=args.override_stock, note=args.note)
    result = print_certificates(db, args.id, options, out=target)
    check = result.check
    for note in check.adjustments:
        out(f"Lưu ý: {note.message}")
    if check.over_stock:
        out(f"Lưu ý: {check.stock_warning} Đã in vượt số phôi theo yêu cầu (đã ghi lại).")
    what = f"{check.count} giấy khen của Quyết định số {check.decision_number}"
    out(f"Đã ghi {what} vào {target}. {ACTUAL_SIZE}")
    return EXIT_OK


def calibration_page_command(db: Database | None, args, out: Printer = print) -> int:
    from app.services.certificates import save_calibration_page

    target = save_calibration_page(_pdf_target(args.out), db, args.printer)
    out(f"Đã ghi trang căn chỉnh máy in vào {target}. {ACTUAL_SIZE}")
    return EXIT_OK
