"""Decisions: drafts, the document register, issuing and cancelling, their content and files.

The names below are what the UI and the CLI may call (app/services/exports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.exports import lazy_exports

if TYPE_CHECKING:
    from app.services.decisions.data import DecisionDetail, DecisionInput, DecisionRow, EntryRow, IssueInput
    from app.services.decisions.documents import (
        decision_document,
        file_stem,
        proposal_document,
        render,
        report_document,
        save_document,
    )
    from app.services.decisions.drafts import create_decision, delete_decision, update_decision
    from app.services.decisions.issue import cancel_decision, issue_decision, issue_proposal
    from app.services.decisions.queries import (
        default_achievement_text,
        get_decision,
        list_decisions,
        list_includable,
        next_register_number,
    )
    from app.services.decisions.register import MAX_NUMBER

__all__ = [
    "DecisionDetail", "DecisionInput", "DecisionRow", "EntryRow", "IssueInput", "MAX_NUMBER",
    "cancel_decision", "create_decision", "decision_document", "default_achievement_text",
    "delete_decision", "file_stem", "get_decision", "issue_decision", "issue_proposal", "list_decisions",
    "list_includable", "next_register_number", "proposal_document", "render", "report_document",
    "save_document", "update_decision"
]
__getattr__ = lazy_exports(__name__, {
    "data": ["DecisionDetail", "DecisionInput", "DecisionRow", "EntryRow", "IssueInput"],
    "documents": [
        "decision_document", "file_stem", "proposal_document", "render", "report_document", "save_document"
    ],
    "drafts": ["create_decision", "delete_decision", "update_decision"],
    "issue": ["cancel_decision", "issue_decision", "issue_proposal"],
    "queries": [
        "default_achievement_text", "get_decision", "list_decisions", "list_includable",
        "next_register_number"
    ],
    "register": ["MAX_NUMBER"],
})
