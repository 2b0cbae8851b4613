"""Run the frozen app (PyInstaller's dist/SoVang, built by `make dist`) the way a user would, offscreen.

Usage: python scripts/check_frozen.py [DIST_DIR]      (default dist/SoVang; `make check-dist` builds it first)

On a fresh temporary data directory: `init`, `demo --subjects 300`, `check-db`, then the GUI with
SOVANG_SELF_CHECK=1 (app/ui/self_check.py: the main window shows every page, then closes), then
`decision list --json` and `decision render` of a decision and its proposal to PDF and Word. Every step
must exit 0 within its time limit and write what it should; one line per step, then the verdict.
Exit 0 when everything passed, 1 otherwise. Standard library only (it runs without the app's venv).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI_TIMEOUT_S = 300
GUI_TIMEOUT_S = 300  # the self-check gives up by itself after 180 s (SOVANG_SELF_CHECK_TIMEOUT)
DEMO_SUBJECTS = "300"
# Pieces loaded by name or with ctypes at run time, which a build can silently leave out.
BUNDLED = ["resources/fonts", "app/storage/migrations/env.py", "app/storage/migrations/versions",
           "docx/templates/default.docx", "pypdfium2_raw", "psycopg_binary"]


class StepFailed(Exception):
    pass


def executable(dist: Path) -> Path:
    for name in ("SoVang.exe", "SoVang"):
        if (dist / name).is_file():
            return dist / name
    raise StepFailed(f"no SoVang executable in {dist} (run `make dist`)")


def run(exe: Path, data_dir: Path, args: list[str], env: dict[str, str], timeout: float) -> str:
    """Run the frozen app; its stdout. StepFailed on a non-zero exit status or the time limit."""
    command = [str(exe), "--data-dir", str(data_dir), *args]
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise StepFailed(f"still running after {timeout:g} s: {' '.join(args) or '(GUI)'}"
                         f"{_tail(exc.stderr)}") from None
    if done.returncode != 0:
        raise StepFailed(f"exit status {done.returncode}{_tail(done.stderr)}{_tail(done.stdout)}")
    if done.stderr.strip():  # said, not fatal: a step's warnings are worth reading
        print(_indent(done.stderr))
    return done.stdout


def _tail(text: str | bytes | None, lines: int = 40) -> str:
    if not text:
        return ""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return "\n" + _indent("\n".join(text.strip().splitlines()[-lines:]))


def _indent(text: str) -> str:
    return "\n".join(f"    | {line}" for line in text.strip().splitlines())


def non_empty(path: Path, magic: bytes) -> str:
    if not path.is_file() or path.stat().st_size == 0:
        raise StepFailed(f"{path.name} was not written (or is empty)")
    if not path.read_bytes().startswith(magic):
        raise StepFailed(f"{path.name} does not start with {magic!r}")
    return f"{path.name}, {path.stat().st_size:,} bytes"


def check_docx(path: Path) -> str:
    described = non_empty(path, b"PK")
    with zipfile.ZipFile(path) as archive:
        if "word/document.xml" not in archive.namelist():
            raise StepFailed(f"{path.name} has no word/document.xml")
    return described


def main(argv: list[str]) -> int:
    dist = Path(argv[1]) if len(argv) > 1 else ROOT / "dist" / "SoVang"
    started = time.monotonic()
    passed = 0
    with tempfile.TemporaryDirectory(prefix="sovang-frozen-") as tmp:
        work = Path(tmp)
        data_dir, out_dir, runtime_dir = work / "data", work / "out", work / "runtime"
        out_dir.mkdir()
        runtime_dir.mkdir(mode=0o700)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(runtime_dir),
               "PYTHONIOENCODING": "utf-8"}
        env.pop("SOVANG_DATA_DIR", None)
        env.pop("SOVANG_SELF_CHECK", None)
        state: dict[str, object] = {}

        def bundle() -> str:
            exe = executable(dist)
            state["exe"] = exe
            internal = dist / "_internal"
            missing = [p for p in BUNDLED if not (internal / p).exists()]
            if missing:
                raise StepFailed("missing from the bundle: " + ", ".join(missing))
            return f"{exe.relative_to(dist.parent)}, and {len(BUNDLED)} run-time pieces present"

        def cli(*args: str) -> str:
            return run(state["exe"], data_dir, list(args), env, CLI_TIMEOUT_S)  # type: ignore[arg-type]

        def init() -> str:
            return cli("init", "--commune", "Xã Hòa Bình", "--province", "Tỉnh Kiểm Thử").strip()

        def demo() -> str:
            return cli("demo", "--subjects", DEMO_SUBJECTS).strip()[:200]

        def check_db() -> str:
            return " / ".join(cli("check-db").strip().splitlines())[:200]

        def gui() -> str:
            gui_env = {**env, "SOVANG_SELF_CHECK": "1"}
            output = run(state["exe"], data_dir, [], gui_env, GUI_TIMEOUT_S)  # type: ignore[arg-type]
            return output.strip().splitlines()[-1] if output.strip() else "(no output)"

        def decision_list() -> str:
            decisions = json.loads(cli("decision", "list", "--json"))
            if not decisions:
                raise StepFailed("the demo made no decision")
            with_proposal = [d for d in decisions if d["proposal_number"]] or decisions
            chosen = max(with_proposal, key=lambda d: sum(d["counts"].values()))
            state["decision"] = chosen["id"]
            return f"{len(decisions)} decision(s); decision {chosen['id']} ({chosen['form']}) is rendered"

        def render(document: str, fmt: str) -> Callable[[], str]:
            def step() -> str:
                target = out_dir / f"{document}-{state['decision']}.{fmt}"
                cli("decision", "render", str(state["decision"]), "--document", document,
                    "--format", fmt, "--out", str(target))
                return check_docx(target) if fmt == "docx" else non_empty(target, b"%PDF")

            return step

        steps = [
            ("bundle", bundle),
            ("init", init),
            (f"demo --subjects {DEMO_SUBJECTS}", demo),
            ("check-db", check_db),
            ("GUI: main window, every page (SOVANG_SELF_CHECK=1)", gui),
            ("decision list --json", decision_list),
            ("decision render --format pdf", render("decision", "pdf")),
            ("decision render --format docx", render("decision", "docx")),
            ("decision render --document proposal --format pdf", render("proposal", "pdf")),
            ("decision render --document proposal --format docx", render("proposal", "docx")),
        ]
        for name, step in steps:
            step_started = time.monotonic()
            try:
                detail = step()
            except (StepFailed, OSError, ValueError, KeyError) as exc:
                print(f"FAIL {name} ({time.monotonic() - step_started:.1f} s): {exc}", flush=True)
                print(f"check_frozen: FAILED at “{name}” ({passed}/{len(steps)} steps passed, "
                      f"{time.monotonic() - started:.0f} s)", flush=True)
                return 1
            passed += 1
            print(f"ok   {name} ({time.monotonic() - step_started:.1f} s): {detail}", flush=True)
    print(f"check_frozen: OK, {passed}/{len(steps)} steps passed with {dist} "
          f"({time.monotonic() - started:.0f} s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
