"""The award catalogue (titles and commendations the chairman gives) and each form's criteria."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, false, true
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import NEVER_REUSED, Base, Timestamped, enum_type
from app.models.enums import (
    AwardKind,
    CriterionMode,
    OccupationGroup,
    PollMethod,
    SubjectKind,
    ThresholdBase,
)


class AwardForm(Timestamped, Base):
    """A title or a form of commendation. It applies to a subject kind when that kind's reward is set.

    Rewards are hundredths of the base salary (30 = 0.3 × mức lương cơ sở), per subject kind; NULL means
    the form does not apply to that kind.
    """

    __tablename__ = "award_form"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(40), default="")
    kind: Mapped[AwardKind] = mapped_column(enum_type(AwardKind))
    reward_individual: Mapped[int | None] = mapped_column(Integer)
    reward_collective: Mapped[int | None] = mapped_column(Integer)
    reward_household: Mapped[int | None] = mapped_column(Integer)
    counts_toward_merit: Mapped[bool] = mapped_column(Boolean, default=True)
    poll_method: Mapped[PollMethod] = mapped_column(enum_type(PollMethod))
    threshold_base: Mapped[ThresholdBase] = mapped_column(enum_type(ThresholdBase))
    threshold_percent: Mapped[int] = mapped_column(Integer)
    threshold_strict: Mapped[bool] = mapped_column(Boolean, default=False)  # > instead of ≥
    # The vote rule's fraction, exact (2/3 is not a whole percent); threshold_percent is its rounded
    # percent, kept for the catalogue's list. Written opinions of absent members count when the rule says.
    threshold_numerator: Mapped[int] = mapped_column(Integer, server_default=sql_text("1"))
    threshold_denominator: Mapped[int] = mapped_column(Integer, server_default=sql_text("2"))
    counts_written_opinions: Mapped[bool] = mapped_column(Boolean, server_default=false())
    # The council must vote (a meeting's poll); False: the result is recorded directly (GĐVH, reviewed
    # by the village meeting).
    needs_council_vote: Mapped[bool] = mapped_column(Boolean, server_default=true())
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Optimistic locking: UPDATE/DELETE … WHERE version = the one read; counted by app/storage/versions.py
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    criteria: Mapped[list[Criterion]] = relationship(
        back_populates="award_form", order_by="Criterion.position", cascade="all, delete-orphan"
    )

    def reward_for(self, kind: SubjectKind) -> int | None:
        return {
            SubjectKind.INDIVIDUAL: self.reward_individual,
            SubjectKind.COLLECTIVE: self.reward_collective,
            SubjectKind.HOUSEHOLD: self.reward_household,
        }[kind]

    def applies_to(self, kind: SubjectKind) -> bool:
        return self.reward_for(kind) is not None


class Criterion(Base):
    """One item of a form's criteria set, with its legal wording.

    A JUDGED item is decided by the appraiser; a RULE item by the rule named in `rule_code`. Items that
    share a non-empty `any_of_group` are alternatives: the group is met when one of them is.
    `subject_kinds` limits the item to some kinds ("individual,household"); empty means every kind.
    """

    __tablename__ = "criterion"
    __table_args__ = (UniqueConstraint("award_form_id", "code"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    award_form_id: Mapped[int] = mapped_column(ForeignKey("award_form.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(300), default="")
    mode: Mapped[CriterionMode] = mapped_column(enum_type(CriterionMode))
    rule_code: Mapped[str] = mapped_column(String(40), default="")
    rule_params: Mapped[str] = mapped_column(Text, default="")  # JSON object, e.g. {"percent": 70}
    any_of_group: Mapped[str] = mapped_column(String(40), default="")
    subject_kinds: Mapped[str] = mapped_column(String(100), default="")
    # Limits an individual's item to occupation groups ("civil_servant"); a subject with no group
    # declared counts as "other".
    occupation_groups: Mapped[str] = mapped_column(String(200), default="")

    award_form: Mapped[AwardForm] = relationship(back_populates="criteria")

    def applies_to(self, kind: SubjectKind, occupation: OccupationGroup | None = None) -> bool:
        if self.subject_kinds and kind.value not in self.subject_kinds.split(","):
            return False
        if not self.occupation_groups or kind is not SubjectKind.INDIVIDUAL:
            return True
        return (occupation or OccupationGroup.OTHER).value in self.occupation_groups.split(",")
