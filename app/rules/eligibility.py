"""Rules that decide criteria from the data: pure functions over plain facts, no database.

Each rule takes the facts of one nomination (`NominationFacts`) and its parameters, and returns an
outcome with the reason shown in the checklist. The services gather the facts (app/services/
eligibility_facts.py); the checklist (app/rules/checklist.py) puts rule and judged items together.

Principles from ND 152/2025 Điều 4 and Luật TĐKT Điều 5 that apply to every nomination are the
general checks (`GENERAL_CHECKS`): the form must apply to the subject's kind, a subject on hold is not
commended, one achievement is not commended twice. Ad-hoc and thematic awards never count where a
rule looks for an earlier title (`AwardFact.counts`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction

from app.models.enums import (
    AwardKind,
    CriterionOutcome,
    DisciplineLevel,
    HoldKind,
    NominationStatus,
    RoundKind,
    SubjectKind,
)
from app.rules.vntext import vn_short_date

LDTT = "LDTT"
MET, NOT_MET, UNKNOWN = CriterionOutcome.MET, CriterionOutcome.NOT_MET, CriterionOutcome.UNKNOWN
NOT_COUNTING = "khen thưởng đột xuất, chuyên đề không được tính"


@dataclass(frozen=True)
class AwardFact:
    """A title or commendation received (from history or the app's own decisions)."""

    form_code: str | None  # catalogue code when known
    form_name: str
    year: int
    counts: bool  # False for ad-hoc and thematic awards
    source: str  # "QĐ số 12/QĐ-UBND" or "lịch sử khen thưởng"


@dataclass(frozen=True)
class HoldFact:
    kind: HoldKind
    level: DisciplineLevel | None
    start: dt.date
    end: dt.date | None

    def active_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)

    def overlaps_year(self, year: int) -> bool:
        return self.start.year <= year and (self.end is None or self.end.year >= year)

    def describe(self) -> str:
        what = self.kind.label if self.level is None else f"{self.kind.label} ({self.level.label.lower()})"
        until = f" đến {vn_short_date(self.end)}" if self.end else ""
        return f"{what} từ {vn_short_date(self.start)}{until}"


@dataclass(frozen=True)
class PeerNomination:
    """Another nomination of the same subject (or of a member), in the same year."""

    id: int
    form_code: str
    form_name: str
    round_id: int
    round_kind: RoundKind
    status: NominationStatus
    round_name: str = ""  # what the officer calls the round, for the messages

    @property
    def alive(self) -> bool:
        return self.status is not NominationStatus.FAILED


@dataclass(frozen=True)
class MemberFact:
    """An individual member of a collective, for the collective rules."""

    subject_id: int
    name: str
    awards: tuple[AwardFact, ...] = ()
    holds: tuple[HoldFact, ...] = ()
    peers: tuple[PeerNomination, ...] = ()


@dataclass(frozen=True)
class NominationFacts:
    nomination_id: int | None
    subject_kind: SubjectKind
    form_code: str
    form_name: str
    form_kind: AwardKind
    form_kinds: tuple[SubjectKind, ...]  # the kinds the form applies to
    round_id: int
    round_kind: RoundKind
    year: int
    on_date: dt.date  # the day holds are checked on
    awards: tuple[AwardFact, ...] = ()
    holds: tuple[HoldFact, ...] = ()
    peers: tuple[PeerNomination, ...] = ()  # the subject's other nominations this year
    member_count: int | None = None  # declared size of a collective
    members: tuple[MemberFact, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class RuleResult:
    outcome: CriterionOutcome
    reason: str


Rule = Callable[[NominationFacts, dict], RuleResult]


def has_counting_title(awards: tuple[AwardFact, ...], code: str, year: int) -> AwardFact | None:
    return next((a for a in awards if a.form_code == code and a.year == year and a.counts), None)


def excluded_titles(awards: tuple[AwardFact, ...], code: str, year: int) -> list[AwardFact]:
    return [a for a in awards if a.form_code == code and a.year == year and not a.counts]


def same_round_peer(facts_round: int, peers: tuple[PeerNomination, ...], code: str) -> PeerNomination | None:
    return next((p for p in peers if p.form_code == code and p.round_id == facts_round and p.alive), None)


def ldtt_same_year(facts: NominationFacts, params: dict) -> RuleResult:
    """CSTĐCS: the subject holds LĐTT for the same year, from history or from the same round."""
    found = has_counting_title(facts.awards, LDTT, facts.year)
    if found:
        return RuleResult(MET, f"Đã đạt “Lao động tiên tiến” năm {facts.year} ({found.source}).")
    peer = same_round_peer(facts.round_id, facts.peers, LDTT)
    if peer and peer.round_kind.counts_toward_merit:
        return RuleResult(
            MET, f"Được đề nghị “Lao động tiên tiến” trong cùng đợt (hồ sơ "
            f"{peer.status.label.lower()}); chỉ được công nhận khi danh hiệu đó được công nhận."
        )
    reason = f"Chưa có danh hiệu “Lao động tiên tiến” năm {facts.year}"
    if excluded_titles(facts.awards, LDTT, facts.year):
        reason += f" ({NOT_COUNTING})"
    return RuleResult(NOT_MET, reason + ".")


def member_has_ldtt(member: MemberFact, year: int, round_id: int) -> bool:
    if has_counting_title(member.awards, LDTT, year):
        return True
    peer = same_round_peer(round_id, member.peers, LDTT)
    return peer is not None and peer.round_kind.counts_toward_merit


def members_ldtt_share(facts: NominationFacts, params: dict) -> RuleResult:
    """TTLĐTT: at least `percent` % of the collective's members are LĐTT (exactly the percent passes)."""
    percent = params.get("percent", 70)
    total = max(facts.member_count or 0, len(facts.members))
    if not total:
        return RuleResult(UNKNOWN, "Chưa khai báo số thành viên hoặc danh sách thành viên của tập thể.")
    titled = sum(member_has_ldtt(m, facts.year, facts.round_id) for m in facts.members)
    # Exact arithmetic: 7 of 10 is exactly 70 % and passes; 699 of 1000 (69,9 %) fails.
    met = Fraction(titled * 100, total) >= Fraction(str(percent))
    share = (f"{titled}/{total} thành viên đạt “Lao động tiên tiến” năm {facts.year} "
             f"({_percent(titled, total)})")
    if met:
        return RuleResult(MET, f"{share}, đạt yêu cầu từ {percent}%.")
    return RuleResult(NOT_MET, f"{share}, chưa đạt {percent}%.")


def _percent(part: int, whole: int) -> str:
    value = f"{part * 100 / whole:.1f}".rstrip("0").rstrip(".")
    return value.replace(".", ",") + "%"


def members_no_discipline(facts: NominationFacts, params: dict) -> RuleResult:
    """TTLĐTT: no member disciplined at `level` (default cảnh cáo) or above during the year."""
    level = DisciplineLevel(params.get("level", DisciplineLevel.WARNING.value))
    hits = [
        (m, h) for m in facts.members for h in m.holds
        if h.kind is HoldKind.DISCIPLINE and h.level is not None and h.level.rank >= level.rank
        and h.overlaps_year(facts.year)
    ]
    if not hits:
        if not facts.members:
            return RuleResult(UNKNOWN, "Chưa có danh sách thành viên để kiểm tra kỷ luật.")
        return RuleResult(MET, f"Không thành viên nào bị kỷ luật từ {level.label.lower()} trở lên "
                               f"trong năm {facts.year}.")
    names = "; ".join(f"{m.name}: {h.describe()}" for m, h in hits[:3])
    more = f" và {len(hits) - 3} trường hợp khác" if len(hits) > 3 else ""
    return RuleResult(NOT_MET, f"Có thành viên bị kỷ luật từ {level.label.lower()} trở lên: {names}{more}.")


def kind_matches(facts: NominationFacts, params: dict) -> RuleResult:
    if facts.subject_kind in facts.form_kinds:
        return RuleResult(MET, f"“{facts.form_name}” áp dụng cho {facts.subject_kind.label.lower()}.")
    kinds = ", ".join(k.label.lower() for k in facts.form_kinds) or "không loại đối tượng nào"
    return RuleResult(NOT_MET, f"“{facts.form_name}” chỉ áp dụng cho {kinds}, "
                               f"không áp dụng cho {facts.subject_kind.label.lower()}.")


def not_on_hold(facts: NominationFacts, params: dict) -> RuleResult:
    active = [h for h in facts.holds if h.active_on(facts.on_date)]
    if active:
        held = "; ".join(h.describe() for h in active)
        return RuleResult(NOT_MET, f"Đang tạm hoãn xét khen thưởng: {held}.")
    ended = [h for h in facts.holds if h.kind is HoldKind.DISCIPLINE and h.end and h.end.year == facts.year]
    if ended:
        last = max(h.end for h in ended if h.end)
        return RuleResult(MET, f"Không bị tạm hoãn. Lưu ý: kỷ luật kết thúc {vn_short_date(last)}, "
                               "thành tích chỉ được tính từ ngày đó.")
    return RuleResult(MET, "Không bị kỷ luật, điều tra, khiếu nại hay tố cáo đang xem xét.")


def not_twice(facts: NominationFacts, params: dict) -> RuleResult:
    """One achievement, one award: the same form twice in a round, or a title twice in a year."""
    same_round = [p for p in facts.peers if p.form_code == facts.form_code and p.round_id == facts.round_id
                  and p.alive and p.id != facts.nomination_id]
    if same_round:
        return RuleResult(NOT_MET, f"Trùng: đối tượng này đã có một hồ sơ khác đề nghị “{facts.form_name}” "
                                   "trong cùng đợt.")
    if facts.form_kind is AwardKind.TITLE:
        received = [a for a in facts.awards if a.form_code == facts.form_code and a.year == facts.year]
        if received:
            return RuleResult(NOT_MET, f"Đã được tặng “{facts.form_name}” năm {facts.year} "
                                       f"({received[0].source}); danh hiệu chỉ xét một lần mỗi năm.")
        other = [p for p in facts.peers if p.form_code == facts.form_code and p.alive
                 and p.id != facts.nomination_id]
        if other:
            where = f"đợt “{other[0].round_name}”" if other[0].round_name else "đợt khác"
            return RuleResult(NOT_MET, f"Trùng: đối tượng này đã được đề nghị “{facts.form_name}” "
                                       f"năm {facts.year} ở {where}.")
    else:
        same_year = [a for a in facts.awards if a.form_code == facts.form_code and a.year == facts.year]
        if same_year:
            return RuleResult(MET, f"Đã có “{facts.form_name}” năm {facts.year} ({same_year[0].source}): "
                                   "kiểm tra để không khen hai lần cho cùng một thành tích.")
    return RuleResult(MET, "Không trùng hồ sơ hay khen thưởng nào cho cùng thành tích.")


RULES: dict[str, Rule] = {
    "ldtt_same_year": ldtt_same_year,
    "members_ldtt_share": members_ldtt_share,
    "members_no_discipline": members_no_discipline,
}

# (code, wording shown in the checklist, rule): checked for every nomination, whatever the form.
GENERAL_CHECKS: tuple[tuple[str, str, Rule], ...] = (
    ("kind_matches", "Hình thức khen thưởng áp dụng cho loại đối tượng", kind_matches),
    ("not_on_hold", "Không trong thời gian bị kỷ luật, điều tra, thanh tra, kiểm tra, khiếu nại, tố cáo "
                    "(NĐ 152/2025 Điều 4)", not_on_hold),
    ("not_twice", "Không khen thưởng nhiều lần cho một thành tích (Luật TĐKT 2022 Điều 5)", not_twice),
)
