"""The operating system's edges for files: choosing files to add or where to save, opening a file in its
viewer.

Tests replace these functions (never open a real file dialog or viewer in a test).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

EVIDENCE_FILTER = (
    "Tài liệu và hình ảnh (*.pdf *.doc *.docx *.xls *.xlsx *.odt *.txt *.jpg *.jpeg *.png *.gif *.bmp "
    "*.webp *.tif *.tiff *.heic);;Hình ảnh (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.tif *.tiff *.heic);;"
    "Mọi tệp (*)"
)


def choose_files(parent: QWidget | None, title: str = "Chọn tài liệu, hình ảnh") -> list[str]:
    """The files the user picked (none when cancelled)."""
    paths, _filter = QFileDialog.getOpenFileNames(parent, title, str(Path.home()), EVIDENCE_FILTER)
    return list(paths)


def choose_file(parent: QWidget | None, title: str = "Chọn tệp đính kèm") -> str | None:
    """One file the user picked, or None when cancelled."""
    path, _filter = QFileDialog.getOpenFileName(parent, title, str(Path.home()), EVIDENCE_FILTER)
    return path or None


def choose_save_path(parent: QWidget | None, suggested: Path,
                     file_filter: str = "Văn bản Word và PDF (*.docx *.pdf)") -> Path | None:
    """Where to save (the operating system's Save dialog); None when cancelled."""
    title = "Lưu văn bản (Word và PDF)"
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(path) if path else None


def open_file(path: str) -> bool:
    """Open a file with the system's viewer; False when it is missing or no viewer opened it."""
    return Path(path).is_file() and QDesktopServices.openUrl(QUrl.fromLocalFile(path))
