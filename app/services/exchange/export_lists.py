"""The lists an officer exports to Excel, gathered in one read as rows of plain values keyed by the
columns of export_columns.py: subjects, the nominations of a round, the recipients of a decision and
the golden-book register (every recipient of an issued decision, by golden-book number)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import ServiceError
from app.models import (
    Decision,
    DecisionEntry,
    DecisionStatus,
    DocumentType,
    Gender,
    Nomination,
    Round,
    Subject,
    SubjectKind,
)
from app.services.exchange.export_columns import ListKind
from app.services.records import get_or_not_found

SUMMARY_LIMIT = 300  # characters of the achievement summary
Row = dict[str, object]
_AWARD_CLASS = {SubjectKind.INDIVIDUAL: "CANHAN", SubjectKind.COLLECTIVE: "TAPTHE",
                SubjectKind.HOUSEHOLD: "HOGIADINH"}


@dataclass(frozen=True)
class ListData:
    title: str
    subtitle: str
    rows: list[Row]


def gather_list(session: Session, kind: ListKind, round_id: int | None = None,
                decision_id: int | None = None) -> ListData:
    if kind is ListKind.SUBJECTS:
        return _subjects(session)
    if kind is ListKind.NOMINATIONS:
        if round_id is None:
            raise ServiceError("Danh sách đề nghị: hãy chọn đợt xét (--round SỐ).")
        return _nominations(session, round_id)
    if kind is ListKind.DECISION:
        if decision_id is None:
            raise ServiceError("Danh sách khen thưởng: hãy chọn quyết định (--decision MÃ).")
        return _decision(session, decision_id)
    return _register(session)


def subject_values(subject: Subject) -> Row:
    individual = subject.kind is SubjectKind.INDIVIDUAL
    unit = subject.unit.name if subject.unit else ""
    honorific = ""
    if individual and subject.gender is not None:
        honorific = "Ông" if subject.gender is Gender.MALE else "Bà"
    return {
        "honorific": honorific,
        "name": subject.name,
        "gender": subject.gender.label if individual and subject.gender else "",
        "birth": subject.birth_date or subject.birth_year if individual else None,
        "position": subject.position if individual else subject.parent_body,
        "unit": unit,
        "address": subject.address,
        "unit_address": ", ".join(p for p in (subject.position if individual else "", unit or subject.address)
                                  if p),
        "kind": subject.kind.label,
        "award_class": _AWARD_CLASS[subject.kind],
        "target_group": subject.occupation_group.label if subject.occupation_group else "",
        "field": subject.field.name if subject.field else "",
        "ethnicity": subject.ethnicity,
        "phone": subject.phone,
        "citizen_id": subject.citizen_id or "",
        "award_class_code": _AWARD_CLASS[subject.kind],
        "target_group_code": subject.occupation_group.name if subject.occupation_group else "",
        "field_code": str(subject.field_id) if subject.field_id else "",
        "unit_code": str(subject.unit_id) if subject.unit_id else "",
    }


def summary(text: str) -> str:
    """The first lines of an achievement report, cut at a word within SUMMARY_LIMIT characters."""
    flat = re.sub(r"\s+", " ", text or "").strip()
    if len(flat) <= SUMMARY_LIMIT:
        return flat
    return flat[:SUMMARY_LIMIT].rsplit(" ", 1)[0] + "…"


def _numbered(rows: Iterable[Row]) -> list[Row]:
    return [{"stt": i, **row} for i, row in enumerate(rows, start=1)]


def _subjects(session: Session) -> ListData:
    query = (select(Subject).options(selectinload(Subject.unit), selectinload(Subject.field))
             .order_by(Subject.sort_key, Subject.id))
    return ListData("DANH SÁCH ĐỐI TƯỢNG", "", _numbered(subject_values(s) for s in session.scalars(query)))


def _decision_values(decision: Decision, entry: DecisionEntry | None) -> Row:
    number = decision.registered(DocumentType.DECISION)
    issued = decision.issued_on
    label = number.label if number else ""
    text = f"{label} ngày {issued:%d/%m/%Y}" if label and issued else label
    return {"decision": text, "decision_no": label, "decision_date": issued,
            "golden_book_no": entry.golden_book_no if entry else None}


_NOMINATION_LOAD = (
    selectinload(Nomination.subject).selectinload(Subject.unit),
    selectinload(Nomination.subject).selectinload(Subject.field),
    selectinload(Nomination.award_form), selectinload(Nomination.report), selectinload(Nomination.round),
)


def _issued_entries(session: Session, nomination_ids: list[int]) -> dict[int, DecisionEntry]:
    if not nomination_ids:
        return {}
    query = (select(DecisionEntry).join(Decision)
             .where(DecisionEntry.nomination_id.in_(nomination_ids), Decision.status == DecisionStatus.ISSUED)
             .options(selectinload(DecisionEntry.decision).selectinload(Decision.register_entries)))
    return {e.nomination_id: e for e in session.scalars(query)}


def _nomination_row(nomination: Nomination, entry: DecisionEntry | None) -> Row:
    row = subject_values(nomination.subject)
    row.update({"form": nomination.award_form.name, "form_code": nomination.award_form.code,
                "round": nomination.round.name,
                "status": nomination.status.label,
                "achievement": summary(nomination.report.achievements if nomination.report else "")})
    row.update(_decision_values(entry.decision, entry) if entry else {})
    return row


def _nominations(session: Session, round_id: int) -> ListData:
    round_ = get_or_not_found(session, Round, round_id, "đợt xét số")
    nominations = list(session.scalars(select(Nomination).where(Nomination.round_id == round_id)
                                       .options(*_NOMINATION_LOAD).order_by(Nomination.id)))
    entries = _issued_entries(session, [n.id for n in nominations])
    nominations.sort(key=lambda n: (n.award_form.sort_order, n.subject.kind.value, n.subject.sort_key, n.id))
    return ListData("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", round_.name,
                    _numbered(_nomination_row(n, entries.get(n.id)) for n in nominations))


def _entry_row(decision: Decision, entry: DecisionEntry) -> Row:
    row = _nomination_row(entry.nomination, None)
    if decision.status is not DecisionStatus.DRAFT and entry.name:
        row["name"] = entry.name  # the name as issued
    row["form"] = decision.award_form.name
    row["form_code"] = decision.award_form.code
    row.update(_decision_values(decision, entry if decision.status is DecisionStatus.ISSUED else None))
    return row


_DECISION_LOAD = (
    selectinload(Decision.entries).selectinload(DecisionEntry.nomination).options(*_NOMINATION_LOAD),
    selectinload(Decision.register_entries), selectinload(Decision.award_form),
)


def _decision(session: Session, decision_id: int) -> ListData:
    decision = session.scalars(select(Decision).where(Decision.id == decision_id).options(*_DECISION_LOAD)
                               ).one_or_none()
    if decision is None:
        get_or_not_found(session, Decision, decision_id, "quyết định mã")
        raise AssertionError  # pragma: no cover - get_or_not_found raised
    number = decision.registered(DocumentType.DECISION)
    subtitle = (f"Kèm theo Quyết định số {number.label} ngày {decision.issued_on:%d/%m/%Y}"
                if number and decision.issued_on else f"Dự thảo quyết định mã {decision.id}")
    return ListData(f"DANH SÁCH {decision.award_form.name.upper()}", subtitle,
                    _numbered(_entry_row(decision, e) for e in decision.entries))


def _register(session: Session) -> ListData:
    query = (select(Decision).where(Decision.status == DecisionStatus.ISSUED).options(*_DECISION_LOAD)
             .order_by(Decision.issued_on, Decision.id))
    rows = [_entry_row(d, e) for d in session.scalars(query) for e in d.entries]
    rows.sort(key=lambda r: (r.get("decision_date") or dt.date.min, r.get("golden_book_no") or 0))
    return ListData("SỔ VÀNG KHEN THƯỞNG", "Danh sách đã được khen thưởng theo số sổ vàng", _numbered(rows))
