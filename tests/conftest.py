"""Shared fixtures: Qt offscreen, a fresh data directory and database for every test.

The modules marked `pytestmark = pytest.mark.both_backends` run every test that uses `db` twice, on
SQLite and on PostgreSQL (tests/pg_server.py); `@pytest.mark.sqlite_only` keeps one test on SQLite. The
PostgreSQL variants skip, naming what is missing, when no server can be had.

Migrating a new database takes most of a second, so each backend migrates once per session into a
template that every test's database is copied from (its own file, or its own database on the server);
the same goes for the commune set up (`commune_db`) and for the demo data (`demo_template`, `make_demo`).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import copy  # noqa: E402
import shutil  # noqa: E402
import sqlite3  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from contextlib import closing  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

import pytest  # noqa: E402
from pg_server import PgServer, PgUnavailable, get_server  # noqa: E402

from app.services.commune import initialise_commune  # noqa: E402
from app.services.settings import CommuneProfile  # noqa: E402
from app.storage.audit.key import KEY_FILE  # noqa: E402
from app.storage.database import Database, open_database  # noqa: E402
from app.storage.initialised import mark_initialised  # noqa: E402
from app.storage.paths import DB_FILE_NAME, INIT_MARKER  # noqa: E402

if TYPE_CHECKING:
    from app.services.demo.generate import DemoSummary


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data directory, also through SOVANG_DATA_DIR."""
    path = tmp_path / "data"
    monkeypatch.setenv("SOVANG_DATA_DIR", str(path))
    monkeypatch.delenv("SOVANG_DATABASE_URL", raising=False)
    return path


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "both_backends: every test of it that uses `db` runs on SQLite and on "
                                       "PostgreSQL (put on a module: pytestmark = pytest.mark.both_backends)")
    config.addinivalue_line("markers", "sqlite_only: runs on SQLite only, even in a both-backends module")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "database_backend" not in metafunc.fixturenames:
        return
    on_both = metafunc.definition.get_closest_marker("both_backends") is not None
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
            folder = tmp_path_factory.mktemp("pg-template")
            setattr(server, f"{name}_dir", folder)  # its trail's key (app/storage/audit/key.py) is there
            _migrate_template(server.url(made[-1]), folder, commune)
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
    _copy_key(getattr(pg_server, "commune_template_dir" if commune else "template_dir"), data_dir)
    url = pg_server.url(name)
    monkeypatch.setenv("SOVANG_DATABASE_URL", url)
    yield url
    pg_server.drop_database(name)


def copy_sqlite(source: Path, target: Path) -> None:
    """Copy an SQLite database file with SQLite's backup API: a consistent copy, a file of its own; a data
    directory's database comes with its audit trail's key."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copied:
        origin.backup(copied)
    if source.name == DB_FILE_NAME and target.name == DB_FILE_NAME:
        _copy_key(source.parent, target.parent)


def _copy_key(source_dir: Path, target_dir: Path) -> None:
    if (source_dir / KEY_FILE).is_file():
        target_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source_dir / KEY_FILE, target_dir / KEY_FILE)


def _closed_sqlite_file(folder: Path) -> Path:
    """The database file of a closed data directory: whole in itself (no -wal/-shm beside it)."""
    leftovers = [p.name for p in folder.iterdir() if p.name not in (DB_FILE_NAME, KEY_FILE, INIT_MARKER)]
    assert not leftovers, f"a template must be the database file alone, not {leftovers}"
    return folder / DB_FILE_NAME


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite database, made once per session (per xdist worker); `db` copies it."""
    folder = tmp_path_factory.mktemp("sqlite-template")
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOVANG_DATABASE_URL", raising=False)
        open_database(folder).close()
    return _closed_sqlite_file(folder)


@pytest.fixture(scope="session")
def sqlite_commune_template(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """The migrated template with the commune set up (what `commune_db` makes), made once per session."""
    folder = tmp_path_factory.mktemp("sqlite-commune-template")
    copy_sqlite(sqlite_template, folder / DB_FILE_NAME)
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOVANG_DATABASE_URL", raising=False)
        database = open_database(folder)
        initialise_commune(database, COMMUNE)
        database.close()
    return _closed_sqlite_file(folder)


@pytest.fixture
def migrated_data_dir(request: pytest.FixtureRequest) -> Callable[..., Path]:
    """migrated_data_dir(path, commune=False) -> path: a data directory (other than the test's own) whose
    SQLite database is migrated, copied from the session template; with the commune set up if asked."""

    def make(path: Path, commune: bool = False) -> Path:
        template = request.getfixturevalue("sqlite_commune_template" if commune else "sqlite_template")
        copy_sqlite(template, path / DB_FILE_NAME)
        return path

    return make


COMMUNE_READY = pytest.StashKey[bool]()


@pytest.fixture
def db(data_dir: Path, database_backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """The test's own migrated database: copied from a session template, so not migrated (nor backed up
    before migrating) again; with the commune already set up when the test uses `commune_db`."""
    commune = "commune_db" in request.fixturenames
    if database_backend == "postgresql":
        request.getfixturevalue("pg_url")  # copies the commune template when `commune_db` is used
    else:
        template = request.getfixturevalue("sqlite_commune_template" if commune else "sqlite_template")
        copy_sqlite(template, data_dir / DB_FILE_NAME)
        if commune:
            mark_initialised(data_dir)  # as `init` left it
    request.node.stash[COMMUNE_READY] = commune
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
def commune_db(db: Database, request: pytest.FixtureRequest) -> Database:
    """A database with the commune declared and default catalogues loaded (copied so from a template)."""
    if not request.node.stash.get(COMMUNE_READY, False):  # asked for late, with getfixturevalue
        initialise_commune(db, COMMUNE)
    return db


# The demo ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DemoTemplate:
    """A demo database made once per session: a closed data directory, and what generate_demo said."""

    folder: Path
    summary: DemoSummary

    def copy_to(self, data_dir: Path) -> Path:
        """Copy the demo into a data directory of its own (SQLite backup API); returns data_dir."""
        copy_sqlite(_closed_sqlite_file(self.folder), data_dir / DB_FILE_NAME)
        return data_dir


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory,
                  sqlite_template: Path) -> Callable[..., DemoTemplate]:
    """demo_template(subjects, seed, commune=False, run=1): that demo, generated the first time it is asked
    for in the session (per xdist worker) and kept; commune=True generates it over `commune_db`'s commune;
    run=2 is another, separate generation of the same demo (to check that it comes out the same).
    Tests copy it (DemoTemplate.copy_to, or `make_demo`) and never write to it."""
    from app.services.demo.generate import generate_demo

    made: dict[tuple[int, int, bool, int], DemoTemplate] = {}

    def get(subjects: int = 2000, seed: int = 2026, commune: bool = False, run: int = 1) -> DemoTemplate:
        key = (subjects, seed, commune, run)
        if key not in made:
            folder = tmp_path_factory.mktemp(f"demo-{subjects}-{seed}")
            copy_sqlite(sqlite_template, folder / DB_FILE_NAME)
            with pytest.MonkeyPatch.context() as patch:
                patch.delenv("SOVANG_DATABASE_URL", raising=False)
                database = open_database(folder)
                try:
                    if commune:
                        initialise_commune(database, COMMUNE)
                    summary = generate_demo(database, subjects=subjects, seed=seed)
                finally:
                    database.close()
            made[key] = DemoTemplate(folder, summary)
        return made[key]

    return get


@pytest.fixture
def make_demo(data_dir: Path, demo_template: Callable[..., DemoTemplate]) -> Iterator[Callable[..., tuple]]:
    """make_demo(subjects, seed, commune=False) -> (database, summary): the test's data directory filled
    with that demo (made once per session, copied) and opened; closed at the end of the test."""
    opened: list[Database] = []

    def make(subjects: int = 2000, seed: int = 2026, commune: bool = False) -> tuple[Database, DemoSummary]:
        template = demo_template(subjects, seed, commune)
        opened.append(open_database(template.copy_to(data_dir)))
        return opened[-1], copy.deepcopy(template.summary)

    yield make
    for database in opened:
        database.close()


@pytest.fixture
def same_seed_demos(tmp_path: Path, demo_template: Callable[..., DemoTemplate]) -> Iterator[tuple]:
    """Two separate runs of generate_demo(subjects=600, seed=7), each in a database of its own (copied)."""
    databases = [open_database(demo_template(600, 7, run=run).copy_to(tmp_path / f"run-{run}"))
                 for run in (1, 2)]
    yield tuple(databases)
    for database in databases:
        database.close()
