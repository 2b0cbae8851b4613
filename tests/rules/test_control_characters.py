"""Control characters and lone surrogates are found wherever text is entered, and named in the message."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError, Validator, character_refusal, forbidden_character

CONTROLS = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0))]


@pytest.mark.parametrize("ch", CONTROLS)
def test_every_control_character_but_white_space_is_forbidden(ch: str) -> None:
    assert forbidden_character(f"Nguyễn{ch}Văn") == ch


def test_tab_and_line_breaks_vietnamese_and_other_scripts_are_allowed() -> None:
    assert forbidden_character("Nguyễn Văn Đạt\tthôn Đông\r\nĐoàn Thanh niên — 中文 ✓") is None
    assert forbidden_character("") is None and forbidden_character(None) is None


def test_a_lone_surrogate_is_forbidden_and_said_to_be_no_utf8() -> None:
    assert forbidden_character("a\udcffb") == "\udcff"
    assert "UTF-8" in character_refusal("\udcff")


def test_the_message_names_the_field_and_the_character() -> None:
    check = Validator()
    check.require("name", "Họ và tên", "Lan\x1b[31m")
    with pytest.raises(ValidationError) as caught:
        check.raise_if_any()
    assert caught.value.errors == {
        "name": "Họ và tên: có ký tự điều khiển không in được U+001B (ESC), hãy xóa ký tự đó."}


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=50))
def test_text_without_controls_passes_max_length(value: str) -> None:
    check = Validator()
    check.max_length("note", "Ghi chú", value, 100)
    assert check.errors == {}


@given(st.text(max_size=20), st.sampled_from(CONTROLS), st.text(max_size=20))
def test_any_control_is_refused_by_max_length(before: str, ch: str, after: str) -> None:
    check = Validator()
    check.max_length("note", "Ghi chú", before + ch + after, 100)
    assert set(check.errors) == {"note"} and check.errors["note"].startswith("Ghi chú: có ký tự")
