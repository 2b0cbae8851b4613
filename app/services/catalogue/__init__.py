"""The award catalogue: award forms, their rewards and vote rule, their criteria, the shipped defaults.

The names below are what the UI and the CLI may call (app/services/exports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.exports import lazy_exports

if TYPE_CHECKING:
    from app.services.catalogue.data import (
        DISCIPLINE_LEVEL,
        PERCENT,
        REWARD_FIELDS,
        RULE_CHOICES,
        AwardFormDetail,
        AwardFormInput,
        AwardFormRow,
        CriterionInput,
    )
    from app.services.catalogue.forms import (
        create_award_form,
        default_criteria,
        delete_award_form,
        describe_rule,
        get_award_form,
        list_award_forms,
        reward_amount,
        reward_text,
        set_award_form_active,
        update_award_form,
    )

__all__ = [
    "AwardFormDetail", "AwardFormInput", "AwardFormRow", "CriterionInput", "DISCIPLINE_LEVEL", "PERCENT",
    "REWARD_FIELDS", "RULE_CHOICES", "create_award_form", "default_criteria", "delete_award_form",
    "describe_rule", "get_award_form", "list_award_forms", "reward_amount", "reward_text",
    "set_award_form_active", "update_award_form"
]
__getattr__ = lazy_exports(__name__, {
    "data": [
        "AwardFormDetail", "AwardFormInput", "AwardFormRow", "CriterionInput", "DISCIPLINE_LEVEL",
        "PERCENT", "REWARD_FIELDS", "RULE_CHOICES"
    ],
    "forms": [
        "create_award_form", "default_criteria", "delete_award_form", "describe_rule", "get_award_form",
        "list_award_forms", "reward_amount", "reward_text", "set_award_form_active", "update_award_form"
    ],
})
