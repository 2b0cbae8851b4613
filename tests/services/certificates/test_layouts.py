"""Layout files: the shipped ones, the user's copies, and every kind of bad file refused by name."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from app.errors import NotFoundError, ValidationError
from app.resources import resources_dir
from app.services.certificates import (
    FIELD_LABELS,
    LayoutMode,
    delete_layout,
    layout_for,
    list_layouts,
    load_layout,
    save_layout,
    set_layout_background,
    validate_layout_file,
)

SHIPPED = sorted((resources_dir() / "certificates").glob("*.json"))


def shipped(name: str) -> dict:
    return json.loads((resources_dir() / "certificates" / f"{name}.json").read_text(encoding="utf-8"))


def write(folder: Path, data: dict, name: str = "mau-thu.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_layout_is_valid(path: Path) -> None:
    layout = validate_layout_file(path)
    assert layout.name == path.stem
    if layout.mode is LayoutMode.FULL:
        assert [box.field for box in layout.fields] == list(FIELD_LABELS) and layout.emblem and layout.border
    authority, verb = layout.box("authority"), layout.box("award_verb")
    assert authority.color == "#C00000" and authority.bold
    if verb is not None:  # pre-printed blanks carry these themselves
        assert layout.box("award_name").color == "#C00000" and verb.color == "#000000"


def test_one_layout_per_form_kind_and_mode(db) -> None:
    for kind, slug in (("individual", "ca-nhan"), ("collective", "tap-the"), ("household", "ho-gia-dinh")):
        assert layout_for(db, "GIAY_KHEN", kind).name == f"giay-khen-{slug}"
        assert layout_for(db, "GIAY_KHEN", kind, blank_form=True).name == f"giay-khen-phoi-{slug}"
        assert layout_for(db, "LDTT", kind).name == f"mau-chung-{slug}"  # any other form: the generic one
    assert layout_for(db, "CSTDCS", "individual").emblem.flags


def test_a_missing_field_is_refused_naming_the_file_and_field(tmp_path) -> None:
    data = shipped("giay-khen-ca-nhan")
    del data["fields"]["golden_book"]
    with pytest.raises(ValidationError) as caught:
        validate_layout_file(write(tmp_path, data))
    expected = "Tệp mẫu “mau-thu.json”: thiếu ô “Số sổ vàng” (golden_book)."
    assert caught.value.errors == {"golden_book": expected}


def test_a_box_outside_the_page_is_refused(tmp_path) -> None:
    data = shipped("giay-khen-ca-nhan")
    data["fields"]["recipient_name"]["x_mm"] = 80
    with pytest.raises(ValidationError) as caught:
        validate_layout_file(write(tmp_path, data))
    message = caught.value.errors["recipient_name"]
    assert message.startswith(
        "Tệp mẫu “mau-thu.json”, ô “Tên người, tập thể được khen” (recipient_name): nằm ngoài")
    assert "ngang từ 80 đến 300 mm" in message


@pytest.mark.parametrize(("change", "words"), [
    ({"font": "Times New Roman", "italic": False}, "phông chữ “Times New Roman” (thường) không có"),
    ({"font": "Liberation Sans", "italic": True}, "phông chữ “Liberation Sans” (nghiêng) không có"),
    ({"min_size": 30}, "cỡ nhỏ nhất không lớn hơn cỡ chữ"),
    ({"max_lines": 0}, "số dòng tối đa"),
    ({"color": "red"}, "màu “red”"),
    ({"w_mm": "rộng"}, "phải là số"),
])
def test_bad_field_settings_are_refused(tmp_path, change, words) -> None:
    data = shipped("giay-khen-ca-nhan")
    data["fields"]["achievement"].update(change)
    with pytest.raises(ValidationError) as caught:
        validate_layout_file(write(tmp_path, data))
    message = caught.value.errors["achievement"]
    assert words in message and "“mau-thu.json”" in message


def test_an_unreadable_background_and_a_broken_file_are_refused(tmp_path) -> None:
    data = shipped("giay-khen-phoi-ca-nhan")
    data["background"] = "phoi.png"
    (tmp_path / "phoi.png").write_bytes(b"not an image at all")
    with pytest.raises(ValidationError) as caught:
        validate_layout_file(write(tmp_path, data))
    message = caught.value.errors["background"]
    assert message.startswith("Tệp mẫu “mau-thu.json”, ảnh nền “phoi.png”: không đọc")
    (tmp_path / "hong.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(ValidationError, match="“hong.json”: không phải tệp JSON"):
        validate_layout_file(tmp_path / "hong.json")


def test_a_user_copy_wins_until_deleted(db, tmp_path) -> None:
    layout = load_layout(db, "giay-khen-phoi-ca-nhan")
    moved = layout.with_box(layout.box("recipient_name").moved(30.0, 90.0))
    info = save_layout(db, moved)
    assert info.user_copy and info.path.parent == db.data_dir / "certificates" / "layouts"
    assert load_layout(db, "giay-khen-phoi-ca-nhan").box("recipient_name").y_mm == 90.0
    assert layout_for(db, "GIAY_KHEN", "individual", blank_form=True).box("recipient_name").x_mm == 30.0
    from PIL import Image

    Image.new("RGB", (297, 210), "white").save(tmp_path / "scan.png")
    with_scan = set_layout_background(db, "giay-khen-phoi-ca-nhan", tmp_path / "scan.png")
    assert with_scan.background is not None and with_scan.background.is_file()
    delete_layout(db, "giay-khen-phoi-ca-nhan")
    shipped_y = layout.box("recipient_name").y_mm
    assert load_layout(db, "giay-khen-phoi-ca-nhan").box("recipient_name").y_mm == shipped_y
    with pytest.raises(NotFoundError):
        delete_layout(db, "giay-khen-phoi-ca-nhan")  # the shipped one cannot go


def test_a_broken_user_copy_is_listed_with_its_problem(db) -> None:
    folder = db.data_dir / "certificates" / "layouts"
    folder.mkdir(parents=True)
    (folder / "hong.json").write_text("[]", encoding="utf-8")
    (row,) = [r for r in list_layouts(db) if r.name == "hong"]
    assert row.user_copy and "phải là một đối tượng JSON" in row.problem
    with pytest.raises(ValidationError):
        save_layout(db, replace(load_layout(db, "giay-khen-ca-nhan"), name="Mẫu có dấu"))
