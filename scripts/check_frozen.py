"""Run the frozen app (PyInstaller's dist/SoVang, built by `make dist`) the way a user would, offscreen.

Usage: python scripts/check_frozen.py [DIST_DIR]      (default dist/SoVang; `make check-dist` builds it first)

On a fresh temporary data directory: `init`, `demo --subjects 300`, `check-db`, then the GUI with
SOVANG_SELF_CHECK=1 (app/ui/self_check.py: the main window shows every page, then closes), then
`decision list --json` and `decision render` of a decision and its proposal to PDF and Word, the Giấy khen
of an issued decision and the calibration page, a closed council meeting's papers, the annual report (.xlsx,
.pdf), an upload package and its verification, and a dry run of the shipped village list. Every step must
exit as expected within its time limit and write what it should; one line per step, then the verdict.
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
BUNDLED = ["resources/fonts", "resources/certificates", "resources/translations/qtbase_vi.qm", "docs/help",
           "app/storage/migrations/env.py", "app/storage/migrations/versions",
           "docx/templates/default.docx", "pypdfium2_raw", "psycopg_binary"]


class StepFailed(Exception):
    pass


def executable(dist: Path) -> Path:
    for name in ("SoVang.exe", "SoVang"):
        if (dist / name).is_file():
            return dist / name
    raise StepFailed(f"no SoVang executable in {dist} (run `make dist`)")


def run(exe: Path, data_dir: Path, args: list[str], env: dict[str, str], timeout: float,
        expected: int = 0) -> str:
    """Run the frozen app; its stdout. StepFailed on another exit status than `expected` or the time
    limit."""
    command = [str(exe), "--data-dir", str(data_dir), *args]
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise StepFailed(f"still running after {timeout:g} s: {' '.join(args) or '(GUI)'}"
                         f"{_tail(exc.stderr)}") from None
    if done.returncode != expected:
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

        def cli(*args: str, expected: int = 0) -> str:
            return run(state["exe"], data_dir, list(args), env, CLI_TIMEOUT_S,  # type: ignore[arg-type]
                       expected)

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

        def certificates() -> str:
            decisions = json.loads(cli("decision", "list", "--json"))
            issued = [d for d in decisions if d["status"] == "issued" and d["form"] == "Giấy khen"]
            if not issued:
                raise StepFailed("the demo issued no Giấy khen decision")
            target = out_dir / "giay-khen.pdf"
            cli("certificates", str(issued[0]["id"]), "--out", str(target), "--override-stock",
                "--note", "kiểm tra bản đóng gói")
            return non_empty(target, b"%PDF")

        def calibration_page() -> str:
            target = out_dir / "can-chinh.pdf"
            cli("calibration-page", "--out", str(target))
            return non_empty(target, b"%PDF")

        def meeting_papers() -> str:
            meetings = [line.split("\t") for line in cli("meeting", "list").splitlines() if line.strip()]
            closed = [fields[0] for fields in meetings if fields[4] == "Đã kết thúc"]
            if not closed:
                raise StepFailed("the demo closed no council meeting")
            folder = out_dir / "giay-to-hop"
            written = cli("meeting", "papers", closed[0], "--out", str(folder))
            paths = [Path(line) for line in written.splitlines() if line.strip()]
            if len(paths) != 6:
                raise StepFailed(f"{len(paths)} files instead of 6: {paths}")
            return ", ".join(check_docx(p) if p.suffix == ".docx" else non_empty(p, b"%PDF")
                             for p in paths[-2:])

        def report(suffix: str) -> Callable[[], str]:
            def step() -> str:
                target = out_dir / f"bao-cao-nam{suffix}"
                cli("report", "nam", "--year", "2026", "--out", str(target))
                return non_empty(target, b"PK" if suffix == ".xlsx" else b"%PDF")

            return step

        def package() -> str:
            target = out_dir / "goi.zip"
            cli("package", str(state["decision"]), "--out", str(target))
            return cli("verify-package", str(target)).strip().splitlines()[-1][:200]

        def village_list() -> str:
            workbook = ROOT / "resources" / "data" / "demo" / "danh-sach-thon-trung.xlsx"
            # exit status 1: the list has rows refused on purpose (a 31/02, an 11-digit CCCD …)
            return cli("import-xlsx", str(workbook), "--dry-run", expected=1).strip().splitlines()[-1][:200]

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
            ("certificates (Giấy khen of an issued decision)", certificates),
            ("calibration-page", calibration_page),
            ("meeting papers (a closed council meeting)", meeting_papers),
            ("report nam --out .xlsx", report(".xlsx")),
            ("report nam --out .pdf", report(".pdf")),
            ("package and verify-package", package),
            ("import-xlsx --dry-run (the shipped village list, TCVN3 and VNI)", village_list),
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
