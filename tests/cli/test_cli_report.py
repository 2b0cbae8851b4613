"""`sovang report NAME --year Y [--quarter Q] --out PATH`: the format by the suffix, bad input exit 2."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from app.cli.main import main


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, demo_template) -> Path:
    return demo_template(subjects=2000, seed=2026).copy_to(tmp_path_factory.mktemp("cli-report"))


def run(demo_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(demo_dir), "report", *args])


def test_each_format_by_its_suffix(demo_dir, tmp_path, capsys) -> None:
    assert run(demo_dir, "quy", "--year", "2026", "--quarter", "3", "--out", str(tmp_path / "q.pdf")) == 0
    assert PdfReader(tmp_path / "q.pdf").pages
    assert run(demo_dir, "nam", "--year", "2025", "--out", str(tmp_path / "n.xlsx")) == 0
    assert openpyxl.load_workbook(tmp_path / "n.xlsx").active["A1"].value == "BÁO CÁO"
    assert run(demo_dir, "dien-hinh", "--year", "2026", "--out", str(tmp_path / "d.docx")) == 0
    assert "Đã ghi báo cáo vào" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "said"), [
    (["quy", "--year", "2026"], "cần --quarter"),
    (["nam", "--year", "20x6"], "không phải năm"),
    (["nam", "--year", "2026", "--quarter", "5"], "không phải quý"),
    (["tuan", "--year", "2026"], "không hợp lệ"),
])
def test_bad_input_exits_2_in_one_vietnamese_line(demo_dir, tmp_path, capsys, args, said) -> None:
    assert run(demo_dir, *args, "--out", str(tmp_path / "x.pdf")) == 2
    assert said in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
