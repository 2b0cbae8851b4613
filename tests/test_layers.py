"""The layer rules of docs/ARCHITECTURE.md, read from the imports (ast) of every module in app/.

Bottom to top: errors → rules, models → exporters, storage → services → ui, cli. A module may import its
own layer and the layers below it, with two differences: the UI does not import storage at all (even the
`Database` type comes through app/services/workspace.py), and the CLI imports the GUI's entry point to
open it. Qt is imported in app/ui only, and no
two modules import each other at module level, however indirectly. Imports under `if TYPE_CHECKING:` are
for the type checker only and are left out.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"

BELOW: dict[str, set[str]] = {
    "errors": set(),
    "resources": set(),
    "rules": {"models", "errors"},
    "models": {"rules", "errors"},
    "exporters": {"rules", "models", "errors", "resources"},
    "storage": {"rules", "models", "errors", "resources"},
    "services": {"rules", "models", "errors", "resources", "exporters", "storage"},
    "ui": {"rules", "models", "errors", "resources", "exporters", "services"},
    "cli": {"rules", "models", "errors", "resources", "exporters", "storage", "services", "ui"},
    "__main__": {"cli"},
}
QT_PACKAGES = ("PySide6", "shiboken6")
PACKAGE_METADATA = {"app.__version__"}  # app/__init__.py holds only the version: any layer may read it
# What the UI may take from storage, and the CLI from the UI: (module, names).
CLI_FROM_UI = {("app.ui.app", "run_gui")}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted
    target: str  # the imported module, dotted
    names: tuple[str, ...]  # the names taken with `from target import …` (empty for `import target`)
    line: int
    top_level: bool  # executed when the module is imported (not inside a function)

    @property
    def where(self) -> str:
        return f"{self.module}:{self.line}"


def module_name(path: Path, root: Path = APP) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str:
    return module.split(".")[1] if module.count(".") else module


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _walk(node: ast.AST, top_level: bool) -> Iterator[tuple[ast.AST, bool]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for orelse in child.orelse:
                yield from _walk(orelse, top_level)
            continue
        inner = top_level and not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        yield child, inner
        yield from _walk(child, inner)


def imports_of(module: str, source: str) -> list[Import]:
    """Every import in a module's source; a relative one is kept with its dots, and refused below."""
    found: list[Import] = []
    for node, top in _walk(ast.parse(source), True):
        if isinstance(node, ast.Import):
            found += [Import(module, alias.name, (), node.lineno, top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = "." * node.level + (node.module or "")
            found.append(Import(module, target, tuple(a.name for a in node.names), node.lineno, top))
    return found


def app_imports() -> list[Import]:
    found: list[Import] = []
    for path in sorted(APP.rglob("*.py")):
        if "migrations" not in path.parts:  # Alembic's scripts: run by Alembic, not imported by the app
            found += imports_of(module_name(path), path.read_text(encoding="utf-8"))
    return found


def layer_violations(imports: list[Import]) -> list[str]:
    problems = []
    for imp in imports:
        mine, root = layer_of(imp.module), imp.target.split(".")[0]
        if imp.target.startswith("."):
            problems.append(f"{imp.where}: a relative import; the app imports by full name (app.…)")
        if root in QT_PACKAGES and mine != "ui":
            problems.append(f"{imp.where} imports Qt ({imp.target}) outside app/ui")
        if imp.target == "app":  # `from app import services`: each name is a layer of its own
            problems += layer_violations([Import(imp.module, f"app.{name}", (), imp.line, imp.top_level)
                                          for name in imp.names])
            continue
        if root != "app" or imp.target in PACKAGE_METADATA:
            continue
        theirs = layer_of(imp.target)
        if theirs == mine:
            continue
        if theirs not in BELOW.get(mine, set()):
            problems.append(f"{imp.where}: the {mine} layer imports {imp.target} ({theirs} is not below it)")
        elif mine == "cli" and theirs == "ui" and not _only(imp, CLI_FROM_UI):
            problems.append(f"{imp.where}: the CLI imports {imp.target} (only app.ui.app.run_gui)")
    return problems


def _only(imp: Import, allowed: set[tuple[str, str]]) -> bool:
    return bool(imp.names) and all((imp.target, name) in allowed for name in imp.names)


def import_cycles(imports: list[Import]) -> list[list[str]]:
    """Cycles among app modules through module-level imports (Tarjan's strongly connected components)."""
    modules = {imp.module for imp in imports}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for imp in imports:
        if not imp.top_level:
            continue
        for target in (imp.target, *(f"{imp.target}.{n}" for n in imp.names)):
            if target in modules and target != imp.module:
                graph[imp.module].add(target)
    return [sorted(c) for c in _components(graph) if len(c) > 1]


def _components(graph: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            found.append(component)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


@pytest.fixture(scope="module")
def imports() -> list[Import]:
    return app_imports()


def test_every_layer_imports_only_its_own_and_those_below(imports):
    assert layer_violations(imports) == []


def test_no_module_level_import_cycle(imports):
    assert import_cycles(imports) == []


def test_the_modules_are_all_read(imports):
    layers = {layer_of(imp.module) for imp in imports}
    assert {"models", "rules", "storage", "services", "exporters", "ui", "cli"} <= layers


# The checker itself must be able to fail: each rule on a module written to break it.


def _fake(module: str, source: str) -> list[Import]:
    return imports_of(module, source)


@pytest.mark.parametrize(("module", "source", "expected"), [
    ("app.services.subjects.crud", "from PySide6.QtWidgets import QWidget", "imports Qt"),
    ("app.storage.lock", "from app.services.settings import get_setting", "storage layer imports"),
    ("app.models.subject", "import app.ui.pages", "models layer imports"),
    ("app.exporters.docx_writer", "from app.storage.paths import logs_dir", "exporters layer imports"),
    ("app.ui.subjects.page", "from app.storage.paths import logs_dir", "ui layer imports"),
    ("app.ui.subjects.page", "from app.storage.database import Database", "ui layer imports"),
    ("app.services.units", "def f():\n    from app.cli.main import main", "services layer imports"),
    ("app.cli.main", "from app.ui.pages import default_pages", "the CLI imports"),
    ("app.ui.subjects.page", "from .form import SubjectForm", "a relative import"),
    ("app.storage.lock", "from app import services", "storage layer imports"),
    ("app.models.subject", "import app.ui", "models layer imports"),
])
def test_a_layer_violation_is_found(module, source, expected):
    problems = layer_violations(_fake(module, source))
    assert len(problems) == 1 and expected in problems[0]


def test_what_the_layers_allow_is_not_reported():
    allowed = _fake("app.ui.subjects.page", "from app.services.workspace import Database\n"
                    "from app.services.units import list_units\nif TYPE_CHECKING:\n"
                    "    from app.storage.paths import logs_dir")
    assert layer_violations(allowed) == []


def test_a_cycle_is_found_and_a_function_level_import_breaks_none():
    a = _fake("app.services.a", "from app.services import b")
    b = _fake("app.services.b", "from app.services.a import thing")
    assert import_cycles(a + b) == [["app.services.a", "app.services.b"]]
    lazy = _fake("app.services.b", "def f():\n    from app.services.a import thing")
    assert import_cycles(a + lazy) == []


# Feature packages of the services: what the UI and the CLI may call.

SERVICES = APP / "services"
FEATURES = sorted(p.parent.name for p in SERVICES.glob("*/__init__.py"))


def feature_import_violations(imports: list[Import], public: dict[str, set[str]]) -> list[str]:
    """The UI and the CLI take a feature's names from its package, and only those in its __all__."""
    problems = []
    for imp in imports:
        if layer_of(imp.module) not in ("ui", "cli") or not (imp.target + ".").startswith("app.services."):
            continue
        parts = imp.target.split(".")
        if len(parts) == 2:  # `from app.services import subjects`: the package as a module, its modules open
            problems += [f"{imp.where}: imports the package app.services.{name}; take its names instead"
                         for name in imp.names if name in public]
            continue
        if parts[2] not in public:
            continue  # a one-file feature (app/services/units.py): its module is its package
        if len(parts) > 3:
            problems.append(f"{imp.where}: imports {imp.target}; take the names from app.services.{parts[2]}")
        for name in set(imp.names) - public[parts[2]]:
            problems.append(f"{imp.where}: {name} is not in app.services.{parts[2]}.__all__")
    return problems


def _public() -> dict[str, set[str]]:
    return {name: set(importlib.import_module(f"app.services.{name}").__all__) for name in FEATURES}


def test_the_ui_and_cli_call_features_through_their_packages(imports):
    assert feature_import_violations(imports, _public()) == []


@pytest.mark.parametrize("feature", FEATURES)
def test_a_feature_exports_what_it_lists_and_types(feature):
    package = importlib.import_module(f"app.services.{feature}")
    exports = package.__getattr__.exports
    source = (SERVICES / feature / "__init__.py").read_text(encoding="utf-8")
    typed = {alias.name for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)
             and (node.module or "").startswith(f"app.services.{feature}.") for alias in node.names}
    assert set(package.__all__) == set(exports) == typed
    for name, module in exports.items():
        home = importlib.import_module(f"{package.__name__}.{module}")
        assert getattr(package, name) is getattr(home, name)


@pytest.mark.parametrize("feature", FEATURES)
def test_no_exported_function_takes_a_session(feature):
    package = importlib.import_module(f"app.services.{feature}")
    takes_session = [name for name in package.__all__ if _takes_session(getattr(package, name))]
    assert takes_session == [], "functions that take a Session stay private to their package"


def _takes_session(value: object) -> bool:
    if not inspect.isfunction(value):
        return False
    return any("Session" in str(p.annotation) or p.name == "session"
               for p in inspect.signature(value).parameters.values())


def test_a_submodule_import_or_an_unlisted_name_is_found():
    public = {"subjects": {"create_subject"}}
    deep = _fake("app.ui.subjects.page", "from app.services.subjects.crud import create_subject")
    unlisted = _fake("app.cli.main", "from app.services.subjects import create_subject, _get")
    flat = _fake("app.ui.units.page", "from app.services.units import list_units")
    whole = _fake("app.ui.subjects.page", "from app.services import subjects, units")
    assert feature_import_violations(whole, public) == [
        "app.ui.subjects.page:1: imports the package app.services.subjects; take its names instead"]
    assert len(feature_import_violations(deep, public)) == 1
    assert feature_import_violations(unlisted, public) == ["app.cli.main:1: _get is not in "
                                                           "app.services.subjects.__all__"]
    assert feature_import_violations(flat, public) == []
    assert _takes_session(lambda session: None) and not _takes_session(lambda db: None)
