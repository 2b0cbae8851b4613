"""Command-line faces of the decisions: `sovang decision list [--json]` (one line per decision, starting
with its id) and `sovang decision render ID --format docx|pdf --out PATH` (written whole or not at all)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from app.rules.vntext import vn_money, vn_short_date
from app.services.decisions import DecisionRow
from app.storage.database import Database

EXIT_OK = 0
Printer = Callable[[str], None]


def decision_list(db: Database, as_json: bool, out: Printer = print) -> int:
    from app.services.decisions import list_decisions

    rows = list_decisions(db)
    if as_json:
        out(json.dumps([_row_json(r) for r in rows], ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:
        fields = [str(row.id), row.number or "(dự thảo)", vn_short_date(row.issued_on), row.status.label,
                  row.form_name, row.recipients_text, vn_money(row.total), row.round_name]
        out("\t".join(fields))
    return EXIT_OK


def _row_json(row: DecisionRow) -> dict:
    return {
        "id": row.id, "number": row.number, "status": row.status.value, "status_label": row.status.label,
        "issued_on": row.issued_on.isoformat() if row.issued_on else None,
        "form": row.form_name, "award_form_id": row.award_form_id,
        "round_id": row.round_id, "round": row.round_name, "basis": row.basis.value,
        "counts": {kind.value: count for kind, count in row.counts.items()},
        "total": row.total, "signer": row.signer_name, "proposal_number": row.proposal_number,
    }


def decision_render(db: Database, args, out: Printer = print) -> int:
    from app.services.decisions import decision_document, proposal_document, render
    from app.storage.atomic import save_files

    make = proposal_document if args.document == "proposal" else decision_document
    document = make(db, args.id)
    target = Path(args.out).expanduser()
    save_files({target: render(document, args.format)})
    out(f"Đã ghi {document.title} vào {target}.")
    return EXIT_OK
