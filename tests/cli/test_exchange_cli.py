"""sovang import-xlsx, import-undo and export-xlsx: the dry run and the error file, the import and its
undo, an export; bad input (not a workbook, a password, an empty sheet, no header, a formula error)
refused in one Vietnamese line naming the place, exit 2, nothing written."""

from __future__ import annotations

from exchange_helpers import add_unit, messy_list, write_list
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.cli.main import main
from app.models import ImportBatch, Subject
from app.services.exchange import import_preset, save_import_preset


def run(capsys, data_dir, *args) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *[str(a) for a in args]])
    out, err = capsys.readouterr()
    return code, out, err


def counts(db) -> tuple[int, int]:
    with db.read() as session:
        return (session.scalar(select(func.count()).select_from(Subject)),
                session.scalar(select(func.count()).select_from(ImportBatch)))


def test_dry_run_then_import_then_undo(capsys, commune_db, data_dir, tmp_path):
    add_unit(commune_db)
    source, errors = messy_list(tmp_path), tmp_path / "loi.xlsx"
    code, out, _ = run(capsys, data_dir, "import-xlsx", source, "--dry-run", "--errors-out", errors)
    assert code == 1  # some rows refused
    assert "Dòng 7, cột D (Ngày sinh): ngày 31/02/1980 không có thật" in out
    assert "Chạy thử (chưa ghi gì): 7 dòng: 3 thêm mới, 1 đã có (khớp), 3 bị từ chối." in out
    assert load_workbook(errors).active["I7"].value.startswith("Dòng 7")
    assert counts(commune_db) == (0, 0)
    code, out, _ = run(capsys, data_dir, "import-xlsx", source, "--all-or-nothing")
    assert code == 2 and counts(commune_db) == (0, 0)
    code, out, _ = run(capsys, data_dir, "import-xlsx", source)
    assert code == 1 and "Đã nhập: 3 đối tượng thêm mới" in out and counts(commune_db) == (3, 1)
    code, out, _ = run(capsys, data_dir, "export-xlsx", "subjects", "--out", tmp_path / "ds.xlsx")
    assert code == 0 and load_workbook(tmp_path / "ds.xlsx").active["B5"].value
    code, out, _ = run(capsys, data_dir, "import-undo", "1")
    assert code == 0 and "xóa 3 đối tượng" in out and counts(commune_db) == (0, 1)
    code, _, err = run(capsys, data_dir, "import-undo", "1")
    assert code == 2 and "đã được hoàn tác" in err


def test_preset_saved_and_used(capsys, commune_db, data_dir, tmp_path):
    add_unit(commune_db)
    odd = write_list(tmp_path / "odd.xlsx", [[1, "Lò Văn Pá", "Nam", "1970", "Trưởng bản"]],
                     headers=["STT", "Người được đề nghị", "Giới tính", "Năm sinh", "Chức vụ"])
    code, _, err = run(capsys, data_dir, "import-xlsx", odd, "--dry-run")
    assert code == 2 and "không tìm thấy dòng tiêu đề" in err
    save_import_preset(commune_db, "Bản Pá", {"name": "Người được đề nghị"})
    code, out, _ = run(capsys, data_dir, "import-xlsx", odd, "--preset", "bản pá",
                       "--save-preset", "Bản Pá 2")
    assert code == 0 and "Người được đề nghị → name" in out and counts(commune_db) == (1, 1)
    assert import_preset(commune_db, "Bản Pá 2").fields["name"] == "Người được đề nghị"
    code, _, err = run(capsys, data_dir, "import-xlsx", odd, "--preset", "Không có")
    assert code == 2 and "Không có mẫu ghép cột “Không có”" in err
    code, out, _ = run(capsys, data_dir, "export-xlsx", "nominations", "--out", tmp_path / "x.xlsx")
    assert code == 2


def bad_workbooks(tmp_path):
    not_workbook = tmp_path / "ghi-chu.xlsx"
    not_workbook.write_text("không phải Excel", encoding="utf-8")
    password = tmp_path / "mat-khau.xlsx"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted workbook is an OLE file holding this stream
    password.write_bytes(ole + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le"))
    empty = tmp_path / "trong.xlsx"
    Workbook().save(empty)
    no_header = tmp_path / "khong-tieu-de.xlsx"
    write_list(no_header, [[1, "x", "y"]], headers=["A", "B", "C"])
    formula = tmp_path / "cong-thuc.xlsx"
    write_list(formula, [[1, "Lò Văn Pá", "Nam", "#DIV/0!"]])
    return [
        (not_workbook, "Tệp “ghi-chu.xlsx”: không phải tệp Excel .xlsx"),
        (password, "Tệp “mat-khau.xlsx”: tệp có đặt mật khẩu"),
        (empty, "Tệp “trong.xlsx”, trang “Sheet”: trang trống"),
        (no_header, "Tệp “khong-tieu-de.xlsx”, trang “Danh sách”: không tìm thấy dòng tiêu đề"),
        (formula, "Tệp “cong-thuc.xlsx”, trang “Danh sách”, dòng 5, cột D: ô có lỗi công thức #DIV/0!"),
        (tmp_path / "khong-co.xlsx", "Tệp “khong-co.xlsx”: không tìm thấy tệp"),
    ]


def test_bad_input_one_line_exit_2_nothing_written(capsys, commune_db, data_dir, tmp_path):
    for path, message in bad_workbooks(tmp_path):
        errors = tmp_path / f"loi-{path.stem}.xlsx"
        code, out, err = run(capsys, data_dir, "import-xlsx", path, "--errors-out", errors)
        assert code == 2, path
        assert err.startswith(f"sovang: {message}"), err
        assert err.count("\n") == 1 and not errors.exists()
    code, _, err = run(capsys, data_dir, "import-xlsx", messy_list(tmp_path), "--sheet", "Không có")
    assert code == 2 and "không có trang “Không có” (các trang: Danh sách)" in err
    assert counts(commune_db) == (0, 0)
