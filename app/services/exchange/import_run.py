"""Importing a candidate list: the dry run, the import itself (one transaction, a backup first, recorded
as a batch) and its undo as one step while nothing has been built on the rows it created."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from app.errors import ConflictError, ServiceError
from app.models import (
    AuditAction,
    AwardRecord,
    Exemplar,
    ImportBatch,
    ImportBatchSubject,
    Nomination,
    Subject,
    SubjectWord,
)
from app.services.exchange.columns import FIELD_BY_KEY, names_subject
from app.services.exchange.import_rows import Outcome, RowResult, analyse_rows
from app.services.exchange.workbook import Grid, find_header, read_grid
from app.services.records import get_or_not_found
from app.services.subjects.crud import subject_columns
from app.services.subjects.words import word_rows
from app.storage.audit.changes import Change
from app.storage.audit.recorder import ensure_started, record_changes
from app.storage.audit.registry import audited_for
from app.storage.database import Database

UNDO_NAMES_SHOWN = 5


@dataclass(frozen=True)
class ImportSource:
    """What to read: the file, the sheet (None: the first), the header row (1-based; None: found) and
    the columns' fields chosen by hand (column index -> field key; None: found from the headers, those
    a saved preset names first)."""

    path: Path
    sheet: str | None = None
    header_row: int | None = None
    mapping: dict[int, str] | None = None
    preset: dict[str, str] | None = None  # field -> header text


@dataclass
class ImportPreview:
    file: Path
    sheet: str
    header_row: int  # 1-based
    headers: list[str]
    mapping: dict[int, str]
    rows: list[RowResult]
    counts: Counter = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.counts = Counter(r.outcome for r in self.rows)

    @property
    def refused(self) -> list[RowResult]:
        return [r for r in self.rows if r.outcome is Outcome.REFUSED]

    def summary(self) -> str:
        return (f"{len(self.rows)} dòng: {self.counts[Outcome.CREATED]} thêm mới, "
                f"{self.counts[Outcome.MATCHED]} đã có (khớp), {self.counts[Outcome.REFUSED]} bị từ chối.")


@dataclass(frozen=True)
class ImportResult:
    batch_id: int | None  # None when nothing was created
    created: int
    matched: int
    refused: int
    backup: Path | None

    def summary(self) -> str:
        text = (f"Đã nhập: {self.created} đối tượng thêm mới, {self.matched} đã có (không thêm lại), "
                f"{self.refused} dòng bị từ chối (chưa nhập).")
        if self.batch_id is not None:
            text += f" Lần nhập số {self.batch_id} (hoàn tác được bằng “sovang import-undo {self.batch_id}”)."
        if self.backup is not None:
            text += f" Bản sao lưu trước khi nhập: {self.backup.name}."
        return text


@dataclass(frozen=True)
class BatchRow:
    id: int
    file_name: str
    sheet_name: str
    imported_at: dt.datetime
    created: int
    matched: int
    refused: int
    undone_at: dt.datetime | None


def _grid(source: ImportSource) -> Grid:
    grid = find_header(read_grid(source.path, source.sheet), source.header_row, source.preset)
    if source.mapping is not None:
        unknown = set(source.mapping.values()) - set(FIELD_BY_KEY)
        if unknown:
            raise ServiceError(f"Trường không có: {', '.join(sorted(unknown))}.")
        grid.mapping = {c: f for c, f in source.mapping.items() if f != "stt"}
        if not names_subject(grid.mapping):
            raise ServiceError("Hãy ghép một cột với “Họ và tên” (hoặc “Tên tập thể”, “Tên hộ gia đình”).")
    else:
        grid.mapping = {c: f for c, f in grid.mapping.items() if f != "stt"}
    return grid


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector held off while a list is read and written: with a 10,000-row list
    some 250,000 objects are alive, which it would otherwise walk again and again for cycles the import
    does not make (a sixth of the time on bench/bench_import.py). Reference counting frees memory as
    usual meanwhile, and a collection follows at the next allocations once it is back on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def preview_import(db: Database, source: ImportSource, today: dt.date | None = None) -> ImportPreview:
    """The dry run: every row's outcome and problems; nothing is written."""
    with _collector_paused():
        return _preview(db, source, today)


def _preview(db: Database, source: ImportSource, today: dt.date | None) -> ImportPreview:
    grid = _grid(source)
    with db.read() as session:
        rows = analyse_rows(session, grid, today or dt.date.today())
    return ImportPreview(source.path, grid.sheet, grid.header_row + 1, grid.headers, dict(grid.mapping), rows)


def run_import(db: Database, source: ImportSource, *, all_or_nothing: bool = False,
               today: dt.date | None = None) -> ImportResult:
    """Import the good rows in one transaction (or none of them when `all_or_nothing` and a row is
    refused), after a backup; the rows it creates are recorded as one batch. The rows are judged inside
    the transaction, against the book as it is then (someone may have saved since the dry run)."""
    with _collector_paused():
        return _import(db, source, all_or_nothing, today)


def _import(db: Database, source: ImportSource, all_or_nothing: bool, today: dt.date | None) -> ImportResult:
    day = today or dt.date.today()
    grid = _grid(source)  # a file that cannot be read is refused before anything is written
    backup = _backup(db)
    with db.transaction() as session:
        rows = analyse_rows(session, grid, day)
        _refuse_if_any(rows, all_or_nothing)  # rolled back: nothing written
        counts = Counter(r.outcome for r in rows)
        batch_id = _write(session, grid, rows, counts) if counts[Outcome.CREATED] else None
    return ImportResult(batch_id, counts[Outcome.CREATED], counts[Outcome.MATCHED], counts[Outcome.REFUSED],
                        backup)


def _refuse_if_any(rows: list[RowResult], all_or_nothing: bool) -> None:
    refused = [r for r in rows if r.outcome is Outcome.REFUSED]
    if all_or_nothing and refused:
        raise ServiceError(f"Không nhập dòng nào (đã chọn “tất cả hoặc không”): {len(refused)} dòng bị từ "
                           f"chối, dòng đầu tiên: {refused[0].messages}")


def _backup(db: Database) -> Path | None:
    if not db.is_sqlite:
        return None  # a shared server database is backed up by its server (as the backup menu says)
    from app.storage.backup.backups import make_backup
    from app.storage.backup.schedule import BackupReason

    return make_backup(db.data_dir, BackupReason.BEFORE_IMPORT).path


def _write(session: Session, grid: Grid, rows: list[RowResult], counts: Counter) -> int:
    """The batch, its subjects and its links. The subjects go in as one INSERT of many rows (no ORM
    object each: ten times less work for a long list) and the trail records each one's creation as the
    unit of work would (storage/audit: the same CREATE events, read back whole)."""
    batch = ImportBatch(file_name=grid.file.name[:300], sheet_name=grid.sheet[:200],
                        created_count=counts[Outcome.CREATED], matched_count=counts[Outcome.MATCHED],
                        refused_count=counts[Outcome.REFUSED])
    session.add(batch)
    session.flush()
    created = [r for r in rows if r.outcome is Outcome.CREATED and r.subject is not None]
    values = [{**subject_columns(r.subject), "version": 1} for r in created if r.subject is not None]
    ensure_started(session)
    ids = _insert_subjects(session, values)
    entry = audited_for(Subject)
    assert entry is not None
    record_changes(session, session.connection(), [Change(entry, AuditAction.CREATE, i) for i in ids])
    # The search's word index and the links are bookkeeping the trail does not follow: executemany too.
    words = [w for i, v in zip(ids, values, strict=True) for w in word_rows(i, v["name"])]
    if words:
        session.execute(insert(cast(Table, SubjectWord.__table__)), words)
    links = [{"batch_id": batch.id, "subject_id": i, "row_number": r.row}
             for i, r in zip(ids, created, strict=True)]
    session.execute(insert(cast(Table, ImportBatchSubject.__table__)), links)
    return batch.id


def _insert_subjects(session: Session, values: list[dict]) -> list[int]:
    """Insert the subjects; their numbers in the order of `values`. On PostgreSQL by RETURNING, sorted
    by the rows given. On SQLite a RETURNING sorted so is made one row per statement (SQLAlchemy cannot
    otherwise tie the rows back to their values there): one executemany instead, and the numbers read
    back. The write lock makes this transaction the only writer, and the table's AUTOINCREMENT gives
    each new row a number above every number used before, in the order inserted: the numbers above the
    largest before the insert are this insert's, in order."""
    table = cast(Table, Subject.__table__)
    if session.get_bind().dialect.name != "sqlite":
        returning = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(session.execute(returning, values).scalars())
    before = session.scalar(select(func.max(table.c.id))) or 0
    session.execute(insert(table), values)
    ids: list[int] = list(session.scalars(select(table.c.id).where(table.c.id > before).order_by(table.c.id)))
    if len(ids) != len(values):  # another writer: impossible under SQLite's write lock
        raise ServiceError(f"Nhập danh sách: đã thêm {len(values)} đối tượng nhưng đọc lại {len(ids)}; "
                           "không nhập dòng nào, hãy thử lại.")
    return ids


def list_batches(db: Database, limit: int = 50) -> list[BatchRow]:
    with db.read() as session:
        batches = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit))
        return [BatchRow(b.id, b.file_name, b.sheet_name, b.imported_at, b.created_count, b.matched_count,
                         b.refused_count, b.undone_at) for b in batches]


def undo_import(db: Database, batch_id: int, now: dt.datetime | None = None) -> int:
    """Delete what the batch created, as one step; refused, with the subjects named, once a row has been
    built on (a nomination, an award, an exemplar, a member, an edit). Returns how many were deleted."""
    with db.transaction() as session:
        batch = get_or_not_found(session, ImportBatch, batch_id, "lần nhập số")
        if batch.undone_at is not None:
            raise ConflictError(f"Lần nhập số {batch_id} đã được hoàn tác lúc "
                                f"{batch.undone_at:%H:%M ngày %d/%m/%Y}.")
        ids = list(session.scalars(select(ImportBatchSubject.subject_id)
                                   .where(ImportBatchSubject.batch_id == batch_id)))
        subjects = list(session.scalars(select(Subject).where(Subject.id.in_(ids)).order_by(Subject.id))) \
            if ids else []
        blocked = _built_on(session, subjects)
        if blocked:
            shown = "; ".join(blocked[:UNDO_NAMES_SHOWN])
            hidden = len(blocked) - UNDO_NAMES_SHOWN
            more = f" và {hidden} đối tượng khác" if hidden > 0 else ""
            raise ConflictError(f"Không hoàn tác được lần nhập số {batch_id} (“{batch.file_name}”): đã có "
                                f"việc làm tiếp trên đối tượng nhập vào — {shown}{more}. Hãy xóa hoặc sửa "
                                "từng đối tượng trong trang Đối tượng.")
        for subject in subjects:
            session.delete(subject)
        batch.undone_at = now or dt.datetime.now().replace(microsecond=0)
        return len(subjects)


def _built_on(session: Session, subjects: list[Subject]) -> list[str]:
    if not subjects:
        return []
    ids = [s.id for s in subjects]
    reasons: dict[int, list[str]] = {i: [] for i in ids}
    checks = (
        (Nomination.subject_id, "đã có hồ sơ đề nghị khen thưởng"),
        (AwardRecord.subject_id, "đã ghi khen thưởng"),
        (Exemplar.subject_id, "đã là điển hình tiên tiến"),
        (Subject.collective_id, "đã có thành viên"),
    )
    for column, reason in checks:
        for sid in session.scalars(select(column).where(column.in_(ids)).group_by(column)):
            if sid is not None:
                reasons[sid].append(reason)
    for subject in subjects:
        if subject.version > 1:
            reasons[subject.id].append("đã sửa sau khi nhập")
    return [f"“{s.name}” (số {s.id}): {', '.join(reasons[s.id])}" for s in subjects if reasons[s.id]]


def count_batches(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(ImportBatch)) or 0
