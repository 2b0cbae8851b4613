"""Nominations (hồ sơ đề nghị): records, their path, checklists, bulk nominating, reports.

The names below are what the UI and the CLI may call (app/services/exports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.exports import lazy_exports

if TYPE_CHECKING:
    from app.services.nominations.batch import (
        appraise_many,
        judge_many,
        judged_criteria,
        propose_many,
        return_many,
        round_progress,
    )
    from app.services.nominations.bulk import nominate_from_exemplars, nominate_unit_ldtt
    from app.services.nominations.crud import (
        create_nomination,
        delete_nomination,
        set_proposing_unit,
        update_report,
    )
    from app.services.nominations.data import (
        BatchLine,
        BatchReport,
        BatchStep,
        BulkResult,
        ConfirmationNeeded,
        JudgedCriterion,
        JudgementInput,
        NominationDetail,
        NominationEventRow,
        NominationInput,
        NominationRow,
        ReportInput,
        RoundProgress,
    )
    from app.services.nominations.flow import appraise, propose, record_review, return_to_draft, set_judgement
    from app.services.nominations.queries import get_nomination, list_nominations

__all__ = [
    "BatchLine", "BatchReport", "BatchStep", "JudgedCriterion", "RoundProgress", "appraise_many",
    "judge_many", "judged_criteria", "propose_many", "return_many", "round_progress",
    "BulkResult", "ConfirmationNeeded", "JudgementInput", "NominationDetail", "NominationEventRow",
    "NominationInput", "NominationRow", "ReportInput", "appraise", "create_nomination", "delete_nomination",
    "get_nomination", "list_nominations", "nominate_from_exemplars", "nominate_unit_ldtt", "propose",
    "record_review", "return_to_draft", "set_judgement", "set_proposing_unit", "update_report"
]
__getattr__ = lazy_exports(__name__, {
    "batch": [
        "appraise_many", "judge_many", "judged_criteria", "propose_many", "return_many", "round_progress"
    ],
    "bulk": ["nominate_from_exemplars", "nominate_unit_ldtt"],
    "crud": ["create_nomination", "delete_nomination", "set_proposing_unit", "update_report"],
    "data": [
        "BatchLine", "BatchReport", "BatchStep", "JudgedCriterion", "RoundProgress", "BulkResult",
        "ConfirmationNeeded", "JudgementInput", "NominationDetail", "NominationEventRow",
        "NominationInput", "NominationRow", "ReportInput"
    ],
    "flow": ["appraise", "propose", "record_review", "return_to_draft", "set_judgement"],
    "queries": ["get_nomination", "list_nominations"],
})
