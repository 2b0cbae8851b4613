"""Modules the app imports by name exist (no PyInstaller needed).

PyInstaller cannot see an import by name, so the frozen app's build lists every module of the app
(installer/sovang.spec: collect_submodules("app")); a name that points nowhere — a page renamed or moved
without its entry in app/ui/pages.py — would still only fail when the page is opened. These tests fail
fast instead. `make check-dist` runs the frozen app itself (scripts/check_frozen.py).
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from app.ui.pages import default_pages

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app"
IMPORTERS = {"import_module", "__import__", "lazy"}  # lazy(module, class_name): app/ui/pages.py
# Where a module name held in a variable may be imported: each must be covered by a test here.
DYNAMIC_IMPORTS_ALLOWED = {
    "app/ui/pages.py",  # lazy(module, class_name): test_every_page_module_imports
    "app/services/exports.py",  # lazy_exports: test_every_lazily_exported_name_imports
}


def page_targets() -> list[tuple[str, str, str]]:
    """(page key, module, class name) of every page, read from the factory that `lazy` made."""
    targets = []
    for spec in default_pages():
        names = inspect.getclosurevars(spec.create).nonlocals
        assert {"module", "class_name"} <= names.keys(), (
            f"page {spec.key!r}: its factory is no longer pages.lazy(module, class_name); "
            "update tests/test_frozen_modules.py to read the module it imports")
        targets.append((spec.key, names["module"], names["class_name"]))
    return targets


@pytest.mark.parametrize(("key", "module", "class_name"), page_targets())
def test_every_page_module_imports(key: str, module: str, class_name: str) -> None:
    page_class = getattr(importlib.import_module(module), class_name, None)
    assert page_class is not None, f"page {key!r}: {module} has no {class_name}"
    assert issubclass(page_class, QWidget)


def lazy_export_packages() -> list[str]:
    """The packages of app/ whose public names come from lazy_exports (app/services/exports.py)."""
    found = []
    for init in sorted(APP.rglob("__init__.py")):
        if "migrations" in init.parts or "lazy_exports(" not in init.read_text(encoding="utf-8"):
            continue
        found.append(".".join(init.parent.relative_to(ROOT).parts))
    return found


@pytest.mark.parametrize("package", lazy_export_packages())
def test_every_lazily_exported_name_imports(package: str) -> None:
    exports = importlib.import_module(package).__getattr__.exports  # name -> module of the package
    assert exports, f"{package} exports nothing"
    for name, module in sorted(exports.items()):
        assert hasattr(importlib.import_module(f"{package}.{module}"), name), f"{package}.{module}: no {name}"


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def imports_by_name() -> tuple[set[str], set[str]]:
    """The module names imported by name in app/ (literal first arguments), and the files that import
    a name held in a variable."""
    literal, dynamic = set(), set()
    for path in sorted(APP.rglob("*.py")):
        if "migrations" in path.parts:
            continue  # Alembic's scripts, run from files (shipped as data)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and _name(node.func) in IMPORTERS and node.args):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                literal.add(first.value)
            else:
                dynamic.add(path.relative_to(ROOT).as_posix())
    return literal, dynamic


def test_every_module_imported_by_name_exists() -> None:
    literal, _ = imports_by_name()
    assert literal, "no import by name found: has app/ui/pages.py stopped using lazy()?"
    for module in sorted(literal):
        importlib.import_module(module)


def test_imports_of_a_variable_name_are_only_where_known() -> None:
    _, dynamic = imports_by_name()
    assert dynamic <= DYNAMIC_IMPORTS_ALLOWED, (
        f"new import of a module name held in a variable in {sorted(dynamic - DYNAMIC_IMPORTS_ALLOWED)}: "
        "check that the frozen app ships it (installer/sovang.spec) and test the names here")


def test_the_build_ships_every_app_module_and_the_migrations() -> None:
    spec = (ROOT / "installer" / "sovang.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("app")' in spec
    assert '"app/storage/migrations"' in spec  # Alembic runs env.py and the revisions from files
