"""Plain data that goes in and out of the nomination services."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from app.errors import ServiceError
from app.models import CriterionOutcome, NominationStatus, SubjectKind
from app.rules.checklist import Checklist


@dataclass
class NominationInput:
    round_id: int | None = None
    subject_id: int | None = None
    award_form_id: int | None = None
    proposing_unit_id: int | None = None
    exemplar_id: int | None = None


@dataclass
class ReportInput:
    """Báo cáo thành tích: the fields of the individual and the collective report forms."""

    position: str = ""  # chức vụ (individual)
    workplace: str = ""  # đơn vị công tác, hoặc địa chỉ
    qualification: str = ""  # trình độ chuyên môn (individual)
    overview: str = ""  # sơ lược đặc điểm, tình hình, cơ cấu tổ chức (collective)
    duties: str = ""  # chức năng, nhiệm vụ được giao
    achievements: str = ""  # thành tích đạt được, có số liệu
    measures: str = ""  # biện pháp, giải pháp đạt được thành tích
    awards_received: str = ""  # danh hiệu thi đua, hình thức khen thưởng đã nhận


@dataclass(frozen=True)
class JudgementInput:
    criterion_id: int
    outcome: CriterionOutcome
    note: str = ""
    file_path: str = ""  # evidence file to add to the file store; empty keeps the current one
    decided_on: dt.date | None = None


@dataclass(frozen=True)
class NominationEventRow:
    at: dt.datetime
    status: NominationStatus | None
    text: str


@dataclass(frozen=True)
class NominationRow:
    id: int
    round_id: int
    subject_id: int
    subject_name: str
    subject_kind: SubjectKind
    unit_name: str
    form_name: str
    proposing_unit_name: str
    status: NominationStatus


@dataclass
class NominationDetail:
    id: int
    version: int
    status: NominationStatus
    round_id: int
    round_name: str
    round_year: int
    subject_id: int
    subject_name: str
    subject_kind: SubjectKind
    award_form_id: int
    form_name: str
    proposing_unit_id: int | None
    proposing_unit_name: str
    exemplar_id: int | None
    report: ReportInput
    checklist: Checklist
    events: list[NominationEventRow] = field(default_factory=list)
    # The council votes on the form: the result comes from a closed meeting, not from record_review.
    needs_council_vote: bool = True

    @property
    def editable(self) -> bool:
        return self.status in (NominationStatus.DRAFT, NominationStatus.PROPOSED)

    @property
    def report_filled(self) -> bool:
        """The report's achievements are written (without them the nomination cannot be proposed)."""
        return bool(self.report.achievements.strip())

    @property
    def ready_for_council(self) -> bool:
        """Ready to go to the council: the report filled, every criterion decided and none failing (the
        nominations page's banner and `sovang nominations check` both say so from this)."""
        return self.report_filled and self.checklist.ready


class ConfirmationNeeded(ServiceError):
    """Warnings the user may override: ask, then call again with confirmed=True (the override is kept)."""

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = list(warnings)
        super().__init__(" ".join(warnings))


@dataclass
class BulkResult:
    created: list[int] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)

    def describe(self) -> str:
        text = f"Đã tạo {len(self.created)} hồ sơ đề nghị."
        if self.skipped:
            text += f" Bỏ qua {len(self.skipped)} đối tượng: " + "; ".join(
                f"{name} ({reason})" for name, reason in self.skipped[:10]
            )
            if len(self.skipped) > 10:
                text += f"; và {len(self.skipped) - 10} đối tượng khác"
            text += "."
        return text


class BatchStep(enum.Enum):
    """A step taken for many nominations at once (batch.py): what it is called and what it did."""

    PROPOSE = "propose"
    APPRAISE = "appraise"
    JUDGE = "judge"
    RETURN = "return"

    @property
    def label(self) -> str:
        return {"propose": "Đề nghị", "appraise": "Thẩm định", "judge": "Đánh giá tiêu chí",
                "return": "Trả lại để bổ sung"}[self.value]

    @property
    def done_text(self) -> str:
        return {"propose": "Đã đề nghị.", "appraise": "Đã thẩm định: đủ tiêu chuẩn, trình Hội đồng.",
                "judge": "Đã ghi đánh giá.", "return": "Đã trả lại để bổ sung."}[self.value]


@dataclass(frozen=True)
class BatchLine:
    nomination_id: int
    subject_name: str
    form_name: str
    text: str  # what was done, or why it was refused


@dataclass
class BatchReport:
    """Per nomination, what a batch step did and what it refused and why."""

    step: BatchStep
    done: list[BatchLine] = field(default_factory=list)
    refused: list[BatchLine] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.step.label}: đã làm {len(self.done)} hồ sơ"
        return text + (f", không làm được {len(self.refused)} hồ sơ." if self.refused else ".")


@dataclass(frozen=True)
class JudgedCriterion:
    criterion_id: int
    form_name: str
    text: str
    count: int  # how many of the chosen nominations it applies to


@dataclass
class RoundProgress:
    """A round's nominations by state, and which are ready for their next step."""

    status_of: dict[int, NominationStatus] = field(default_factory=dict)
    ready_to_propose: list[int] = field(default_factory=list)
    report_missing: list[int] = field(default_factory=list)
    ready_to_appraise: list[int] = field(default_factory=list)
    checklist_missing: list[int] = field(default_factory=list)
    returnable: list[int] = field(default_factory=list)
    judgeable: list[int] = field(default_factory=list)

    @property
    def by_status(self) -> dict[NominationStatus, int]:
        counts: dict[NominationStatus, int] = {}
        for status in self.status_of.values():
            counts[status] = counts.get(status, 0) + 1
        return counts

    def _lists(self) -> tuple[list[int], ...]:
        return (self.ready_to_propose, self.report_missing, self.ready_to_appraise, self.checklist_missing,
                self.returnable, self.judgeable)

    def update(self, nomination_id: int, fresh: RoundProgress) -> None:
        """One nomination's place taken from `fresh` (its own progress; empty when it is gone)."""
        self.status_of.pop(nomination_id, None)
        self.status_of.update(fresh.status_of)
        for mine, theirs in zip(self._lists(), fresh._lists(), strict=True):
            kept = [i for i in mine if i != nomination_id] + theirs
            mine[:] = sorted(kept)

    def eligible(self, step: BatchStep) -> list[int]:
        return {BatchStep.PROPOSE: self.ready_to_propose, BatchStep.APPRAISE: self.ready_to_appraise,
                BatchStep.JUDGE: self.judgeable, BatchStep.RETURN: self.returnable}[step]

    def summary(self) -> str:
        """One line for the page's header: what is ready and what is missing."""
        total = sum(self.by_status.values())
        if not total:
            return "Đợt này chưa có hồ sơ nào."
        parts = [f"{total} hồ sơ"]
        for count, text in ((len(self.ready_to_propose), "sẵn sàng đề nghị"),
                            (len(self.report_missing), "nháp chưa có báo cáo thành tích"),
                            (len(self.ready_to_appraise), "sẵn sàng thẩm định"),
                            (len(self.checklist_missing),
                             "đã đề nghị, còn tiêu chí chưa đánh giá hoặc không đạt")):
            if count:
                parts.append(f"{count} {text}")
        for status in (NominationStatus.APPRAISED, NominationStatus.PASSED, NominationStatus.DECIDED):
            if self.by_status.get(status):
                parts.append(f"{self.by_status[status]} {status.label[:1].lower()}{status.label[1:]}")
        return " · ".join(parts)
