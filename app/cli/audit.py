"""`sovang audit [--entity E] [--since YYYY-MM-DD] [--user U] [--limit N] [--json]`: the audit trail,
newest first, one event per line (time, person, action, kind of record, record, summary)."""

from __future__ import annotations

import datetime as dt
import json

from app.rules.vntext import parse_vn_date
from app.storage.audit.registry import REGISTRY

EXIT_OK = 0
DEFAULT_LIMIT = 100


def add_audit_command(commands) -> None:
    from app.cli.args import count, text

    audit = commands.add_parser("audit", help="nhật ký thay đổi, mới nhất trước", add_help=False)
    audit.add_argument("--entity", choices=[entry.entity for entry in REGISTRY], metavar="LOẠI",
                       help="chỉ một loại bản ghi: " + ", ".join(f"{e.entity} ({e.label.lower()})"
                                                                  for e in REGISTRY))
    audit.add_argument("--since", type=text(40), metavar="NGÀY",
                       help="từ ngày này (YYYY-MM-DD hoặc dd/mm/yyyy)")
    audit.add_argument("--user", type=text(100), metavar="TÊN", help="chỉ việc của một người (tên đăng nhập)")
    audit.add_argument("--limit", type=count, default=DEFAULT_LIMIT,
                       help=f"số dòng tối đa (mặc định {DEFAULT_LIMIT}; 0: tất cả)")
    audit.add_argument("--json", action="store_true", help="in kết quả dạng JSON")


def _since(text: str | None) -> dt.date | None:
    from app.cli.args import UsageError

    if not text:
        return None
    try:
        return parse_vn_date(text)
    except ValueError:
        raise UsageError(f"tham số --since: “{text}” không phải là ngày (YYYY-MM-DD)") from None


def _as_json(row) -> dict:
    from app.services.audit import local

    return {
        "id": row.id, "at": local(row.at).isoformat(timespec="seconds"), "actor": row.actor,
        "action": row.action.value, "action_label": row.action.label, "entity": row.entity,
        "entity_label": row.entity_label, "entity_id": row.entity_id, "summary": row.summary,
    }


def _as_line(row) -> str:
    from app.services.audit import short_moment

    return "\t".join([short_moment(row.at), row.actor, row.action.label, row.entity_label, row.record,
                      row.summary])


def audit_list(db, args) -> int:
    from app.cli.args import UsageError
    from app.services.audit import AuditFilter, list_events

    if args.limit < 0:
        raise UsageError(f"tham số --limit: {args.limit} phải là số không âm")
    flt = AuditFilter(since=_since(args.since), entity=args.entity, username=args.user)
    rows = list_events(db, flt, limit=args.limit or None).rows
    if args.json:
        print(json.dumps([_as_json(row) for row in rows], ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(_as_line(row))
    return EXIT_OK
