"""One version: the frozen app has no distribution metadata and reads `app.__version__`, so it must be the
version pyproject.toml gives the installed distribution."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import app


def test_the_package_version_is_the_distribution_s() -> None:
    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert app.__version__ == pyproject["project"]["version"] == metadata.version("sovang")
