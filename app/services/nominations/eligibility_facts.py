"""Gather, from the database, the plain facts the eligibility rules decide on (app/rules/eligibility.py)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.models import (
    AwardForm,
    AwardRecord,
    HoldFlag,
    Nomination,
    Round,
    Subject,
    SubjectKind,
)
from app.rules.eligibility import AwardFact, HoldFact, MemberFact, NominationFacts, PeerNomination
from app.rules.vntext import fold

_QUOTES = str.maketrans("", "", "“”\"'")


def form_key(name: str) -> str:
    """'Danh hiệu “Lao động tiên tiến”' and 'lao dong tien tien' give the same key."""
    key = fold(name.translate(_QUOTES)).strip()
    return key.removeprefix("danh hieu ").strip()


class FormIndex:
    """The catalogue, to recognise history records typed by hand by their form's name."""

    def __init__(self, session: Session) -> None:
        forms = list(session.scalars(select(AwardForm)))
        self.by_id = {f.id: f for f in forms}
        self.by_key = {form_key(f.name): f for f in forms}

    def find(self, record: AwardRecord) -> AwardForm | None:
        if record.award_form_id is not None:
            return self.by_id.get(record.award_form_id)
        return self.by_key.get(form_key(record.form_name))


def award_fact(record: AwardRecord, forms: FormIndex) -> AwardFact:
    form = forms.find(record)
    counts = record.counts_toward_merit and (form is None or form.counts_toward_merit)
    source = f"QĐ số {record.decision_no}" if record.decision_no else "lịch sử khen thưởng"
    return AwardFact(form.code if form else None, record.form_name, record.year, counts, source)


def hold_fact(flag: HoldFlag) -> HoldFact:
    return HoldFact(flag.kind, flag.discipline_level, flag.start_date, flag.end_date)


def _awards_by_subject(session: Session, ids: list[int], year: int, forms: FormIndex,
                       own_nomination: int | None = None) -> dict[int, list]:
    """Awards of the year; a record written by `own_nomination`'s own decision is not a duplicate of it."""
    found: dict[int, list] = defaultdict(list)
    query = select(AwardRecord).where(AwardRecord.subject_id.in_(ids), AwardRecord.year == year)
    if own_nomination is not None:
        mine = AwardRecord.nomination_id == own_nomination
        query = query.where(or_(AwardRecord.nomination_id.is_(None), ~mine))
    for record in session.scalars(query):
        found[record.subject_id].append(award_fact(record, forms))
    return found


def _holds_by_subject(session: Session, ids: list[int]) -> dict[int, list]:
    found: dict[int, list] = defaultdict(list)
    for flag in session.scalars(select(HoldFlag).where(HoldFlag.subject_id.in_(ids))):
        found[flag.subject_id].append(hold_fact(flag))
    return found


def _peers_by_subject(session: Session, ids: list[int], year: int) -> dict[int, list]:
    found: dict[int, list] = defaultdict(list)
    query = (
        select(Nomination, Round, AwardForm)
        .join(Round, Nomination.round_id == Round.id)
        .join(AwardForm, Nomination.award_form_id == AwardForm.id)
        .where(Nomination.subject_id.in_(ids), Round.year == year)
    )
    for nomination, round_, form in session.execute(query):
        peer = PeerNomination(nomination.id, form.code, form.name, round_.id, round_.kind, nomination.status,
                              round_.name)
        found[nomination.subject_id].append(peer)
    return found


def _chunks(ids: list[int], size: int = 500):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _members(session: Session, collective_id: int, year: int, forms: FormIndex) -> tuple[MemberFact, ...]:
    people = list(session.execute(
        select(Subject.id, Subject.name).where(
            Subject.collective_id == collective_id, Subject.kind == SubjectKind.INDIVIDUAL
        )
    ))
    names = {row.id: row.name for row in people}
    members: list[MemberFact] = []
    for chunk in _chunks(list(names)):
        awards = _awards_by_subject(session, chunk, year, forms)
        holds = _holds_by_subject(session, chunk)
        peers = _peers_by_subject(session, chunk, year)
        members += [
            MemberFact(i, names[i], tuple(awards[i]), tuple(holds[i]), tuple(peers[i])) for i in chunk
        ]
    return tuple(members)


def nomination_facts(
    session: Session, subject: Subject, form: AwardForm, round_: Round, today: dt.date,
    nomination_id: int | None = None, forms: FormIndex | None = None, with_members: bool = True,
) -> NominationFacts:
    """The facts for one nomination (or a planned one, nomination_id None).

    A collective's members are read only `with_members`: the collective rules need them, the checks made
    when a nomination is created do not.
    """
    forms = forms or FormIndex(session)
    year = round_.year
    ids = [subject.id]
    return NominationFacts(
        nomination_id=nomination_id,
        subject_kind=subject.kind,
        form_code=form.code,
        form_name=form.name,
        form_kind=form.kind,
        form_kinds=tuple(k for k in SubjectKind if form.applies_to(k)),
        round_id=round_.id,
        round_kind=round_.kind,
        year=year,
        on_date=today,
        awards=tuple(_awards_by_subject(session, ids, year, forms, nomination_id)[subject.id]),
        holds=tuple(_holds_by_subject(session, ids)[subject.id]),
        peers=tuple(_peers_by_subject(session, ids, year)[subject.id]),
        member_count=subject.member_count,
        members=(_members(session, subject.id, year, forms)
                 if with_members and subject.kind is SubjectKind.COLLECTIVE else ()),
    )
