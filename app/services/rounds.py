"""Rounds of review (đợt xét): a year-end review, a quarter, an ad-hoc or a thematic commendation."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import ConflictError, Validator
from app.models import Movement, Nomination, NominationStatus, Round, RoundKind, RoundStatus
from app.rules.duty import roman_quarter
from app.rules.vntext import normalize_text, vn_short_date
from app.services.records import check_version, get_or_not_found
from app.services.sorting import by_label, by_rank, by_text, order_by
from app.storage.database import Database
from app.storage.versions import bump_version

YEARS = (2000, 2100)


@dataclass
class RoundInput:
    name: str = ""
    kind: RoundKind = RoundKind.YEAR_END
    year: int | None = None
    quarter: int | None = None
    deadline: dt.date | None = None
    status: RoundStatus = RoundStatus.OPEN
    movement_id: int | None = None
    note: str = ""


@dataclass
class RoundDetail(RoundInput):
    id: int = 0
    version: int = 0
    movement_name: str = ""


@dataclass(frozen=True)
class RoundRow:
    id: int
    name: str
    kind: RoundKind
    year: int
    quarter: int | None
    deadline: dt.date | None
    status: RoundStatus
    movement_name: str
    nominations: int
    by_status: dict[NominationStatus, int]

    @property
    def deadline_text(self) -> str:
        return vn_short_date(self.deadline)

    def deadline_passed(self, today: dt.date) -> bool:
        return self.deadline is not None and today > self.deadline


def default_round_name(kind: RoundKind, year: int | None, quarter: int | None = None) -> str:
    if kind is RoundKind.YEAR_END:
        return f"Tổng kết phong trào thi đua năm {year}"
    if kind is RoundKind.QUARTER:
        return f"Khen thưởng quý {roman_quarter(quarter)}/{year}"
    return f"Khen thưởng {kind.label.lower()} năm {year}"


def _clean(data: RoundInput) -> RoundInput:
    return replace(data, name=normalize_text(data.name), note=normalize_text(data.note))


def _validate(session: Session, data: RoundInput) -> None:
    check = Validator()
    check.require("name", "Tên đợt xét", data.name)
    check.max_length("name", "Tên đợt xét", data.name, 300)
    check.plain_text("note", "Ghi chú", data.note)
    if data.year is None or not YEARS[0] <= data.year <= YEARS[1]:
        check.add("year", f"Năm: phải từ {YEARS[0]} đến {YEARS[1]}.")
    if data.kind is RoundKind.QUARTER and data.quarter not in (1, 2, 3, 4):
        check.add("quarter", "Quý: đợt xét theo quý phải chọn quý 1, 2, 3 hoặc 4.")
    if data.kind is RoundKind.THEMATIC and data.movement_id is None:
        check.add("movement_id", "Phong trào: đợt khen thưởng chuyên đề phải gắn với một phong trào.")
    if data.movement_id is not None and session.get(Movement, data.movement_id) is None:
        check.add("movement_id", "Phong trào: không còn trong danh sách, hãy chọn lại.")
    check.raise_if_any()


def _apply(round_: Round, data: RoundInput) -> None:
    round_.name, round_.kind, round_.year = data.name, data.kind, data.year
    round_.quarter = data.quarter if data.kind is RoundKind.QUARTER else None
    round_.deadline, round_.status = data.deadline, data.status
    round_.movement_id, round_.note = data.movement_id, data.note


def create_round(db: Database, data: RoundInput) -> int:
    clean = _clean(data)
    with db.transaction() as session:
        _validate(session, clean)
        round_ = Round(version=1)
        _apply(round_, clean)
        session.add(round_)
        session.flush()
        return round_.id


def update_round(db: Database, round_id: int, data: RoundInput, expected_version: int) -> None:
    clean = _clean(data)
    with db.transaction() as session:
        round_ = get_round_row(session, round_id)
        check_version(round_, expected_version, f"Đợt xét “{round_.name}”", "Hãy mở lại rồi sửa.")
        _validate(session, clean)
        _apply(round_, clean)
        bump_version(round_)


def delete_round(db: Database, round_id: int) -> None:
    with db.transaction() as session:
        round_ = get_round_row(session, round_id)
        count = session.scalar(select(func.count()).where(Nomination.round_id == round_id))
        if count:
            raise ConflictError(
                f"Không xóa được đợt “{round_.name}”: đợt đã có {count} hồ sơ đề nghị. "
                "Hãy xóa các hồ sơ nháp trước, hoặc chuyển đợt sang “Đã kết thúc”."
            )
        session.delete(round_)


def get_round(db: Database, round_id: int) -> RoundDetail:
    with db.read() as session:
        round_ = get_round_row(session, round_id)
        return RoundDetail(
            id=round_.id, version=round_.version, name=round_.name, kind=round_.kind, year=round_.year,
            quarter=round_.quarter, deadline=round_.deadline, status=round_.status,
            movement_id=round_.movement_id, note=round_.note,
            movement_name=round_.movement.name if round_.movement else "",
        )


def get_round_row(session: Session, round_id: int) -> Round:
    return get_or_not_found(session, Round, round_id, "đợt xét số")


# The rounds list's sorts: RoundRow's fields, and its nominations counted awaiting the council
# ("appraised"), passed (decided too) and failed.
ROUND_SORTS = ("name", "kind", "year", "quarter", "deadline", "status", "nominations", "appraised", "passed",
               "failed")


def _counted(*statuses: NominationStatus):
    """A round's nominations (in these statuses) counted, as a sort key."""
    counted = select(func.count()).where(Nomination.round_id == Round.id)
    return (counted.where(Nomination.status.in_(statuses)) if statuses else counted).scalar_subquery()


def _round_keys() -> dict:
    return dict(zip(ROUND_SORTS, (
        by_text(Round.name), by_label(Round.kind, RoundKind), Round.year, Round.quarter, Round.deadline,
        # The path's order (nhận hồ sơ, đang xét, đã kết thúc), not the labels' alphabet.
        by_rank(Round.status, RoundStatus),
        _counted(), _counted(NominationStatus.APPRAISED),
        _counted(NominationStatus.PASSED, NominationStatus.DECIDED), _counted(NominationStatus.FAILED),
    ), strict=True))


def list_rounds(db: Database, year: int | None = None, *, sort: str = "year",
                descending: bool = True) -> list[RoundRow]:
    """Sorted by the query on one of ROUND_SORTS (empty values last), then newest first (by default,
    newest first); each with its nominations counted by status."""
    with db.read() as session:
        newest = (Round.year.desc(), Round.deadline.desc(), Round.id.desc())
        query = select(Round).order_by(*order_by(_round_keys(), sort, descending, *newest))
        if year is not None:
            query = query.where(Round.year == year)
        rounds = list(session.scalars(query))
        counts: dict[int, Counter] = {r.id: Counter() for r in rounds}
        rows = session.execute(
            select(Nomination.round_id, Nomination.status, func.count()).group_by(
                Nomination.round_id, Nomination.status
            )
        )
        for round_id, status, count in rows:
            if round_id in counts:
                counts[round_id][status] = count
        return [_row(r, counts[r.id]) for r in rounds]


def _row(round_: Round, counts: Counter) -> RoundRow:
    return RoundRow(
        id=round_.id, name=round_.name, kind=round_.kind, year=round_.year, quarter=round_.quarter,
        deadline=round_.deadline, status=round_.status,
        movement_name=round_.movement.name if round_.movement else "",
        nominations=sum(counts.values()), by_status=dict(counts),
    )
