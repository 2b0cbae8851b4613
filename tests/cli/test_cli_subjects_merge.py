"""`sovang subjects merge`: the plan without --yes, the merge with it, refusals on one Vietnamese line."""

from __future__ import annotations

import datetime as dt

from app.cli.main import main
from app.models import Gender, SubjectKind
from app.services.subjects import SubjectInput, create_subject, get_subject
from app.services.subjects.data import AwardInput

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
    assert "  1. Số điện thoại: 0987654321 | 0912345678" in out
    assert "--take-other 1,3" in out and "[phone]" not in out
    assert out.rstrip().endswith("Chưa gộp gì. Thêm --yes để gộp.")
    assert get_subject(commune_db, other).phone == "0912345678"


def test_yes_merges_taking_the_chosen_field(capsys, commune_db, data_dir) -> None:
    kept, other = person(commune_db, phone="0987654321"), person(commune_db, phone="0912345678")
    code, out, err = run(capsys, data_dir, str(kept), str(other), "--take-other", "1", "--yes")
    assert (code, err) == (0, "")
    assert out.startswith(f"Đã gộp hồ sơ “Nguyễn Thị Hoa” (số {other}) vào “Nguyễn Thị Hoa” (số {kept})")
    assert "Hồ sơ trùng “Nguyễn Thị Hoa” đã được xóa khỏi sổ" in out
    assert get_subject(commune_db, kept).phone == "0912345678"


def test_numbers_pick_among_several_fields_and_a_wrong_one_is_refused(capsys, commune_db, data_dir) -> None:
    kept = person(commune_db, phone="0987654321", address="Thôn Đông", note="Giáo viên")
    other = person(commune_db, phone="0912345678", address="Thôn Tây", note="Nhập lại")
    _code, out, _ = run(capsys, data_dir, str(kept), str(other))
    assert "  1. Địa chỉ: Thôn Đông | Thôn Tây" in out and "  3. Ghi chú: Giáo viên | Nhập lại" in out
    code, _out, err = run(capsys, data_dir, str(kept), str(other), "--take-other", "4", "--yes")
    assert code == 2 and "không có mục khác nhau số “4”" in err and "Traceback" not in err
    assert get_subject(commune_db, other).address == "Thôn Tây"  # nothing merged
    code, _out, err = run(capsys, data_dir, str(kept), str(other), "--take-other", "1, 3", "--yes")
    assert (code, err) == (0, "")
    merged = get_subject(commune_db, kept)
    assert (merged.phone, merged.address, merged.note) == ("0987654321", "Thôn Tây", "Nhập lại")


def test_the_plan_names_the_award_lines_kept_once(capsys, commune_db, data_dir) -> None:
    same = AwardInput("Giấy khen", 2020, "15/QĐ-UBND", dt.date(2020, 12, 1), "Chủ tịch UBND xã")
    kept = person(commune_db, awards=[same])
    other = person(commune_db, awards=[same, AwardInput("Giấy khen", 2020, issuer="Chủ tịch UBND huyện")])
    _code, out, _ = run(capsys, data_dir, str(kept), str(other))
    assert ("1 dòng khen thưởng ghi giống hệt nhau ở cả hai hồ sơ chỉ giữ một "
            "(Giấy khen năm 2020, quyết định số 15/QĐ-UBND ngày 01/12/2020)") in out


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
