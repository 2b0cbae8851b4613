"""Merge a duplicate subject into the one kept (issue 17: "Gộp hồ sơ trùng").

Everything that points at the other record moves to the kept one: its nominations (with their reports,
checklists, council agenda items, decision lines and certificates, which hang on the nomination), award
history, holds, exemplar records (with their files, publicity and replication), and, for a collective,
its members. The foreign keys to `subject` are read from the models' metadata (`subject_references`), and
each must have a rule in `REFERENCES`: a merge refuses to run while one has none, and a test fails, so
a table added later is not forgotten.

Refused, with nothing written: records of different kinds, a record whose personal data was erased on
request, and two records with nominations in the same round (one subject is put forward once per round:
the officer removes one nomination first). A line of award history typed by hand that repeats a line of
the other record (every stored column equal, text compared trimmed and case-folded) is kept once, and the
plan names it; a line an issued decision wrote is never dropped and keeps its link to the decision and
the nomination, so cancelling the decision later removes exactly its lines from the kept person.

The kept record's values win; where it has none, the other's fill it; where both differ, the officer's
choice (`take_from_other`) says which. The other record is then deleted: the audit trail keeps its
events, the deletion among them, and every event of the merge says "Gộp hồ sơ trùng: … vào …"; a later
export or erasure of the kept person's data takes the merged record's events along (lives.py).
One transaction, over the versions the officer read.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Mapper, Session

from app.errors import ConflictError, ServiceError
from app.models import (
    AgendaItem,
    AwardRecord,
    Certificate,
    ChecklistItem,
    DecisionEntry,
    Exemplar,
    ExemplarFile,
    Nomination,
    PublicityItem,
    Round,
    Subject,
)
from app.models.base import Base
from app.rules.vntext import fold, normalize_text, vn_number, vn_short_date
from app.services.records import check_version, get_or_not_found
from app.services.subjects.crud import subject_sort_key
from app.services.subjects.data import AWARD_COLUMNS
from app.services.subjects.lives import merge_reason
from app.services.subjects.merge_fields import FieldChoice, field_choices, merged_columns
from app.services.subjects.words import index_subject_words
from app.storage.audit.recorder import REASON
from app.storage.database import Database
from app.storage.versions import bump_version

MOVE, DROP, REINDEX = "move", "drop", "reindex"
# (table, column) of every foreign key to subject.id -> what a merge does with the other record's rows:
# MOVE them to the kept record; DROP them (an import batch's list of the subjects it created: the merged
# record is no longer one an undo may delete); REINDEX (search words, rebuilt from the kept name).
REFERENCES: dict[tuple[str, str], str] = {
    ("nomination", "subject_id"): MOVE,
    ("award_record", "subject_id"): MOVE,
    ("hold_flag", "subject_id"): MOVE,
    ("exemplar", "subject_id"): MOVE,
    ("subject", "collective_id"): MOVE,
    ("subject_word", "subject_id"): REINDEX,
    ("import_batch_subject", "subject_id"): DROP,
}
MOVED_LABELS = {
    ("nomination", "subject_id"): "hồ sơ đề nghị khen thưởng",
    ("award_record", "subject_id"): "dòng lịch sử khen thưởng",
    ("hold_flag", "subject_id"): "mục kỷ luật, tạm dừng xét",
    ("exemplar", "subject_id"): "hồ sơ điển hình tiên tiến",
    ("subject", "collective_id"): "thành viên của tập thể",
}


def subject_references() -> list[tuple[str, str]]:
    """Every foreign key to subject.id in the models, as (table, column)."""
    subject = Base.metadata.tables[Subject.__tablename__]
    return sorted((table.name, fk.parent.name) for table in Base.metadata.tables.values()
                  for fk in table.foreign_keys if fk.column.table is subject)


@dataclass(frozen=True)
class MergeSide:
    id: int
    version: int
    name: str


@dataclass(frozen=True)
class MergePlan:
    kept: MergeSide
    other: MergeSide
    kind_label: str
    fields: tuple[FieldChoice, ...]
    moves: tuple[tuple[str, int], ...]  # (what, how many) moving to the kept record; none left out at 0
    kept_once: tuple[str, ...]  # award lines written on both records, kept once: "form, year, decision"
    problems: tuple[str, ...]  # why the merge is refused; empty: it may go ahead

    @property
    def differing(self) -> tuple[FieldChoice, ...]:
        return tuple(choice for choice in self.fields if choice.differs)

    @property
    def filled(self) -> tuple[FieldChoice, ...]:
        return tuple(choice for choice in self.fields if choice.filled)

    @property
    def duplicate_awards(self) -> int:
        return len(self.kept_once)

    def moves_text(self) -> str:
        moved = [f"{vn_number(count)} {what}" for what, count in self.moves]
        if self.kept_once:
            moved.append(f"{vn_number(self.duplicate_awards)} dòng khen thưởng ghi giống hệt nhau ở cả hai "
                         f"hồ sơ chỉ giữ một ({'; '.join(self.kept_once)})")
        return "; ".join(moved) if moved else "không có gì kèm theo"


@dataclass(frozen=True)
class MergeResult:
    plan: MergePlan

    def summary(self) -> str:
        kept, other = self.plan.kept, self.plan.other
        return (f"Đã gộp hồ sơ “{other.name}” (số {other.id}) vào “{kept.name}” (số {kept.id}). "
                f"Chuyển sang hồ sơ giữ lại: {self.plan.moves_text()}. "
                f"Hồ sơ trùng “{other.name}” đã được xóa khỏi sổ; nhật ký thay đổi ghi lại việc gộp.")


def merge_plan(db: Database, keep_id: int, other_id: int) -> MergePlan:
    """The two records side by side, what would move and why a merge would be refused; nothing changes."""
    with db.read() as session:
        kept, other = _pair(session, keep_id, other_id)
        return _plan(session, kept, other)


def merge_subjects(db: Database, keep_id: int, other_id: int, keep_version: int | None,
                   other_version: int | None, take_from_other: Collection[str] = ()) -> MergeResult:
    """Merge `other_id` into `keep_id` as the plan says, over the versions read (ConflictError when
    either record changed since); `take_from_other`: the keys of differing fields whose value the other
    record gives. ConflictError with the reasons when the merge is refused; nothing is written then."""
    with db.transaction() as session:
        kept, other = _pair(session, keep_id, other_id)
        check_version(kept, keep_version, f"Hồ sơ “{kept.name}” (số {kept.id})")
        check_version(other, other_version, f"Hồ sơ “{other.name}” (số {other.id})")
        plan = _plan(session, kept, other)
        if plan.problems:
            raise ConflictError(" ".join(plan.problems))
        values = merged_columns(kept, other, set(take_from_other))
        session.info[REASON] = merge_reason(other, kept)
        _move_references(session, kept, other)
        session.delete(other)
        session.flush()
        _keep_values(session, kept, values)
        return MergeResult(plan)


def _pair(session: Session, keep_id: int, other_id: int) -> tuple[Subject, Subject]:
    if keep_id == other_id:
        raise ServiceError("Hãy chọn hai hồ sơ khác nhau để gộp.")
    return (get_or_not_found(session, Subject, keep_id, "đối tượng số"),
            get_or_not_found(session, Subject, other_id, "đối tượng số"))


# The plan -----------------------------------------------------------------------------------------

def _plan(session: Session, kept: Subject, other: Subject) -> MergePlan:
    same_kind = kept.kind is other.kind
    return MergePlan(
        kept=MergeSide(kept.id, kept.version, kept.name),
        other=MergeSide(other.id, other.version, other.name),
        kind_label=kept.kind.label,
        fields=field_choices(kept, other) if same_kind else (),
        moves=tuple((what, count) for what, count in _moves(session, other.id) if count),
        kept_once=tuple(_award_line(survivor) for _dropped, survivor in _duplicate_awards(kept, other)),
        problems=tuple(_problems(session, kept, other)),
    )


def _problems(session: Session, kept: Subject, other: Subject) -> list[str]:
    names = f"“{kept.name}” (số {kept.id}) và “{other.name}” (số {other.id})"
    if kept.kind is not other.kind:
        return [f"Không gộp được {names}: {kept.kind.label.lower()} và {other.kind.label.lower()} là hai "
                "loại đối tượng khác nhau; chỉ gộp được hai hồ sơ cùng loại."]
    problems = []
    unhandled = [f"{table}.{column}" for table, column in subject_references()
                 if (table, column) not in REFERENCES]
    if unhandled:
        problems.append(f"Chưa gộp được: Sổ Vàng chưa biết chuyển dữ liệu ở {', '.join(unhandled)}.")
    for subject in (kept, other):
        if subject.erased_on is not None:
            problems.append(f"Không gộp được {names}: dữ liệu cá nhân của “{subject.name}” (số {subject.id}) "
                            "đã được xóa theo yêu cầu.")
    for round_name in _shared_rounds(session, kept.id, other.id):
        problems.append(f"Không gộp được {names}: cả hai đều có hồ sơ đề nghị trong đợt xét “{round_name}”. "
                        "Hãy xóa hoặc rút một trong hai hồ sơ đề nghị đó rồi gộp lại.")
    return problems


def _shared_rounds(session: Session, kept_id: int, other_id: int) -> list[str]:
    rounds_of = lambda subject_id: select(Nomination.round_id).where(Nomination.subject_id == subject_id)  # noqa: E731
    query = (select(Round.name).where(Round.id.in_(rounds_of(kept_id)), Round.id.in_(rounds_of(other_id)))
             .order_by(Round.id))
    return list(session.scalars(query))


def _moves(session: Session, other_id: int) -> list[tuple[str, int]]:
    counts = [(label, _count(session, select(func.count()).select_from(_table(ref))
                             .where(_table(ref).c[ref[1]] == other_id)))
              for ref, label in MOVED_LABELS.items()]
    nominations = select(Nomination.id).where(Nomination.subject_id == other_id)
    entries = select(DecisionEntry.id).where(DecisionEntry.nomination_id.in_(nominations))
    counts += [
        ("tệp đính kèm (tài liệu, hình ảnh)", len(_files(session, other_id))),
        ("lần đưa ra họp Hội đồng", _count(session, select(func.count(AgendaItem.id))
                                           .where(AgendaItem.nomination_id.in_(nominations)))),
        ("dòng trong danh sách quyết định",
         _count(session, select(func.count()).select_from(entries.subquery()))),
        ("giấy khen đã in", _count(session, select(func.count(Certificate.id))
                                   .where(Certificate.decision_entry_id.in_(entries)))),
    ]
    return counts


def _count(session: Session, query) -> int:
    return session.scalar(query) or 0


def _files(session: Session, other_id: int) -> set[int]:
    exemplars = select(Exemplar.id).where(Exemplar.subject_id == other_id)
    nominations = select(Nomination.id).where(Nomination.subject_id == other_id)
    queries = (
        select(ExemplarFile.stored_file_id).where(ExemplarFile.exemplar_id.in_(exemplars)),
        select(PublicityItem.stored_file_id).where(PublicityItem.exemplar_id.in_(exemplars)),
        select(ChecklistItem.stored_file_id).where(ChecklistItem.nomination_id.in_(nominations)),
    )
    return {file_id for query in queries for file_id in session.scalars(query) if file_id is not None}


def _table(ref: tuple[str, str]):
    return Base.metadata.tables[ref[0]]


# Award lines written on both records ----------------------------------------------------------------

def _award_key(record: AwardRecord) -> tuple:
    """Every stored column of the line; text trimmed, NFC and case-folded."""
    return tuple(_compared(getattr(record, column)) for column in AWARD_COLUMNS)


def _compared(value: Any) -> Any:
    return normalize_text(value).casefold() if isinstance(value, str) else value


def _award_line(record: AwardRecord) -> str:
    """The line as the officer knows it: form, year, decision number and date."""
    decision = " ".join(part for part in (
        f"số {record.decision_no}" if record.decision_no else "",
        f"ngày {vn_short_date(record.decision_date)}" if record.decision_date else "") if part)
    return f"{record.form_name} năm {record.year}" + (f", quyết định {decision}" if decision else "")


def _duplicate_awards(kept: Subject, other: Subject) -> list[tuple[AwardRecord, AwardRecord]]:
    """(the line to drop, the equal line that stays): the other's typed line repeating a kept line, or a
    kept typed line repeating a line an issued decision wrote on the other. Lines a decision wrote are
    never dropped."""
    if kept.kind is not other.kind:
        return []
    kept_lines = {_award_key(record): record for record in kept.awards}
    pairs: list[tuple[AwardRecord, AwardRecord]] = []
    for record in other.awards:
        twin = kept_lines.get(_award_key(record))
        if twin is None:
            continue
        if record.decision_id is None:
            pairs.append((record, twin))
        elif twin.decision_id is None and all(twin is not dropped for dropped, _ in pairs):
            pairs.append((twin, record))
    return pairs


# The merge --------------------------------------------------------------------------------------------

def _move_references(session: Session, kept: Subject, other: Subject) -> None:
    for dropped, _survivor in _duplicate_awards(kept, other):
        session.delete(dropped)
    session.flush()
    for ref, rule in REFERENCES.items():
        if rule == MOVE:
            _move(session, ref, other.id, kept.id)
        elif rule == DROP:
            session.execute(delete(_table(ref)).where(_table(ref).c[ref[1]] == other.id))
    session.flush()
    session.expire(kept)
    session.expire(other)  # its award and hold collections are empty now: deleting it takes nothing along


def _move(session: Session, ref: tuple[str, str], from_id: int, to_id: int) -> None:
    """Through the ORM, one row at a time: versions are counted and the audit trail records each move."""
    mapper = _mapper(ref[0])
    column = _table(ref).c[ref[1]]
    key = mapper.get_property_by_column(column).key
    rows: list[Any] = list(session.scalars(select(mapper.class_).where(column == from_id)))
    for row in rows:
        setattr(row, key, to_id)


def _mapper(table_name: str) -> Mapper[Any]:
    for mapper in Base.registry.mappers:
        if mapper.local_table is Base.metadata.tables[table_name]:
            return mapper
    raise LookupError(table_name)


def _keep_values(session: Session, kept: Subject, values: dict) -> None:
    for column, value in values.items():
        setattr(kept, column, value)
    kept.name_norm = fold(kept.name)
    kept.sort_key = subject_sort_key(kept.kind, kept.name, kept.head_name)
    bump_version(kept)
    session.flush()
    index_subject_words(session, kept)

