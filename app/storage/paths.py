"""Where the data lives: the data directory and the database inside it."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_DIR_NAME = "SoVang"
DATA_DIR_ENV = "SOVANG_DATA_DIR"
DATABASE_URL_ENV = "SOVANG_DATABASE_URL"
DB_FILE_NAME = "sovang.sqlite3"
# Written by `init` (and the first-run set-up, a demo, a restore): this folder holds Sổ Vàng's data, so a
# missing or empty database here is a loss to restore, never a fresh start (app/storage/initialised.py).
INIT_MARKER = "sovang-khoi-tao.json"
# Written when SQLite reports damage during an operation: the next start sets the file aside.
DAMAGE_NOTE = "sovang.sqlite3.phat-hien-hong"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir first, then SOVANG_DATA_DIR, then the user data directory of the platform."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def database_url(data_dir: Path) -> str:
    """SOVANG_DATABASE_URL when set (a shared server), else the SQLite file in the data directory."""
    return os.environ.get(DATABASE_URL_ENV) or f"sqlite:///{data_dir / DB_FILE_NAME}"


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def logs_dir(data_dir: Path) -> Path:
    return data_dir / "logs"


def init_marker(data_dir: Path) -> Path:
    return data_dir / INIT_MARKER


def damage_note(data_dir: Path) -> Path:
    return data_dir / DAMAGE_NOTE
