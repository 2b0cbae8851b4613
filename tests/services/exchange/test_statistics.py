"""Statistics against data whose counts are known: made through the real services, counted by SQL."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import ValidationError
from app.models import Gender, OccupationGroup, SubjectKind, UnitKind
from app.services.exchange import StatsFilter, commendation_statistics
from app.services.subjects.crud import create_subject
from app.services.subjects.data import AwardInput, SubjectInput
from app.services.units import UnitInput, create_unit, ensure_fields, list_fields

pytestmark = pytest.mark.both_backends
TODAY = dt.date(2026, 11, 21)


def award(form: str, year: int, month: int | None = None) -> AwardInput:
    day = dt.date(year, month, 10) if month else None
    return AwardInput(form_name=form, year=year, decision_date=day, issuer="Chủ tịch UBND xã Thử")


@pytest.fixture
def known(db):
    ensure_fields(db, ["Giáo dục", "Nông nghiệp"])
    fields = {row.name: row.id for row in list_fields(db)}
    village = create_unit(db, UnitInput(name="Thôn Một", kind=UnitKind.VILLAGE))
    school = create_unit(db, UnitInput(name="Trường Tiểu học", kind=UnitKind.SCHOOL))
    people = [
        # name, gender, group, unit, field, awards
        ("Nguyễn Văn A", Gender.MALE, OccupationGroup.FARMER, village, "Nông nghiệp",
         [award("Lao động tiên tiến", 2024, 12), award("Lao động tiên tiến", 2025, 12)]),
        ("Trần Thị B", Gender.FEMALE, OccupationGroup.CIVIL_SERVANT, school, "Giáo dục",
         [award("Lao động tiên tiến", 2025, 5), award("Giấy khen", 2025, 8)]),
        ("Lê Thị C", Gender.FEMALE, OccupationGroup.WORKER, village, None, [award("Giấy khen", 2025, 8)]),
        ("Phạm Văn D", Gender.MALE, None, None, None, [award("Giấy khen", 2025)]),  # no date, no group
    ]
    for name, gender, group, unit, field, awards in people:
        data = SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=gender, occupation_group=group,
                            unit_id=unit, field_id=fields[field] if field else None, awards=awards)
        create_subject(db, data, today=TODAY)
    create_subject(db, SubjectInput(kind=SubjectKind.HOUSEHOLD, name="Hộ ông E", head_name="Võ Văn E",
                                    unit_id=village,
                                    awards=[award("Gia đình văn hóa", 2025, 12)]), today=TODAY)
    return db


def counts(items) -> dict[str, int]:
    return {item.label: item.count for item in items}


def test_every_year(known) -> None:
    stats = commendation_statistics(known, StatsFilter(), TODAY)
    assert stats.total == 7
    assert counts(stats.by_year) == {"2024": 1, "2025": 6}
    assert [c.label for c in stats.by_year] == ["2024", "2025"]
    assert counts(stats.by_form) == {"Lao động tiên tiến": 3, "Giấy khen": 3, "Gia đình văn hóa": 1}
    assert counts(stats.by_kind) == {"Cá nhân": 6, "Hộ gia đình": 1}
    assert counts(stats.by_gender) == {"Nam": 3, "Nữ": 3}
    assert counts(stats.by_occupation) == {"Nông dân": 2, "Cán bộ, công chức, viên chức": 2, "Công nhân": 1,
                                           "Chưa xác định": 1}
    assert stats.individuals == 6 and stats.direct_workers == 3 and stats.direct_share == 0.5
    assert counts(stats.by_unit) == {"Thôn Một": 4, "Trường Tiểu học": 2, "Chưa xác định": 1}
    assert counts(stats.by_field) == {"Nông nghiệp": 2, "Giáo dục": 2, "Chưa xác định": 3}
    assert counts(stats.by_movement) == {"Không gắn phong trào": 7}
    assert stats.duty == []  # the duty is counted for a chosen year


def test_one_year_and_one_quarter(known) -> None:
    year = commendation_statistics(known, StatsFilter(2025), TODAY)
    assert year.total == 6 and counts(year.by_year) == {"2025": 6}
    assert [d.quarter for d in year.duty] == [1, 2, 3, 4]
    assert all(d.owing == 2 and d.on_time == 0 for d in year.duty)  # two units, no exemplar introduced
    third = commendation_statistics(known, StatsFilter(2025, 3), TODAY)
    assert third.total == 2 and counts(third.by_form) == {"Giấy khen": 2}  # the undated one is left out
    assert counts(third.by_gender) == {"Nữ": 2}
    assert [d.quarter for d in third.duty] == [3]
    fourth = commendation_statistics(known, StatsFilter(2025, 4), TODAY)
    assert counts(fourth.by_kind) == {"Cá nhân": 1, "Hộ gia đình": 1}
    assert counts(commendation_statistics(known, StatsFilter(2023), TODAY).by_form) == {}


def test_exemplar_stages_are_all_listed_even_at_zero(known) -> None:
    stats = commendation_statistics(known, StatsFilter(2025), TODAY)
    assert [c.label for c in stats.exemplars_by_stage] == ["Phát hiện", "Bồi dưỡng", "Tổng kết", "Nhân rộng"]
    assert all(c.count == 0 for c in stats.exemplars_by_stage)


BAD_FILTERS = [(StatsFilter(2025, 5), "quarter"), (StatsFilter(None, 2), "quarter"),
               (StatsFilter(20250), "year")]


@pytest.mark.parametrize(("chosen", "field"), BAD_FILTERS)
def test_a_bad_filter_names_its_field(db, chosen, field) -> None:
    with pytest.raises(ValidationError) as refused:
        commendation_statistics(db, chosen, TODAY)
    assert field in refused.value.errors


def test_percent_text_never_shows_a_real_share_as_nothing() -> None:
    from app.services.exchange import percent_text

    assert [percent_text(1, 535), percent_text(0, 535), percent_text(312, 535), percent_text(3, 0)] == [
        "<1%", "0%", "58%", "—"]
