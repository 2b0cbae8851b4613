"""Paths to the files shipped in resources/ (fonts, default data)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def resources_dir() -> Path:
    """resources/ beside app/ in a checkout, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def help_dir() -> Path:
    """docs/help (a short page per screen, Markdown) in a checkout, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return root / "docs" / "help"


def help_page(key: str) -> str | None:
    """The help page of the screen `key` (docs/help/<key>.md) as Markdown, None when there is none."""
    path = help_dir() / f"{key}.md"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def load_json(name: str) -> Any:
    """A default-data file from resources/data, read as UTF-8 JSON."""
    with open(resources_dir() / "data" / name, encoding="utf-8") as fh:
        return json.load(fh)
