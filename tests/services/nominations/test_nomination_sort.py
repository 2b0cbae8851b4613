"""The nominations list sorted by each of its columns through the query: empty values last either way,
ties in the official order (forms in the catalogue's order, then names in official-list order)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.models import AwardForm, Gender, SubjectKind
from app.models.enums import RoundKind
from app.services.nominations.crud import create_nomination, update_report
from app.services.nominations.data import NominationInput, ReportInput
from app.services.nominations.flow import propose
from app.services.nominations.queries import NOMINATION_SORTS, get_nomination, list_nominations
from app.services.rounds import RoundInput, create_round
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput
from app.services.units import UnitInput, create_unit

pytestmark = pytest.mark.both_backends

TODAY = dt.date(2026, 11, 21)
ANH, ANH2, DUNG, CHI_HOI = "Lê Đức Anh", "Trần Thị Ánh", "Phạm Thị Dung", "Chi hội Phụ nữ thôn Đông"


@pytest.fixture
def round_id(commune_db) -> int:
    with commune_db.read() as session:
        forms = {f.code: f.id for f in session.scalars(select(AwardForm))}
    units = {name: create_unit(commune_db, UnitInput(name=name)) for name in ("Thôn Đông", "Thôn Bắc")}
    round_id = create_round(commune_db, RoundInput(name="Tổng kết năm 2026", kind=RoundKind.YEAR_END,
                                                   year=2026, deadline=dt.date(2026, 12, 10)))
    # (name, kind, unit, form, proposing unit (none: the subject's own unit), proposed)
    for name, kind, unit, form, proposing, proposed in (
        (ANH2, SubjectKind.INDIVIDUAL, "Thôn Bắc", "LDTT", "Thôn Bắc", True),
        (ANH, SubjectKind.INDIVIDUAL, "Thôn Đông", "LDTT", None, False),
        (DUNG, SubjectKind.INDIVIDUAL, None, "GIAY_KHEN", None, False),
        (CHI_HOI, SubjectKind.COLLECTIVE, "Thôn Đông", "TTLDTT", None, False),
    ):
        extra = {"gender": Gender.FEMALE} if kind is SubjectKind.INDIVIDUAL else {}
        subject = create_subject(commune_db, SubjectInput(kind=kind, name=name, unit_id=units.get(unit),
                                                          **extra), today=TODAY).id
        nomination = create_nomination(
            commune_db, NominationInput(round_id, subject, forms[form], units.get(proposing)), today=TODAY,
            confirmed=True)
        if proposed:
            version = get_nomination(commune_db, nomination, TODAY).version
            update_report(commune_db, nomination, ReportInput(achievements="Hoàn thành tốt"), version)
            propose(commune_db, nomination)
    return round_id


def names(db, round_id: int, sort: str, descending: bool = False) -> list[str]:
    return [row.subject_name for row in list_nominations(db, round_id=round_id, sort=sort,
                                                         descending=descending)]


# Each column's order on the small set, ascending; then descending (empty values still last).
EXPECTED = {
    "form": ([ANH, ANH2, CHI_HOI, DUNG], None),
    "subject_name": ([ANH, ANH2, CHI_HOI, DUNG], [DUNG, CHI_HOI, ANH2, ANH]),
    "subject_kind": ([ANH, ANH2, DUNG, CHI_HOI], [CHI_HOI, ANH, ANH2, DUNG]),
    "unit_name": ([ANH2, ANH, CHI_HOI, DUNG], [ANH, CHI_HOI, ANH2, DUNG]),
    "proposing_unit_name": ([ANH2, ANH, CHI_HOI, DUNG], [ANH, CHI_HOI, ANH2, DUNG]),
    "status": ([ANH, CHI_HOI, DUNG, ANH2], [ANH2, ANH, CHI_HOI, DUNG]),
}


@pytest.mark.parametrize("sort", NOMINATION_SORTS)
def test_each_column_sorts_through_the_query(commune_db, round_id, sort) -> None:
    ascending, descending = EXPECTED[sort]
    assert names(commune_db, round_id, sort) == ascending
    if descending is not None:
        assert names(commune_db, round_id, sort, descending=True) == descending


def test_an_unknown_sort_is_refused(commune_db, round_id) -> None:
    with pytest.raises(ValueError, match="no such sort"):
        list_nominations(commune_db, sort="nothing")
