"""The text of an imported cell: the old TCVN3 and VNI encodings (converted both ways and recognised),
headers matched whatever their accents, capitals and spaces, dates read day before month."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.exchange.cells import CellProblem, citizen_id_digits, parse_birth, phone_digits
from app.services.exchange.columns import FIELDS, header_key, match_header
from app.services.exchange.encodings import (
    UNICODE_TO_TCVN3,
    UNICODE_TO_VNI,
    Detection,
    Encoding,
    detect,
    tcvn3_to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)

TODAY = dt.date(2026, 12, 2)
TCVN3_TEXT = st.text(alphabet=st.sampled_from(sorted(set(UNICODE_TO_TCVN3) | set("abcdeghiklmnopqrstuvxy "))))
VNI_TEXT = st.text(alphabet=st.sampled_from(sorted(set(UNICODE_TO_VNI) | set("bcdghklmnpqrstvxBCDGHKLMNPQ"))))
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Đinh", "Lương", "Trương", "Lò", "Hà"]
GIVEN = ["Văn", "Thị", "Đức", "Minh", "Thu", "Hương", "Quốc", "Thanh", "Ngọc", "Xuân", "Hữu", "Phương",
         "Tuấn", "Dũng", "Hằng", "Nguyệt", "Khoa", "Trường", "Thủy", "Lựu", "Yến", "Chiến", "Đạt", "Giang"]
NAMES = st.builds(lambda s, g: " ".join([s, *g]), st.sampled_from(SURNAMES),
                  st.lists(st.sampled_from(GIVEN), min_size=1, max_size=3))


@given(TCVN3_TEXT)
def test_tcvn3_round_trip(text):
    assert tcvn3_to_unicode(unicode_to_tcvn3(text)) == text


@given(VNI_TEXT)
def test_vni_round_trip(text):
    assert vni_to_unicode(unicode_to_vni(text)) == text


@given(NAMES)
def test_names_in_old_fonts_never_misread(name):
    lower = name.lower()  # TCVN3 has no capital toned letters (its capitals were another font)
    tcvn3 = detect(unicode_to_tcvn3(lower))
    # A name whose codes also read as a Vietnamese name ("vò minh" is "vũ minh") stays as it is; the
    # import then goes by the whole column.
    as_typed = unicode_to_tcvn3(lower)
    assert (tcvn3.encoding, tcvn3.text) in ((Encoding.TCVN3, lower), (Encoding.UNICODE, as_typed))
    vni = detect(unicode_to_vni(name))
    assert (vni.encoding, vni.text) in ((Encoding.VNI, name), (Encoding.UNICODE, unicode_to_vni(name)))
    assert detect(name).encoding is Encoding.UNICODE and detect(name).text == name


@given(st.lists(NAMES, min_size=8, max_size=20, unique=True))
def test_a_column_of_names_is_recognised(names):
    column = " ".join(names)
    assert detect(unicode_to_tcvn3(column.lower())) == Detection(Encoding.TCVN3, column.lower())
    assert detect(unicode_to_vni(column)) == Detection(Encoding.VNI, column)


def test_real_cells():
    assert detect("NguyÔn V¨n An").text == "Nguyễn Văn An"
    assert detect("Nguyeãn Vaên An").text == "Nguyễn Văn An"
    assert detect("Hoà Bình").encoding is Encoding.UNICODE  # the old place of the tone is still Unicode


def test_ambiguous_cell_is_undecided():
    assert detect("José Müller").encoding is None


def header_variants(alias: str):
    folded = "".join(c for c in unicodedata.normalize("NFD", alias) if not unicodedata.combining(c))
    return st.sampled_from([alias, alias.upper(), alias.lower(), f"  {alias}  ", alias.replace(" ", "  "),
                            unicodedata.normalize("NFD", alias), folded.replace("đ", "d").replace("Đ", "D"),
                            f"{alias}:", f"{alias} (ghi rõ)"])


# Short aliases ("TT", "Tên", "Loại") are matched only whole, so they are not tried inside longer headers.
ALIASES = [(f.key, alias) for f in FIELDS for alias in f.aliases if len(header_key(alias)) > 4]


@given(st.sampled_from(ALIASES).flatmap(lambda pair: st.tuples(st.just(pair[0]), header_variants(pair[1]))))
def test_header_found_whatever_its_spelling(pair):
    key, header = pair
    assert match_header(header) == key


def test_headers():
    assert match_header("HỌ VÀ TÊN") == match_header("Họ tên") == "name"
    assert match_header("Tên tập thể") == "collective_name"
    assert match_header("Năm sinh") == match_header("Ngày sinh") == "birth"
    assert match_header("Số CCCD") == "citizen_id" and match_header("Điện thoại") == "phone"
    assert match_header("Ghi chú khác") == "note" and match_header("Xếp loại") is None


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY))
def test_dates_day_before_month(day):
    for text in (f"{day:%d/%m/%Y}", f"{day.day}-{day.month}-{day.year}", f"{day.day}.{day.month}.{day.year}",
                 f"ngày {day.day} tháng {day.month} năm {day.year}", day.isoformat()):
        assert parse_birth(text, TODAY).date == day
    assert parse_birth(dt.datetime.combine(day, dt.time()), TODAY).date == day
    assert parse_birth(str(day.year), TODAY).year == day.year
    assert parse_birth(day.year, TODAY).year == day.year


@pytest.mark.parametrize(("text", "message"), [
    ("31/02/1980", "ngày 31/02/1980 không có thật"),
    ("29/02/1981", "ngày 29/02/1981 không có thật"),
    ("hôm qua", "không đọc được thành ngày sinh"),
])
def test_bad_dates(text, message):
    with pytest.raises(CellProblem, match=message):
        parse_birth(text, TODAY)


def test_leading_zeros():
    assert citizen_id_digits(1085012345) == "001085012345"  # a number cell lost two zeros
    assert citizen_id_digits(12345678901) == "012345678901"
    assert citizen_id_digits("01234567890") == "01234567890"  # typed as text: kept as typed (then refused)
    assert citizen_id_digits("001 085 012 345") == "001085012345"
    assert phone_digits(912345678) == "0912345678" and phone_digits("0912.345.678") == "0912345678"
