"""Shared fixtures: Qt offscreen, a fresh data directory and database for every test.

The service-level modules (BOTH_BACKENDS) run every test that uses `db` twice, on SQLite and on
PostgreSQL (tests/pg_server.py); `@pytest.mark.sqlite_only` keeps one test on SQLite. The PostgreSQL
variants skip, naming what is missing, when no server can be had.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from fnmatch import fnmatch  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from pg_server import PgServer, PgUnavailable, get_server  # noqa: E402

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


BOTH_BACKENDS = (
    "test_*_service.py", "test_storage.py", "test_subject_search.py", "test_duty.py", "test_preferences.py",
    "test_optimistic_locking.py", "test_postgres*.py",
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: runs on SQLite only, even in a both-backends module")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "database_backend" not in metafunc.fixturenames:
        return
    on_both = any(fnmatch(metafunc.definition.path.name, pattern) for pattern in BOTH_BACKENDS)
    if on_both and metafunc.definition.get_closest_marker("sqlite_only") is None:
        metafunc.parametrize("database_backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def database_backend(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgServer]:
    """One PostgreSQL server for the session (tests/pg_server.py), with two templates the tests' databases
    are copied from: migrated, and migrated with the commune set up (what `commune_db` makes)."""
    try:
        server = get_server()
    except PgUnavailable as exc:
        # A machine without PostgreSQL (a developer's laptop, Windows) still runs every test on SQLite; the
        # reason names what is missing. CI sets SOVANG_REQUIRE_PG=1, so there a missing server fails.
        if os.environ.get("SOVANG_REQUIRE_PG") == "1":
            pytest.fail(f"SOVANG_REQUIRE_PG=1 nhưng không khởi động được PostgreSQL: {exc}")
        pytest.skip(f"Chạy trên PostgreSQL bị bỏ qua vì máy này không có máy chủ PostgreSQL: {exc}")
    made: list[str] = []
    try:
        for name, commune in (("template", False), ("commune_template", True)):
            made.append(server.new_name(f"sovang_{name}"))
            setattr(server, name, made[-1])
            server.create_database(made[-1])
            _migrate_template(server.url(made[-1]), tmp_path_factory.mktemp("pg-template"), commune)
        yield server
    finally:
        for name in made:
            server.drop_database(name)
        server.stop()


def _migrate_template(url: str, data_dir: Path, commune: bool) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOVANG_DATABASE_URL", url)
        database = open_database(data_dir)
        if commune:
            initialise_commune(database, COMMUNE)
        database.close()


@pytest.fixture
def pg_url(pg_server: PgServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
           request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database of its own, also set as SOVANG_DATABASE_URL; copied with the
    commune already set up when the test uses `commune_db` (the same rows, made once per session)."""
    name = pg_server.new_name("sovang_test")
    commune = "commune_db" in request.fixturenames
    pg_server.create_database(name, template=pg_server.commune_template if commune else pg_server.template)
    url = pg_server.url(name)
    monkeypatch.setenv("SOVANG_DATABASE_URL", url)
    yield url
    pg_server.drop_database(name)


@pytest.fixture
def db(data_dir: Path, database_backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    if database_backend == "postgresql":
        request.getfixturevalue("pg_url")
    database = open_database(data_dir)
    yield database
    database.close()


COMMUNE = CommuneProfile(
    commune="Xã Hòa Bình",
    province="Tỉnh Phú Thọ",
    chairman="Nguyễn Văn Hùng",
    vice_chairmen=["Trần Thị Lan"],
    officer="Lê Minh Đức",
)


@pytest.fixture
def commune_db(db: Database, database_backend: str) -> Database:
    """A database with the commune declared and default catalogues loaded (on PostgreSQL, copied so)."""
    if database_backend != "postgresql":
        initialise_commune(db, COMMUNE)
    return db
