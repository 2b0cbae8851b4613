"""The emblem (Quốc huy) of the full design: an image the user supplies (the app ships none), kept in
the data folder and drawn in each full-design layout's emblem box."""

from __future__ import annotations

from pathlib import Path

from app.errors import ValidationError
from app.exporters.certificates.layout_file import IMAGE_SUFFIXES, image_problem
from app.storage.atomic import save_files
from app.storage.database import Database

STEM = "quoc-huy"


def _folder(db: Database) -> Path:
    return db.data_dir / "certificates"


def emblem_image(db: Database) -> Path | None:
    """The emblem image in use, or None (the emblem's box is then left empty)."""
    for suffix in IMAGE_SUFFIXES:
        path = _folder(db) / f"{STEM}{suffix}"
        if path.is_file():
            return path
    return None


def set_emblem_image(db: Database, source: Path) -> Path:
    """Keep a copy of the image (PNG with a transparent background is best) as the emblem."""
    source = Path(source)
    suffix = source.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise ValidationError({"emblem": f"Ảnh Quốc huy “{source.name}”: chỉ nhận tệp .png hoặc .jpg."})
    problem = image_problem(source)
    if problem:
        raise ValidationError({"emblem": f"Ảnh Quốc huy “{source.name}”: {problem}."})
    target = _folder(db) / f"{STEM}{suffix}"
    target.parent.mkdir(parents=True, exist_ok=True)
    save_files({target: source.read_bytes()})
    for other in IMAGE_SUFFIXES:
        if other != suffix:
            (_folder(db) / f"{STEM}{other}").unlink(missing_ok=True)
    return target
