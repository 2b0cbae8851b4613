"""Subjects (đối tượng): records, search, validation, merging duplicates, and a person's data rights
(export, erase).

The names below are what the UI and the CLI may call (app/services/exports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.exports import lazy_exports

if TYPE_CHECKING:
    from app.services.subjects.crud import create_subject, delete_subject, get_subject, update_subject
    from app.services.subjects.data import (
        AwardInput,
        HoldInput,
        SubjectDetail,
        SubjectInput,
        SubjectQuery,
        SubjectRow,
    )
    from app.services.subjects.duplicates import (
        PossibleDuplicate,
        duplicates_question,
        find_possible_duplicates,
    )
    from app.services.subjects.erase import ErasePlan, EraseResult, erase_plan, erase_subject
    from app.services.subjects.export import clear_citizen_ids, export_subject_data
    from app.services.subjects.merge import MergePlan, MergeResult, merge_plan, merge_subjects
    from app.services.subjects.merge_fields import FieldChoice
    from app.services.subjects.search import (
        count_subjects,
        fetch_subject_rows,
        first_page,
        list_collectives,
        search_subjects,
        subject_ids_page,
        subject_position,
    )

__all__ = [
    "AwardInput", "ErasePlan", "EraseResult", "HoldInput", "SubjectDetail", "SubjectInput", "SubjectQuery",
    "PossibleDuplicate", "duplicates_question", "find_possible_duplicates",
    "FieldChoice", "MergePlan", "MergeResult", "merge_plan", "merge_subjects",
    "SubjectRow", "clear_citizen_ids", "count_subjects", "create_subject", "delete_subject", "erase_plan",
    "erase_subject", "export_subject_data", "fetch_subject_rows", "first_page", "get_subject",
    "list_collectives", "search_subjects", "subject_ids_page", "subject_position", "update_subject"
]
__getattr__ = lazy_exports(__name__, {
    "crud": ["create_subject", "delete_subject", "get_subject", "update_subject"],
    "data": ["AwardInput", "HoldInput", "SubjectDetail", "SubjectInput", "SubjectQuery", "SubjectRow"],
    "duplicates": ["PossibleDuplicate", "duplicates_question", "find_possible_duplicates"],
    "erase": ["ErasePlan", "EraseResult", "erase_plan", "erase_subject"],
    "export": ["clear_citizen_ids", "export_subject_data"],
    "merge": ["MergePlan", "MergeResult", "merge_plan", "merge_subjects"],
    "merge_fields": ["FieldChoice"],
    "search": [
        "count_subjects", "fetch_subject_rows", "first_page", "list_collectives", "search_subjects",
        "subject_ids_page", "subject_position"
    ],
})
