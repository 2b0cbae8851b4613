"""What a feature package lets the UI and the CLI call: its public names, each imported from its module
on first use (PEP 562), so that importing a feature's package loads nothing the caller does not use.

Functions that take a `Session` are the package's own business and are never exported; tests/test_layers.py
checks that, and that the UI and the CLI take a feature's names from its package only.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, modules: dict[str, list[str]]) -> Callable[[str], Any]:
    """The `__getattr__` of a package whose public names live in its modules.

    `modules` maps a module of the package (its last name) to the names it gives; the package also
    lists them in a literal `__all__`, and imports them under TYPE_CHECKING for the type checker
    (tests/test_layers.py checks that the three agree).
    """
    where = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        # Not cached on the package: a test that patches the module's name is seen by the next caller.
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    __getattr__.exports = where  # type: ignore[attr-defined]  # read by tests/test_layers.py
    return __getattr__
