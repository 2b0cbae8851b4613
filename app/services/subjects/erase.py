"""Erase a person's data on their request (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15), keeping what
the state's commendation records need.

The rule (shown to the officer as the plan before anything happens):

- A subject with no award history and no name in a numbered document (an issued or cancelled decision,
  a proposal that took a number) is deleted with everything that hangs on it: its holds, nominations
  (reports, checklists, history; their lines in draft decisions), exemplar records (stages, evidence,
  photos, publicity, replication), and the stored files no other record uses.
- A subject with award history or named in a numbered document keeps, as a state record (kept under
  the rules on archives and commendation): its name, kind, unit, field, the collective it belongs to
  (a household: its head's name), its award history, the numbered documents that name it (as issued,
  with number, date and golden-book number) and the nominations those documents answer, with their
  dossier (report, checklist, history). So does a subject whose nomination was put before a council
  meeting (Hội đồng Thi đua - Khen thưởng): the meeting's agenda, polls and minutes are the commune's
  records and name the nominee, so that nomination stays whole with its dossier (it only leaves the
  unnumbered drafts that list it). Everything else personal is erased: citizen ID, birth date and
  year, gender, ethnicity, position, occupation group, address, phone, note, holds, the other
  nominations, exemplar records and stored files as above. The subject is marked erased (`erased_on`)
  and its note says when and why.
- Collectives are refused: the law protects people; a collective's record is the organisation's.

`erase_subject` checks the reason and the typed name, makes a verified backup (BackupReason.BEFORE_ERASE;
SQLite only), then erases in one transaction: on any failure nothing has changed. The stored files'
bytes are deleted after the commit; one that cannot be deleted is named in the result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ConflictError, ServiceError, Validator
from app.models import (
    AchievementReport,
    Decision,
    DecisionStatus,
    DocumentType,
    Exemplar,
    HoldFlag,
    Nomination,
    Subject,
    SubjectKind,
)
from app.rules.vntext import normalize_multiline, normalize_text, vn_short_date
from app.services.accounts.permissions import PermissionDeniedError, require_approve
from app.services.records import get_or_not_found
from app.services.subjects.erase_survey import Survey, survey_subject
from app.services.subjects.lives import keyed_events, subject_lives
from app.storage.audit.redact import redact_events
from app.storage.database import Database
from app.storage.erasures import remember_erasure
from app.storage.file_store import stored_path
from app.storage.versions import bump_version

REASON_LIMIT = 1000
ARCHIVE_REASON = "giữ theo quy định về lưu trữ và khen thưởng"
COUNCIL_REASON = ("chương trình, biểu quyết và biên bản phiên họp ghi họ tên người được đề nghị và kết quả, "
                  f"giữ nguyên như khi họp — hồ sơ chính thức của xã, {ARCHIVE_REASON}")
_PERSONAL = (  # (column, label, empty value)
    ("citizen_id", "số CCCD", None), ("birth_date", "ngày sinh", None), ("birth_year", "năm sinh", None),
    ("gender", "giới tính", None), ("ethnicity", "dân tộc", ""), ("position", "chức vụ", ""),
    ("occupation_group", "nhóm nghề nghiệp", None), ("address", "địa chỉ", ""),
    ("phone", "số điện thoại", ""), ("note", "ghi chú", ""),
)


@dataclass(frozen=True)
class KeptItem:
    what: str
    why: str


@dataclass(frozen=True)
class ErasePlan:
    subject_id: int
    name: str
    deletes_subject: bool  # True: the whole record goes; False: a state record stays
    delete: tuple[str, ...]
    keep: tuple[KeptItem, ...]
    files_removed: tuple[str, ...]  # names of stored files whose bytes leave the file store
    erased_on: dt.date | None = None  # an earlier erasure

    @property
    def council_kept(self) -> KeptItem | None:
        """The nominations kept because a council meeting's agenda and minutes name them."""
        return next((item for item in self.keep if item.why == COUNCIL_REASON), None)

    @property
    def rule(self) -> str:
        if self.deletes_subject:
            return (f"“{self.name}” chưa có lịch sử khen thưởng, chưa có tên trong văn bản nào đã cấp số hay "
                    "phiên họp nào của Hội đồng Thi đua - Khen thưởng, nên được xóa hẳn cùng mọi dữ liệu kèm "
                    "theo.")
        return (f"“{self.name}” đã có lịch sử khen thưởng, có tên trong văn bản đã cấp số hoặc trong "
                "phiên họp của Hội đồng Thi đua - Khen thưởng. Các văn bản, biên bản và hồ sơ khen thưởng "
                f"đó được {ARCHIVE_REASON}; mọi dữ liệu cá nhân khác được xóa.")


@dataclass(frozen=True)
class EraseResult:
    plan: ErasePlan
    backup: Path | None
    files_removed: int
    files_left: tuple[Path, ...]  # bytes that could not be deleted (remove them by hand)
    memory_problem: str | None = None  # the erasure could not be listed outside the database

    def summary(self) -> str:
        name = self.plan.name
        if self.plan.deletes_subject:
            text = f"Đã xóa hẳn “{name}” cùng mọi dữ liệu kèm theo"
        else:
            text = (f"Đã xóa dữ liệu cá nhân của “{name}”; giữ lại họ tên, đơn vị, lịch sử khen thưởng và "
                    f"các văn bản đã cấp số ({ARCHIVE_REASON})")
        text += f"; {self.files_removed} tệp đã xóa khỏi kho tệp." if self.files_removed else "."
        if self.plan.council_kept:
            text += f" Giữ lại: {self.plan.council_kept.what} — {self.plan.council_kept.why}."
        if self.backup is not None:
            text += f" Bản sao lưu ngay trước khi xóa: “{self.backup}”."
        if self.files_left:
            paths = "; ".join(str(p) for p in self.files_left)
            text += f" Không xóa được {len(self.files_left)} tệp trong kho tệp, hãy xóa bằng tay: {paths}."
        if self.memory_problem:
            text += (f" {self.memory_problem} Nếu khôi phục một bản sao lưu lập trước lúc này, hãy xóa lại "
                     "dữ liệu của người này.")
        return text


def erase_plan(db: Database, subject_id: int) -> ErasePlan:
    """What erasing would delete and what it would keep, and why; nothing is changed."""
    with db.read() as session:
        return _plan(survey_subject(session, _subject(session, subject_id)), db.is_sqlite)


def erase_subject(db: Database, subject_id: int, reason: str, confirm_name: str,
                  expected: ErasePlan | None = None, today: dt.date | None = None) -> EraseResult:
    """Erase as the plan says, after a backup, in one transaction. `expected`: the plan the officer saw;
    when the data changed since, nothing is done (ConflictError)."""
    if not db.actor.can_approve:
        raise PermissionDeniedError("Chỉ lãnh đạo mới được xóa dữ liệu cá nhân theo yêu cầu.")
    plan = erase_plan(db, subject_id)
    reason = _checked(plan, reason, confirm_name)
    if expected is not None and plan != expected:
        raise ConflictError(_CHANGED.format(name=plan.name))
    backup = _backup(db)
    with db.transaction() as session:
        require_approve(session, "xóa dữ liệu cá nhân theo yêu cầu")
        survey = survey_subject(session, _subject(session, subject_id))
        if _plan(survey, db.is_sqlite) != plan:
            raise ConflictError(_CHANGED.format(name=plan.name))
        doomed = [stored_path(db.data_dir, stored) for stored in survey.unused_files]
        records, kept = _child_records(survey), {n.id for n in survey.state_nominations}
        _apply(session, survey, reason, today or dt.date.today())
        # after the flush that recorded the erasure itself
        redact_events(session.connection(), _traced_events(session, subject_id, records, kept))
    left = tuple(path for path in doomed if not _unlink(path))
    return EraseResult(plan, backup, len(doomed) - len(left), left, _remembered(db, subject_id))


def _remembered(db: Database, subject_id: int) -> str | None:
    """The erasure listed outside the database (storage/erasures.py), so a restore of an older backup
    erases the person again; the problem when the list cannot be written (the erasure itself is done)."""
    try:
        remember_erasure(db.data_dir, subject_id, dt.datetime.now(dt.UTC).replace(tzinfo=None))
    except ServiceError as exc:
        return str(exc)
    return None


_CHANGED = "Dữ liệu của “{name}” vừa thay đổi. Hãy xem lại danh sách sẽ xóa rồi làm lại; chưa có gì bị xóa."


def _subject(session: Session, subject_id: int) -> Subject:
    subject = get_or_not_found(session, Subject, subject_id, "đối tượng số")
    if subject.kind is SubjectKind.COLLECTIVE:
        raise ServiceError(
            f"“{subject.name}” là tập thể: việc xóa theo yêu cầu chỉ áp dụng cho dữ liệu cá nhân của người "
            "và hộ gia đình. Tập thể chưa có lịch sử khen thưởng có thể xóa bằng nút “Xóa”."
        )
    return subject


def _checked(plan: ErasePlan, reason: str, confirm_name: str) -> str:
    reason = normalize_multiline(reason)
    check = Validator()
    check.require("reason", "Lý do xóa", reason)
    check.max_length("reason", "Lý do xóa", reason, REASON_LIMIT)
    if normalize_text(confirm_name).casefold() != plan.name.casefold():
        check.add("confirm_name", f"Họ tên xác nhận: hãy gõ đúng “{plan.name}”.")
    check.raise_if_any()
    if not plan.delete:
        raise ConflictError(f"Không còn dữ liệu cá nhân nào của “{plan.name}” để xóa.")
    return reason


def _backup(db: Database) -> Path | None:
    if not db.is_sqlite:
        return None  # a shared server database is backed up by its server
    from app.storage.backup.backups import BackupReason, make_backup

    return make_backup(db.data_dir, BackupReason.BEFORE_ERASE).path


def _erase_note(reason: str, today: dt.date) -> str:
    return f"Đã xóa dữ liệu cá nhân theo yêu cầu ngày {vn_short_date(today)}. Lý do: {reason}"


def _unlink(path: Path) -> bool:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        return False
    return True


# The plan ------------------------------------------------------------------------------------------

def _plan(survey: Survey, backed_up: bool) -> ErasePlan:
    subject = survey.subject
    removed = tuple(f.original_name for f in survey.unused_files)
    own = [_profile_line(survey)] if survey.deletes_subject else _field_lines(subject)
    delete = own + _linked_lines(survey)
    keep = [] if survey.deletes_subject else _state_records(survey)
    if survey.shared_files:
        names = ", ".join(f.original_name for f in survey.shared_files)
        keep.append(KeptItem(f"Tệp dùng chung với hồ sơ khác: {names}",
                             "hồ sơ khác vẫn dùng; chỉ gỡ khỏi hồ sơ của người này"))
    if survey.audit_events:
        keep.append(KeptItem(
            "Nhật ký thay đổi: thời điểm, người thực hiện và loại thao tác của các lần thêm, sửa, xóa "
            "(các giá trị đã ghi về người này được xóa khỏi nhật ký)",
            "để biết ai đã làm gì với hồ sơ; chuỗi mã băm của nhật ký vẫn kiểm tra được"))
    if backed_up:
        keep.append(KeptItem(
            "Các bản sao lưu đã có và bản sao lưu tạo ngay trước khi xóa",
            "để khôi phục nếu xóa nhầm; bản sao lưu được xóa dần theo lịch sao lưu (bản “trước xóa dữ liệu "
            "cá nhân” được giữ ít nhất 30 ngày)"))
    return ErasePlan(subject.id, subject.name, survey.deletes_subject, tuple(delete), tuple(keep), removed,
                     subject.erased_on)


def _profile_line(survey: Survey) -> str:
    return f"Hồ sơ “{survey.subject.name}” với mọi thông tin trong đó"


def _field_lines(subject: Subject) -> list[str]:
    labels = [label for column, label, empty in _PERSONAL
              if getattr(subject, column) not in (empty, "") and not (column == "note" and subject.erased_on)]
    return [f"Thông tin cá nhân: {', '.join(labels)}"] if labels else []


def _linked_lines(survey: Survey) -> list[str]:
    lines = []
    if survey.subject.holds:
        lines.append(f"{len(survey.subject.holds)} mục kỷ luật, tạm dừng xét khen thưởng (kèm ghi chú)")
    if survey.dropped_nominations:
        lines.append(f"{len(survey.dropped_nominations)} hồ sơ đề nghị khen thưởng chưa có quyết định "
                     "(kèm báo cáo thành tích, bảng kiểm tiêu chí, lịch sử)")
    if survey.draft_entries:
        lines.append(f"Tên trong {len({e.decision_id for e in survey.draft_entries})} dự thảo quyết định "
                     "chưa cấp số")
    if survey.exemplars:
        lines.append(f"{len(survey.exemplars)} hồ sơ điển hình tiên tiến (kèm tóm tắt thành tích, giai đoạn, "
                     "tuyên truyền, nhân rộng, tài liệu và hình ảnh)")
    if survey.unused_files:
        names = ", ".join(f.original_name for f in survey.unused_files)
        lines.append(f"{len(survey.unused_files)} tệp trong kho tệp: {names}")
    return lines


def _state_records(survey: Survey) -> list[KeptItem]:
    subject = survey.subject
    identity = "Họ tên, loại đối tượng, đơn vị, lĩnh vực" + (", tập thể nơi công tác" if subject.collective_id
                                                              else "")
    if subject.kind is SubjectKind.HOUSEHOLD:
        identity += ", tên chủ hộ"
    items = [KeptItem(identity, f"để tra cứu sổ vàng và các văn bản đã ban hành — {ARCHIVE_REASON}")]
    if subject.awards:
        items.append(KeptItem(f"{len(subject.awards)} lần khen thưởng trong lịch sử khen thưởng (danh hiệu, "
                              "hình thức, số và ngày quyết định)", ARCHIVE_REASON))
    for decision in survey.numbered:
        items.append(KeptItem(_document_label(decision), "văn bản đã cấp số giữ nguyên như khi ban hành"))
    if survey.kept_nominations:
        items.append(KeptItem(f"{len(survey.kept_nominations)} hồ sơ đề nghị đã vào văn bản trên (kèm báo "
                              "cáo thành tích, bảng kiểm tiêu chí, lịch sử)",
                              f"là hồ sơ khen thưởng đi cùng văn bản — {ARCHIVE_REASON}"))
    if survey.council_nominations:
        items.append(_council_item(survey))
    return items


def _council_item(survey: Survey) -> KeptItem:
    numbers = ", ".join(str(n.id) for n in survey.council_nominations)
    days = ", ".join(f"ngày {vn_short_date(m.held_on)}" for m in survey.council_meetings)
    return KeptItem(f"Hồ sơ đề nghị số {numbers} đã đưa ra phiên họp Hội đồng Thi đua - Khen thưởng {days} "
                    "(kèm báo cáo thành tích, bảng kiểm tiêu chí, lịch sử)", COUNCIL_REASON)


def _document_label(decision: Decision) -> str:
    entry = decision.registered(DocumentType.DECISION)
    if entry is not None:
        state = " (đã hủy)" if decision.status is DecisionStatus.CANCELLED else ""
        day = vn_short_date(entry.issued_on)
        return f"Quyết định số {entry.label} ngày {day}{state}: tên trong danh sách"
    proposal = decision.registered(DocumentType.PROPOSAL)
    return f"Tờ trình số {proposal.label} ngày {vn_short_date(proposal.issued_on)}: tên trong danh sách"


# The erasure --------------------------------------------------------------------------------------

def _apply(session: Session, survey: Survey, reason: str, today: dt.date) -> None:
    for entry in survey.draft_entries:
        draft = entry.decision
        draft.entries.remove(entry)
        bump_version(draft)
    session.flush()
    gone = [e.id for e in survey.exemplars]
    if gone:
        for nomination in session.scalars(select(Nomination).where(Nomination.exemplar_id.in_(gone))):
            nomination.exemplar_id = None
    for record in (*survey.dropped_nominations, *survey.exemplars):
        session.delete(record)
    survey.subject.holds.clear()
    session.flush()
    for stored in survey.unused_files:
        session.delete(stored)
    if survey.deletes_subject:
        session.delete(survey.subject)
    else:
        _blank(survey.subject, _erase_note(reason, today), today)
    session.flush()


def _child_records(survey: Survey) -> dict[str, list[int]]:
    """The numbers of the subject's child records the trail follows by subject: its holds, nominations
    and exemplars (award history stays as a state record, with its events)."""
    return {
        HoldFlag.__tablename__: [hold.id for hold in survey.subject.holds],
        Nomination.__tablename__: [n.id for n in (*survey.state_nominations, *survey.dropped_nominations)],
        Exemplar.__tablename__: [exemplar.id for exemplar in survey.exemplars],
    }


def _traced_events(session: Session, subject_id: int, records: dict[str, list[int]],
                   kept: set[int]) -> set[int]:
    """The events that hold the person's data: those of the subject's own row, and of the lives of its
    holds, nominations (with their achievement reports, keyed by the nomination's number) and exemplars,
    erased now or deleted before, but not of the nominations kept as state records. `records`: the
    child records the subject had before the erasure. Taken by the records' lives (lives.py), so that a
    number SQLite gave to another person's record too (before schema 0007) brings none of its events."""
    lives = [life for life in subject_lives(session, subject_id, records)
             if not (life.entity == Nomination.__tablename__ and life.newest and life.record_id in kept)]
    events = {event.id for life in lives for event in life.events}
    nominations = [life for life in lives if life.entity == Nomination.__tablename__]
    events.update(event.id for event in keyed_events(session, AchievementReport.__tablename__, nominations))
    return events


def _blank(subject: Subject, note: str, today: dt.date) -> None:
    for column, _label, empty in _PERSONAL:
        setattr(subject, column, empty)
    subject.note, subject.erased_on = note, today
    bump_version(subject)

