"""The council's arithmetic, exact (fractions.Fraction) and said in Vietnamese: the quorum, the votes a
nominee needs before the vote, the result with its working after it, and the checks of a paper tally.

A vote rule is the award form's: its base (all members of the council, the members present, the valid
ballots, the ballots cast), its fraction, inclusive (≥) or strict (>), and whether the written opinions
of absent members count. When they count, an opinion is one more voice: an agreeing one adds to the
yes side, and every opinion joins the base unless the base is the whole council (which already holds
the absent members). 12/15 at "≥ 80 %" passes, 11/15 does not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from app.models.enums import ThresholdBase

PASSED, FAILED = "Đạt", "Không đạt"

_BASE_PHRASE = {
    ThresholdBase.ALL_MEMBERS: "tổng số thành viên Hội đồng",
    ThresholdBase.PRESENT: "số thành viên có mặt",
    ThresholdBase.VALID_BALLOTS: "số phiếu hợp lệ",
    ThresholdBase.CAST_BALLOTS: "số phiếu thu về",
}
_OPINION_PHRASE = {
    ThresholdBase.PRESENT: "số thành viên có mặt và có ý kiến bằng văn bản",
    ThresholdBase.VALID_BALLOTS: "số phiếu hợp lệ và ý kiến bằng văn bản",
    ThresholdBase.CAST_BALLOTS: "số phiếu thu về và ý kiến bằng văn bản",
}


@dataclass(frozen=True)
class VoteRule:
    base: ThresholdBase
    fraction: Fraction
    strict: bool = False  # > instead of ≥
    counts_opinions: bool = False

    @property
    def base_phrase(self) -> str:
        """'tổng số thành viên Hội đồng', as the result's sentence ends."""
        if self.counts_opinions and self.base in _OPINION_PHRASE:
            return _OPINION_PHRASE[self.base]
        return _BASE_PHRASE[self.base]

    @property
    def threshold_text(self) -> str:
        """'≥ 80 %', '> 50 %'; a fraction that is no whole tenth of a percent: '≥ 2/3'."""
        return f"{'>' if self.strict else '≥'} {fraction_text(self.fraction)}"

    @property
    def text(self) -> str:
        """'≥ 80 % tổng số thành viên Hội đồng (tính cả ý kiến bằng văn bản)'."""
        opinions = " (tính cả ý kiến bằng văn bản của thành viên vắng mặt)" if self.counts_opinions else ""
        return f"{self.threshold_text} {self.base_phrase}{opinions}"

    @property
    def counts_members(self) -> bool:
        """Whether the base counts members (known before the vote) rather than ballots."""
        return self.base in (ThresholdBase.ALL_MEMBERS, ThresholdBase.PRESENT)


@dataclass(frozen=True)
class VoteCounts:
    """What a closed poll counted. `valid` and `returned` are the ballots (for a show of hands: the
    members present who voted); opinions are the absent members' written ones on this nomination."""

    members_total: int
    members_present: int
    yes: int
    no: int = 0
    valid: int = 0
    returned: int = 0
    opinions_yes: int = 0
    opinions_no: int = 0


@dataclass(frozen=True)
class VoteOutcome:
    passed: bool
    agree: int  # yes votes, plus agreeing opinions when they count
    base: int
    share: Fraction | None  # None when the base is 0
    text: str  # '12/15 thành viên đồng ý = 80,0 % ≥ 80 % tổng số thành viên Hội đồng → Đạt'


# Numbers in Vietnamese ----------------------------------------------------------------------------

def percent_text(share: Fraction, digits: int = 1) -> str:
    """Fraction(4, 5) -> '80,0 %'; Fraction(2, 3) -> '66,7 %' (halves rounded up; a decimal comma)."""
    scale = 10 ** digits
    tenths = math.floor(share * 100 * scale + Fraction(1, 2))
    whole, part = divmod(tenths, scale)
    return f"{whole},{part:0{digits}d} %" if digits else f"{whole} %"


def fraction_text(fraction: Fraction) -> str:
    """A threshold: 4/5 -> '80 %', 1/2 -> '50 %', 333/1000 -> '33,3 %', 2/3 -> '2/3'."""
    percent = fraction * 100
    if percent.denominator == 1:
        return f"{percent.numerator} %"
    if (percent * 10).denominator == 1:
        return percent_text(fraction)
    return f"{fraction.numerator}/{fraction.denominator}"


# Before the vote ------------------------------------------------------------------------------------

def base_count(rule: VoteRule, counts: VoteCounts) -> int:
    """The number the share is taken of."""
    opinions = counts.opinions_yes + counts.opinions_no if rule.counts_opinions else 0
    return {
        ThresholdBase.ALL_MEMBERS: counts.members_total,
        ThresholdBase.PRESENT: counts.members_present + opinions,
        ThresholdBase.VALID_BALLOTS: counts.valid + opinions,
        ThresholdBase.CAST_BALLOTS: counts.returned + opinions,
    }[rule.base]


def votes_needed(rule: VoteRule, base: int) -> int:
    """The fewest agreeing voices that pass: ⌈f × base⌉ when inclusive, ⌊f × base⌋ + 1 when strict."""
    exact = rule.fraction * base
    return math.floor(exact) + 1 if rule.strict else math.ceil(exact)


def needed_text(rule: VoteRule, base: int | None) -> str:
    """'Cần ít nhất 12/15 phiếu đồng ý (≥ 80 % tổng số thành viên Hội đồng)'. A base of ballots is known
    only after the count: 'Cần > 50 % số phiếu hợp lệ đồng ý'."""
    if base is None:
        return f"Cần {rule.threshold_text} {rule.base_phrase} đồng ý"
    if base <= 0:
        return f"Không có ai để tính ({rule.base_phrase} bằng 0): không thể đạt"
    needed = votes_needed(rule, base)
    if needed > base:
        return (f"Cần {needed}/{base} phiếu đồng ý ({rule.threshold_text} {rule.base_phrase}): "
                f"không thể đạt")
    return f"Cần ít nhất {needed}/{base} phiếu đồng ý ({rule.threshold_text} {rule.base_phrase})"


# After the vote -------------------------------------------------------------------------------------

def poll_outcome(rule: VoteRule, counts: VoteCounts) -> VoteOutcome:
    """The result and its working, in Vietnamese."""
    opinions = counts.opinions_yes if rule.counts_opinions else 0
    agree, base = counts.yes + opinions, base_count(rule, counts)
    noun = "thành viên" if rule.counts_members else "phiếu"
    if base <= 0:
        text = f"Không có {noun} nào để tính ({rule.base_phrase} bằng 0) → {FAILED}"
        return VoteOutcome(False, agree, base, None, text)
    share = Fraction(agree, base)
    passed = share > rule.fraction if rule.strict else share >= rule.fraction
    sign = (">" if rule.strict else "≥") if passed else ("≤" if rule.strict else "<")
    working = f"{counts.yes} phiếu + {opinions} ý kiến bằng văn bản = " if opinions else ""
    text = (f"{working}{agree}/{base} {noun} đồng ý = {percent_text(share)} {sign} "
            f"{fraction_text(rule.fraction)} {rule.base_phrase} → {PASSED if passed else FAILED}")
    return VoteOutcome(passed, agree, base, share, text)


# The quorum -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Quorum:
    total: int
    present: int
    needed: int
    reached: bool
    text: str  # 'Có mặt 10/15 thành viên; cần ít nhất 10 (2/3 tổng số thành viên): đủ số thành viên.'


def quorum(present: int, total: int, fraction: Fraction) -> Quorum:
    needed = math.ceil(fraction * total)
    reached = total > 0 and present >= needed
    verdict = "đủ số thành viên để biểu quyết" if reached else "chưa đủ số thành viên để biểu quyết"
    text = (f"Có mặt {present}/{total} thành viên; cần ít nhất {needed} "
            f"({fraction_text(fraction)} tổng số thành viên): {verdict}.")
    return Quorum(total, present, needed, reached, text)


# The paper tally ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Tally:
    issued: int | None
    returned: int | None
    valid: int | None
    invalid: int | None
    yes: int | None
    no: int | None


TALLY_LABELS = {
    "ballots_issued": "Số phiếu phát ra",
    "ballots_returned": "Số phiếu thu về",
    "ballots_valid": "Số phiếu hợp lệ",
    "ballots_invalid": "Số phiếu không hợp lệ",
    "yes_votes": "Số phiếu đồng ý",
    "no_votes": "Số phiếu không đồng ý",
}


def tally_problems(tally: Tally, present: int) -> dict[str, str]:
    """Every mismatch of a secret ballot's tally, named, keyed by the field to correct. Empty: it adds up."""
    values = dict(zip(TALLY_LABELS, (tally.issued, tally.returned, tally.valid, tally.invalid, tally.yes,
                                     tally.no), strict=True))
    problems = {f: f"{TALLY_LABELS[f]}: chưa nhập." for f, v in values.items() if v is None}
    problems.update({f: f"{TALLY_LABELS[f]}: không được âm ({v})." for f, v in values.items()
                     if v is not None and v < 0})
    if problems:
        return problems
    issued, returned, valid, invalid, yes, no = (value or 0 for value in values.values())
    if issued > present:
        problems["ballots_issued"] = (f"Số phiếu phát ra ({issued}) không được nhiều hơn số thành viên có "
                                      f"mặt ({present}).")
    if returned > issued:
        problems["ballots_returned"] = (f"Số phiếu thu về ({returned}) không được nhiều hơn số phiếu phát ra "
                                        f"({issued}).")
    if valid + invalid != returned:
        problems["ballots_valid"] = (f"Số phiếu hợp lệ ({valid}) cộng phiếu không hợp lệ ({invalid}) phải "
                                     f"bằng số phiếu thu về ({returned}).")
    if yes + no > valid:
        problems["yes_votes"] = (f"Số phiếu đồng ý ({yes}) cộng phiếu không đồng ý ({no}) không được nhiều "
                                 f"hơn số phiếu hợp lệ ({valid}).")
    return problems


def hands_problems(yes: int | None, no: int | None, present: int) -> dict[str, str]:
    """A show of hands: both counts given, none negative, together no more than the members present."""
    problems: dict[str, str] = {}
    for field, label, value in (("yes_votes", "Số thành viên đồng ý", yes),
                                ("no_votes", "Số thành viên không đồng ý", no)):
        if value is None:
            problems[field] = f"{label}: chưa nhập."
        elif value < 0:
            problems[field] = f"{label}: không được âm ({value})."
    if not problems and (yes or 0) + (no or 0) > present:
        problems["yes_votes"] = (f"Số thành viên đồng ý ({yes}) cộng không đồng ý ({no}) không được nhiều "
                                 f"hơn số thành viên có mặt ({present}).")
    return problems
