"""Units and blocs: validation, duplicates, deletion rules, listing order."""

from __future__ import annotations

import pytest

from app.errors import ConflictError, ValidationError
from app.models import UnitKind
from app.services.units import (
    UnitInput,
    create_bloc,
    create_unit,
    delete_unit,
    list_blocs,
    list_fields,
    list_units,
    update_unit,
)

pytestmark = pytest.mark.both_backends


def test_units_listed_in_vietnamese_order_with_bloc(commune_db) -> None:
    bloc = create_bloc(commune_db, "Khối thôn, tổ dân phố")
    for name in ["Thôn Đông", "Thôn Đoài", "Thôn Dưới", "Thôn Cả"]:
        create_unit(commune_db, UnitInput(name=name, kind=UnitKind.VILLAGE, bloc_id=bloc))
    rows = list_units(commune_db)
    assert [r.name for r in rows] == ["Thôn Cả", "Thôn Dưới", "Thôn Đoài", "Thôn Đông"]
    assert {r.bloc_name for r in rows} == {"Khối thôn, tổ dân phố"}
    assert [r.name for r in list_units(commune_db, "doai")] == ["Thôn Đoài"]


def test_duplicate_unit_name_refused_ignoring_accents(commune_db) -> None:
    create_unit(commune_db, UnitInput(name="Thôn Đông"))
    with pytest.raises(ValidationError) as caught:
        create_unit(commune_db, UnitInput(name="thôn  đông"))
    assert "đã có đơn vị" in caught.value.errors["name"]


def test_empty_unit_name_refused(commune_db) -> None:
    with pytest.raises(ValidationError) as caught:
        create_unit(commune_db, UnitInput(name=" "))
    assert caught.value.errors["name"].startswith("Tên đơn vị")


def test_rename_and_delete_empty_unit(commune_db) -> None:
    unit_id = create_unit(commune_db, UnitInput(name="Thôn Trung"))
    update_unit(commune_db, unit_id, UnitInput(name="Thôn Trung Hòa", kind=UnitKind.VILLAGE))
    assert [r.name for r in list_units(commune_db)] == ["Thôn Trung Hòa"]
    delete_unit(commune_db, unit_id)
    assert list_units(commune_db) == []


def test_bloc_names_unique_and_ordered(commune_db) -> None:
    create_bloc(commune_db, "Khối trường học")
    create_bloc(commune_db, "Khối Đảng, chính quyền, đoàn thể")
    with pytest.raises(ConflictError):
        create_bloc(commune_db, "Khối trường học")
    assert [b.name for b in list_blocs(commune_db)] == ["Khối trường học", "Khối Đảng, chính quyền, đoàn thể"]


def test_init_loads_default_fields_once(commune_db) -> None:
    from app.services.commune import initialise_commune
    from app.services.settings import load_commune_profile

    first = [f.name for f in list_fields(commune_db)]
    initialise_commune(commune_db, load_commune_profile(commune_db))
    assert [f.name for f in list_fields(commune_db)] == first
    assert "Giáo dục, đào tạo" in first
