"""Vietnamese text rules: normalisation, folding, name order, dates and numbers."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.rules.vntext import (
    fold,
    name_sort_key,
    normalize_text,
    parse_vn_date,
    place_names,
    text_sort_key,
    vn_date,
    vn_money,
    vn_money_words,
    vn_number,
    vn_number_words,
)

VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmno"
    "òóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
word = st.text(alphabet=VIETNAMESE_LETTERS, min_size=1, max_size=7)
name = st.lists(word, min_size=2, max_size=4).map(lambda ws: " ".join(w.capitalize() for w in ws))


@given(st.text())
def test_normalize_is_idempotent_and_nfc(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)


@given(name)
def test_fold_ignores_composition_and_case(full_name: str) -> None:
    decomposed = unicodedata.normalize("NFD", full_name)
    assert fold(decomposed) == fold(full_name) == fold(full_name.upper())
    assert fold(full_name).isascii()


def test_fold_examples() -> None:
    assert fold("Nguyễn Văn Đạt") == "nguyen van dat"
    assert fold("  ĐẶNG   thị  Ánh ") == "dang thi anh"


@given(name)
def test_name_key_invariant_under_nfd(full_name: str) -> None:
    assert name_sort_key(unicodedata.normalize("NFD", full_name)) == name_sort_key(full_name)


def _sorted(names: list[str]) -> list[str]:
    return sorted(names, key=name_sort_key)


def test_names_sort_by_given_then_middle_then_family() -> None:
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Phạm Thị Bình", "Nguyễn Văn An"]
    assert _sorted(names) == [
        "Nguyễn Thị An",
        "Lê Văn An",
        "Nguyễn Văn An",
        "Phạm Thị Bình",
        "Trần Văn Bình",
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Nguyễn Văn Anh", "Nguyễn Văn Ánh"),  # no tone before sắc
        ("Lê Văn Dũng", "Lê Văn Đông"),  # d before đ
        ("Lê Thị Dương", "Lê Thị Đào"),  # d before đ whatever follows
        ("Lê Văn Oanh", "Lê Văn Ơn"),  # o before ơ
        ("Lê Văn Ung", "Lê Văn Ưng"),  # u before ư
        ("Lê Thị Ân", "Lê Thị Bé"),  # â before b
        ("Trần An", "Hoàng Bá An"),  # given name equal: middle name decides, none before any
    ],
)
def test_vietnamese_alphabet_order(first: str, second: str) -> None:
    assert name_sort_key(first) < name_sort_key(second)


@given(st.lists(name, min_size=1, max_size=8))
def test_order_does_not_depend_on_input_order(names: list[str]) -> None:
    assert _sorted(list(reversed(names))) == _sorted(names)


@given(name, name)
def test_given_name_decides_first(first: str, second: str) -> None:
    given_first, given_second = first.split()[-1], second.split()[-1]
    if fold(given_first) != fold(given_second):
        assert (name_sort_key(first) < name_sort_key(second)) == (
            name_sort_key(given_first) < name_sort_key(given_second)
        )


def test_text_sort_key_keeps_written_order() -> None:
    assert text_sort_key("Chi bộ thôn Đông") < text_sort_key("Đoàn Thanh niên")


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
        (dt.date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
        (dt.date(2025, 3, 9), "ngày 09 tháng 3 năm 2025"),
        (dt.date(2025, 12, 10), "ngày 10 tháng 12 năm 2025"),
    ],
)
def test_vn_date(day: dt.date, text: str) -> None:
    assert vn_date(day) == text


def test_vn_numbers() -> None:
    assert vn_number(1500000) == "1.500.000"
    assert vn_number(999) == "999"
    assert vn_money(702000) == "702.000 đồng"
    assert vn_number(-2340000) == "-2.340.000"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_parse_vn_date_round_trips(day: dt.date) -> None:
    assert parse_vn_date(day.strftime("%d/%m/%Y")) == day
    assert parse_vn_date(f"{day.day}/{day.month}/{day.year}") == day


@pytest.mark.parametrize("bad", ["", "31/02/2026", "hôm qua", "1/2", "a/b/c"])
def test_parse_vn_date_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_vn_date(bad)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "không"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (702_000, "bảy trăm linh hai nghìn"),
        (1_053_000, "một triệu không trăm năm mươi ba nghìn"),
        (1_000_005, "một triệu không trăm linh năm"),
        (1_404_000, "một triệu bốn trăm linh bốn nghìn"),
        (2_340_000, "hai triệu ba trăm bốn mươi nghìn"),
        (2_500_000_000, "hai tỷ năm trăm triệu"),
        (1_000_000_000_000, "một nghìn tỷ"),
    ],
)
def test_number_words(value: int, words: str) -> None:
    assert vn_number_words(value) == words


def test_money_words_capitalised_with_currency() -> None:
    assert vn_money_words(702_000) == "Bảy trăm linh hai nghìn đồng"


@pytest.mark.parametrize(
    ("full", "names"),
    [
        ("Xã Hòa Bình", ("Hòa Bình", "xã Hòa Bình")),
        ("Thị trấn Phong Châu", ("Phong Châu", "thị trấn Phong Châu")),
        ("Phường Đông Ba", ("Đông Ba", "phường Đông Ba")),
        ("Hòa Bình", ("Hòa Bình", "xã Hòa Bình")),
    ],
)
def test_place_names(full: str, names: tuple[str, str]) -> None:
    assert place_names(full) == names


def test_award_documents_read_a_bare_commune_name_as_a_commune() -> None:
    from app.exporters.award_content import Places

    values = Places("Thị trấn Phong Châu", "Tỉnh Phú Thọ", 2026).values()
    assert (values["place"], values["commune_lower"], values["COMMUNE"]) == (
        "Phong Châu", "thị trấn Phong Châu", "THỊ TRẤN PHONG CHÂU")
    assert Places("Hòa Bình", "Tỉnh Phú Thọ", 2026).values()["commune"] == "Xã Hòa Bình"
