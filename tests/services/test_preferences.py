"""Preferences: defaults, validation naming the field in Vietnamese, saved whole or not at all."""

from __future__ import annotations

import pytest
from duty_data import add_blocs

from app.errors import ValidationError
from app.services.preferences import Preferences, load_preferences, save_preferences
from app.services.settings import BASE_SALARY, DUTY_DAY, DUTY_ROTA_MODE, get_setting
from app.services.units import list_blocs

pytestmark = pytest.mark.both_backends


def test_defaults(db):
    blocs = add_blocs(db, "Khối thôn", "Khối cơ quan")
    assert load_preferences(db) == Preferences(
        base_salary=2_340_000, duty_day=5, duty_rota_mode="all_units", bloc_rota=blocs
    )


def test_save_and_load(db):
    first, second = add_blocs(db, "Khối thôn", "Khối cơ quan")
    prefs = Preferences(base_salary=2_530_000, duty_day=10, duty_rota_mode="bloc_on_turn",
                        bloc_rota=[second, first])
    save_preferences(db, prefs)
    assert load_preferences(db) == prefs
    assert [b.name for b in list_blocs(db)] == ["Khối cơ quan", "Khối thôn"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"base_salary": None}, "base_salary", "Mức lương cơ sở (đồng/tháng): không được để trống."),
        ({"base_salary": 0}, "base_salary", "Mức lương cơ sở (đồng/tháng): phải từ 1 đến 1.000.000.000."),
        ({"duty_day": 29}, "duty_day",
         "Hạn giới thiệu điển hình (ngày của tháng cuối quý): phải từ 1 đến 28."),
        ({"duty_day": 0}, "duty_day",
         "Hạn giới thiệu điển hình (ngày của tháng cuối quý): phải từ 1 đến 28."),
        ({"duty_rota_mode": "mỗi tháng"}, "duty_rota_mode",
         "Đơn vị phải giới thiệu điển hình mỗi quý: hãy chọn một trong các cách có sẵn."),
        ({"bloc_rota": [999]}, "bloc_rota",
         "Thứ tự trực của các khối thi đua: danh sách khối đã thay đổi, hãy mở lại hộp thoại."),
    ],
)
def test_a_bad_value_names_the_field_and_saves_nothing(db, changes, field, message):
    good = {"base_salary": 3_000_000, "duty_day": 12, "duty_rota_mode": "bloc_on_turn"}
    prefs = Preferences(**(good | changes))
    with pytest.raises(ValidationError) as caught:
        save_preferences(db, prefs)
    assert caught.value.errors == {field: message}
    assert get_setting(db, BASE_SALARY) == 2_340_000
    assert get_setting(db, DUTY_DAY) == 5
    assert get_setting(db, DUTY_ROTA_MODE) == "all_units"
