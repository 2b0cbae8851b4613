"""Emulation movements: validation in Vietnamese, optimistic saving, the list order and search,
deletion refused while exemplars or rounds use a movement, and a movement's page."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from movement_helpers import add_form, add_round, nominate

from app.errors import ConflictError, NotFoundError, ValidationError
from app.models import Gender, MovementKind, NominationStatus, SubjectKind, UnitKind
from app.services.exemplars.crud import create_exemplar
from app.services.exemplars.data import ExemplarInput
from app.services.movements.crud import (
    create_movement,
    delete_movement,
    get_movement,
    list_movements,
    movement_overview,
    update_movement,
)
from app.services.movements.data import MovementInput
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput
from app.services.units import UnitInput, create_unit, list_fields

pytestmark = pytest.mark.both_backends

NEW_RURAL = "Chung tay xây dựng nông thôn mới"


def movement(db, name=NEW_RURAL, start=dt.date(2025, 1, 1), **extra) -> int:
    data = MovementInput(name=name, kind=extra.pop("kind", MovementKind.PERIODIC), start_date=start, **extra)
    return create_movement(db, data).id


def person(db, name: str, unit_id: int | None = None) -> int:
    return create_subject(db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.MALE,
                                           unit_id=unit_id)).id


def errors_of(db, **fields) -> dict[str, str]:
    values = {"name": NEW_RURAL, "kind": MovementKind.ONGOING, "start_date": dt.date(2025, 3, 1), **fields}
    with pytest.raises(ValidationError) as caught:
        create_movement(db, MovementInput(**values))
    return caught.value.errors


def test_create_and_read_a_movement(commune_db):
    field = list_fields(commune_db)[0]
    decomposed = unicodedata.normalize("NFD", "  Toàn dân   đoàn kết xây dựng đời sống văn hóa ")
    created = create_movement(commune_db, MovementInput(
        name=decomposed, kind=MovementKind.ONGOING, launched_by="UBND xã Hòa Bình",
        start_date=dt.date(2024, 1, 15), field_id=field.id, description="Chỉ tiêu: 90% hộ gia đình văn hóa.",
    ))
    detail = get_movement(commune_db, created.id)
    assert detail.name == "Toàn dân đoàn kết xây dựng đời sống văn hóa"
    assert unicodedata.is_normalized("NFC", detail.name)
    assert (detail.kind, detail.start_date) == (MovementKind.ONGOING, dt.date(2024, 1, 15))
    assert detail.end_date is None
    assert (detail.field_id, detail.field_name, detail.version) == (field.id, field.name, 1)


def test_required_fields_are_named_in_vietnamese(db):
    errors = errors_of(db, name="  ", kind=None, start_date=None)
    assert errors == {
        "name": "Tên phong trào: không được để trống.",
        "kind": "Loại phong trào: hãy chọn thường xuyên, theo đợt hoặc chuyên đề.",
        "start_date": "Ngày phát động: không được để trống.",
    }


def test_the_end_cannot_come_before_the_start(db):
    errors = errors_of(db, start_date=dt.date(2025, 6, 1), end_date=dt.date(2025, 5, 31))
    assert errors == {"end_date": "Ngày kết thúc: không được trước ngày phát động (01/06/2025)."}
    movement(db, start=dt.date(2025, 6, 1), end_date=dt.date(2025, 6, 1))  # one day is a period


def test_long_names_and_lost_fields_are_refused(db):
    errors = errors_of(db, name="a" * 301, launched_by="b" * 201, field_id=999)
    assert errors == {
        "name": "Tên phong trào: dài quá 300 ký tự.",
        "launched_by": "Cơ quan phát động: dài quá 200 ký tự.",
        "field_id": "Lĩnh vực: không còn trong danh sách, hãy chọn lại.",
    }
    assert list_movements(db) == []


def test_update_needs_the_version_it_was_read_at(db):
    movement_id = movement(db)
    first = get_movement(db, movement_id)
    changed = MovementInput(name="Chung tay xây dựng nông thôn mới nâng cao", kind=MovementKind.PERIODIC,
                            start_date=first.start_date, end_date=dt.date(2025, 12, 31))
    saved = update_movement(db, movement_id, changed, first.version)
    assert (saved.version, saved.end_date) == (2, dt.date(2025, 12, 31))
    with pytest.raises(ConflictError, match="vừa được sửa ở nơi khác"):
        update_movement(db, movement_id, MovementInput(**{**vars(changed), "name": "Khác"}), first.version)
    assert get_movement(db, movement_id).name == "Chung tay xây dựng nông thôn mới nâng cao"


def test_list_is_latest_first_then_by_name_and_searchable(db):
    movement(db, "Thi đua chào mừng Đại hội", dt.date(2025, 5, 1), kind=MovementKind.THEMATIC)
    movement(db, "Ánh sáng đường quê", dt.date(2025, 5, 1))
    movement(db, "Dân vận khéo", dt.date(2024, 2, 1), kind=MovementKind.ONGOING)
    movement(db, "Bảo vệ an ninh tổ quốc", dt.date(2026, 1, 1))
    names = [row.name for row in list_movements(db)]
    assert names == ["Bảo vệ an ninh tổ quốc", "Ánh sáng đường quê", "Thi đua chào mừng Đại hội",
                     "Dân vận khéo"]
    assert [r.name for r in list_movements(db, "dan van")] == ["Dân vận khéo"]
    assert [r.name for r in list_movements(db, "đường QUÊ")] == ["Ánh sáng đường quê"]
    assert [r.name for r in list_movements(db, kind=MovementKind.THEMATIC)] == ["Thi đua chào mừng Đại hội"]
    assert list_movements(db, "100%") == []


def test_delete_is_refused_while_exemplars_or_rounds_use_it(commune_db):
    movement_id = movement(commune_db)
    subject_id = person(commune_db, "Nguyễn Văn Đạt")
    create_exemplar(commune_db, ExemplarInput(subject_id=subject_id, movement_id=movement_id,
                                              introduced_on=dt.date(2025, 2, 1)))
    add_round(commune_db, movement_id)
    with pytest.raises(ConflictError) as caught:
        delete_movement(commune_db, movement_id)
    assert str(caught.value) == (
        f"Không xóa được phong trào “{NEW_RURAL}”: phong trào đã có 1 điển hình tiên tiến và 1 đợt xét "
        "khen thưởng. Hãy xóa hoặc chuyển chúng sang phong trào khác trước."
    )
    assert get_movement(commune_db, movement_id).name == NEW_RURAL


def test_delete_an_unused_movement(db):
    movement_id = movement(db)
    delete_movement(db, movement_id)
    with pytest.raises(NotFoundError, match="Không tìm thấy phong trào"):
        get_movement(db, movement_id)


# The movement's page ------------------------------------------------------------------------------


def test_overview_lists_its_exemplars_and_nominations(commune_db):
    village = create_unit(commune_db, UnitInput(name="Thôn Đông", kind=UnitKind.VILLAGE))
    ours, other = movement(commune_db), movement(commune_db, "Dân vận khéo")
    names = ("Nguyễn Văn Đạt", "Trần Thị Lan", "Lê Văn Hùng")
    dat, lan, hung = (person(commune_db, n, village) for n in names)
    ex_dat = create_exemplar(commune_db, ExemplarInput(subject_id=dat, movement_id=ours,
                                                       introduced_on=dt.date(2025, 3, 2))).id
    ex_other = create_exemplar(commune_db, ExemplarInput(subject_id=lan, movement_id=other,
                                                         introduced_on=dt.date(2025, 3, 2))).id
    form = add_form(commune_db)
    plain_round, our_round = add_round(commune_db, None, "Tổng kết năm 2025"), add_round(commune_db, ours)
    through_exemplar = nominate(commune_db, plain_round, dat, form, ex_dat, village)
    through_round = nominate(commune_db, our_round, hung, form)
    nominate(commune_db, plain_round, lan, form, ex_other)  # another movement's: not listed

    overview = movement_overview(commune_db, ours)
    assert overview.movement.name == NEW_RURAL
    assert [(e.id, e.subject_name, e.unit_name) for e in overview.exemplars] == [(ex_dat, "Nguyễn Văn Đạt",
                                                                                   "Thôn Đông")]
    rows = {n.id: n for n in overview.nominations}
    assert set(rows) == {through_exemplar, through_round}
    assert rows[through_exemplar].subject_name == "Nguyễn Văn Đạt"
    assert (rows[through_exemplar].round_name, rows[through_exemplar].unit_name) == ("Tổng kết năm 2025",
                                                                                    "Thôn Đông")
    assert rows[through_round].award_name == "Giấy khen của Chủ tịch UBND xã"
    assert rows[through_round].status is NominationStatus.DRAFT
    assert [r.exemplar_count for r in list_movements(commune_db) if r.id == ours] == [1]


def test_overview_of_a_deleted_movement(db):
    with pytest.raises(NotFoundError):
        movement_overview(db, 42)
