"""`sovang subjects merge`: the plan without --yes, the merge with it, refusals on one Vietnamese line."""

from __future__ import annotations

import datetime as dt

from app.cli.main import main
from app.models import Gender, SubjectKind
from app.services.subjects import SubjectInput, create_subject, get_subject

TODAY = dt.date(2026, 11, 21)


def person(db, kind=SubjectKind.INDIVIDUAL, **values) -> int:
    data = SubjectInput(kind=kind, name="Nguyễn Thị Hoa", gender=Gender.FEMALE, birth_year=1986, **values)
    return create_subject(db, data, today=TODAY).id


def run(capsys, data_dir, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "subjects", "merge", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_without_yes_only_the_plan_is_printed(capsys, commune_db, data_dir) -> None:
    kept, other = person(commune_db, phone="0987654321"), person(commune_db, phone="0912345678")
    code, out, _ = run(capsys, data_dir, str(kept), str(other))
    assert code == 1
    assert f"Giữ lại: “Nguyễn Thị Hoa” (số {kept}). Gộp vào rồi xóa: “Nguyễn Thị Hoa” (số {other})" in out
    assert "  [phone] Số điện thoại: 0987654321 | 0912345678" in out
    assert out.rstrip().endswith("Chưa gộp gì. Thêm --yes để gộp.")
    assert get_subject(commune_db, other).phone == "0912345678"


def test_yes_merges_taking_the_chosen_field(capsys, commune_db, data_dir) -> None:
    kept, other = person(commune_db, phone="0987654321"), person(commune_db, phone="0912345678")
    code, out, err = run(capsys, data_dir, str(kept), str(other), "--take-other", "phone", "--yes")
    assert (code, err) == (0, "")
    assert out.startswith(f"Đã gộp hồ sơ “Nguyễn Thị Hoa” (số {other}) vào “Nguyễn Thị Hoa” (số {kept})")
    assert get_subject(commune_db, kept).phone == "0912345678"


def test_refusals_are_one_vietnamese_line(capsys, commune_db, data_dir) -> None:
    kept = person(commune_db)
    household = create_subject(commune_db, SubjectInput(kind=SubjectKind.HOUSEHOLD, name="Nguyễn Thị Hoa",
                                                        head_name="Nguyễn Văn Nam"), today=TODAY).id
    code, out, err = run(capsys, data_dir, str(kept), str(household), "--yes")
    assert (code, out) == (2, "")
    assert err.startswith("sovang: Không gộp được") and "hai loại đối tượng khác nhau" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    code, _out, err = run(capsys, data_dir, str(kept), "999", "--yes")
    assert code == 2 and "Không tìm thấy đối tượng số 999" in err
    code, _out, err = run(capsys, data_dir, str(kept), str(kept), "--take-other", "gender", "--yes")
    assert code == 2 and "hai hồ sơ khác nhau" in err
