"""Plain data that goes in and out of the award catalogue services, and the rules a criterion may name."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.models import AwardKind, CriterionMode, OccupationGroup, PollMethod, SubjectKind, ThresholdBase


@dataclass(frozen=True)
class RuleParam:
    """One parameter of a rule: a whole percentage ("percent") or a discipline level ("discipline_level")."""

    name: str
    label: str
    kind: str
    default: int | str


@dataclass(frozen=True)
class RuleChoice:
    code: str
    label: str
    kinds: tuple[SubjectKind, ...]  # the subject kinds the rule can decide for
    params: tuple[RuleParam, ...] = ()

    def default_params(self) -> dict[str, int | str]:
        return {param.name: param.default for param in self.params}


PERCENT, DISCIPLINE_LEVEL = "percent", "discipline_level"

# The rules the eligibility engine (app/rules/eligibility.py) decides; the editor offers these.
RULE_CHOICES: dict[str, RuleChoice] = {
    choice.code: choice
    for choice in (
        RuleChoice(
            "ldtt_same_year",
            "Đạt “Lao động tiên tiến” cùng năm (trong lịch sử khen thưởng hoặc cùng đợt xét)",
            (SubjectKind.INDIVIDUAL,),
        ),
        RuleChoice(
            "members_ldtt_share",
            "Tỷ lệ thành viên của tập thể đạt “Lao động tiên tiến”",
            (SubjectKind.COLLECTIVE,),
            (RuleParam("percent", "Tỷ lệ tối thiểu", PERCENT, 70),),
        ),
        RuleChoice(
            "members_no_discipline",
            "Không có thành viên của tập thể bị kỷ luật từ một hình thức trở lên",
            (SubjectKind.COLLECTIVE,),
            (RuleParam("level", "Từ hình thức kỷ luật", DISCIPLINE_LEVEL, "warning"),),
        ),
    )
}


@dataclass
class CriterionInput:
    """One line of a form's criteria set. `id` is the stored criterion the line edits (None: a new line);
    `code` is kept for stored lines and given by the service to new lines left without one."""

    text: str = ""
    source: str = ""
    mode: CriterionMode = CriterionMode.JUDGED
    rule_code: str = ""
    rule_params: dict[str, int | str] = field(default_factory=dict)
    any_of_group: str = ""
    subject_kinds: list[SubjectKind] = field(default_factory=list)  # empty: every kind
    occupation_groups: list[OccupationGroup] = field(default_factory=list)  # empty: every group
    id: int | None = None
    code: str = ""


@dataclass
class AwardFormInput:
    """Everything the add/edit dialog holds. Rewards are hundredths of the base salary; None: the form
    does not apply to that kind."""

    code: str = ""
    name: str = ""
    short_name: str = ""
    kind: AwardKind = AwardKind.COMMENDATION
    reward_individual: int | None = None
    reward_collective: int | None = None
    reward_household: int | None = None
    counts_toward_merit: bool = True
    poll_method: PollMethod = PollMethod.SHOW_OF_HANDS
    threshold_base: ThresholdBase = ThresholdBase.PRESENT
    threshold_percent: int | None = 50
    threshold_strict: bool = True
    # The exact fraction of the vote rule (2/3 is no whole percent); None: threshold_percent / 100 (or,
    # on an edit that kept the percent, the form's fraction as it was).
    threshold_numerator: int | None = None
    threshold_denominator: int | None = None
    counts_written_opinions: bool = False  # absent members' written opinions count in the vote
    needs_council_vote: bool = True  # False: the result is recorded without a council meeting (GĐVH)
    legal_basis: str = ""
    criteria: list[CriterionInput] = field(default_factory=list)

    def rewards(self) -> dict[SubjectKind, int | None]:
        return {
            SubjectKind.INDIVIDUAL: self.reward_individual,
            SubjectKind.COLLECTIVE: self.reward_collective,
            SubjectKind.HOUSEHOLD: self.reward_household,
        }

    def applicable_kinds(self) -> list[SubjectKind]:
        return [kind for kind, reward in self.rewards().items() if reward is not None]


REWARD_FIELDS = {
    SubjectKind.INDIVIDUAL: "reward_individual",
    SubjectKind.COLLECTIVE: "reward_collective",
    SubjectKind.HOUSEHOLD: "reward_household",
}


@dataclass
class AwardFormDetail(AwardFormInput):
    id: int = 0
    version: int = 0
    active: bool = True
    shipped: bool = False  # one of the forms in resources/data/awards.json (its code cannot change)
    nomination_count: int = 0
    # Nominations of this form past "nháp": while there are any, no criterion may be removed.
    submitted_nomination_count: int = 0


@dataclass(frozen=True)
class AwardFormRow:
    """One line of the catalogue list; amounts are in đồng at the base salary of the moment."""

    id: int
    code: str
    name: str
    short_name: str
    kind: AwardKind
    kind_label: str
    kinds: tuple[SubjectKind, ...]
    rewards: dict[SubjectKind, int]  # hundredths of the base salary, for the kinds it applies to
    amounts: dict[SubjectKind, int]  # đồng
    base_salary: int
    counts_toward_merit: bool
    active: bool
    criteria_count: int
    nomination_count: int
    shipped: bool
