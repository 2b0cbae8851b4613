"""Which records the audit trail follows: one entry per model, so a new model is one more line.

Each entry names the model, how the trail calls it in Vietnamese ("Đối tượng") and how it names one
record from its column values ("số 12 (Nguyễn Văn An)"). Every column goes into the record's digest;
what the trail *shows* leaves out bookkeeping (times, versions, search keys), masks the CCCD, never
holds a password hash, and shortens frozen documents to their size.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table

from app.models import (
    AchievementReport,
    AgendaItem,
    AppUser,
    Attendance,
    AwardForm,
    AwardRecord,
    Ballot,
    BlankEntry,
    Bloc,
    Certificate,
    CertificatePrint,
    ChecklistItem,
    CouncilMember,
    Criterion,
    Decision,
    DecisionEntry,
    ExchangePreset,
    Exemplar,
    ExemplarFile,
    ExemplarStageChange,
    Field,
    GoldenBookEntry,
    HoldFlag,
    ImportBatch,
    Meeting,
    Movement,
    Nomination,
    NominationEvent,
    Poll,
    PrinterCalibration,
    PublicityItem,
    RegisterEntry,
    ReplicationActivity,
    Round,
    Setting,
    StoredFile,
    Subject,
    Unit,
    WrittenOpinion,
)

Values = Mapping[str, Any]
BOOKKEEPING = frozenset({"created_at", "updated_at", "version"})


def _label(value: Any) -> str:
    return getattr(value, "label", str(value))


def _numbered(title: str = "name") -> Callable[[Values], str]:
    return lambda v: f"số {v['id']} ({v[title]})" if v.get(title) else f"số {v['id']}"


def _of(parent: str, column: str, detail: Callable[[Values], str]) -> Callable[[Values], str]:
    """A child record: 'số 5 (Giấy khen năm 2024) của đối tượng số 12'."""
    return lambda v: f"số {v['id']} ({detail(v)}) của {parent} số {v[column]}"


@dataclass(frozen=True)
class Audited:
    model: type
    label: str  # the kind of record, as at the start of a sentence: "Đối tượng"
    name: Callable[[Values], str]  # one record, after the label: "số 12 (Nguyễn Văn An)"
    hidden: frozenset[str] = BOOKKEEPING  # in the digest, not shown
    masked: Mapping[str, Callable[[Any], Any]] = field(default_factory=dict)  # shown masked
    secret: frozenset[str] = frozenset()  # in the digest, never shown (only "changed")
    bulky: frozenset[str] = frozenset()  # long frozen texts: shown by their length

    @property
    def table(self) -> Table:
        return self.model.__table__

    @property
    def entity(self) -> str:
        return self.table.name

    @property
    def key_column(self) -> str:
        (column,) = self.table.primary_key.columns
        return column.name

    def record_id(self, values: Values) -> int:
        """The number the trail files the record under (a setting's text key becomes a number)."""
        key = values[self.key_column]
        return key if isinstance(key, int) else text_key_id(str(key))

    def describe(self, values: Values) -> str:
        """'Đối tượng số 12 (Nguyễn Văn An)'."""
        return f"{self.label} {self.name(values)}"


def text_key_id(key: str) -> int:
    """A stable positive 31-bit number for a text key (settings), since events file records by number."""
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) & 0x7FFFFFFF


def mask_citizen_id(value: str | None) -> str | None:
    """'001085012345' -> '••••••••2345': only the last four digits are ever shown."""
    if not value:
        return value
    return "•" * max(len(value) - 4, 0) + value[-4:]


_SEARCH_KEYS = BOOKKEEPING | {"name_norm", "sort_key"}

REGISTRY: tuple[Audited, ...] = (
    Audited(Subject, "Đối tượng", _numbered(), _SEARCH_KEYS, masked={"citizen_id": mask_citizen_id}),
    Audited(AwardRecord, "Khen thưởng đã nhận", _of("đối tượng", "subject_id",
                                                  lambda v: f"{v['form_name']} năm {v['year']}")),
    Audited(HoldFlag, "Kỷ luật, thanh tra, khiếu nại", _of("đối tượng", "subject_id",
                                                         lambda v: _label(v["kind"]))),
    Audited(Unit, "Đơn vị", _numbered(), _SEARCH_KEYS),
    Audited(Bloc, "Khối thi đua", _numbered()),
    Audited(Field, "Lĩnh vực", _numbered()),
    Audited(Movement, "Phong trào thi đua", _numbered(), _SEARCH_KEYS),
    Audited(Exemplar, "Điển hình tiên tiến", lambda v: f"số {v['id']} (đối tượng số {v['subject_id']})"),
    Audited(ExemplarStageChange, "Bước của điển hình", _of("điển hình", "exemplar_id",
                                                          lambda v: _label(v["stage"]))),
    Audited(ExemplarFile, "Tệp của điển hình", _of("điển hình", "exemplar_id",
                                                  lambda v: v["caption"] or "không chú thích")),
    Audited(PublicityItem, "Tuyên truyền điển hình", _of("điển hình", "exemplar_id", lambda v: v["title"])),
    Audited(ReplicationActivity, "Nhân rộng điển hình", _of("điển hình", "exemplar_id",
                                                           lambda v: _label(v["kind"]))),
    Audited(AwardForm, "Hình thức khen thưởng", _numbered()),
    Audited(Criterion, "Tiêu chí", _of("hình thức", "award_form_id", lambda v: v["code"])),
    Audited(Round, "Đợt xét", _numbered()),
    Audited(Nomination, "Hồ sơ đề nghị",
            lambda v: f"số {v['id']} (đối tượng số {v['subject_id']}, đợt xét số {v['round_id']})"),
    Audited(AchievementReport, "Báo cáo thành tích", lambda v: f"của hồ sơ số {v['nomination_id']}"),
    Audited(ChecklistItem, "Đánh giá tiêu chí", _of("hồ sơ", "nomination_id",
                                                   lambda v: f"tiêu chí số {v['criterion_id']}")),
    Audited(NominationEvent, "Lịch sử hồ sơ",
            _of("hồ sơ", "nomination_id", lambda v: _label(v["status"]) if v["status"] else "ghi chú")),
    Audited(Decision, "Quyết định khen thưởng", lambda v: f"mã {v['id']} ({_label(v['status'])})",
            bulky=frozenset({"wording_json", "content_json", "proposal_json"})),
    Audited(DecisionEntry, "Dòng danh sách khen thưởng", _of("quyết định mã", "decision_id",
                                                                lambda v: v["name"] or "chưa có tên")),
    Audited(RegisterEntry, "Sổ đăng ký văn bản",
            lambda v: f"{v['number']:02d}/{v['symbol']} năm {v['year']}"),
    Audited(AppUser, "Tài khoản", lambda v: f"“{v['username']}” ({v['full_name']})",
            secret=frozenset({"password_hash"})),
    Audited(Setting, "Thiết lập", lambda v: f"“{v['key']}”"),
    Audited(StoredFile, "Tệp lưu trữ", _numbered("original_name")),
    Audited(GoldenBookEntry, "Số sổ vàng", lambda v: f"{v['number']} ({v['scope']}) của dòng danh sách số "
                                                     f"{v['decision_entry_id']}"),
    Audited(PrinterCalibration, "Căn chỉnh máy in", _numbered("printer_name")),
    Audited(BlankEntry, "Sổ phôi giấy khen", lambda v: f"số {v['id']} ({_label(v['kind'])}: {v['count']})"),
    Audited(CertificatePrint, "Lần in giấy khen", _of("quyết định mã", "decision_id",
                                                     lambda v: f"{v['count']} giấy khen")),
    Audited(Certificate, "Giấy khen đã in", _of("lần in", "print_id",
                                                lambda v: f"dòng danh sách số {v['decision_entry_id']}")),
    # The council (the running totals of a private-mode poll, private_tally, are deliberately not followed).
    Audited(CouncilMember, "Thành viên Hội đồng", _numbered()),
    Audited(Meeting, "Phiên họp Hội đồng", lambda v: f"số {v['id']} (ngày {v['held_on']})"),
    Audited(Attendance, "Điểm danh",
            _of("phiên họp", "meeting_id", lambda v: f"thành viên số {v['member_id']}")),
    Audited(AgendaItem, "Nội dung họp",
            _of("phiên họp", "meeting_id", lambda v: f"hồ sơ số {v['nomination_id']}")),
    Audited(WrittenOpinion, "Ý kiến bằng văn bản",
            _of("nội dung họp", "agenda_item_id", lambda v: f"thành viên số {v['member_id']}")),
    Audited(Poll, "Biểu quyết", _of("nội dung họp", "agenda_item_id", lambda v: _label(v["method"]))),
    Audited(Ballot, "Phiếu bầu", _of("biểu quyết", "poll_id", lambda v: f"phiếu {v['number']}")),
    Audited(ImportBatch, "Lần nhập danh sách từ Excel", _numbered("file_name")),
    Audited(ExchangePreset, "Mẫu cột trao đổi Excel", _numbered()),
)

# Followed since the trail's key (audit_key) came: an older trail's rows of these are baselined then.
LATER: tuple[Audited, ...] = tuple(entry for entry in REGISTRY if entry.entity in {"stored_file"})

_BY_MODEL = {entry.model: entry for entry in REGISTRY}
_BY_ENTITY = {entry.entity: entry for entry in REGISTRY}
_BY_TABLE = {entry.table: entry for entry in REGISTRY}


def audited_for(model: type) -> Audited | None:
    return _BY_MODEL.get(model)


def audited_entity(entity: str) -> Audited | None:
    return _BY_ENTITY.get(entity)


def audited_table(table: object) -> Audited | None:
    return _BY_TABLE.get(table)
