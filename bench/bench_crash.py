"""Crash safety: writer processes killed with SIGKILL at random moments, across every kind of writer.

Six writers, each a subprocess of this script (`python bench_crash.py --writer KIND DATA_DIR TAG`) working
on a data directory of its own that grows from kill to kill; each prints one line per write as soon as
the write is acknowledged (committed, or the file renamed into place):

- subjects: subjects with an award row saved one after another (subjects service);
- demo: a whole demo generated into a fresh folder (acknowledged once, at its end);
- issue: a person taken through a nomination to an issued decision (the decisions service);
- erase: a person made, then erased on request (a backup first, then one transaction);
- backup: verified backups into backups/ (SQLite's backup API, then a rename);
- restore: the data replaced by an earlier backup, the one before backed up first.

After each kill the folder is opened as the app opens it (a killed backup's leftovers removed, a
damaged file set aside), then checked: integrity_check "ok", no foreign-key error, the audit trail
verifies (chain, seals, data against the trail), and every acknowledged write is there — a subject by
name, a decision as issued, an erased person without personal data, a backup file that verifies.
The writers are drawn at random (every kind at least KILLS // 6 times); the seed is printed.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
for extra in (str(ROOT), str(ROOT / "tests")):
    if extra not in sys.path:
        sys.path.insert(0, extra)

KILLS = 60
KINDS = ("subjects", "demo", "issue", "erase", "backup", "restore")
MAX_DELAY_S = {"subjects": 3.0, "demo": 45.0, "issue": 10.0, "erase": 5.0, "backup": 1.5, "restore": 3.0}
READY = "READY"
DEMO_SUBJECTS = 300


# The writers (run in the subprocess) -----------------------------------------------------------------

def _ack(line: str) -> None:
    print(line, flush=True)


def _open(data_dir: Path):
    from app.storage.database import open_database

    db = open_database(data_dir, replace_missing=True)
    db.mark_initialised()
    return db


def _commune(db) -> None:
    from conftest import COMMUNE

    from app.services.commune import initialise_commune
    from app.services.settings import load_commune_profile

    if not load_commune_profile(db).commune:
        initialise_commune(db, COMMUNE)


def write_subjects(data_dir: Path, tag: str) -> None:
    from crash_writer import write_until_killed

    write_until_killed(data_dir, tag)  # prints READY, then each acknowledged subject's name


def write_demo(data_dir: Path, tag: str) -> None:
    from app.services.demo import generate_demo

    folder = data_dir / f"demo-{tag}"
    db = _open(folder)
    _ack(READY)
    generate_demo(db, subjects=DEMO_SUBJECTS, seed=int(tag) + 1)
    _ack(f"demo {folder.name}")


def write_issues(data_dir: Path, tag: str) -> None:
    from decision_helpers import TODAY, form_ids, make_person, make_round, passed_nomination

    from app.services.decisions.data import DecisionInput, IssueInput
    from app.services.decisions.drafts import create_decision
    from app.services.decisions.issue import issue_decision

    db = _open(data_dir)
    _commune(db)
    form = form_ids(db)["LDTT"]
    _ack(READY)
    for number in range(1, 10_000):
        round_id = make_round(db, name=f"Đợt {tag}-{number}")
        passed_nomination(db, round_id, make_person(db, f"Phạm Văn Ban {tag}-{number}"), form)
        data = DecisionInput(round_id=round_id, award_form_id=form, council_meeting_on=TODAY)
        draft = create_decision(db, data)
        issued = issue_decision(db, draft.row.id, IssueInput(day=TODAY))
        _ack(f"issue {issued.row.id}")


def write_erasures(data_dir: Path, tag: str) -> None:
    from app.models import Gender, SubjectKind
    from app.services.subjects.crud import create_subject
    from app.services.subjects.data import SubjectInput
    from app.services.subjects.erase import erase_subject

    db = _open(data_dir)
    _ack(READY)
    for number in range(1, 10_000):
        name = f"Lê Thị Xóa {tag}-{number}"
        made = create_subject(db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.FEMALE,
                                               citizen_id=f"0011{number:08d}", birth_year=1990))
        erase_subject(db, made.id, "Đơn đề nghị xóa dữ liệu", name)
        _ack(f"erase {made.id}")


def _seeded(data_dir: Path) -> None:
    from backup_helpers import add_subject

    db = _open(data_dir)
    try:
        with db.read() as session:
            from app.models import Subject

            if session.query(Subject).count() == 0:
                for n in range(20):
                    add_subject(db, f"Đỗ Văn Có {n}", award=True)
    finally:
        db.close()


def write_backups(data_dir: Path, tag: str) -> None:
    from app.storage.backup.backups import BackupReason, make_backup

    _seeded(data_dir)
    _ack(READY)
    while True:
        _ack(f"backup {make_backup(data_dir, BackupReason.MANUAL).path.name}")


def write_restores(data_dir: Path, tag: str) -> None:
    from app.services.safety import restore_at_start
    from app.storage.backup.backups import BackupReason, make_backup

    _seeded(data_dir)
    if not list((data_dir / "backups").glob("sovang-*-thu-cong*.sqlite3")):
        make_backup(data_dir, BackupReason.MANUAL)
    source = _restore_source(data_dir)
    _ack(READY)
    for number in range(1, 10_000):
        restore_at_start(data_dir, source)
        _ack(f"restore {number}")


WRITERS = {"subjects": write_subjects, "demo": write_demo, "issue": write_issues, "erase": write_erasures,
           "backup": write_backups, "restore": write_restores}


# The harness ----------------------------------------------------------------------------------------

@dataclass
class Tally:
    kills: Counter = field(default_factory=Counter)
    acks: Counter = field(default_factory=Counter)
    acknowledged: int = 0
    lost: int = 0
    damaged: int = 0
    trail_broken: int = 0
    writer_failures: list[str] = field(default_factory=list)


def kill_once(kind: str, data_dir: Path, tag: str, delay_s: float) -> tuple[list[str], str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), str(ROOT / "tests"), env.get("PYTHONPATH")]))
    writer = subprocess.Popen([sys.executable, __file__, "--writer", kind, str(data_dir), tag],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        first = writer.stdout.readline().decode("utf-8").strip()
        if first == READY:
            time.sleep(delay_s)
    finally:
        writer.kill()  # SIGKILL: no cleanup, no flush, no close
        out, err = writer.communicate(timeout=120)
    if first != READY:
        return [], f"{kind}: did not start: {err.decode('utf-8', 'replace')[-600:]}"
    lines = out.decode("utf-8").split("\n")[:-1]  # whole lines only: the last one may be cut off
    stderr = err.decode("utf-8", "replace").strip()
    return lines, (f"{kind}: {stderr[-600:]}" if "Traceback" in stderr else "")


def _check_folder(folder: Path, tally: Tally) -> bool:
    """Open as the app does, then integrity, foreign keys and the audit trail. True when sound."""
    from app.errors import DataDirError
    from app.services.audit.check import check_audit_trail
    from app.storage.database import open_database

    try:
        db = open_database(folder)
    except DataDirError as exc:
        print(f"  {folder.name}: not opened: {exc}", flush=True)
        tally.damaged += 1
        return False
    try:
        with sqlite3.connect(folder / "sovang.sqlite3") as conn:
            integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            broken_keys = conn.execute("PRAGMA foreign_key_check").fetchall()
        conn.close()
        if integrity != ["ok"] or broken_keys:
            print(f"  {folder.name}: integrity {integrity[:2]}, {len(broken_keys)} foreign keys", flush=True)
            tally.damaged += 1
            return False
        trail = check_audit_trail(db)
        if not trail.ok:
            print(f"  {folder.name}: trail {trail.problems[:2]}", flush=True)
            tally.trail_broken += 1
        return trail.ok
    finally:
        db.close()


def _missing(kind: str, folder: Path, acknowledged: list[str]) -> list[str]:
    """The acknowledged writes that are not there."""
    if not acknowledged:
        return []
    if kind == "backup":
        from app.storage.backup.file import verify_backup

        missing = []
        for line in acknowledged:
            try:
                verify_backup(folder / "backups" / line.split(" ", 1)[1])
            except Exception:  # noqa: BLE001 - any failure is a lost backup
                missing.append(line)
        return missing
    conn = sqlite3.connect(folder / "sovang.sqlite3")
    try:
        if kind == "subjects":
            names = {row[0] for row in conn.execute("SELECT name FROM subject")}
            return [name for name in acknowledged if name not in names]
        if kind == "demo":
            made = conn.execute("SELECT count(*) FROM subject").fetchone()[0]
            return [] if made >= DEMO_SUBJECTS else acknowledged
        if kind == "restore":  # every restore brings back the same backup: the live data must equal it
            return [] if _names(conn) == _names_in(_restore_source(folder)) else acknowledged[-1:]
        if kind == "issue":
            issued = {row[0] for row in conn.execute("SELECT id FROM decision WHERE status = 'issued'")}
            return [line for line in acknowledged if int(line.split()[1]) not in issued]
        kept = {row[0]: row[1] for row in conn.execute("SELECT id, citizen_id FROM subject")}  # erase
        return [line for line in acknowledged if kept.get(int(line.split()[1])) is not None]
    finally:
        conn.close()


def _names(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM subject")}


def _names_in(path: Path) -> set[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return _names(conn)
    finally:
        conn.close()


def _restore_source(folder: Path) -> Path:
    """The backup the restore writer restores each time: the oldest one made by hand."""
    return min((folder / "backups").glob("sovang-*-thu-cong*.sqlite3"))


def _draws(kills: int, rng: random.Random) -> list[str]:
    draws = [kind for kind in KINDS for _ in range(kills // len(KINDS))]
    draws += [rng.choice(KINDS) for _ in range(kills - len(draws))]
    rng.shuffle(draws)
    return draws


def main(kills: int = KILLS) -> None:
    from common import report

    seed = random.randrange(2**32)
    rng = random.Random(seed)
    tally, started = Tally(), time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sovang-crash-") as work:
        for number, kind in enumerate(_draws(kills, rng)):
            folder = Path(work) / kind
            lines, failure = kill_once(kind, folder, str(number), rng.uniform(0.0, MAX_DELAY_S[kind]))
            tally.kills[kind] += 1
            if failure:
                tally.writer_failures.append(failure)
                print(f"kill {number} ({kind}): writer failed: {failure}", flush=True)
            checked = folder / lines[-1].split(" ", 1)[1] if kind == "demo" and lines else folder
            if kind == "demo" and not lines:
                checked = next(iter(sorted(folder.glob(f"demo-{number}"))), None)
            if checked is not None and checked.exists():
                _check_folder(checked, tally)
                missing = _missing(kind, checked, lines)
                tally.acknowledged += len(lines)
                tally.acks[kind] += len(lines)
                tally.lost += len(missing)
                if missing:
                    print(f"kill {number} ({kind}): lost {missing[:3]}", flush=True)
    elapsed = time.perf_counter() - started
    per_kind = ", ".join(f"{kind} {tally.kills[kind]}" for kind in KINDS)
    report("crash safety: writer processes killed (SIGKILL)", sum(tally.kills.values()), "", note=per_kind)
    report("crash safety: databases damaged after a kill", tally.damaged, "", 0, note=f"seed {seed}")
    report("crash safety: audit trails that failed to verify", tally.trail_broken, "", 0)
    report("crash safety: acknowledged writes lost", tally.lost, "", 0)
    acks = ", ".join(f"{kind} {tally.acks[kind]}" for kind in KINDS)
    report("crash safety: acknowledged writes checked", tally.acknowledged, "", note=acks)
    report("crash safety: writers that failed before the kill", len(tally.writer_failures), "", 0)
    report("crash safety: time for all kills", elapsed, "s")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--writer":
        WRITERS[sys.argv[2]](Path(sys.argv[3]), sys.argv[4])
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else KILLS)
