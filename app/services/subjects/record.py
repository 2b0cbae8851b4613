"""Everything the app holds about one subject, as plain JSON-ready data: the personal-data export.

Dates are ISO strings (`2026-01-05`), choices their Vietnamese labels, and the citizen ID is in clear:
this is the person's own data, handed to them on request, and nothing else uses this module. Stored
files (evidence, photos, checklist attachments) are listed once each with their SHA-256 and the name
they get inside the export's zip; `files_to_pack` says where their bytes are.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    AwardRecord,
    Decision,
    DecisionEntry,
    DocumentType,
    Exemplar,
    HoldFlag,
    Movement,
    Nomination,
    StoredFile,
    Subject,
    SubjectKind,
)
from app.services.records import get_or_not_found
from app.services.subjects.lives import subject_lives
from app.storage.file_store import readable_path

FILES_FOLDER = "tep_dinh_kem"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')

Record = dict[str, Any]


def iso(value: dt.date | dt.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def label(value: Any) -> str | None:
    """A choice's Vietnamese label (None stays None)."""
    return None if value is None else value.label


@dataclass
class FileList:
    """The stored files met while gathering: each listed once, numbered in the order met."""

    data_dir: Path
    entries: dict[str, Record] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)  # zip name -> bytes in the file store

    def ref(self, stored: StoredFile | None) -> str | None:
        """The file's name inside the zip (None for no file)."""
        if stored is None:
            return None
        if stored.sha256 not in self.entries:
            name = f"{FILES_FOLDER}/{len(self.entries) + 1:02d}-{safe_name(stored.original_name)}"
            path = readable_path(self.data_dir, stored)
            self.entries[stored.sha256] = {
                "name": stored.original_name, "sha256": stored.sha256, "size": stored.size,
                "in_zip": name, "missing": not path.is_file(),
            }
            self.sources[name] = path
        return self.entries[stored.sha256]["in_zip"]


def safe_name(name: str) -> str:
    """A file name any system accepts inside a zip: no path separators or reserved characters."""
    clean = _UNSAFE.sub("_", unicodedata.normalize("NFC", name)).strip(" .")
    return clean[:120] or "tep"


@dataclass(frozen=True)
class GatheredRecord:
    record: Record
    files_to_pack: dict[str, Path]  # zip name -> path in the file store, for the files present


def gather_subject_record(session: Session, data_dir: Path, subject_id: int,
                          now: dt.datetime | None = None) -> GatheredRecord:
    subject = get_or_not_found(session, Subject, subject_id, "đối tượng số")
    files = FileList(data_dir)
    nominations, exemplars = _nominations_of(session, subject_id), _exemplars_of(session, subject_id)
    record: Record = {
        "generated_at": iso(now or dt.datetime.now()),
        "subject": profile(subject),
        "collective": _link(session.get(Subject, subject.collective_id) if subject.collective_id else None),
        "members": _members(session, subject),
        "award_history": [_award(a, _movement_name(session, a.movement_id)) for a in subject.awards],
        "holds": [_hold(h) for h in subject.holds],
        "nominations": [_nomination(n, files) for n in nominations],
        "exemplars": [_exemplar(e, files) for e in exemplars],
        "decisions": _decisions(session, subject_id),
        "audit_events": _audit_events(session, subject.id, {
            AwardRecord.__tablename__: [a.id for a in subject.awards],
            HoldFlag.__tablename__: [h.id for h in subject.holds],
            Nomination.__tablename__: [n.id for n in nominations],
            Exemplar.__tablename__: [e.id for e in exemplars],
        }),
    }
    record["files"] = list(files.entries.values())
    present = {name: path for name, path in files.sources.items() if path.is_file()}
    return GatheredRecord(record, present)


_KIND_FIELDS = {
    SubjectKind.INDIVIDUAL: ("gender", "birth_date", "birth_year", "ethnicity", "citizen_id", "position",
                             "occupation_group"),
    SubjectKind.COLLECTIVE: ("parent_body", "member_count", "female_member_count", "head_name"),
    SubjectKind.HOUSEHOLD: ("head_name",),
}


def profile(subject: Subject) -> Record:
    """Every stored field of the profile that belongs to the subject's kind."""
    data: Record = {
        "id": subject.id, "kind": subject.kind.label, "name": subject.name,
        "unit": subject.unit.name if subject.unit else None,
        "field": subject.field.name if subject.field else None,
        "address": subject.address, "phone": subject.phone, "note": subject.note,
    }
    for name in _KIND_FIELDS[subject.kind]:
        data[name] = _plain(getattr(subject, name))
    data["erased_on"] = iso(subject.erased_on)
    data["created_at"], data["updated_at"] = iso(subject.created_at), iso(subject.updated_at)
    return data


def _plain(value: Any) -> Any:
    if hasattr(value, "label"):
        return value.label
    return iso(value) if isinstance(value, dt.date) else value


def _link(subject: Subject | None) -> Record | None:
    return {"id": subject.id, "name": subject.name} if subject else None


def _members(session: Session, subject: Subject) -> list[Record]:
    if subject.kind is not SubjectKind.COLLECTIVE:
        return []
    members = session.scalars(
        select(Subject).where(Subject.collective_id == subject.id).order_by(Subject.sort_key, Subject.id)
    )
    return [{"id": m.id, "name": m.name} for m in members]


def _movement_name(session: Session, movement_id: int | None) -> str | None:
    movement = session.get(Movement, movement_id) if movement_id is not None else None
    return movement.name if movement else None


def _award(record, movement: str | None) -> Record:
    return {
        "form_name": record.form_name, "year": record.year, "decision_no": record.decision_no,
        "decision_date": iso(record.decision_date), "issuer": record.issuer, "note": record.note,
        "counts_toward_merit": record.counts_toward_merit, "movement": movement,
    }


def _hold(flag) -> Record:
    return {
        "kind": flag.kind.label, "discipline_level": label(flag.discipline_level),
        "start_date": iso(flag.start_date), "end_date": iso(flag.end_date), "note": flag.note,
    }


def _nominations_of(session: Session, subject_id: int) -> list[Nomination]:
    query = select(Nomination).where(Nomination.subject_id == subject_id).order_by(Nomination.id)
    return list(session.scalars(query))


def _nomination(nomination: Nomination, files: FileList) -> Record:
    report = nomination.report
    return {
        "id": nomination.id, "round": nomination.round.name, "year": nomination.round.year,
        "award_form": nomination.award_form.name, "status": nomination.status.label,
        "proposing_unit": nomination.proposing_unit.name if nomination.proposing_unit else None,
        "created_at": iso(nomination.created_at),
        "report": None if report is None else {
            name: getattr(report, name) for name in (
                "position", "workplace", "qualification", "overview", "duties", "achievements", "measures",
                "awards_received")
        },
        "checklist": [
            {"criterion": item.criterion.text, "outcome": item.outcome.label, "note": item.note,
             "decided_on": iso(item.decided_on), "file": files.ref(item.stored_file)}
            for item in sorted(nomination.checklist, key=lambda i: (i.criterion.position, i.id))
        ],
        "history": [{"at": iso(e.at), "status": label(e.status), "text": e.text} for e in nomination.events],
    }


def _exemplars_of(session: Session, subject_id: int) -> list[Exemplar]:
    query = select(Exemplar).where(Exemplar.subject_id == subject_id).order_by(Exemplar.introduced_on,
                                                                               Exemplar.id)
    return list(session.scalars(query))


def _exemplar(exemplar: Exemplar, files: FileList) -> Record:
    return {
        "id": exemplar.id, "movement": exemplar.movement.name if exemplar.movement else None,
        "field": exemplar.field.name if exemplar.field else None,
        "unit": exemplar.unit.name if exemplar.unit else None,
        "introduced_on": iso(exemplar.introduced_on), "stage": exemplar.stage.label,
        "achievements": exemplar.achievements, "note": exemplar.note,
        "stages": [{"stage": c.stage.label, "changed_on": iso(c.changed_on), "note": c.note}
                   for c in exemplar.stage_changes],
        "files": [{"caption": f.caption, "is_photo": f.is_photo, "file": files.ref(f.stored_file)}
                  for f in exemplar.files],
        "publicity": [{"outlet": p.outlet, "title": p.title, "published_on": iso(p.published_on),
                       "link": p.link, "note": p.note, "file": files.ref(p.stored_file)}
                      for p in exemplar.publicity],
        "replications": [{"kind": r.kind.label, "held_on": iso(r.held_on), "place": r.place,
                          "description": r.description, "participants": r.participants}
                         for r in exemplar.replications],
    }


def _decisions(session: Session, subject_id: int) -> list[Record]:
    query = (
        select(DecisionEntry).join(Nomination, DecisionEntry.nomination_id == Nomination.id)
        .join(Decision, DecisionEntry.decision_id == Decision.id)
        .where(Nomination.subject_id == subject_id).order_by(Decision.issued_on, Decision.id)
    )
    return [_decision(entry) for entry in session.scalars(query)]


def _decision(entry: DecisionEntry) -> Record:
    decision = entry.decision
    registered = decision.registered(DocumentType.DECISION)
    return {
        "number": registered.label if registered else None, "issued_on": iso(decision.issued_on),
        "status": decision.status.label, "award_form": decision.award_form.name,
        "round": decision.round.name, "golden_book_no": entry.golden_book_no,
        "listed_name": entry.name or None, "listed_description": entry.description or None,
        "amount": entry.amount or None,
    }


# The audit trail's lines about the subject (told apart by the lives of the records: lives.py) ----------

def _audit_events(session: Session, subject_id: int, children: dict[str, list[int]]) -> list[Record]:
    """The trail's lines about the subject's own row and its child records (those there now, and those
    deleted, found by their deletion's values), in date order. `children`: the numbers of the child
    records there now, by table."""
    kept = {event.id: event for life in subject_lives(session, subject_id, children)
            if not (life.entity == Subject.__tablename__ and life.ended) for event in life.events}
    ordered = sorted(kept.values(), key=lambda e: (e.at, e.id))
    return [{"at": iso(e.at), "actor": e.actor, "action": e.action.label, "entity": e.entity,
             "entity_id": e.entity_id, "summary": e.summary} for e in ordered]
