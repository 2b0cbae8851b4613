"""The operating system's edges for files: choosing files or folders, where to save, opening a file in its
viewer or a folder in the file manager.

Tests replace these functions (never open a real file dialog or viewer in a test).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from app.services.workspace import EVIDENCE_DOCUMENTS, EVIDENCE_IMAGES


def _patterns(suffixes: tuple[str, ...]) -> str:
    return " ".join(f"*.{suffix}" for suffix in suffixes)


# Only what the file store accepts as evidence (storage/file_store.py: one list); a program is not offered.
EVIDENCE_FILTER = (f"Tài liệu và hình ảnh ({_patterns(EVIDENCE_DOCUMENTS + EVIDENCE_IMAGES)});;"
                   f"Tài liệu ({_patterns(EVIDENCE_DOCUMENTS)});;Hình ảnh ({_patterns(EVIDENCE_IMAGES)})")


def choose_files(parent: QWidget | None, title: str = "Chọn tài liệu, hình ảnh") -> list[str]:
    """The files the user picked (none when cancelled)."""
    paths, _filter = QFileDialog.getOpenFileNames(parent, title, str(Path.home()), EVIDENCE_FILTER)
    return list(paths)


def choose_file(parent: QWidget | None, title: str = "Chọn tệp đính kèm") -> str | None:
    """One file the user picked, or None when cancelled."""
    path, _filter = QFileDialog.getOpenFileName(parent, title, str(Path.home()), EVIDENCE_FILTER)
    return path or None


def choose_save_path(parent: QWidget | None, suggested: Path,
                     file_filter: str = "Văn bản Word và PDF (*.docx *.pdf)",
                     title: str = "Lưu văn bản (Word và PDF)") -> Path | None:
    """Where to save (the operating system's Save dialog); None when cancelled."""
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(path) if path else None


LAST_SAVE_FOLDER = "files/last_save_folder"


def suggested_save_path(data_dir: Path, file_name: str) -> Path:
    """file_name in the folder the user last saved into (while it exists), else in the home folder."""
    folder = QSettings(str(data_dir / "giao-dien.ini"), QSettings.Format.IniFormat).value(LAST_SAVE_FOLDER)
    base = Path(folder) if isinstance(folder, str) and folder and Path(folder).is_dir() else Path.home()
    return base / file_name


def remember_save_folder(data_dir: Path, saved: Path) -> None:
    settings = QSettings(str(data_dir / "giao-dien.ini"), QSettings.Format.IniFormat)
    settings.setValue(LAST_SAVE_FOLDER, str(saved.parent))


def open_file(path: str) -> bool:
    """Open a file with the system's viewer; False when it is missing or no viewer opened it."""
    return Path(path).is_file() and QDesktopServices.openUrl(QUrl.fromLocalFile(path))


BACKUP_FILTER = "Bản sao lưu Sổ Vàng (*.sqlite3 *.enc);;Mọi tệp (*)"  # .enc: encrypted (second destination)


def choose_folder(parent: QWidget | None, title: str) -> Path | None:
    """A folder the user picked (a USB stick, another disk), or None when cancelled."""
    path = QFileDialog.getExistingDirectory(parent, title, str(Path.home()))
    return Path(path) if path else None


def choose_backup_file(parent: QWidget | None, title: str = "Chọn tệp sao lưu") -> Path | None:
    """A backup file from anywhere (a USB stick), or None when cancelled."""
    path, _filter = QFileDialog.getOpenFileName(parent, title, str(Path.home()), BACKUP_FILTER)
    return Path(path) if path else None


def open_folder(path: Path) -> bool:
    """Show a folder in the system's file manager; False when it is missing or nothing opened it."""
    return path.is_dir() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
