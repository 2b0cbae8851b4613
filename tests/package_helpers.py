"""Packages taken apart and put back together, for the tampering tests."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(source: Path, target: Path, change: Callable[[dict[str, bytes]], dict[str, bytes]]) -> Path:
    """A copy of the package with its members changed by `change` (names to bytes)."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in change(members(source)).items():
            archive.writestr(name, data)
    target.write_bytes(stream.getvalue())
    return target


def extracted(path: Path, folder: Path) -> Path:
    """The bag unpacked (for bagit-python): its folder."""
    with zipfile.ZipFile(path) as archive:
        archive.extractall(folder)
        root = archive.namelist()[0].split("/")[0]
    return folder / root
