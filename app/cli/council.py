"""Command-line faces of the council: `sovang council list [--json]` (the members, one line each starting
with the member's id) and `sovang meeting list [--json]` (the meetings, newest first, one line each
starting with the meeting's id)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from app.rules.vntext import vn_short_date
from app.storage.database import Database

EXIT_OK = 0
Printer = Callable[[str], None]


def add_council_commands(commands) -> None:
    from app.cli.args import record_id

    council = commands.add_parser("council", help="Hội đồng Thi đua - Khen thưởng", add_help=False)
    listing = _subcommands(council, "council_command").add_parser(
        "list", help="các thành viên Hội đồng, mỗi người một dòng bắt đầu bằng số", add_help=False)
    listing.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    meeting = commands.add_parser("meeting", help="phiên họp của Hội đồng Thi đua - Khen thưởng",
                                  add_help=False)
    meeting_commands = _subcommands(meeting, "meeting_command")
    listing = meeting_commands.add_parser(
        "list", help="các phiên họp, mới nhất trước, mỗi phiên một dòng bắt đầu bằng số", add_help=False)
    listing.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    papers = meeting_commands.add_parser(
        "papers", help="phiếu bầu, biên bản kiểm phiếu và biên bản họp (.docx và .pdf)", add_help=False)
    papers.add_argument("meeting_id", metavar="ID", type=record_id, help="số của phiên họp")
    papers.add_argument("--out", required=True, type=Path, help="thư mục ghi các tệp")


def _subcommands(parser, dest: str):
    from app.cli.args import VietnameseArgumentParser

    return parser.add_subparsers(dest=dest, metavar="LỆNH", required=True,
                                 parser_class=VietnameseArgumentParser)


def council_command(db: Database, args, out: Printer = print) -> int:
    from app.services.council import get_council_rules, list_council_members

    rows = list_council_members(db)
    if args.json:
        rules = get_council_rules(db)
        out(json.dumps({
            "quorum": {"numerator": rules.quorum_numerator, "denominator": rules.quorum_denominator,
                       "text": rules.quorum_text},
            "ballot_counters": list(rules.ballot_counters),
            "members": [{
                "id": r.id, "name": r.name, "position": r.position, "role": r.role.value,
                "role_label": r.role_label, "term_from": r.term_from.isoformat(),
                "term_to": r.term_to.isoformat() if r.term_to else None, "serving": r.serving,
            } for r in rows],
        }, ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in rows:
        state = "đang trong nhiệm kỳ" if r.serving else "ngoài nhiệm kỳ"
        out("\t".join([str(r.id), r.name, r.role_label, r.position, r.term_text, state]))
    return EXIT_OK


def meeting_command(db: Database, args, out: Printer = print) -> int:
    from app.services.council import list_meetings, save_meeting_papers

    if args.meeting_command == "papers":
        for path in save_meeting_papers(db, args.meeting_id, args.out):
            out(str(path))
        return EXIT_OK

    rows = list_meetings(db)
    if args.json:
        out(json.dumps([{
            "id": r.id, "held_on": r.held_on.isoformat(),
            "starts_at": r.starts_at.strftime("%H:%M") if r.starts_at else None, "place": r.place,
            "status": r.status.value, "status_label": r.status_label, "chair": r.chair_name,
            "members_total": r.members_total, "members_present": r.members_present,
            "quorum_reached": r.quorum_reached, "agenda": r.agenda_count, "passed": r.passed_count,
            "failed": r.failed_count, "closed_at": r.closed_at.isoformat() if r.closed_at else None,
        } for r in rows], ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in rows:
        quorum = "đủ số thành viên" if r.quorum_reached else "chưa đủ số thành viên"
        out("\t".join([
            str(r.id), vn_short_date(r.held_on), r.starts_at.strftime("%H:%M") if r.starts_at else "",
            r.place,
            r.status_label, f"có mặt {r.members_present}/{r.members_total} ({quorum})",
            f"{r.agenda_count} hồ sơ", f"đạt {r.passed_count}", f"không đạt {r.failed_count}",
        ]))
    return EXIT_OK
