"""Command-line faces of the rounds and nominations services: `sovang rounds list`,
`sovang nominations list` and `sovang nominations check ID` (exit 0 when ready for the council, 1 when not).

Plain output is one line per record, tab-separated, starting with the record's id; --json gives the
same data for scripts.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from app.models import NominationStatus
from app.rules.checklist import ChecklistLine
from app.rules.vntext import vn_short_date
from app.services.nominations import NominationDetail, NominationRow
from app.services.rounds import RoundRow
from app.storage.database import Database

EXIT_OK, EXIT_NOT_READY = 0, 1
BY_RULE, JUDGED = "theo quy tắc", "người thẩm định"
NO_REPORT = "Chưa có báo cáo thành tích: phần “Thành tích đạt được” còn trống."

Printer = Callable[[str], None]


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- rounds -----------------------------------------------------------------------------------------

def rounds_list(db: Database, as_json: bool, out: Printer = print) -> int:
    from app.services.rounds import list_rounds

    rows = list_rounds(db)
    if as_json:
        out(_dump([_round_json(r) for r in rows]))
        return EXIT_OK
    for row in rows:
        deadline = f"hạn {row.deadline_text}" if row.deadline else "không có hạn"
        fields = [str(row.id), row.name, row.kind.label, str(row.year), deadline, row.status.label,
                  _counts_text(row)]
        out("\t".join(fields))
    return EXIT_OK


def _counts_text(row: RoundRow) -> str:
    parts = [f"{row.by_status[s]} {s.label.lower()}" for s in NominationStatus if row.by_status.get(s)]
    return f"{row.nominations} hồ sơ" + (f" ({', '.join(parts)})" if parts else "")


def _round_json(row: RoundRow) -> dict:
    return {
        "id": row.id, "name": row.name, "kind": row.kind.value, "kind_label": row.kind.label,
        "year": row.year, "quarter": row.quarter,
        "deadline": row.deadline.isoformat() if row.deadline else None,
        "status": row.status.value, "status_label": row.status.label, "movement": row.movement_name,
        "nominations": row.nominations,
        "by_status": {s.value: row.by_status[s] for s in NominationStatus if row.by_status.get(s)},
    }


# --- nominations ------------------------------------------------------------------------------------

def nominations_list(db: Database, round_id: int | None, status: str | None, as_json: bool,
                     out: Printer = print) -> int:
    from app.services.nominations import list_nominations
    from app.services.rounds import get_round

    if round_id is not None:
        get_round(db, round_id)  # NotFoundError, in Vietnamese, when there is no such round
    rows = list_nominations(db, round_id=round_id, status=NominationStatus(status) if status else None)
    if as_json:
        out(_dump([_nomination_json(r) for r in rows]))
        return EXIT_OK
    for row in rows:
        fields = [str(row.id), row.status.label, row.form_name, row.subject_name, row.subject_kind.label,
                  row.proposing_unit_name or row.unit_name, f"đợt {row.round_id}"]
        out("\t".join(fields))
    return EXIT_OK


def _nomination_json(row: NominationRow) -> dict:
    return {
        "id": row.id, "round_id": row.round_id, "subject_id": row.subject_id, "subject": row.subject_name,
        "subject_kind": row.subject_kind.value, "subject_kind_label": row.subject_kind.label,
        "unit": row.unit_name, "proposing_unit": row.proposing_unit_name, "form": row.form_name,
        "status": row.status.value, "status_label": row.status.label,
    }


def nominations_check(db: Database, nomination_id: int, as_json: bool, out: Printer = print) -> int:
    """The checklist, line by line, and whether the nomination may go to the council."""
    from app.services.nominations import get_nomination

    detail = get_nomination(db, nomination_id)
    checklist = detail.checklist
    if as_json:
        out(_dump(_check_json(detail)))
    else:
        out(f"Hồ sơ số {detail.id}: {detail.subject_name} — {detail.form_name} — {detail.round_name} "
            f"({detail.status.label})")
        for line in checklist.lines:
            out(_line_text(line))
        out(_verdict(detail))
        for problem in _problems(detail):
            out(f"- {_one_line(problem)}")
    return EXIT_OK if detail.ready_for_council else EXIT_NOT_READY


def _problems(detail: NominationDetail) -> list[str]:
    """What keeps the nomination from the council: failed criteria, undecided ones, an empty report."""
    checklist = detail.checklist
    return [*checklist.failures, *checklist.missing] + ([] if detail.report_filled else [NO_REPORT])


def _line_text(line: ChecklistLine) -> str:
    text = line.short_text + (" (một trong các tiêu chí)" if line.group else "")
    reason = _one_line(line.reason) or "—"
    if line.file_name:
        reason += f" (minh chứng: {line.file_name})"
    return "\t".join([line.outcome.label, BY_RULE if line.by_rule else JUDGED, text, reason])


def _verdict(detail: NominationDetail) -> str:
    if detail.ready_for_council:
        return "Kết luận: đủ điều kiện trình Hội đồng."
    checklist = detail.checklist
    reason = checklist.summary() if not checklist.ready else "Chưa có báo cáo thành tích"
    return f"Kết luận: chưa trình Hội đồng được — {reason.lower()}:"


def _check_json(detail: NominationDetail) -> dict:
    checklist = detail.checklist
    return {
        "id": detail.id, "status": detail.status.value, "status_label": detail.status.label,
        "round_id": detail.round_id, "round": detail.round_name, "subject_id": detail.subject_id,
        "subject": detail.subject_name, "form": detail.form_name, "ready": detail.ready_for_council,
        "report_filled": detail.report_filled, "summary": checklist.summary(),
        "missing": list(checklist.missing) + ([] if detail.report_filled else [NO_REPORT]),
        "failures": list(checklist.failures),
        "lines": [_line_json(line) for line in checklist.lines],
        "events": [{"at": e.at.isoformat(sep=" ", timespec="minutes"), "date": vn_short_date(e.at.date()),
                    "status": e.status.value if e.status else None, "text": e.text} for e in detail.events],
    }


def _line_json(line: ChecklistLine) -> dict:
    return {
        "code": line.code, "text": line.text, "source": line.source, "by_rule": line.by_rule,
        "outcome": line.outcome.value, "outcome_label": line.outcome.label, "reason": line.reason,
        "group": line.group, "file_name": line.file_name,
    }
