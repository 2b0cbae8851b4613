"""What the start imports, pinned: the app's modules and the third-party packages loaded by the time the
main window is shown.

A menu or dialog imports its services in its slots, not when the window is built (start-up time, see
bench/bench_startup.py). A new eager import fails here, naming the module and the module that imported
it. Each start runs in a fresh interpreter, so that what other tests imported hides nothing.

Two starts are pinned: the main window alone, as bench/bench_startup.py builds it, and the whole start as
`run_gui` does it (the lock, the damaged-database check, sign-in, then the window). The lists are an upper
bound: a module that stops being imported at start only needs its line removed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.storage.database import Database

ROOT = Path(__file__).resolve().parents[2]

CHILD = r'''
import json, os, sys
from pathlib import Path

imported_by = {}


class WhoImports:
    """Notes, for each module, the module whose code imported it first (for the failure message)."""

    def find_spec(self, name, path=None, target=None):
        frame = sys._getframe(1)
        while frame is not None and frame.f_globals.get("__name__", "").startswith(
                ("importlib", "_frozen_importlib")):
            frame = frame.f_back
        imported_by.setdefault(name, frame.f_globals.get("__name__", "?") if frame is not None else "?")
        return None


sys.meta_path.insert(0, WhoImports())
mode, data_dir = sys.argv[1], Path(sys.argv[2])


def report_and_leave():
    from app.models.base import Base

    configured = sorted(mapper.class_.__name__ for mapper in Base.registry.mappers if mapper.configured)
    print(json.dumps({"modules": sorted(sys.modules), "imported_by": imported_by,
                      "configured_mappers": configured}), flush=True)
    os._exit(0)  # nothing more to see: no closing (its backup would import more)


if mode == "window":  # as bench/bench_startup.py does
    from app.ui.app import make_application
    from app.storage.database import open_database
    from app.ui.main_window import MainWindow

    app = make_application()
    window = MainWindow(open_database(data_dir))
    window.show()
    app.processEvents()
    report_and_leave()
else:  # as the app starts
    from app.ui.app import make_application, run_gui
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = make_application()

    def look() -> None:
        from app.ui.main_window import MainWindow

        if any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()):
            report_and_leave()

    timer = QTimer(interval=1)
    timer.timeout.connect(look)
    timer.start()
    run_gui(data_dir)
    print(json.dumps({"error": "run_gui returned without showing the main window"}), flush=True)
'''

# The app's modules imported once the main window (and its first page, the dashboard) is shown.
WINDOW_APP_MODULES = frozenset({
    "app", "app.errors", "app.resources",
    "app.models", "app.models.audit", "app.models.award", "app.models.base", "app.models.decision",
    "app.models.enums", "app.models.movement", "app.models.nomination", "app.models.setting",
    "app.models.stored_file", "app.models.subject", "app.models.unit", "app.models.user",
    "app.models.subject_word",  # the word table, mapped with the other models
    "app.models.exchange",  # the import batches and column presets, mapped with the other models
    "app.models.council", "app.models.certificate", "app.models.stored_file_content",  # mapped with the rest
    "app.storage.file_store",  # its list of evidence file types, for the file pickers' filters (small)
    "app.rules", "app.rules.duty", "app.rules.vntext",
    "app.services", "app.services.dashboard", "app.services.duty", "app.services.exports",
    "app.services.settings", "app.services.subjects", "app.services.subjects.data",
    "app.services.subjects.search", "app.services.workspace",
    "app.services.sorting",  # the lists' shared ORDER BY pieces, used by the subjects list
    "app.services.subjects.words",  # the search's word conditions (SQLAlchemy only)
    "app.services.subjects.segments",  # the subjects list's sort by a column, in index-ordered parts
    "app.storage", "app.storage.actor", "app.storage.conflicts", "app.storage.damage", "app.storage.database",
    "app.storage.engine", "app.storage.location", "app.storage.lock", "app.storage.paths",
    "app.storage.private",  # the data folder 0700 and the database 0600: os.chmod, no other import
    "app.storage.schema", "app.storage.scratch", "app.storage.versions", "app.storage.write_guard",
    # Opening checks that the folder was initialised (a marker written atomically; backup names parsed to
    # recognise an older folder): small modules with no third-party imports.
    "app.storage.initialised", "app.storage.atomic", "app.storage.backup", "app.storage.backup.schedule",
    "app.storage.audit", "app.storage.audit.baseline", "app.storage.audit.cascade", "app.storage.audit.chain",
    "app.storage.audit.changes", "app.storage.audit.fields", "app.storage.audit.recorder",
    "app.storage.audit.registry", "app.storage.audit.rows", "app.storage.audit.seal",
    "app.storage.audit.snapshot", "app.storage.audit.statements",
    "app.ui", "app.ui.app", "app.ui.crash", "app.ui.main_window", "app.ui.pages",
    "app.ui.accounts", "app.ui.accounts.access_controls", "app.ui.accounts.idle_lock",
    "app.ui.accounts.presence",
    "app.ui.dashboard", "app.ui.dashboard.duty_models", "app.ui.dashboard.page", "app.ui.dashboard.text",
    "app.ui.kit", "app.ui.kit.background", "app.ui.kit.messages", "app.ui.kit.system_files",
    "app.ui.kit.table_model", "app.ui.kit.waiting", "app.ui.kit.widgets",
    "app.ui.kit.qt_vietnamese",  # Qt's words and the locale, installed with the application
    "app.ui.kit.style",  # the application's style: room for the marks under tab titles (Qt only)
    "app.ui.kit.item_rows",  # list rows tall enough for stacked marks, for the page list (Qt only)
    "app.ui.kit.drawn_icons",  # the duty table's status icons, drawn at every scaling (Qt only)
    "app.ui.safety", "app.ui.safety.auto_backup", "app.ui.safety.backup_actions",
    "app.ui.exchange", "app.ui.exchange.menu",  # the "Trao đổi" menu; its dialogs load when opened
})
# What run_gui adds before the window: the self-check hook, the damaged-database check, and sign-in
# (`has_accounts`; the password hashing loads argon2 only when a password is hashed or checked).
START_APP_MODULES = WINDOW_APP_MODULES | {
    "app.ui.self_check", "app.ui.safety.damaged_start_dialog", "app.ui.accounts.login_dialog",
    "app.ui.kit.operations",
    "app.services.accounts", "app.services.accounts.manage", "app.services.accounts.data",
    "app.services.accounts.passwords", "app.services.accounts.permissions",
    "app.services.accounts.validation", "app.services.records",
}

# Third-party top-level packages (not the standard library's, not private ones like _cffi_backend).
WINDOW_THIRD_PARTY = frozenset({
    "PySide6", "shiboken6", "shibokensupport", "signature_bootstrap",  # Qt
    "sqlalchemy", "typing_extensions",  # the database
    "filelock", "platformdirs",  # the single-instance lock, the data folder
})
START_THIRD_PARTY = WINDOW_THIRD_PARTY
# Not packages the app imports: Cython's runtime module, and what a coverage or site hook adds.
NOT_IMPORTS = frozenset({"cython_runtime", "coverage", "sitecustomize", "usercustomize"})


def start_in_a_fresh_interpreter(mode: str, data_dir: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("SOVANG_DATABASE_URL", "SOVANG_SELF_CHECK"):
        env.pop(name, None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-c", CHILD, mode, str(data_dir)], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=180)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the {mode} start printed nothing (exit status {done.returncode}):\n{done.stderr[-3000:]}"
    result = json.loads(lines[-1])
    assert "error" not in result, f"{result['error']}\n{done.stderr[-3000:]}"
    return result


def third_party(modules: list[str]) -> set[str]:
    tops = {name.split(".")[0] for name in modules}
    return {top for top in tops
            if top not in sys.stdlib_module_names and top != "app" and not top.startswith("_")} - NOT_IMPORTS


def unexpected(result: dict, app_allowed: frozenset[str], third_party_allowed: frozenset[str]) -> list[str]:
    modules = result["modules"]
    new_app = sorted(m for m in modules if (m == "app" or m.startswith("app.")) and m not in app_allowed)
    new_third = sorted(third_party(modules) - third_party_allowed)
    who = result["imported_by"]
    return [f"{name} (imported by {who.get(name, '?')})" for name in [*new_app, *new_third]]


@pytest.fixture
def closed_commune(commune_db: Database, data_dir: Path) -> Path:
    commune_db.close()
    return data_dir


@pytest.mark.parametrize(("mode", "app_allowed", "third_party_allowed"), [
    ("window", WINDOW_APP_MODULES, WINDOW_THIRD_PARTY),
    ("start", START_APP_MODULES, START_THIRD_PARTY),
])
def test_the_start_imports_only_what_the_first_page_needs(closed_commune, mode, app_allowed,
                                                           third_party_allowed):
    result = start_in_a_fresh_interpreter(mode, closed_commune)
    assert "app.ui.main_window" in result["modules"], "the child did not get as far as the main window"
    new = unexpected(result, app_allowed, third_party_allowed)
    assert not new, (
        f"Imported by the time the main window is shown ({mode}), but not in the allow-list of "
        "tests/ui/test_startup_imports.py:\n  " + "\n  ".join(new) + "\n"
        "Import it where it is used (in the slot or dialog), or, if the first page really needs it, "
        "add it to the list (and check bench/bench_startup.py)."
    )


def test_the_first_page_is_shown_before_the_orm_mappers_are_configured(closed_commune):
    """The window title and the dashboard read with Core statements over the tables: the first ORM query
    configures all the mappers (about 75 ms with the 27 models), which then happens after the first paint,
    when a page or a dialog that needs it is opened."""
    result = start_in_a_fresh_interpreter("window", closed_commune)
    assert result["configured_mappers"] == [], (
        "An ORM query ran before the main window was shown, configuring the mappers of "
        f"{', '.join(result['configured_mappers'])}: read the first page with Core statements "
        "(select over Model.__table__ columns), as app/services/dashboard.py does."
    )
