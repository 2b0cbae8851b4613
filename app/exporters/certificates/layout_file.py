"""Layout files (JSON, UTF-8) read and checked, and written back.

A file that cannot be used is refused whole with a Vietnamese message naming the file and the field: a
field missing or unknown, a box outside the page, a font that is not shipped, a size out of range, a
background image that cannot be read. Nothing is guessed or silently replaced.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from app.errors import ValidationError
from app.exporters.certificates.fonts import FAMILIES, face_name, style_words
from app.exporters.certificates.layout import (
    ALIGNS,
    ANY,
    FIELD_IDS,
    FIELD_LABELS,
    PAGE_H_MM,
    PAGE_W_MM,
    REQUIRED,
    VALIGNS,
    EmblemBox,
    FieldBox,
    Layout,
    LayoutMode,
)

FORMAT = "sovang.certificate-layout"
VERSION = 1
KINDS = ("individual", "collective", "household", ANY)
SIZE_RANGE = (4.0, 96.0)
MAX_LINES = 8
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
_BOX_KEYS = ("x_mm", "y_mm", "w_mm", "h_mm")
_FIELD_DEFAULTS = {f.name: f.default for f in fields(FieldBox) if f.name not in ("field", *_BOX_KEYS)}
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")


def valid_name(name: str) -> bool:
    """A layout's name is its file's stem: lower-case ASCII letters, digits and hyphens."""
    return bool(_NAME.fullmatch(name))


def read_layout(path: Path) -> Layout:
    """The layout in `path`, checked (ValidationError naming the file and the field)."""
    where = f"Tệp mẫu “{path.name}”"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValidationError({"file": f"{where}: không đọc được ({exc.strerror or exc})."}) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError({"file": f"{where}: không phải tệp JSON hợp lệ ({exc})."}) from exc
    return parse_layout(data, path.stem, where, path.parent)


def parse_layout(data: Any, name: str, where: str, folder: Path | None = None) -> Layout:
    """A layout from its decoded JSON; `folder` is where a background image is looked for."""
    if not isinstance(data, dict):
        raise ValidationError({"file": f"{where}: nội dung phải là một đối tượng JSON."})
    errors: dict[str, str] = {}
    mode = _mode(data, where, errors)
    boxes = _boxes(data.get("fields"), where, errors)
    for field_id in REQUIRED.get(mode, ()) if mode else ():
        if field_id not in boxes and field_id not in errors:
            errors[field_id] = f"{where}: thiếu ô “{FIELD_LABELS[field_id]}” ({field_id})."
    emblem = _emblem(data.get("emblem"), where, errors) if mode is LayoutMode.FULL else None
    background = str(data.get("background") or "")
    if background:
        _check_background(folder, background, where, errors)
    _check_choice(data.get("subject_kind", ANY), KINDS, "subject_kind", "Loại đối tượng", where, errors)
    if errors or mode is None:
        raise ValidationError(errors)
    known = {"format", "version", "name", "title", "mode", "award", "subject_kind", "page", "border",
             "emblem", "background", "fields"}
    return Layout(
        name=name, title=str(data.get("title") or name), mode=mode, award=str(data.get("award") or ANY),
        subject_kind=str(data.get("subject_kind") or ANY),
        fields=tuple(boxes[f] for f in FIELD_IDS if f in boxes),
        border=bool(data.get("border", mode is LayoutMode.FULL)), emblem=emblem, background=background,
        extra={k: v for k, v in data.items() if k not in known},
    )


def _mode(data: dict, where: str, errors: dict[str, str]) -> LayoutMode | None:
    if data.get("format", FORMAT) != FORMAT or data.get("version", VERSION) != VERSION:
        errors["format"] = f"{where}: không phải mẫu giấy khen của Sổ Vàng (phiên bản {VERSION})."
    page = data.get("page", {"width_mm": PAGE_W_MM, "height_mm": PAGE_H_MM})
    if not isinstance(page, dict) or (page.get("width_mm"), page.get("height_mm")) != (PAGE_W_MM, PAGE_H_MM):
        errors["page"] = f"{where}: khổ giấy phải là A4 ngang (297 × 210 mm)."
    try:
        return LayoutMode(str(data.get("mode")))
    except ValueError:
        errors["mode"] = f"{where}: chế độ “{data.get('mode')}” không có (chỉ “full” hoặc “blank_form”)."
        return None


def _boxes(raw: Any, where: str, errors: dict[str, str]) -> dict[str, FieldBox]:
    if not isinstance(raw, dict):
        errors["fields"] = f"{where}: thiếu danh sách ô (“fields”)."
        return {}
    boxes = {}
    for field_id, spec in raw.items():
        if field_id not in FIELD_LABELS:
            errors[field_id] = f"{where}: ô “{field_id}” không có trong giấy khen."
            continue
        box = _box(field_id, spec, f"{where}, ô “{FIELD_LABELS[field_id]}” ({field_id})", errors)
        if box is not None:
            boxes[field_id] = box
    return boxes


def _box(field_id: str, spec: Any, where: str, errors: dict[str, str]) -> FieldBox | None:
    if not isinstance(spec, dict):
        errors[field_id] = f"{where}: phải là một đối tượng JSON."
        return None
    problem = _box_problem(spec) or _style_problem(spec)
    if problem:
        errors[field_id] = f"{where}: {problem}."
        return None
    value = {key: spec.get(key, default) for key, default in _FIELD_DEFAULTS.items()}.__getitem__
    return FieldBox(
        field=field_id, x_mm=float(spec["x_mm"]), y_mm=float(spec["y_mm"]), w_mm=float(spec["w_mm"]),
        h_mm=float(spec["h_mm"]), size=float(spec["size"]),
        min_size=float(spec.get("min_size") or spec["size"]),
        max_lines=int(value("max_lines")), font=str(value("font")), bold=bool(value("bold")),
        italic=bool(value("italic")), color=str(value("color")).upper(), align=str(value("align")),
        valign=str(value("valign")), prefix=unicodedata.normalize("NFC", str(value("prefix"))),
        rule_under=bool(value("rule_under")),
    )


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _box_problem(spec: dict) -> str:
    missing = [key for key in (*_BOX_KEYS, "size") if key not in spec]
    if missing:
        return f"thiếu {', '.join(missing)}"
    if not all(_number(spec[key]) for key in _BOX_KEYS):
        return "vị trí và kích thước phải là số (mm)"
    x, y, w, h = (float(spec[key]) for key in _BOX_KEYS)
    if w <= 0 or h <= 0:
        return "chiều rộng và chiều cao phải lớn hơn 0"
    if x < 0 or y < 0 or x + w > PAGE_W_MM + 1e-6 or y + h > PAGE_H_MM + 1e-6:
        return (f"nằm ngoài trang: ngang từ {_mm(x)} đến {_mm(x + w)} mm, dọc từ {_mm(y)} đến "
                f"{_mm(y + h)} mm (trang rộng 297 mm, cao 210 mm)")
    return ""


def _style_problem(spec: dict) -> str:
    size, low = spec["size"], spec.get("min_size", spec["size"])
    if not (_number(size) and _number(low) and SIZE_RANGE[0] <= low <= size <= SIZE_RANGE[1]):
        return "cỡ chữ phải là số, cỡ nhỏ nhất không lớn hơn cỡ chữ, trong khoảng 4–96 pt"
    lines = spec.get("max_lines", 1)
    if not isinstance(lines, int) or isinstance(lines, bool) or not 1 <= lines <= MAX_LINES:
        return f"số dòng tối đa phải từ 1 đến {MAX_LINES}"
    family = spec.get("font", "Liberation Serif")
    bold, italic = bool(spec.get("bold", False)), bool(spec.get("italic", False))
    if not isinstance(family, str) or face_name(family, bold, italic) is None:
        return (f"phông chữ “{family}” ({style_words(bold, italic)}) không có; dùng một trong: "
                f"{', '.join(FAMILIES)} (Liberation Sans không có kiểu nghiêng)")
    color = spec.get("color", "#000000")
    if not isinstance(color, str) or not _COLOR.fullmatch(color):
        return f"màu “{spec.get('color')}” phải viết dạng #RRGGBB"
    if spec.get("align", "center") not in ALIGNS or spec.get("valign", "middle") not in VALIGNS:
        return "căn lề phải là left, center, right (ngang) và top, middle, bottom (dọc)"
    if not isinstance(spec.get("prefix", ""), str):
        return "chữ đứng trước (prefix) phải là chuỗi"
    return ""


def _emblem(raw: Any, where: str, errors: dict[str, str]) -> EmblemBox | None:
    if raw is None:
        return None
    problem = _box_problem({**raw, "size": 1}) if isinstance(raw, dict) else "phải là một đối tượng JSON"
    if problem:
        errors["emblem"] = f"{where}, ô Quốc huy (emblem): {problem}."
        return None
    return EmblemBox(x_mm=float(raw["x_mm"]), y_mm=float(raw["y_mm"]), w_mm=float(raw["w_mm"]),
                     h_mm=float(raw["h_mm"]), flags=bool(raw.get("flags", False)))


def _check_background(folder: Path | None, name: str, where: str, errors: dict[str, str]) -> None:
    message = f"{where}, ảnh nền “{name}”"
    path = (folder / name) if folder is not None else Path(name)
    if Path(name).name != name or path.suffix.lower() not in IMAGE_SUFFIXES:
        errors["background"] = f"{message}: phải là tệp .png hoặc .jpg nằm cùng thư mục với tệp mẫu."
        return
    problem = image_problem(path)
    if problem:
        errors["background"] = f"{message}: {problem}."


def image_problem(path: Path) -> str:
    """Why an image file cannot be used ("" when it can): missing, unreadable, not an image."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.verify()
    except FileNotFoundError:
        return "không có tệp này"
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError) as exc:
        return f"không đọc được ảnh ({type(exc).__name__})"
    return ""


def _check_choice(value: Any, allowed: tuple[str, ...], key: str, label: str, where: str,
                  errors: dict[str, str]) -> None:
    if value not in allowed:
        errors[key] = f"{where}: {label} “{value}” không hợp lệ (chọn một trong: {', '.join(allowed)})."


def _mm(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def layout_json(layout: Layout) -> str:
    """The layout as the file stores it (UTF-8 JSON, diacritics as written)."""
    data: dict[str, Any] = {
        "format": FORMAT, "version": VERSION, "title": layout.title, "mode": layout.mode.value,
        "award": layout.award, "subject_kind": layout.subject_kind,
        "page": {"width_mm": PAGE_W_MM, "height_mm": PAGE_H_MM}, "border": layout.border,
    }
    if layout.emblem is not None:
        data["emblem"] = asdict(layout.emblem)
    if layout.background:
        data["background"] = layout.background
    data["fields"] = {box.field: _box_json(box) for box in layout.fields}
    data.update(layout.extra)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _box_json(box: FieldBox) -> dict[str, Any]:
    values = asdict(box)
    values.pop("field")
    kept = (*_BOX_KEYS, "size", "min_size")
    return {k: v for k, v in values.items() if k in kept or v != _FIELD_DEFAULTS[k]}
