"""`sovang certificates DECISION_ID --out PATH.pdf …` and `sovang calibration-page --out PATH.pdf`:
written whole or not at all, bad input one Vietnamese line with exit status 2."""

from __future__ import annotations

import pytest
from certificate_helpers import draft_decision, issued_decision

from app.cli.main import main
from app.services.certificates import CalibrationInput, list_certificates, list_prints, save_calibration


def run(capsys, data_dir, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_certificates_of_a_subset_are_written_and_recorded(capsys, commune_db, data_dir, tmp_path) -> None:
    decision_id = issued_decision(commune_db)
    save_calibration(commune_db, CalibrationInput("Canon LBP2900", 1.0, 0.5))
    target = tmp_path / "giay khen.pdf"
    code, out, err = run(capsys, data_dir, "certificates", str(decision_id), "--out", str(target),
                         "--recipients", "1,3-4", "--blank-form", "--override-stock",
                         "--printer", "Canon LBP2900")
    assert (code, err) == (0, "") and target.read_bytes().startswith(b"%PDF")
    assert "Đã ghi 3 giấy khen của Quyết định số 01/QĐ-UBND" in out and "Kích thước thực" in out
    assert "Cần 3 phôi, chỉ còn 0." in out
    (row,) = list_prints(commune_db)
    assert (row.recipients, row.blank_form, row.offset_x_mm, row.over_stock) == ("1,3-4", True, 1.0, True)
    assert [c.position for c in list_certificates(commune_db)] == [1, 3, 4]


@pytest.mark.parametrize(("extra", "fragment"), [
    (("--recipients", "2-9"), "nằm ngoài danh sách của quyết định (từ 1 đến 5)"),
    (("--layout", "khong-co"), "Không có mẫu giấy khen “khong-co”"),
    (("--blank-form",), "Cần 5 phôi, chỉ còn 0."),
])
def test_bad_input_is_one_line_exit_2_and_no_file(capsys, commune_db, data_dir, tmp_path, extra,
                                                  fragment) -> None:
    decision_id = issued_decision(commune_db)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "out.pdf"
    code, out, err = run(capsys, data_dir, "certificates", str(decision_id), "--out", str(target), *extra)
    assert code == 2 and out == "" and err.startswith("sovang: ") and fragment in err
    assert len(err.strip().splitlines()) == 1 and not target.exists() and not list(folder.iterdir())
    assert list_prints(commune_db) == []


def test_a_draft_prints_nothing(capsys, commune_db, data_dir, tmp_path) -> None:
    decision_id = draft_decision(commune_db)
    command = ("certificates", str(decision_id), "--out")
    code, _out, err = run(capsys, data_dir, *command, str(tmp_path / "a.pdf"))
    assert code == 2 and "còn là dự thảo" in err and not (tmp_path / "a.pdf").exists()
    code, _out, err = run(capsys, data_dir, *command, str(tmp_path / "a.docx"))
    assert code == 2 and "phải là tệp .pdf" in err


def test_the_calibration_page(capsys, commune_db, data_dir, tmp_path) -> None:
    code, out, err = run(capsys, data_dir, "calibration-page", "--out", str(tmp_path / "can-chinh.pdf"))
    assert (code, err) == (0, "") and "Kích thước thực" in out
    assert (tmp_path / "can-chinh.pdf").read_bytes().startswith(b"%PDF")
    code, _out, err = run(capsys, data_dir, "calibration-page", "--out", str(tmp_path / "b.pdf"),
                          "--printer", "HP")
    assert code == 2 and "Chưa có căn chỉnh nào cho máy in “HP”" in err and not (tmp_path / "b.pdf").exists()


HOSTILE = [
    (["certificates", "99999999999", "--out", "{dir}/a.pdf"], "số nguyên từ 1"),
    (["certificates", "-1", "--out", "{dir}/a.pdf"], "tham số"),
    (["certificates", "abc", "--out", "{dir}/a.pdf"], "không phải là số nguyên"),
    (["certificates", "{id}", "--out", "{dir}/thu-muc.pdf"], "đã có một thư mục trùng tên"),
    (["certificates", "{id}", "--out", "{dir}/khong/co/a.pdf"], "không có thư mục"),
    (["certificates", "{id}", "--out", "{dir}/tep/a.pdf"], "Không ghi được tệp “a.pdf”"),
    (["certificates", "{id}", "--out", "{dir}/a\x00b.pdf"], "đường dẫn"),
    (["certificates", "{id}", "--out", ""], "đường dẫn trống"),
    (["certificates", "{id}", "--out", "{dir}/" + "d" * 5000 + ".pdf"], "đường dẫn dài quá"),
    (["certificates", "{id}", "--out", "{dir}/a.pdf", "--recipients", "1,\x1b[2J"], "ký tự điều khiển"),
    (["certificates", "{id}", "--out", "{dir}/a.pdf", "--recipients", "9999999"], "không phải số thứ tự"),
    (["certificates", "{id}", "--out", "{dir}/a.pdf", "--layout", "../../etc/passwd"], "Không có mẫu"),
    (["certificates", "{id}", "--out", "{dir}/a.pdf", "--printer", "x" * 300], "dài quá 200 ký tự"),
    (["certificates", "{id}", "--out", "{dir}/a.pdf", "--note", "a" * 3000], "dài quá 2.000 ký tự"),
    (["calibration-page", "--out", "{dir}/thu-muc.pdf"], "đã có một thư mục trùng tên"),
    (["calibration-page", "--out", "{dir}/a.pdf", "--printer", "\udcff"], "tham số --printer"),
]


@pytest.mark.parametrize(("argv", "fragment"), HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_arguments_are_refused_in_one_line(capsys, commune_db, data_dir, tmp_path, argv,
                                                   fragment) -> None:
    decision_id = issued_decision(commune_db, names=("Trần Văn Bình",))
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "thu-muc.pdf").mkdir()
    (folder / "tep").write_text("x")
    args = [a.replace("{dir}", str(folder)).replace("{id}", str(decision_id)) for a in argv]
    code, out, err = run(capsys, data_dir, *args)
    assert code == 2 and out == "" and err.startswith("sovang: ") and err.count("\n") == 1, err
    assert fragment in err, err
    assert sorted(p.name for p in folder.iterdir()) == ["tep", "thu-muc.pdf"]
    assert list_prints(commune_db) == []
