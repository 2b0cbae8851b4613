"""The writer that the crash-safety test and benchmark kill, and the harness that kills it.

Run as a script (`python tests/crash_writer.py DATA_DIR TAG`), it opens the data directory through
`open_database`, prints READY, then saves subjects (each with an award row, so foreign keys are in
play) one after another through the subjects service; after each save returns — the commit is
acknowledged — it prints the subject's name and flushes. `kill_once` starts it, lets it write for a
while, kills it with SIGKILL and returns what a fresh connection finds.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READY = "READY"


def write_until_killed(data_dir: Path, tag: str) -> None:
    from app.models import Gender, SubjectKind
    from app.services.subjects.crud import create_subject
    from app.services.subjects.data import AwardInput, SubjectInput
    from app.storage.database import open_database

    db = open_database(data_dir)
    print(READY, flush=True)
    number = 0
    while True:
        number += 1
        name = f"Nguyễn Văn Ghi {tag}-{number}"
        award = AwardInput(form_name="Giấy khen", year=2025, decision_no=f"{number}/QĐ-UBND",
                           issuer="UBND xã")
        create_subject(db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.MALE,
                                        birth_year=1980, awards=[award]))
        print(name, flush=True)


@dataclass
class KillOutcome:
    acknowledged: list[str]  # names printed before the kill
    missing: list[str]  # acknowledged but not in the database afterwards
    integrity: list[str]  # PRAGMA integrity_check rows (["ok"] when sound)
    foreign_key_errors: int

    @property
    def ok(self) -> bool:
        return not self.missing and self.integrity == ["ok"] and self.foreign_key_errors == 0


def kill_once(data_dir: Path, tag: str, delay_s: float, timeout_s: float = 60) -> KillOutcome:
    """Start a writer, kill it `delay_s` after it is ready, and check the database it leaves."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    writer = subprocess.Popen([sys.executable, __file__, str(data_dir), tag], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=env)
    try:
        first = writer.stdout.readline().decode("utf-8").strip()
        if first != READY:
            raise RuntimeError(f"the writer did not start: {writer.stderr.read().decode('utf-8')[-2000:]}")
        time.sleep(delay_s)
    finally:
        writer.kill()  # SIGKILL on POSIX: no cleanup, no flush, no close
        out, _err = writer.communicate(timeout=timeout_s)
    lines = out.decode("utf-8").split("\n")[:-1]  # only whole lines: the last one may be cut off
    return inspect(data_dir, lines)


def inspect(data_dir: Path, acknowledged: list[str]) -> KillOutcome:
    conn = sqlite3.connect(data_dir / "sovang.sqlite3")
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        foreign_keys = conn.execute("PRAGMA foreign_key_check").fetchall()
        stored = {row[0] for row in conn.execute("SELECT name FROM subject")}
    finally:
        conn.close()
    missing = [name for name in acknowledged if name not in stored]
    return KillOutcome(acknowledged, missing, integrity, len(foreign_keys))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    write_until_killed(Path(sys.argv[1]), sys.argv[2])
