"""Exemplar records (điển hình tiên tiến): create, edit, delete, read, and move through the cycle
Phát hiện → Bồi dưỡng → Tổng kết → Nhân rộng, each move dated and kept."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import ConflictError, ValidationError
from app.models import (
    Exemplar,
    ExemplarStage,
    ExemplarStageChange,
    Nomination,
    PublicityItem,
    ReplicationActivity,
    StoredFile,
)
from app.services.exemplars.data import (
    ExemplarDetail,
    ExemplarInput,
    PublicityInput,
    ReplicationInput,
    StageChangeRow,
    StoredFileRef,
)
from app.services.exemplars.files import file_row, load_exemplar
from app.services.exemplars.validation import (
    check_introduced_on,
    check_references,
    check_stage_change,
    multiline,
    normalized,
    validate_exemplar,
)
from app.services.records import check_version
from app.storage.database import Database
from app.storage.file_store import SourceFile, read_source, readable_path, store_source
from app.storage.versions import bump_version, leave_version

_COLUMNS = ("subject_id", "movement_id", "field_id", "unit_id", "introduced_on", "achievements", "note")
_PUBLICITY_COLUMNS = ("outlet", "title", "published_on", "link", "note", "stored_file_id")


def _prepare(data: ExemplarInput, today: dt.date | None) -> tuple[ExemplarInput, dict[int, SourceFile]]:
    """Clean and validated input, and the new publicity files read whole (before anything is saved)."""
    clean = normalized(data)
    validate_exemplar(clean, today or dt.date.today())
    sources, errors = {}, {}
    for index, item in enumerate(clean.publicity, start=1):
        if item.file_path:
            try:
                sources[index] = read_source(item.file_path, f"publicity.{index}.file", evidence=True)
            except ValidationError as exc:
                errors.update({key: f"Tuyên truyền dòng {index}: {msg}" for key, msg in exc.errors.items()})
    if errors:
        raise ValidationError(errors)
    return clean, sources


def _apply(session: Session, data_dir: Path, exemplar: Exemplar, data: ExemplarInput,
           sources: dict[int, SourceFile]) -> None:
    subject = check_references(session, data)
    for name in _COLUMNS:
        setattr(exemplar, name, getattr(data, name))
    if exemplar.unit_id is None:
        exemplar.unit_id = subject.unit_id
    exemplar.publicity = [
        _publicity_item(session, data_dir, item, sources.get(index))
        for index, item in enumerate(data.publicity, start=1)
    ]
    exemplar.replications = [ReplicationActivity(**dataclasses.asdict(r)) for r in data.replications]


def _publicity_item(session: Session, data_dir: Path, item: PublicityInput,
                    source: SourceFile | None) -> PublicityItem:
    values = {name: getattr(item, name) for name in _PUBLICITY_COLUMNS}
    if source is not None:
        values["stored_file_id"] = store_source(session, data_dir, source).id
    return PublicityItem(**values)


def create_exemplar(db: Database, data: ExemplarInput, today: dt.date | None = None) -> ExemplarDetail:
    """A new exemplar; its history starts with its first stage, dated the day it was introduced."""
    clean, sources = _prepare(data, today)
    with db.transaction() as session:
        exemplar = Exemplar(version=1, stage=clean.stage)
        _apply(session, db.data_dir, exemplar, clean, sources)
        exemplar.stage_changes = [ExemplarStageChange(stage=clean.stage, changed_on=clean.introduced_on)]
        session.add(exemplar)
        session.flush()
        return _detail(db.data_dir, exemplar)


def update_exemplar(db: Database, exemplar_id: int, data: ExemplarInput, expected_version: int,
                    today: dt.date | None = None) -> ExemplarDetail:
    """Save a changed exemplar (its stage is left alone: it moves by change_stage). A new introduction
    date also dates the first step of the history, which cannot come after the second."""
    clean, sources = _prepare(data, today)
    with db.transaction() as session:
        exemplar = load_exemplar(session, exemplar_id)
        check_version(exemplar, expected_version, f"Hồ sơ điển hình “{exemplar.subject.name}”")
        changes = exemplar.stage_changes
        check_introduced_on(clean.introduced_on, changes[1].changed_on if len(changes) > 1 else None)
        _apply(session, db.data_dir, exemplar, clean, sources)
        if changes:
            changes[0].changed_on = clean.introduced_on
        bump_version(exemplar)
        session.flush()
        return _detail(db.data_dir, exemplar)


def change_stage(db: Database, exemplar_id: int, stage: ExemplarStage | None, on_date: dt.date | None,
                 note: str = "", today: dt.date | None = None) -> ExemplarDetail:
    """Move an exemplar to another stage on a date: one more line in its history, never a rewrite."""
    with db.transaction() as session:
        exemplar = load_exemplar(session, exemplar_id)
        last = exemplar.stage_changes[-1].changed_on if exemplar.stage_changes else exemplar.introduced_on
        check_stage_change(stage, on_date, exemplar.stage, last, today or dt.date.today())
        change = ExemplarStageChange(stage=stage, changed_on=on_date, note=multiline(note))
        exemplar.stage_changes.append(change)
        exemplar.stage = stage
        leave_version(exemplar)  # the form's save leaves the stage alone: an open form may still save
        session.flush()
        return _detail(db.data_dir, exemplar)


def delete_exemplar(db: Database, exemplar_id: int) -> None:
    """Delete an exemplar no nomination was made from; refused with the reason otherwise."""
    with db.transaction() as session:
        exemplar = load_exemplar(session, exemplar_id)
        used = session.scalar(select(func.count()).where(Nomination.exemplar_id == exemplar_id))
        if used:
            raise ConflictError(
                f"Không xóa được hồ sơ điển hình “{exemplar.subject.name}”: đã có {used} hồ sơ đề nghị "
                "khen thưởng lập từ điển hình này."
            )
        session.delete(exemplar)


def get_exemplar(db: Database, exemplar_id: int) -> ExemplarDetail:
    with db.read() as session:
        return _detail(db.data_dir, load_exemplar(session, exemplar_id))


def _detail(data_dir: Path, exemplar: Exemplar) -> ExemplarDetail:
    publicity = sorted(exemplar.publicity, key=lambda p: (p.published_on, p.id))
    replications = sorted(exemplar.replications, key=lambda r: (r.held_on, r.id))
    return ExemplarDetail(
        id=exemplar.id, version=exemplar.version, stage=exemplar.stage,
        **{name: getattr(exemplar, name) for name in _COLUMNS},
        subject_name=exemplar.subject.name, subject_kind=exemplar.subject.kind,
        movement_name=exemplar.movement.name if exemplar.movement else "",
        field_name=exemplar.field.name if exemplar.field else "",
        unit_name=exemplar.unit.name if exemplar.unit else "",
        stage_history=[StageChangeRow(c.id, c.stage, c.changed_on, c.note) for c in exemplar.stage_changes],
        files=[file_row(data_dir, item) for item in exemplar.files],
        publicity=[_publicity_input(p) for p in publicity],
        replications=[_replication_input(r) for r in replications],
        stored_files={p.stored_file.id: _file_ref(data_dir, p.stored_file) for p in publicity
                      if p.stored_file},
    )


def _publicity_input(item: PublicityItem) -> PublicityInput:
    return PublicityInput(**{name: getattr(item, name) for name in _PUBLICITY_COLUMNS})


def _file_ref(data_dir: Path, stored: StoredFile) -> StoredFileRef:
    return StoredFileRef(stored.original_name, str(readable_path(data_dir, stored)))


def _replication_input(item: ReplicationActivity) -> ReplicationInput:
    return ReplicationInput(**{f.name: getattr(item, f.name) for f in dataclasses.fields(ReplicationInput)})
