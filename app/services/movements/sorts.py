"""The order of a movement's nominations on its page, as the query's ORDER BY (services/sorting.py)."""

from __future__ import annotations

from app.models import AwardForm, Nomination, NominationStatus, Round, Subject, Unit
from app.services.sorting import by_rank, by_text, order_by

# MovementNominationRow's fields: the person (official-list order), the form (the catalogue's order), the
# round, its year, the proposing unit, the status (the path's order).
MOVEMENT_NOMINATION_SORTS = ("subject_name", "award_name", "round_name", "round_year", "unit_name", "status")


def nomination_order(sort: str, descending: bool) -> list:
    """The ORDER BY (the query joins Subject, AwardForm, Round and the proposing Unit): the column asked
    for, then the newest rounds first, then official-list order."""
    keys = dict(zip(MOVEMENT_NOMINATION_SORTS, (
        Subject.sort_key, AwardForm.sort_order, by_text(Round.name), Round.year, Unit.sort_key,
        by_rank(Nomination.status, NominationStatus),
    ), strict=True))
    return order_by(keys, sort, descending, Round.year.desc(), by_text(Round.name), Subject.sort_key,
                    Nomination.id)
