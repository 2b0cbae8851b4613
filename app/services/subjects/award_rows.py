"""A subject's award history through the subject form: rows an issued decision wrote stay as they are.

A row written by an issued decision of this app (decision_id set) is part of that decision: it keeps
its link to the decision and the nomination, and only cancelling the decision removes it. The form
shows it locked; a save that changes or drops it is refused with the row named. Other rows are edited
in place (their id kept), added or removed as the form says.
"""

from __future__ import annotations

from app.errors import Validator
from app.models import AwardRecord, Subject
from app.services.subjects.data import AWARD_COLUMNS, AwardInput

LOCKED_HINT = "sửa hoặc xóa dòng này bằng cách hủy quyết định đó (trang Quyết định)"


def award_input(record: AwardRecord) -> AwardInput:
    values = {name: getattr(record, name) for name in AWARD_COLUMNS}
    return AwardInput(**values, record_id=record.id, locked_by_decision=record.decision_id is not None)


def merged_awards(subject: Subject, lines: list[AwardInput]) -> list[AwardRecord]:
    """The subject's new award rows: locked rows untouched, the others edited, added or dropped.

    ValidationError naming the row when a line would change or drop a row an issued decision wrote.
    """
    stored = {record.id: record for record in subject.awards}
    check = Validator()
    kept: list[AwardRecord] = []
    for number, line in enumerate(lines, start=1):
        record = stored.pop(line.record_id, None) if line.record_id is not None else None
        if record is None:
            kept.append(AwardRecord(**line.columns()))
            continue
        if record.decision_id is not None:
            if _changed(record, line):
                check.add(f"awards.{number}", _locked_message(record, f"Khen thưởng dòng {number}", "sửa"))
        else:
            for name, value in line.columns().items():
                setattr(record, name, value)
        kept.append(record)
    for record in stored.values():
        if record.decision_id is not None:
            check.add("awards", _locked_message(record, "Lịch sử khen thưởng", "xóa"))
    check.raise_if_any()
    return kept


def _changed(record: AwardRecord, line: AwardInput) -> bool:
    return any(getattr(record, name) != value for name, value in line.columns().items())


def _locked_message(record: AwardRecord, where: str, verb: str) -> str:
    return (
        f"{where}: không {verb} được “{record.form_name} năm {record.year}” vì dòng này do quyết định số "
        f"{record.decision_no} ghi vào sổ; muốn {verb}, hãy {LOCKED_HINT}."
    )
