"""Subjects: create, edit, delete, validation messages, history and holds."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from app.errors import ConflictError, NotFoundError, ValidationError
from app.models import AwardRecord, DisciplineLevel, Gender, HoldKind, Subject, SubjectKind
from app.services.subjects.crud import create_subject, delete_subject, get_subject, update_subject
from app.services.subjects.data import AwardInput, HoldInput, SubjectInput
from app.services.units import UnitInput, create_unit

pytestmark = pytest.mark.both_backends

TODAY = dt.date(2026, 11, 21)


def individual(**changes) -> SubjectInput:
    base = SubjectInput(
        kind=SubjectKind.INDIVIDUAL,
        name="Nguyễn Văn Đạt",
        gender=Gender.MALE,
        birth_year=1980,
        position="Trưởng thôn",
    )
    return dataclasses.replace(base, **changes)


def count_subjects(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Subject))


def test_create_normalises_text_to_nfc(commune_db) -> None:
    decomposed = "Nguye\u0302\u0303n  Va\u0306n   \u0110a\u0323t "
    detail = create_subject(commune_db, individual(name=decomposed), today=TODAY)
    assert detail.name == "Nguyễn Văn Đạt"
    with commune_db.read() as session:
        stored = session.get(Subject, detail.id)
        assert stored.name == "Nguyễn Văn Đạt"
        assert stored.name_norm == "nguyen van dat"


def test_other_kinds_columns_are_not_stored(commune_db) -> None:
    data = individual(kind=SubjectKind.HOUSEHOLD, name="Hộ ông Lê Văn Tám", head_name="Lê Văn Tám")
    detail = create_subject(commune_db, data, today=TODAY)
    assert detail.gender is None and detail.position == "" and detail.birth_year is None
    assert detail.head_name == "Lê Văn Tám"


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"name": "   "}, "name", "Họ và tên"),
        ({"gender": None}, "gender", "Giới tính"),
        ({"citizen_id": "12345"}, "citizen_id", "12 chữ số"),
        ({"citizen_id": "03720300123a"}, "citizen_id", "12 chữ số"),
        ({"birth_year": 1850}, "birth_year", "Năm sinh"),
        ({"birth_date": dt.date(2030, 1, 1), "birth_year": None}, "birth_date", "Ngày sinh"),
        ({"birth_date": dt.date(1980, 5, 1), "birth_year": 1981}, "birth_year", "không khớp"),
        ({"phone": "09x"}, "phone", "Số điện thoại"),
        ({"awards": [AwardInput(form_name="", year=2024)]}, "awards.1.form_name", "dòng 1"),
        ({"awards": [AwardInput(form_name="Lao động tiên tiến", year=None)]}, "awards.1.year", "năm"),
        (
            {"holds": [HoldInput(kind=HoldKind.DISCIPLINE, start_date=TODAY)]},
            "holds.1.discipline_level",
            "kỷ luật",
        ),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(commune_db, changes, field, fragment) -> None:
    with pytest.raises(ValidationError) as caught:
        create_subject(commune_db, individual(**changes), today=TODAY)
    assert field in caught.value.errors
    assert fragment in caught.value.errors[field]
    assert count_subjects(commune_db) == 0


def test_collective_female_members_cannot_exceed_members(commune_db) -> None:
    data = SubjectInput(kind=SubjectKind.COLLECTIVE, name="Chi hội Phụ nữ thôn Đông", member_count=10,
                        female_member_count=11)
    with pytest.raises(ValidationError) as caught:
        create_subject(commune_db, data, today=TODAY)
    assert "female_member_count" in caught.value.errors


def test_unknown_unit_is_refused(commune_db) -> None:
    with pytest.raises(ValidationError) as caught:
        create_subject(commune_db, individual(unit_id=999), today=TODAY)
    assert "unit_id" in caught.value.errors


def test_history_and_holds_saved_with_subject(commune_db) -> None:
    data = individual(
        awards=[AwardInput(form_name="Lao động tiên tiến", year=2024, decision_no="15/QĐ-UBND",
                           decision_date=dt.date(2024, 12, 20), issuer="Chủ tịch UBND xã Hòa Bình")],
        holds=[HoldInput(kind=HoldKind.DISCIPLINE, discipline_level=DisciplineLevel.WARNING,
                         start_date=dt.date(2026, 1, 10))],
    )
    detail = create_subject(commune_db, data, today=TODAY)
    again = get_subject(commune_db, detail.id)
    assert [a.decision_no for a in again.awards] == ["15/QĐ-UBND"]
    assert again.holds[0].discipline_level is DisciplineLevel.WARNING


def test_update_bumps_version_and_refuses_stale_copy(commune_db) -> None:
    detail = create_subject(commune_db, individual(), today=TODAY)
    saved = update_subject(commune_db, detail.id, individual(position="Bí thư chi bộ"), detail.version, TODAY)
    assert saved.version == detail.version + 1
    with pytest.raises(ConflictError):
        update_subject(commune_db, detail.id, individual(position="Công an viên"), detail.version, TODAY)
    assert get_subject(commune_db, detail.id).position == "Bí thư chi bộ"


def test_failed_update_leaves_record_unchanged(commune_db) -> None:
    detail = create_subject(commune_db, individual(), today=TODAY)
    with pytest.raises(ValidationError):
        update_subject(commune_db, detail.id, individual(name="", position="X"), detail.version, TODAY)
    assert get_subject(commune_db, detail.id).name == "Nguyễn Văn Đạt"


def test_delete_refused_when_history_exists(commune_db) -> None:
    data = individual(awards=[AwardInput(form_name="Giấy khen", year=2023)])
    detail = create_subject(commune_db, data, today=TODAY)
    with pytest.raises(ConflictError) as caught:
        delete_subject(commune_db, detail.id)
    assert "1 lần được khen thưởng" in str(caught.value)
    assert count_subjects(commune_db) == 1


def test_delete_removes_subject_without_history(commune_db) -> None:
    detail = create_subject(commune_db, individual(holds=[
        HoldInput(kind=HoldKind.COMPLAINT, start_date=dt.date(2026, 3, 1))]), today=TODAY)
    delete_subject(commune_db, detail.id)
    assert count_subjects(commune_db) == 0
    with pytest.raises(NotFoundError):
        get_subject(commune_db, detail.id)


def test_unit_with_subjects_cannot_be_deleted(commune_db) -> None:
    from app.services.units import delete_unit

    unit_id = create_unit(commune_db, UnitInput(name="Thôn Đông"))
    create_subject(commune_db, individual(unit_id=unit_id), today=TODAY)
    with pytest.raises(ConflictError) as caught:
        delete_unit(commune_db, unit_id)
    assert "còn 1 đối tượng" in str(caught.value)
    with commune_db.read() as session:
        assert session.scalar(select(func.count()).select_from(AwardRecord)) == 0
