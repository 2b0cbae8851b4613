"""Bulk nominations: every LĐTT candidate of a unit in one step, or nominations from exemplars.

Each candidate goes through the same checks as a single nomination. One that may not be nominated
(on hold, wrong kind) or looks like a duplicate is skipped with its reason; a passed deadline is asked
once for the whole batch and recorded on every nomination made.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.models import AwardForm, Exemplar, Subject, SubjectKind
from app.rules.vntext import vn_short_date
from app.services.nominations.crud import add_nomination, creation_problems
from app.services.nominations.data import BulkResult, ConfirmationNeeded, NominationInput
from app.services.nominations.eligibility_facts import FormIndex
from app.services.rounds import get_round_row
from app.storage.database import Database

LDTT = "LDTT"


def nominate_unit_ldtt(
    db: Database, round_id: int, unit_id: int, *, confirmed: bool = False, today: dt.date | None = None
) -> BulkResult:
    """A draft "Lao động tiên tiến" nomination for every individual of the unit who may have one."""
    today = today or dt.date.today()
    with db.transaction() as session:
        form = session.scalar(select(AwardForm).where(AwardForm.code == LDTT))
        if form is None:
            raise ValidationError({"award_form_id": "Danh mục chưa có “Lao động tiên tiến” (mã LDTT)."})
        people = session.scalars(
            select(Subject).where(Subject.unit_id == unit_id, Subject.kind == SubjectKind.INDIVIDUAL)
            .order_by(Subject.sort_key)
        )
        items = [(NominationInput(round_id, p.id, form.id, unit_id), p.name) for p in people]
        return _create_all(session, round_id, items, confirmed, today)


def nominate_from_exemplars(
    db: Database, round_id: int, award_form_id: int, exemplar_ids: list[int], *,
    confirmed: bool = False, today: dt.date | None = None,
) -> BulkResult:
    """A draft nomination for each exemplar's subject, its achievement summary copied into the report."""
    today = today or dt.date.today()
    if not exemplar_ids:
        raise ValidationError({"exemplars": "Điển hình: hãy chọn ít nhất một điển hình."})
    with db.transaction() as session:
        if award_form_id is None or session.get(AwardForm, award_form_id) is None:
            raise ValidationError({"award_form_id": "Hình thức khen thưởng: hãy chọn một hình thức."})
        exemplars = session.scalars(select(Exemplar).where(Exemplar.id.in_(exemplar_ids)))
        items = [
            (NominationInput(round_id, e.subject_id, award_form_id, e.unit_id, e.id), e.subject.name)
            for e in exemplars
        ]
        return _create_all(session, round_id, items, confirmed, today)


def _create_all(
    session: Session, round_id: int, items: list[tuple[NominationInput, str]], confirmed: bool,
    today: dt.date,
) -> BulkResult:
    round_ = get_round_row(session, round_id)
    late = round_.deadline is not None and today > round_.deadline
    if late and not confirmed:
        raise ConfirmationNeeded([f"Đợt “{round_.name}” đã hết hạn nhận hồ sơ ngày "
                                  f"{vn_short_date(round_.deadline)}."])
    result, forms = BulkResult(), FormIndex(session)
    for data, name in items:
        try:
            checked = creation_problems(session, data, today, forms)
        except ValidationError as error:
            result.skipped.append((name, _first(error)))
            continue
        if checked.duplicate:
            result.skipped.append((name, checked.duplicate))
            continue
        nomination = add_nomination(session, data, checked.subject, None, checked.warnings)
        result.created.append(nomination.id)
    return result


def _first(error: ValidationError) -> str:
    message = next(iter(error.errors.values()))
    return message.split(": ", 1)[-1].rstrip(".")


