"""Shared fixtures: Qt offscreen, a fresh data directory and database for every test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from app.services.commune import initialise_commune  # noqa: E402
from app.services.settings import CommuneProfile  # noqa: E402
from app.storage.database import Database, open_database  # noqa: E402


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data directory, also through SOVANG_DATA_DIR."""
    path = tmp_path / "data"
    monkeypatch.setenv("SOVANG_DATA_DIR", str(path))
    monkeypatch.delenv("SOVANG_DATABASE_URL", raising=False)
    return path


@pytest.fixture
def db(data_dir: Path) -> Database:
    database = open_database(data_dir)
    yield database
    database.close()


@pytest.fixture
def commune_db(db: Database) -> Database:
    """A database with the commune declared and default catalogues loaded."""
    initialise_commune(
        db,
        CommuneProfile(
            commune="Xã Hòa Bình",
            province="Tỉnh Phú Thọ",
            chairman="Nguyễn Văn Hùng",
            vice_chairmen=["Trần Thị Lan"],
            officer="Lê Minh Đức",
        ),
    )
    return db
