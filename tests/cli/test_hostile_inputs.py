"""Every command, driven with hostile arguments and environments, answers in one Vietnamese line.

Huge and negative numbers, long and non-UTF-8 text, control characters, bad paths, bad database URLs, an
empty standard input: each ends with exit status 2, "sovang: …" on one line of standard error, no
traceback, and the database unchanged. A few run in a subprocess with a console that is not UTF-8.
The tally of what was tried is printed (pytest -s) and every one of them must be refused cleanly.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import sqlite3
import subprocess
import sys
import unicodedata
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli.main import main
from app.storage.paths import DB_FILE_NAME

VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)
TALLY: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def tally_report():
    """After the module, the count of bad inputs tried and refused cleanly (shown with `pytest -s`; each
    case is asserted where it is tried, by assert_refused_cleanly)."""
    yield
    if TALLY["tried"]:
        print(f"\nBad inputs tried: {TALLY['tried']}, refused cleanly: {TALLY['refused cleanly']}")
        for key, value in sorted(TALLY.items()):
            if key.startswith("refused: "):
                print(f"  {key[9:]}: {value}")

# --- hostile values -------------------------------------------------------------------------------

huge = st.integers(min_value=2**31, max_value=2**200).map(str)
negative = st.integers(max_value=-1, min_value=-(2**200)).map(str)
not_a_number = st.sampled_from(["", " ", "abc", "1e3", "0x10", "1_000", "٣", "1.5", "--", "９", "1 2"])
bad_id = st.one_of(huge, negative, not_a_number, st.just("0"))
bad_count = st.one_of(huge, negative, not_a_number)
controls = st.sampled_from(
    [chr(c) for c in (*range(0, 9), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0))]
)
with_control = st.tuples(st.text(max_size=10), controls, st.text(max_size=10)).map("".join)
surrogates = st.tuples(st.text(max_size=5), st.sampled_from(["\udcff", "\udcc3", "\udc80\udcfe"])).map(
    "".join
)
too_long = st.integers(min_value=2001, max_value=100_000).map(lambda n: "a%" * (n // 2 + 1))
bad_text = st.one_of(with_control, surrogates, too_long)
bad_search = st.one_of(with_control, surrogates, st.integers(201, 100_000).map(lambda n: "%_" * n))


@pytest.fixture
def bad_paths(tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    return {
        "file": str(a_file),
        "folder": str(folder),
        "missing": str(tmp_path / "no" / "such" / "x.pdf"),
        "under-file": str(a_file / "x"),
        "nul": str(tmp_path / "a\x00b"),
        "esc": str(tmp_path / "a\x1b[2J"),
        "empty": "",
        "long": str(tmp_path / ("d" * 5000)),
    }


def templates(paths):
    """(name, strategy of argv, standard input): each argv has at least one hostile value."""
    out_path = st.sampled_from([paths[k] for k in ("folder", "missing", "under-file", "nul", "esc", "empty")])
    any_path = st.sampled_from(list(paths.values()))
    return {
        "nominations check": st.tuples(st.just(["nominations", "check"]), bad_id.map(lambda v: [v])),
        "nominations list --round": st.tuples(
            st.just(["nominations", "list", "--round"]), bad_id.map(lambda v: [v])
        ),
        "decision render id": st.tuples(
            st.just(["decision", "render"]),
            bad_id.map(lambda v: [v, "--format", "pdf", "--out", paths["folder"] + "/x.pdf"]),
        ),
        "decision render --out": st.tuples(
            st.just(["decision", "render", "1", "--format", "docx", "--out"]), out_path.map(lambda v: [v])
        ),
        "subject export": st.tuples(
            st.just(["subject", "export"]), bad_id.map(lambda v: [v, "--out", paths["folder"] + "/x.zip"])
        ),
        "subject export --out": st.tuples(
            st.just(["subject", "export", "1", "--out"]), out_path.map(lambda v: [v])
        ),
        "subject erase": st.tuples(
            st.just(["subject", "erase"]), bad_id.map(lambda v: [v, "--yes", "--reason", "x"])
        ),
        "subject erase --reason": st.tuples(
            st.just(["subject", "erase", "1", "--yes", "--reason"]), bad_text.map(lambda v: [v])
        ),
        "subjects search": st.tuples(st.just(["subjects", "search"]), bad_search.map(lambda v: [v])),
        "subjects search --limit": st.tuples(
            st.just(["subjects", "search", "x", "--limit"]), bad_count.map(lambda v: [v])
        ),
        "audit --limit": st.tuples(st.just(["audit", "--limit"]), bad_count.map(lambda v: [v])),
        "audit --since": st.tuples(
            st.just(["audit", "--since"]), st.one_of(bad_text, st.just("32/13/2026")).map(lambda v: [v])
        ),
        "audit --user": st.tuples(st.just(["audit", "--user"]), bad_text.map(lambda v: [v])),
        "demo --subjects": st.tuples(st.just(["demo", "--subjects"]), bad_count.map(lambda v: [v])),
        "demo --seed": st.tuples(
            st.just(["demo", "--subjects", "0", "--seed"]),
            st.one_of(huge, not_a_number)
            .filter(lambda v: len(v) > 19 or not v.strip().lstrip("-").isdigit())
            .map(lambda v: [v]),
        ),
        "init --commune": st.tuples(
            st.just(["init", "--province", "Phú Thọ", "--commune"]), bad_text.map(lambda v: [v])
        ),
        "init --chairman": st.tuples(
            st.just(["init", "--province", "Phú Thọ", "--commune", "Xã A", "--chairman"]),
            bad_text.map(lambda v: [v]),
        ),
        "user add name": st.tuples(
            st.just(["user", "add", "lan", "--role", "leader", "--password-stdin", "--name"]),
            bad_text.map(lambda v: [v]),
        ),
        "user add username": st.tuples(
            st.just(["user", "add"]),
            bad_text.map(lambda v: [v, "--name", "Lan", "--role", "leader", "--password-stdin"]),
        ),
        "user passwd": st.tuples(
            st.just(["user", "passwd"]), bad_text.map(lambda v: [v, "--password-stdin"])
        ),
        "user disable": st.tuples(st.just(["user", "disable"]), bad_text.map(lambda v: [v])),
        "backup --to": st.tuples(
            st.just(["backup", "--to"]),
            st.sampled_from(
                [paths[k] for k in ("file", "missing", "under-file", "nul", "esc", "empty", "long")]
            ).map(lambda v: [v]),
        ),
        "restore": st.tuples(st.just(["restore"]), any_path.map(lambda v: [v])),
        "--data-dir": st.tuples(
            st.just(["rounds", "list", "--data-dir"]),
            st.sampled_from([paths[k] for k in ("file", "under-file", "nul", "esc", "empty", "long")]).map(
                lambda v: [v]
            ),
        ),
        "unknown": st.tuples(st.just([]), st.one_of(bad_text, st.just("lam-gi-do")).map(lambda v: [v])),
        "option value": st.tuples(
            st.just(["rounds", "list"]),
            st.sampled_from(["--json=1", "--jsonx", "--limit", "-x", "--json=\x1b"]).map(lambda v: [v]),
        ),
    }


BAD_URLS = [
    "postgresql://u:p@host:notaport/db",
    "garbage",
    "mysql://x/y",
    "postgresql+asyncpg://x/y",
    "postgresql://u:p@h/\udcff",
    "postgresql://u:p@[::1/db",
    "://",
]


def digest(data_dir) -> str:
    """Every table's rows, hashed: the database as a command leaves it."""
    sha = hashlib.sha256()
    with contextlib.closing(sqlite3.connect(data_dir / DB_FILE_NAME)) as conn:
        tables = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        for table in tables:
            sha.update(table.encode())
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                sha.update(repr(row).encode())
    return sha.hexdigest()


def run_cli(argv, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # --help
                code = exc.code if isinstance(exc.code, int) else 2
            except Exception as exc:  # noqa: BLE001 - what the test looks for
                import traceback

                err.write("Traceback (most recent call last):\n" + "".join(traceback.format_exception(exc)))
                code = 99
    finally:
        sys.stdin = saved_stdin
    return code, out.getvalue(), err.getvalue()


def assert_refused_cleanly(name: str, code: int, out: str, err: str) -> None:
    TALLY["tried"] += 1
    assert code in (0, 1, 2), f"{name}: exit {code}\n{err[-3000:]}"
    assert "Traceback" not in err, f"{name}:\n{err[-3000:]}"
    assert code == 2, f"{name}: accepted (exit {code}): {out[:300]!r}"
    assert err.startswith("sovang: ") and err.count("\n") == 1 and err.endswith("\n"), (
        f"{name}: {err[:500]!r}"
    )
    assert VIETNAMESE.search(err), f"{name}: not Vietnamese: {err[:300]!r}"
    assert "\x1b" not in err and "\x00" not in err and len(err) <= 2100
    TALLY["refused cleanly"] += 1
    TALLY[f"refused: {name}"] += 1


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_hostile_arguments_are_refused_in_one_vietnamese_line(commune_db, data_dir, bad_paths, data) -> None:
    commune_db.close()
    choices = templates(bad_paths)
    name = data.draw(st.sampled_from(sorted(choices)), label="command")
    head, tail = data.draw(choices[name], label="argv")
    argv = head + tail
    if "--data-dir" not in argv:
        argv = ["--data-dir", str(data_dir), *argv]
    else:  # the global option goes before the command
        argv = ["--data-dir", argv[-1], *argv[:-2]]
    stdin = data.draw(st.sampled_from(["", "\n", "mật khẩu đủ dài 2026\n"]), label="stdin")
    before = digest(data_dir)
    code, out, err = run_cli(argv, stdin)
    assert_refused_cleanly(name, code, out, err)
    assert digest(data_dir) == before, f"{name}: the database changed"


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    url=st.sampled_from(BAD_URLS),
    command=st.sampled_from(
        [["rounds", "list"], ["subjects", "search", "x"], ["check-db"], ["user", "list"], ["audit"]]
    ),
)
def test_a_malformed_database_url_is_said(commune_db, data_dir, url, command) -> None:
    commune_db.close()
    before = digest(data_dir)
    saved = os.environ.get("SOVANG_DATABASE_URL")
    os.environ["SOVANG_DATABASE_URL"] = url
    try:
        code, out, err = run_cli(["--data-dir", str(data_dir), *command])
    finally:
        if saved is None:
            os.environ.pop("SOVANG_DATABASE_URL", None)
        else:
            os.environ["SOVANG_DATABASE_URL"] = saved
    assert_refused_cleanly("SOVANG_DATABASE_URL", code, out, err)
    assert "SOVANG_DATABASE_URL" in err and "p@" not in err  # no password repeated
    assert digest(data_dir) == before


def test_no_password_on_standard_input_is_said(commune_db, data_dir) -> None:
    commune_db.close()
    before = digest(data_dir)
    for stdin in ("", "\udcff\udcfe12345678\n"):
        code, out, err = run_cli(
            [
                "--data-dir",
                str(data_dir),
                "user",
                "add",
                "lan",
                "--name",
                "Lan",
                "--role",
                "leader",
                "--password-stdin",
            ],
            stdin,
        )
        assert_refused_cleanly("--password-stdin", code, out, err)
        assert "--password-stdin" in err
    assert digest(data_dir) == before


def test_a_lock_path_that_is_a_folder_is_said(commune_db, data_dir) -> None:
    from app.storage.lock import LOCK_FILE_NAME

    commune_db.close()
    (data_dir / LOCK_FILE_NAME).mkdir()
    before = digest(data_dir)
    code, out, err = run_cli(["--data-dir", str(data_dir), "init", "--commune", "Xã B", "--province", "C"])
    assert_refused_cleanly("lock folder", code, out, err)
    assert "khóa" in err and digest(data_dir) == before


CONSOLE_CASES = [
    ("cp1258", [b"nominations", b"check", b"0"]),
    ("cp1258", [b"subjects", b"search", b"\xff\xfe"]),
    ("ascii", [b"nominations", b"check", b"-5"]),
    (
        "cp1258",
        [b"decision", b"render", b"99999999999999999999", b"--format", b"pdf", b"--out", b"/tmp/\xff.pdf"],
    ),
]


@pytest.mark.parametrize(("encoding", "args"), CONSOLE_CASES)
def test_a_console_that_is_not_utf8_and_arguments_that_are_not(commune_db, data_dir, encoding, args) -> None:
    commune_db.close()
    before = digest(data_dir)
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    result = subprocess.run(
        [sys.executable, "-m", "app", b"--data-dir", os.fsencode(data_dir), *args],
        capture_output=True,
        env=env,
        timeout=120,
    )
    err = result.stderr.decode(encoding if encoding != "ascii" else "ascii")
    assert result.returncode == 2 and "Traceback" not in err, err
    assert err.startswith("sovang: ") and err.count("\n") == 1, err
    if encoding == "cp1258":  # written decomposed where cp1258 lacks the letter: every letter is there
        assert VIETNAMESE.search(unicodedata.normalize("NFC", err)), err
    assert digest(data_dir) == before
