"""scripts/system_deps.py installs Debian's PostgreSQL for the tests (root with apt-get), after Qt's part,
and its outcome never changes the exit status."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.both_backends

SCRIPT = Path(__file__).parents[2] / "scripts" / "system_deps.py"


@pytest.fixture
def deps(monkeypatch):
    spec = importlib.util.spec_from_file_location("system_deps", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.delenv("SOVANG_TEST_PG_URL", raising=False)
    monkeypatch.setattr(module.sys, "argv", ["system_deps.py"])
    monkeypatch.setattr(module, "qt_libraries", lambda: 0)
    monkeypatch.setattr(module.os, "geteuid", lambda: 0)
    monkeypatch.setattr(module.sys, "platform", "linux")
    monkeypatch.setattr(module.shutil, "which", lambda name: {"apt-get": "/usr/bin/apt-get",
                                                              "ldd": "/usr/bin/ldd"}.get(name))
    return module


def fake_install(deps, monkeypatch, returncode: int, installs: bool) -> list[str]:
    commands: list[str] = []
    found = {"server": False}

    def run(args, **_kwargs):
        commands.append(args[-1])
        found["server"] = installs
        return subprocess.CompletedProcess(args, returncode)

    monkeypatch.setattr(deps.subprocess, "run", run)
    monkeypatch.setattr(deps, "postgres_server_found", lambda: found["server"])
    return commands


def test_root_with_apt_installs_postgresql_when_the_server_is_missing(deps, monkeypatch, capsys) -> None:
    commands = fake_install(deps, monkeypatch, returncode=0, installs=True)
    assert deps.main() == 0
    assert commands == ["apt-get update && apt-get install -y --no-install-recommends postgresql"]
    assert "Đang cài: apt-get update" in capsys.readouterr().out


def test_a_failed_install_is_said_and_fails_nothing(deps, monkeypatch, capsys) -> None:
    fake_install(deps, monkeypatch, returncode=100, installs=False)
    assert deps.main() == 0
    said = capsys.readouterr().out
    assert "Không cài được PostgreSQL: các bài kiểm tra trên PostgreSQL sẽ được bỏ qua." in said


def test_without_root_it_says_how(deps, monkeypatch, capsys) -> None:
    commands = fake_install(deps, monkeypatch, returncode=0, installs=True)
    monkeypatch.setattr(deps.os, "geteuid", lambda: 1000)
    assert deps.main() == 0 and commands == []
    assert "sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends postgresql'" in (
        capsys.readouterr().out)


def test_the_gui_run_does_not_look_for_postgresql(deps, monkeypatch) -> None:
    commands = fake_install(deps, monkeypatch, returncode=0, installs=True)
    monkeypatch.setattr(deps.sys, "argv", ["system_deps.py", "--gui"])
    assert deps.main() == 0 and commands == []


def test_the_server_on_this_machine_is_found(deps, monkeypatch) -> None:
    """What tests/pg_server.py would start is what the script looks for."""
    import pg_server

    monkeypatch.undo()
    try:
        pg_server.find_bindir()
    except pg_server.PgUnavailable:
        assert not deps.postgres_server_found()
    else:
        assert deps.postgres_server_found()
