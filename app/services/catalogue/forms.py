"""The award catalogue as data the user edits: forms, their rewards, vote rule and criteria set.

Criteria lines keep their ids across edits (matched by the id carried in each input line), so the
appraisers' checklist items keep pointing at them. A criterion may be removed only while no nomination of
its form is past "nháp": once a nomination was proposed, its checklist is part of the record (the items of
rule criteria are not stored but computed from the form's criteria, so this holds for them too). Draft
nominations lose their judgements on a removed line.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from fractions import Fraction

from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session

from app.errors import ConflictError, Validator
from app.models import AwardForm, AwardKind, Criterion, DisciplineLevel, Nomination, Subject, SubjectKind
from app.resources import load_json
from app.rules.vntext import vn_money, vn_number
from app.services.catalogue.criteria import criterion_input, nomination_counts, replace_criteria
from app.services.catalogue.data import (
    RULE_CHOICES,
    AwardFormDetail,
    AwardFormInput,
    AwardFormRow,
    CriterionInput,
)
from app.services.catalogue.defaults import CATALOGUE_FILE, criterion_from_spec
from app.services.catalogue.validation import normalized, validate_award_form
from app.services.records import check_version, get_or_not_found
from app.services.settings import BASE_SALARY, get_setting
from app.services.sorting import by_label, order_by
from app.storage.database import Database
from app.storage.versions import bump_version

_FORM_COLUMNS = (
    "code", "name", "short_name", "kind", "reward_individual", "reward_collective", "reward_household",
    "counts_toward_merit", "poll_method", "threshold_base", "threshold_percent", "threshold_strict",
    "threshold_numerator", "threshold_denominator", "counts_written_opinions", "needs_council_vote",
    "legal_basis",
)


# Amounts ----------------------------------------------------------------------------------------

def reward_amount(hundredths: int, base_salary: int) -> int:
    """The cash reward in đồng: hundredths of the base salary, rounded to whole đồng, halves up."""
    return (hundredths * base_salary + 50) // 100


def reward_multiple(hundredths: int) -> str:
    """30 -> '0,3'; 100 -> '1'; 45 -> '0,45' (the multiple of the base salary, Vietnamese decimals)."""
    whole, part = divmod(hundredths, 100)
    return vn_number(whole) + (f",{part:02d}".rstrip("0") if part else "")


def reward_text(hundredths: int, base_salary: int) -> str:
    """'0,3 × LCS = 702.000 đồng', or 'Không thưởng tiền' for 0."""
    if hundredths == 0:
        return "Không thưởng tiền"
    return f"{reward_multiple(hundredths)} × LCS = {vn_money(reward_amount(hundredths, base_salary))}"


def describe_rule(code: str, params: dict) -> str:
    """A short Vietnamese description of a rule line: '≥ 70% thành viên đạt “Lao động tiên tiến”'."""
    if code == "members_ldtt_share":
        return f"≥ {params.get('percent', '?')}% thành viên đạt “Lao động tiên tiến”"
    if code == "members_no_discipline":
        level = params.get("level", "")
        label = next((lv.label for lv in DisciplineLevel if lv.value == level), level)
        return f"Không thành viên nào bị kỷ luật từ {label.lower()} trở lên"
    choice = RULE_CHOICES.get(code)
    return choice.label if choice else f"Quy tắc không rõ: {code}"


# Shipped defaults --------------------------------------------------------------------------------

@functools.cache
def _shipped_forms() -> dict[str, dict]:
    return {spec["code"]: spec for spec in load_json(CATALOGUE_FILE)["forms"]}


def is_shipped(code: str) -> bool:
    return code in _shipped_forms()


def default_criteria(code: str, current: list[CriterionInput]) -> list[CriterionInput]:
    """The shipped wording of a shipped form's criteria; lines whose code is among `current` keep its id."""
    spec = _shipped_forms().get(code)
    if spec is None:
        raise ConflictError(f"Hình thức mã {code} do xã tự thêm, không có tiêu chí mặc định để khôi phục.")
    ids = {line.code: line.id for line in current if line.id is not None}
    return [
        dataclasses.replace(criterion_input(criterion_from_spec(item, position)), id=ids.get(item["code"]))
        for position, item in enumerate(spec["criteria"])
    ]


# Reading ----------------------------------------------------------------------------------------

# The catalogue list's sorts: "order" is the catalogue's own order (the name's column), "kinds" whom the
# form applies to (individuals first), "reward" the first of its rewards (an individual's, else …).
AWARD_FORM_SORTS = ("order", "kind", "kinds", "reward", "counts_toward_merit", "criteria_count", "active")


def _form_keys(criteria_count) -> dict:
    rewards = (AwardForm.reward_individual, AwardForm.reward_collective, AwardForm.reward_household)
    kinds = sum((case((reward.is_(None), weight), else_=0) for reward, weight in zip(rewards, (4, 2, 1),
                                                                                     strict=True)),
                start=literal(0))
    return dict(zip(AWARD_FORM_SORTS, (
        AwardForm.sort_order, by_label(AwardForm.kind, AwardKind), func.nullif(kinds, 7),
        func.coalesce(*rewards),
        # "Có" before "Không", "Có" (in use) before "Ngừng dùng": true first.
        case((AwardForm.counts_toward_merit, 0), else_=1), func.coalesce(criteria_count, 0),
        case((AwardForm.active, 0), else_=1),
    ), strict=True))


def list_award_forms(db: Database, include_inactive: bool = False, *, sort: str = "order",
                     descending: bool = False) -> list[AwardFormRow]:
    """The forms (in use only, unless asked) sorted by the query on one of AWARD_FORM_SORTS (empty values
    last), then in the catalogue's order."""
    base_salary = get_setting(db, BASE_SALARY)
    criteria = select(Criterion.award_form_id, func.count().label("n")).group_by(
        Criterion.award_form_id).subquery()
    nominations = select(Nomination.award_form_id, func.count().label("n")).group_by(
        Nomination.award_form_id).subquery()
    keys = _form_keys(criteria.c.n)
    statement = (
        select(AwardForm, criteria.c.n, nominations.c.n)
        .outerjoin(criteria, criteria.c.award_form_id == AwardForm.id)
        .outerjoin(nominations, nominations.c.award_form_id == AwardForm.id)
        .order_by(*order_by(keys, sort, descending, AwardForm.sort_order, AwardForm.id))
    )
    if not include_inactive:
        statement = statement.where(AwardForm.active.is_(True))
    with db.read() as session:
        return [_row(form, base_salary, c or 0, n or 0) for form, c, n in session.execute(statement)]


def _row(form: AwardForm, base_salary: int, criteria_count: int, nomination_count: int) -> AwardFormRow:
    rewards = {kind: form.reward_for(kind) for kind in SubjectKind if form.applies_to(kind)}
    return AwardFormRow(
        id=form.id, code=form.code, name=form.name, short_name=form.short_name, kind=form.kind,
        kind_label=form.kind.label, kinds=tuple(rewards), rewards=rewards,
        amounts={kind: reward_amount(value, base_salary) for kind, value in rewards.items()},
        base_salary=base_salary, counts_toward_merit=form.counts_toward_merit, active=form.active,
        criteria_count=criteria_count, nomination_count=nomination_count, shipped=is_shipped(form.code),
    )


def get_award_form(db: Database, form_id: int) -> AwardFormDetail:
    with db.read() as session:
        return _detail(session, _get(session, form_id))


def _get(session: Session, form_id: int) -> AwardForm:
    return get_or_not_found(session, AwardForm, form_id, "hình thức khen thưởng số")


def _detail(session: Session, form: AwardForm) -> AwardFormDetail:
    total, submitted = nomination_counts(session, form.id)
    return AwardFormDetail(
        **{name: getattr(form, name) for name in _FORM_COLUMNS},
        criteria=[criterion_input(c) for c in form.criteria],
        id=form.id, version=form.version, active=form.active, shipped=is_shipped(form.code),
        nomination_count=total, submitted_nomination_count=submitted,
    )


# Writing ----------------------------------------------------------------------------------------

def create_award_form(db: Database, data: AwardFormInput) -> AwardFormDetail:
    clean = normalized(data)
    validate_award_form(clean)
    with db.transaction() as session:
        _check_code(session, clean.code, None)
        order = session.scalar(select(func.coalesce(func.max(AwardForm.sort_order), -1))) + 1
        form = AwardForm(sort_order=order, active=True, version=1)
        _apply(form, clean)
        replace_criteria(session, form, clean.criteria)
        session.add(form)
        session.flush()
        return _detail(session, form)


def update_award_form(
    db: Database, form_id: int, data: AwardFormInput, expected_version: int
) -> AwardFormDetail:
    """Save a changed form and its criteria lines; refused when someone else saved it since it was read."""
    clean = normalized(data)
    validate_award_form(clean)
    with db.transaction() as session:
        form = _get(session, form_id)
        check_version(form, expected_version, f"“{form.name}”")
        _check_code(session, clean.code, form)
        _check_kinds_in_use(session, form, clean)
        replace_criteria(session, form, clean.criteria)
        _apply(form, clean)
        bump_version(form)
        session.flush()
        return _detail(session, form)


def restore_default_criteria(db: Database, form_id: int) -> AwardFormDetail:
    """Put back the shipped wording of a shipped form's criteria (lines the commune added are removed)."""
    with db.transaction() as session:
        form = _get(session, form_id)
        lines = default_criteria(form.code, [criterion_input(c) for c in form.criteria])
        replace_criteria(session, form, lines)
        bump_version(form)
        session.flush()
        return _detail(session, form)


def set_award_form_active(db: Database, form_id: int, active: bool) -> None:
    """A form no longer used is kept (its nominations and decisions refer to it) but offered no more."""
    with db.transaction() as session:
        form = _get(session, form_id)
        form.active = active
        bump_version(form)


def delete_award_form(db: Database, form_id: int) -> None:
    """Delete a form the commune added and never used; refused with the reason otherwise."""
    with db.transaction() as session:
        form = _get(session, form_id)
        total, _submitted = nomination_counts(session, form_id)
        if total:
            raise ConflictError(
                f"Không xóa được “{form.name}”: đã có {total} hồ sơ đề nghị hình thức này. "
                "Hãy chọn “Ngừng dùng” để không đề nghị thêm."
            )
        if is_shipped(form.code):
            raise ConflictError(
                f"Không xóa được “{form.name}”: đây là hình thức có sẵn theo quy định. "
                "Nếu xã không dùng, hãy chọn “Ngừng dùng”."
            )
        session.delete(form)


def _apply(form: AwardForm, data: AwardFormInput) -> None:
    data = _with_fraction(form, data)
    for name in _FORM_COLUMNS:
        setattr(form, name, getattr(data, name))


def _with_fraction(form: AwardForm, data: AwardFormInput) -> AwardFormInput:
    """The exact fraction and its rounded percent agree: a fraction given sets the percent; a percent
    alone is percent/100, unless it is the form's percent unchanged (its fraction, 2/3 say, stays)."""
    if data.threshold_numerator is not None:
        exact = Fraction(data.threshold_numerator, data.threshold_denominator) * 100
        return dataclasses.replace(data, threshold_percent=math.floor(exact + Fraction(1, 2)))
    if form.threshold_numerator is not None and data.threshold_percent == form.threshold_percent:
        return dataclasses.replace(data, threshold_numerator=form.threshold_numerator,
                                   threshold_denominator=form.threshold_denominator)
    return dataclasses.replace(data, threshold_numerator=data.threshold_percent, threshold_denominator=100)


def _check_code(session: Session, code: str, form: AwardForm | None) -> None:
    check = Validator()
    if form is not None and is_shipped(form.code) and code != form.code:
        check.add("code", f"Mã: hình thức có sẵn theo quy định giữ nguyên mã {form.code}.")
    other = session.scalar(select(AwardForm).where(AwardForm.code == code))
    if other is not None and other is not form:
        check.add("code", f"Mã: đã có hình thức “{other.name}” mang mã {code}.")
    check.raise_if_any()


def _check_kinds_in_use(session: Session, form: AwardForm, data: AwardFormInput) -> None:
    """A kind of subject that has nominations for this form cannot be taken off it."""
    statement = (
        select(Subject.kind, func.count()).join(Nomination, Nomination.subject_id == Subject.id)
        .where(Nomination.award_form_id == form.id).group_by(Subject.kind)
    )
    check = Validator()
    for kind, count in session.execute(statement):
        if kind not in data.applicable_kinds():
            check.add("rewards", f"Áp dụng cho: đã có {count} hồ sơ đề nghị hình thức này cho "
                                 f"{kind.label.lower()}; không bỏ được loại đối tượng này.")
    check.raise_if_any()
