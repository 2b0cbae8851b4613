"""Names and other text with a control character are refused at the service boundary, on SQLite and on
PostgreSQL alike (where NUL was a DataError and was silently stored on SQLite), naming the field."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.errors import ValidationError
from app.models import Gender, Subject, SubjectKind, Unit
from app.services.rounds import RoundInput, create_round
from app.services.subjects import AwardInput, SubjectInput, create_subject
from app.services.units import UnitInput, create_unit

pytestmark = pytest.mark.both_backends


def _count(db, model) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("ch", ["\x00", "\x1b", "\x07", "\x7f", "\x9b"])
def test_a_subject_name_with_a_control_character_is_refused(commune_db, ch) -> None:
    before = _count(commune_db, Subject)
    data = SubjectInput(kind=SubjectKind.INDIVIDUAL, name=f"Nguyễn{ch}Văn Đạt", gender=Gender.MALE)
    with pytest.raises(ValidationError) as caught:
        create_subject(commune_db, data)
    assert set(caught.value.errors) == {"name"}
    assert caught.value.errors["name"].startswith("Họ và tên: có ký tự điều khiển")
    assert _count(commune_db, Subject) == before


def test_every_text_field_of_a_subject_is_checked(commune_db) -> None:
    data = SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Lê Thị Hoa", gender=Gender.FEMALE,
                        address="Thôn\x00Đông", note="ghi\x1bchú",
                        awards=[AwardInput(form_name="Giấy khen", year=2020, issuer="UBND\x00xã")])
    with pytest.raises(ValidationError) as caught:
        create_subject(commune_db, data)
    assert set(caught.value.errors) == {"address", "note", "awards.1.issuer"}
    assert caught.value.errors["address"].startswith("Địa chỉ: có ký tự điều khiển không in được U+0000")


def test_unit_and_round_texts_are_checked(commune_db) -> None:
    before = _count(commune_db, Unit)
    with pytest.raises(ValidationError) as caught:
        create_unit(commune_db, UnitInput(name="Thôn Bắc", note="a\x00b", phone="\x1b"))
    assert set(caught.value.errors) == {"note", "phone"}
    assert _count(commune_db, Unit) == before
    with pytest.raises(ValidationError) as caught:
        create_round(commune_db, RoundInput(name="Đợt\x00một", year=2026))
    assert "name" in caught.value.errors


def test_tabs_and_line_breaks_are_white_space_not_refused(commune_db) -> None:
    detail = create_subject(commune_db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Lê\tThị\nHoa",
                                                     gender=Gender.FEMALE))
    assert detail.name == "Lê Thị Hoa"
