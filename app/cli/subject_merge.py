"""`sovang subjects merge KEEP_ID OTHER_ID [--take-other KEY,…] [--yes]`: merge a duplicate record.

Without --yes only the plan is printed (the two records' differing fields, what would move) and nothing
changes (exit status 1). With --yes the other record is merged into the kept one; the kept values win,
its empty fields are filled from the other, and --take-other names the differing fields whose value comes
from the other record by the numbers printed beside them in the plan (`--take-other 1,3`; the service's
field keys, as earlier versions printed them, are still understood).
"""

from __future__ import annotations

from collections.abc import Callable

from app.errors import ConflictError, ServiceError
from app.storage.database import Database

EXIT_OK, EXIT_NOT_DONE = 0, 1
Printer = Callable[[str], None]


def add_merge_command(subjects_commands) -> None:
    from app.cli.args import record_id

    merge = subjects_commands.add_parser(
        "merge", help="gộp hồ sơ trùng vào hồ sơ giữ lại; không có --yes thì chỉ in những gì sẽ làm",
        add_help=False)
    merge.add_argument("keep", metavar="SỐ_GIỮ", type=record_id, help="số đối tượng giữ lại")
    merge.add_argument("other", metavar="SỐ_GỘP", type=record_id, help="số đối tượng gộp vào rồi xóa")
    merge.add_argument("--take-other", default="", metavar="SỐ_MỤC,…",
                       help="các mục khác nhau lấy theo hồ sơ gộp, theo số thứ tự in ở bản xem trước "
                            "(ví dụ 1,3)")
    merge.add_argument("--yes", action="store_true", help="xác nhận gộp")


def subjects_merge(db: Database, args, out: Printer = print) -> int:
    from app.services.subjects import merge_plan, merge_subjects

    plan = merge_plan(db, args.keep, args.other)
    if plan.problems:
        raise ConflictError(" ".join(plan.problems))
    take = taken_keys(plan, args.take_other)
    if not args.yes:
        out(plan_text(plan))
        out("Chưa gộp gì. Thêm --yes để gộp.")
        return EXIT_NOT_DONE
    result = merge_subjects(db, args.keep, args.other, plan.kept.version, plan.other.version, take)
    out(result.summary())
    return EXIT_OK


def plan_text(plan) -> str:
    kept, other = plan.kept, plan.other
    lines = [f"Giữ lại: “{kept.name}” (số {kept.id}). Gộp vào rồi xóa: “{other.name}” (số {other.id}) — "
             f"{plan.kind_label.lower()}."]
    if plan.differing:
        lines.append("Khác nhau (mặc định giữ giá trị hồ sơ giữ lại; muốn lấy theo hồ sơ gộp thì ghi số "
                     "thứ tự của mục, ví dụ --take-other 1,3):")
        lines += [f"  {number}. {c.label}: {c.kept} | {c.other}"
                  for number, c in enumerate(plan.differing, start=1)]
    if plan.filled:
        lines.append("Hồ sơ giữ lại còn trống, lấy theo hồ sơ gộp:")
        lines += [f"  {c.label}: {c.other}" for c in plan.filled]
    lines.append(f"Chuyển sang hồ sơ giữ lại: {plan.moves_text()}.")
    return "\n".join(lines)


def taken_keys(plan, text: str) -> set[str]:
    """The field keys named by `--take-other`: the plan's numbers (1, 2, …) of the differing fields; a key
    itself is understood too. ServiceError naming the item that is neither."""
    differing = [choice.key for choice in plan.differing]
    taken = set()
    for item in (part.strip() for part in text.split(",")):
        if item.isdigit() and 1 <= int(item) <= len(differing):
            taken.add(differing[int(item) - 1])
        elif item in differing:
            taken.add(item)
        elif item:
            raise ServiceError(f"--take-other: không có mục khác nhau số “{item}” (chọn trong 1–"
                               f"{len(differing)} ở bản xem trước)." if differing else
                               f"--take-other: hai hồ sơ không có mục nào khác nhau để chọn (“{item}”).")
    return taken
