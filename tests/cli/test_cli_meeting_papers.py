"""`sovang meeting papers ID --out DIR`: the ballots, the vote-count record and the minutes as .docx and
.pdf, one path a line; a meeting that does not exist or a file given for the folder is one Vietnamese line,
exit 2, and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.main import main


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, demo_template) -> Path:
    return demo_template(subjects=300, seed=7).copy_to(tmp_path_factory.mktemp("cli-papers"))


def run(capsys, demo_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(demo_dir), "meeting", "papers", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_papers_of_a_meeting_one_path_a_line(capsys, demo_dir, tmp_path) -> None:
    code, out, err = run(capsys, demo_dir, "1", "--out", str(tmp_path / "hop"))
    assert code == 0 and err == ""
    paths = [Path(line) for line in out.splitlines()]
    assert sorted(path.name for path in (tmp_path / "hop").iterdir()) == sorted(p.name for p in paths)
    assert {path.suffix for path in paths} == {".docx", ".pdf"} and len(paths) == 6
    assert any("Bien ban hop Hoi dong" in path.name for path in paths)


@pytest.mark.parametrize("args", [("999", "--out", "{tmp}/x"), ("0", "--out", "{tmp}/x"),
                                  ("1", "--out", "{tmp}/file.txt"), ("1",)])
def test_bad_input_is_one_vietnamese_line_and_writes_nothing(capsys, demo_dir, tmp_path, args) -> None:
    (tmp_path / "file.txt").write_text("giữ nguyên", encoding="utf-8")
    code, out, err = run(capsys, demo_dir, *(arg.format(tmp=tmp_path) for arg in args))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("sovang: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]
    assert (tmp_path / "file.txt").read_text(encoding="utf-8") == "giữ nguyên"
