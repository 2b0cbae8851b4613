"""Certificate layouts as files: shipped in resources/certificates (read-only), the user's copies in the
data folder (certificates/layouts/, where a copy of a shipped layout's name wins over it).

A layout is picked for a recipient by the decision's award form and the recipient's kind (a layout for
"*" serves any), in the mode asked for: the full design, or the pre-printed blank.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from app.errors import NotFoundError, ValidationError
from app.exporters.certificates.layout import (
    ANY,
    FIELD_LABELS,
    EmblemBox,
    FieldBox,
    Layout,
    LayoutMode,
)
from app.exporters.certificates.layout_file import (
    IMAGE_SUFFIXES,
    image_problem,
    layout_json,
    parse_layout,
    read_layout,
    valid_name,
)
from app.resources import resources_dir
from app.services.certificates.data import LayoutInfo
from app.storage.atomic import save_files
from app.storage.database import Database

__all__ = [
    "FIELD_LABELS", "EmblemBox", "FieldBox", "Layout", "LayoutMode", "delete_layout", "layout_for",
    "list_layouts", "load_layout", "save_layout", "set_layout_background", "validate_layout_file",
]


def shipped_dir() -> Path:
    return resources_dir() / "certificates"


def user_dir(db: Database) -> Path:
    return db.data_dir / "certificates" / "layouts"


def _files(db: Database | None) -> dict[str, tuple[Path, bool]]:
    """Every layout file by name: the user's copy over a shipped one (only the shipped ones without a
    data folder: the demo's section works inside its transaction)."""
    found: dict[str, tuple[Path, bool]] = {}
    folders = [(shipped_dir(), False)] + ([(user_dir(db), True)] if db is not None else [])
    for folder, user in folders:
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
            if valid_name(path.stem):
                found[path.stem] = (path, user)
    return found


def _info(layout: Layout, path: Path, user: bool) -> LayoutInfo:
    background = path.parent / layout.background if layout.background else None
    return LayoutInfo(name=layout.name, title=layout.title, mode=layout.mode.value, award=layout.award,
                      subject_kind=layout.subject_kind, user_copy=user, path=path, background=background)


def list_layouts(db: Database) -> list[LayoutInfo]:
    """Every layout that can be used, the user's copies first within a name's place (sorted by name).
    A file that cannot be read is listed with its problem (and cannot be printed with)."""
    rows = []
    for name, (path, user) in sorted(_files(db).items()):
        try:
            rows.append(_info(read_layout(path), path, user))
        except ValidationError as exc:
            rows.append(LayoutInfo(name=name, title=name, mode="", award="", subject_kind="", user_copy=user,
                                   path=path, problem=str(exc)))
    return rows


def load_layout(db: Database | None, name: str) -> Layout:
    """The layout named `name` (the user's copy if there is one), checked."""
    found = _files(db).get(name)
    if found is None:
        raise NotFoundError(f"Không có mẫu giấy khen “{name}”.")
    return read_layout(found[0])


def validate_layout_file(path: Path) -> Layout:
    """Read and check a layout file anywhere (ValidationError naming the file and the field)."""
    return read_layout(Path(path))


def save_layout(db: Database, layout: Layout) -> LayoutInfo:
    """Save the layout as the user's copy (checked first; written whole or not at all). A shipped
    layout's name makes a copy that is used instead of it; `delete_layout` goes back to the shipped one."""
    if not valid_name(layout.name):
        raise ValidationError({"name": (
            f"Tên mẫu “{layout.name}”: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ "
            "“giay-khen-phoi-xa”), tối đa 80 ký tự.")})
    folder = user_dir(db)
    text = layout_json(layout)
    checked = parse_layout(json.loads(text), layout.name, f"Mẫu “{layout.title}”", folder)
    target = folder / f"{layout.name}.json"
    folder.mkdir(parents=True, exist_ok=True)
    save_files({target: text.encode("utf-8")})
    return _info(checked, target, True)


def delete_layout(db: Database, name: str) -> None:
    """Remove the user's copy (a shipped layout of that name is used again; a shipped one cannot go)."""
    target = user_dir(db) / f"{name}.json"
    if not valid_name(name) or not target.is_file():
        raise NotFoundError(f"Không có bản mẫu “{name}” do người dùng tạo; mẫu có sẵn không xóa được.")
    target.unlink()


def set_layout_background(db: Database, name: str, image: Path) -> LayoutInfo:
    """Copy a scan or photo of the commune's blank beside the user's copy of the layout, as its locked
    background in the editor (never printed). A shipped layout is first copied to the data folder."""
    image = Path(image)
    if image.suffix.lower() not in IMAGE_SUFFIXES:
        raise ValidationError({"background": f"Ảnh nền “{image.name}”: chỉ nhận tệp .png hoặc .jpg."})
    problem = image_problem(image)
    if problem:
        raise ValidationError({"background": f"Ảnh nền “{image.name}”: {problem}."})
    layout = load_layout(db, name)
    stored = f"{name}-nen{image.suffix.lower()}"
    folder = user_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    save_files({folder / stored: image.read_bytes()})
    return save_layout(db, replace(layout, background=stored))


def _score(layout: Layout, award: str, kind: str) -> int | None:
    """How well the layout matches: 3 both exactly … 0 both "*"; None when it does not apply."""
    if layout.award not in (award, ANY) or layout.subject_kind not in (kind, ANY):
        return None
    return 2 * (layout.award == award) + (layout.subject_kind == kind)


def layout_for(db: Database | None, award_code: str, kind: str, blank_form: bool = False) -> Layout:
    """The best layout for an award form's code and a subject kind ("individual"…) in the mode asked
    for: the most specific match; between equals the user's copy, then the name."""
    mode = LayoutMode.BLANK_FORM if blank_form else LayoutMode.FULL
    best: tuple[int, bool, str] | None = None
    chosen: Layout | None = None
    for name, (path, user) in sorted(_files(db).items()):
        try:
            layout = read_layout(path)
        except ValidationError:
            continue
        score = _score(layout, award_code, kind) if layout.mode is mode else None
        if score is None:
            continue
        rank = (score, user, name)
        if best is None or rank[:2] > best[:2]:
            best, chosen = rank, layout
    if chosen is None:
        raise NotFoundError(f"Chưa có mẫu giấy khen ({'in lên phôi' if blank_form else 'in đầy đủ'}) cho "
                            f"hình thức “{award_code}” và loại đối tượng “{kind}”.")
    return chosen
