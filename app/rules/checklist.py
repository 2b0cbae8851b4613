"""A nomination's checklist: the general checks, rule items and judged items, and whether it is ready.

Ready for the council means every applicable criterion is decided and none fails. Items that share an
"any of" group are alternatives: the group needs one of them met, the others may stay undecided.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.models.enums import CriterionMode, CriterionOutcome
from app.rules.eligibility import GENERAL_CHECKS, MET, NOT_MET, RULES, UNKNOWN, NominationFacts, RuleResult

SHORT_TEXT = 70


@dataclass(frozen=True)
class CriterionSpec:
    id: int
    code: str
    text: str
    source: str
    mode: CriterionMode
    rule_code: str = ""
    params: dict | None = None
    any_of_group: str = ""


@dataclass(frozen=True)
class Judgement:
    outcome: CriterionOutcome
    note: str = ""
    file_name: str = ""
    decided_on: dt.date | None = None


@dataclass(frozen=True)
class ChecklistLine:
    criterion_id: int | None  # None for the general checks
    code: str
    text: str
    source: str
    by_rule: bool
    outcome: CriterionOutcome
    reason: str  # the rule's explanation, or the appraiser's note
    group: str = ""
    file_name: str = ""

    @property
    def short_text(self) -> str:
        text = self.text.rstrip(";.,")
        return text if len(text) <= SHORT_TEXT else text[: SHORT_TEXT - 1].rstrip() + "…"


@dataclass(frozen=True)
class Checklist:
    lines: tuple[ChecklistLine, ...]
    missing: tuple[str, ...]  # what is still undecided, in Vietnamese
    failures: tuple[str, ...]  # what fails

    @property
    def ready(self) -> bool:
        return not self.missing and not self.failures

    def summary(self) -> str:
        if self.failures:
            return f"Không đạt: {len(self.failures)} tiêu chí"
        if self.missing:
            return f"Còn {len(self.missing)} tiêu chí chưa đánh giá"
        return "Đủ điều kiện trình Hội đồng"


def build_checklist(
    facts: NominationFacts, criteria: list[CriterionSpec], judgements: dict[int, Judgement]
) -> Checklist:
    lines = [_general_line(code, text, rule(facts, {})) for code, text, rule in GENERAL_CHECKS]
    lines += [_criterion_line(facts, spec, judgements.get(spec.id)) for spec in criteria]
    missing, failures = _assess(lines)
    return Checklist(tuple(lines), tuple(missing), tuple(failures))


def _general_line(code: str, text: str, result: RuleResult) -> ChecklistLine:
    return ChecklistLine(None, code, text, "", True, result.outcome, result.reason)


def _criterion_line(facts: NominationFacts, spec: CriterionSpec, judged: Judgement | None) -> ChecklistLine:
    if spec.mode is CriterionMode.RULE:
        rule = RULES.get(spec.rule_code)
        result = (rule(facts, spec.params or {}) if rule
                  else RuleResult(UNKNOWN, f"Quy tắc “{spec.rule_code}” không có trong phiên bản này."))
        return ChecklistLine(spec.id, spec.code, spec.text, spec.source, True, result.outcome, result.reason,
                             spec.any_of_group)
    outcome = judged.outcome if judged else UNKNOWN
    return ChecklistLine(spec.id, spec.code, spec.text, spec.source, False, outcome,
                         judged.note if judged else "", spec.any_of_group, judged.file_name if judged else "")


def _assess(lines: list[ChecklistLine]) -> tuple[list[str], list[str]]:
    missing: list[str] = []
    failures: list[str] = []
    groups: dict[str, list[ChecklistLine]] = {}
    for line in lines:
        if line.group:
            groups.setdefault(line.group, []).append(line)
        elif line.outcome is NOT_MET:
            failures.append(f"Không đạt: {_explained(line)}")
        elif line.outcome is UNKNOWN:
            missing.append(f"Chưa đánh giá: {_explained(line)}")
    for members in groups.values():
        if any(line.outcome is MET for line in members):
            continue
        names = " / ".join(line.short_text for line in members)
        if all(line.outcome is NOT_MET for line in members):
            failures.append(f"Không đạt tiêu chí nào trong nhóm “một trong các tiêu chí”: {names}")
        else:
            missing.append(f"Cần đạt một trong các tiêu chí: {names}")
    return missing, failures


def _explained(line: ChecklistLine) -> str:
    return f"{line.short_text} — {line.reason}" if line.by_rule else line.short_text
