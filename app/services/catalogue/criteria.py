"""Replacing a form's criteria lines while keeping the ids of the lines that stay (checklist items point
at them), and turning stored criteria into input lines."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError, Validator
from app.models import (
    AwardForm,
    Criterion,
    CriterionMode,
    Nomination,
    NominationStatus,
    OccupationGroup,
    SubjectKind,
)
from app.services.catalogue.data import CriterionInput


def nomination_counts(session: Session, form_id: int) -> tuple[int, int]:
    """(all nominations of the form, those past "nháp")."""
    statuses = session.scalars(select(Nomination.status).where(Nomination.award_form_id == form_id)).all()
    return len(statuses), sum(status is not NominationStatus.DRAFT for status in statuses)


def criterion_input(criterion: Criterion) -> CriterionInput:
    return CriterionInput(
        text=criterion.text, source=criterion.source, mode=criterion.mode, rule_code=criterion.rule_code,
        rule_params=json.loads(criterion.rule_params) if criterion.rule_params else {},
        any_of_group=criterion.any_of_group,
        subject_kinds=[SubjectKind(v) for v in criterion.subject_kinds.split(",") if v],
        occupation_groups=[OccupationGroup(v) for v in criterion.occupation_groups.split(",") if v],
        id=criterion.id, code=criterion.code,
    )


def replace_criteria(session: Session, form: AwardForm, lines: list[CriterionInput]) -> None:
    """Make the form's criteria these lines: stored lines edited in place, new ones added, others removed."""
    stored = {criterion.id: criterion for criterion in form.criteria}
    _check_line_ids(lines, stored)
    kept = {line.id for line in lines if line.id is not None}
    removed = [criterion for criterion in form.criteria if criterion.id not in kept]
    if removed:
        _check_removal(session, form, removed)
        form.criteria = [criterion for criterion in form.criteria if criterion.id in kept]
        session.flush()  # the removed lines go first, so a new line may take a code they had
    codes = _line_codes(lines, stored)
    form.criteria = [
        _apply_criterion(stored[line.id] if line.id is not None else Criterion(), line, code, position)
        for position, (line, code) in enumerate(zip(lines, codes, strict=True))
    ]


def _check_line_ids(lines: list[CriterionInput], stored: dict[int, Criterion]) -> None:
    check, seen = Validator(), set()
    for number, line in enumerate(lines, start=1):
        if line.id is not None and (line.id not in stored or line.id in seen):
            check.add(f"criteria.{number}.text", f"Tiêu chí dòng {number}: không còn trong bộ tiêu chí (có "
                                                 "thể vừa bị sửa ở nơi khác). Hãy đóng biểu mẫu và mở lại.")
        seen.add(line.id)
    check.raise_if_any()


def _check_removal(session: Session, form: AwardForm, removed: list[Criterion]) -> None:
    if form.id is None:
        return
    _total, submitted = nomination_counts(session, form.id)
    if submitted:
        names = "; ".join(f"“{_shorten(criterion.text)}”" for criterion in removed)
        raise ValidationError({"criteria": (
            f"Không xóa được tiêu chí {names}: đã có {submitted} hồ sơ đề nghị hình thức này qua bước nháp, "
            "bộ tiêu chí của các hồ sơ đó phải được giữ lại. Có thể sửa lời văn hoặc thêm tiêu chí; nếu cần "
            "bộ tiêu chí khác hẳn, hãy ngừng dùng hình thức này và thêm hình thức mới."
        )})


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _line_codes(lines: list[CriterionInput], stored: dict[int, Criterion]) -> list[str]:
    """Stored lines keep their code; a new line keeps the one it brings unless taken, else gets 'tcN'."""
    used = {stored[line.id].code for line in lines if line.id is not None}
    check, codes = Validator(), []
    for number, line in enumerate(lines, start=1):
        if line.id is not None:
            codes.append(stored[line.id].code)
            continue
        if line.code in used:
            check.add(f"criteria.{number}.code", f"Tiêu chí dòng {number}: ký hiệu “{line.code}” đã có.")
        code = line.code or next(f"tc{n}" for n in range(1, len(used) + 2) if f"tc{n}" not in used)
        used.add(code)
        codes.append(code)
    check.raise_if_any()
    return codes


def _apply_criterion(criterion: Criterion, line: CriterionInput, code: str, position: int) -> Criterion:
    criterion.code = code
    criterion.position = position
    criterion.text = line.text
    criterion.source = line.source
    criterion.mode = line.mode
    rule = line.mode is CriterionMode.RULE
    criterion.rule_code = line.rule_code if rule else ""
    params = line.rule_params if rule else {}
    criterion.rule_params = json.dumps(params, ensure_ascii=False, sort_keys=True) if params else ""
    criterion.any_of_group = line.any_of_group
    criterion.subject_kinds = ",".join(kind.value for kind in line.subject_kinds)
    criterion.occupation_groups = ",".join(group.value for group in line.occupation_groups)
    return criterion
