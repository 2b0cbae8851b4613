"""Type checks with a baseline that may only shrink (stdlib only; run by `make lint`).

Runs mypy over app/ (settings in pyproject.toml, [tool.mypy]) and compares its errors with
mypy-baseline.txt, the errors the code base already had when the check was introduced.

Each error is kept as "path: [code] message", without its line number, so that editing a file does
not break the check as long as no new kind of error appears in it; an error that occurs several
times in a file is listed that many times, and every occurrence counts.

    python scripts/mypy_baseline.py           check
    python scripts/mypy_baseline.py --update  rewrite the baseline with the errors mypy reports now

The check fails (exit 1)
  - when mypy reports an error that is not in the baseline (or more occurrences of it): the new
    errors are printed; fix them (a `# type: ignore[code]` with a reason is the last resort);
  - when errors of the baseline have disappeared: well done, run with --update and commit the
    smaller baseline, so that the errors you fixed cannot come back unnoticed. Under CI (CI=true) this
    is a warning only: a newer release of a library within the pinned ranges may fix errors by itself,
    and that must not stop a submission.
--update writes whatever mypy reports, new errors included, and says which lines it added: after
moving code between files the errors move with it, and the baseline must be regenerated.
Review the diff of mypy-baseline.txt: it should only ever get shorter.
Exit 2 when mypy itself fails (bad configuration, crash).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "mypy-baseline.txt"
HEADER = """\
# mypy errors accepted in app/ — this list may only shrink. Written by scripts/mypy_baseline.py --update;
# one error per line: "path: [code] message", without line numbers; repeated lines count separately.
"""

# path:line[:column]: error: message  [code]
ERROR_LINE = re.compile(
    r"^(?P<path>.+?):\d+(?::\d+)?: error: (?P<message>.*?)(?:  \[(?P<code>[a-z0-9-]+)\])?$"
)
LINE_NUMBER_IN_MESSAGE = re.compile(r"\bline \d+\b")


def normalise(path: str, code: str | None, message: str) -> str:
    path = path.replace("\\", "/")
    message = LINE_NUMBER_IN_MESSAGE.sub("line N", message.strip())
    return f"{path}: [{code or 'misc'}] {message}"


def run_mypy() -> Counter[str]:
    command = [
        sys.executable, "-m", "mypy",
        "--no-pretty", "--hide-error-context", "--no-color-output",
        "--show-error-codes", "--hide-column-numbers", "--no-error-summary",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.stderr.write(result.stdout + result.stderr)
        sys.exit(f"mypy failed (exit {result.returncode})")
    errors: Counter[str] = Counter()
    for line in result.stdout.splitlines():
        match = ERROR_LINE.match(line)
        if match:
            errors[normalise(match["path"], match["code"], match["message"])] += 1
        elif ": error: " in line:  # an error about no line (configuration): keep it whole
            errors[line.strip()] += 1
    if result.returncode == 1 and not errors:
        sys.stderr.write(result.stdout + result.stderr)
        sys.exit("mypy failed without reporting an error")
    return errors


def read_baseline() -> Counter[str]:
    if not BASELINE.exists():
        return Counter()
    lines = BASELINE.read_text(encoding="utf-8").splitlines()
    return Counter(line for line in lines if line.strip() and not line.startswith("#"))


def write_baseline(errors: Counter[str]) -> None:
    lines = sorted(errors.elements())
    BASELINE.write_text(HEADER + "".join(f"{line}\n" for line in lines), encoding="utf-8")


def show(title: str, errors: Counter[str]) -> None:
    print(f"{title} ({errors.total()}):")
    for line in sorted(errors.elements()):
        print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Type checks with a baseline that may only shrink.")
    parser.add_argument("--update", action="store_true", help="rewrite the baseline with the current errors")
    args = parser.parse_args(argv)

    current = run_mypy()
    baseline = read_baseline()
    new = current - baseline
    gone = baseline - current
    name = BASELINE.name

    if args.update:
        write_baseline(current)
        print(f"{name}: {baseline.total()} -> {current.total()} errors "
              f"({gone.total()} fixed or moved, {new.total()} added).")
        if new:
            show(f"Added to {name} — check they only moved with their code", new)
        return 0

    if new:
        show("New mypy errors, not in the baseline", new)
        print(f"Fix them; {name} may only shrink.")
    if gone:
        show(f"Errors of {name} that are gone", gone)
        print(f"Run `python scripts/mypy_baseline.py --update` and commit the smaller {name}.")
    if new or (gone and os.environ.get("CI") != "true"):
        return 1
    print(f"mypy: {current.total()} errors, all in {name}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
