"""Command-line faces of a person's data rights:

    sovang subject export ID --out FILE.zip          everything held about the subject, for them
    sovang subject erase ID [--reason "…"] [--yes]   erase on request; without --yes only the plan
                                                      is printed (exit status 1) and nothing changes

and `--with-citizen-id` for `sovang subjects search --json`: the citizen ID is left out of every
export unless asked for by name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.storage.database import Database

EXIT_OK, EXIT_NOT_DONE = 0, 1
Printer = Callable[[str], None]


def add_subject_commands(commands) -> None:
    from app.cli.args import VietnameseArgumentParser, path, record_id, text

    subject = commands.add_parser("subject", help="dữ liệu cá nhân của một đối tượng: xuất, xóa theo yêu cầu",
                                  add_help=False)
    actions = subject.add_subparsers(dest="subject_command", metavar="LỆNH", required=True,
                                     parser_class=VietnameseArgumentParser)
    export = actions.add_parser(
        "export", help="xuất mọi dữ liệu về đối tượng ra tệp .zip (cho chính người đó)", add_help=False)
    export.add_argument("id", metavar="SỐ", type=record_id,
                        help="số đối tượng (cột đầu của “subjects search”)")
    export.add_argument("--out", required=True, type=path, metavar="TỆP", help="tệp .zip sẽ ghi")
    erase = actions.add_parser(
        "erase", help="xóa dữ liệu cá nhân theo yêu cầu; không có --yes thì chỉ in danh sách sẽ xóa",
        add_help=False)
    erase.add_argument("id", metavar="SỐ", type=record_id, help="số đối tượng")
    erase.add_argument("--reason", default="", type=text(),
                       help="lý do xóa (bắt buộc khi xóa), ví dụ “Đơn đề nghị ngày 05/01/2026”")
    erase.add_argument("--yes", action="store_true", help="xác nhận xóa (sau khi sao lưu)")


def subject_export(db: Database, args, out: Printer = print) -> int:
    from app.services.subjects import export_subject_data

    result = export_subject_data(db, args.id, Path(args.out).expanduser())
    out(result.summary())
    return EXIT_OK


def subject_erase(db: Database, args, out: Printer = print) -> int:
    from app.services.subjects import erase_plan, erase_subject

    plan = erase_plan(db, args.id)
    if not args.yes:
        out(plan_text(plan))
        out("Chưa xóa gì. Thêm --yes và --reason “…” để xóa.")
        return EXIT_NOT_DONE
    result = erase_subject(db, args.id, args.reason, plan.name, expected=plan)
    out(result.summary())
    return EXIT_OK


def plan_text(plan) -> str:
    lines = [f"Đối tượng số {plan.subject_id}: {plan.name}", plan.rule, "Sẽ xóa:"]
    lines += [f"  - {line}" for line in plan.delete] or ["  (không còn gì để xóa)"]
    lines.append("Giữ lại:")
    lines += [f"  - {item.what} — {item.why}" for item in plan.keep] or ["  (không có)"]
    return "\n".join(lines)


def with_citizen_ids(db: Database, items: list[dict]) -> list[dict]:
    """The search's JSON rows with "citizen_id" in clear (None when the subject has none)."""
    from app.services.subjects import clear_citizen_ids

    found = clear_citizen_ids(db, [item["id"] for item in items])
    return [{**item, "citizen_id": found.get(item["id"])} for item in items]
