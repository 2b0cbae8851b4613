"""Plain data the decision services take and return."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.models import DecisionBasis, DecisionStatus, SignerRole, SubjectKind


@dataclass
class DecisionInput:
    """A draft decision. `nomination_ids` None means every nomination the decision may include."""

    round_id: int | None = None
    award_form_id: int | None = None
    basis: DecisionBasis = DecisionBasis.COUNCIL
    signer_role: SignerRole = SignerRole.CHAIRMAN
    signer_name: str = ""
    achievement: str = ""
    council_meeting_on: dt.date | None = None
    nomination_ids: list[int] | None = None


@dataclass(frozen=True)
class EntryRow:
    nomination_id: int
    subject_id: int
    kind: SubjectKind
    name: str
    description: str
    amount: int
    golden_book_no: int | None = None


@dataclass(frozen=True)
class DecisionRow:
    id: int
    status: DecisionStatus
    number: str  # "05/QĐ-UBND", empty for a draft
    issued_on: dt.date | None
    round_id: int
    round_name: str
    award_form_id: int
    form_name: str
    basis: DecisionBasis
    counts: dict[SubjectKind, int]
    total: int
    signer_name: str
    proposal_number: str

    @property
    def recipients_text(self) -> str:
        parts = [f"{n} {k.label.lower()}" for k, n in self.counts.items() if n]
        return ", ".join(parts) or "chưa có ai"


@dataclass(frozen=True)
class DecisionDetail:
    row: DecisionRow
    version: int
    signer_role: SignerRole
    achievement: str
    council_meeting_on: dt.date | None
    proposal_on: dt.date | None
    cancelled_on: dt.date | None
    cancel_reason: str
    entries: list[EntryRow] = field(default_factory=list)

    @property
    def editable(self) -> bool:
        return self.row.status is DecisionStatus.DRAFT and not self.row.proposal_number


@dataclass(frozen=True)
class IssueInput:
    """Issuing a document: the day (default today) and the number (default the next free one)."""

    day: dt.date | None = None
    number: int | None = None
    expected_version: int | None = None
