"""`sovang package`, `verify-package`, `import-package` and `check-db --against PACKAGE.zip` on the demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from package_helpers import rezip

from app.cli.main import main


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, demo_template) -> Path:
    return demo_template(subjects=2000, seed=2026).copy_to(tmp_path_factory.mktemp("cli-package"))


def run(demo_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(demo_dir), *args])


def test_package_then_verify_then_check_db_against_it(demo_dir, tmp_path, capsys) -> None:
    out = tmp_path / "goi.zip"
    assert run(demo_dir, "package", "3", "--out", str(out)) == 0
    assert "Đã ghi gói XaHoaBinh_2026_QD-205" in capsys.readouterr().out
    assert main(["verify-package", str(out)]) == 0  # no data directory needed
    assert "hợp lệ" in capsys.readouterr().out
    assert run(demo_dir, "check-db", "--against", str(out)) == 0
    assert "Khớp với bản sao “goi.zip”" in capsys.readouterr().out


def test_a_tampered_package_exits_2_with_the_reason(demo_dir, tmp_path, capsys) -> None:
    out = tmp_path / "goi.zip"
    assert run(demo_dir, "package", "--round", "5", "--out", str(out)) == 0
    capsys.readouterr()
    name = "XaHoaBinh_2026_DOT-005/data/XaHoaBinh_2026_DOT-005_QD-205_1-quyet-dinh.pdf"
    bad = rezip(out, tmp_path / "bad.zip", lambda f: {k: v for k, v in f.items() if k != name})
    assert main(["verify-package", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "KHÔNG hợp lệ" in err and "Thiếu tệp “data/XaHoaBinh_2026_DOT-005_QD-205_1-quyet-dinh.pdf”" in err


def test_package_usage_errors(demo_dir, tmp_path, capsys) -> None:
    assert run(demo_dir, "package", "--out", str(tmp_path / "x.zip")) == 2
    assert "cần đúng một trong" in capsys.readouterr().err
    assert run(demo_dir, "package", "4", "--out", str(tmp_path / "x.zip")) == 2  # the demo's draft
    assert "chưa ban hành" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists()


def test_catalogue_package_imports_as_nothing_new(demo_dir, tmp_path, capsys) -> None:
    out = tmp_path / "dm.zip"
    assert run(demo_dir, "package", "--catalogue", "--out", str(out)) == 0
    assert run(demo_dir, "import-package", str(out)) == 0
    assert "Không có gì mới" in capsys.readouterr().out
