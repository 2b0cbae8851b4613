"""`sovang rounds list`, `sovang nominations list` and `sovang nominations check` on the demo data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from app.models import CriterionOutcome, NominationStatus
from app.services.nominations.queries import list_nominations
from app.services.rounds import list_rounds
from app.storage.database import open_database

OUTCOMES = {o.label for o in CriterionOutcome}


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, demo_template) -> Path:
    """This module's copy of the demo of 800 subjects, seed 2026 (made once per session)."""
    return demo_template(subjects=800, seed=2026).copy_to(tmp_path_factory.mktemp("cli-demo"))


@pytest.fixture(scope="module")
def ids(demo_dir) -> dict:
    """A few ids of the demo: the year-end round, a ready nomination and one with items missing."""
    database = open_database(demo_dir)
    try:
        year_end = next(r for r in list_rounds(database) if r.name == "Tổng kết phong trào thi đua năm 2026")
        appraised = list_nominations(database, round_id=year_end.id, status=NominationStatus.APPRAISED)
        drafts = list_nominations(database, round_id=year_end.id, status=NominationStatus.DRAFT)
    finally:
        database.close()
    return {"round": year_end.id, "appraised": appraised[0].id, "draft": drafts[0].id,
            "appraised_count": len(appraised)}


def run(capsys, demo_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(demo_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_rounds_list_gives_one_line_per_round_starting_with_its_id(capsys, demo_dir) -> None:
    code, out, err = run(capsys, demo_dir, "rounds", "list")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == 5
    assert all(line.split("\t")[0].isdigit() for line in lines)
    year_end = next(line for line in lines if "Tổng kết phong trào thi đua năm 2026" in line)
    assert "hạn 10/12/2026" in year_end and "Đang nhận hồ sơ" in year_end and "đã thẩm định" in year_end


def test_rounds_list_json(capsys, demo_dir) -> None:
    code, out, _ = run(capsys, demo_dir, "rounds", "list", "--json")
    assert code == 0
    rounds = json.loads(out)
    assert {r["kind"] for r in rounds} == {"year_end", "quarter", "ad_hoc", "thematic"}
    closed = next(r for r in rounds if r["status"] == "closed")
    assert closed["name"] == "Tổng kết phong trào thi đua năm 2025" and closed["nominations"] == 0
    year_end = next(r for r in rounds if r["name"] == "Tổng kết phong trào thi đua năm 2026")
    assert year_end["deadline"] == "2026-12-10"
    assert sum(year_end["by_status"].values()) == year_end["nominations"] > 0


def test_nominations_list_filters_by_round_and_status(capsys, demo_dir, ids) -> None:
    code, out, _ = run(capsys, demo_dir, "nominations", "list", "--round", str(ids["round"]),
                       "--status", "appraised")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == ids["appraised_count"]
    for line in lines:
        fields = line.split("\t")
        assert fields[0].isdigit() and fields[1] == "Đã thẩm định" and fields[-1] == f"đợt {ids['round']}"
    code, out, _ = run(capsys, demo_dir, "nominations", "list", "--status", "failed", "--json")
    assert code == 0
    failed = json.loads(out)
    assert failed and {n["status"] for n in failed} == {"failed"}
    assert {"id", "round_id", "subject", "form", "status_label", "proposing_unit"} <= set(failed[0])


def test_nominations_check_prints_the_checklist_and_exits_0_when_ready(capsys, demo_dir, ids) -> None:
    code, out, err = run(capsys, demo_dir, "nominations", "check", str(ids["appraised"]))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith(f"Hồ sơ số {ids['appraised']}: ") and "(Đã thẩm định)" in lines[0]
    items = [line.split("\t") for line in lines[1:-1]]
    assert items and all(len(item) == 4 and item[0] in OUTCOMES for item in items)
    assert {item[1] for item in items} == {"theo quy tắc", "người thẩm định"}
    assert all(item[0] == "Đạt" for item in items)
    assert lines[-1] == "Kết luận: đủ điều kiện trình Hội đồng."


def test_nominations_check_exits_1_and_says_what_is_missing(capsys, demo_dir, ids) -> None:
    code, out, _ = run(capsys, demo_dir, "nominations", "check", str(ids["draft"]))
    assert code == 1
    assert "Chưa rõ\tngười thẩm định\t" in out
    assert "Kết luận: chưa trình Hội đồng được" in out
    assert "\n- Chưa đánh giá: " in out or "\n- Cần đạt một trong các tiêu chí: " in out


def test_nominations_check_json(capsys, demo_dir, ids) -> None:
    code, out, _ = run(capsys, demo_dir, "nominations", "check", str(ids["appraised"]), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["ready"] is True and data["status"] == "appraised" and data["missing"] == []
    assert {line["outcome"] for line in data["lines"]} == {"met"}
    assert data["events"][0]["text"] == "Tạo hồ sơ đề nghị."
    code, out, _ = run(capsys, demo_dir, "nominations", "check", str(ids["draft"]), "--json")
    assert code == 1 and json.loads(out)["ready"] is False


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["nominations", "check", "987654"], "Không tìm thấy hồ sơ đề nghị số 987654"),
        (["nominations", "list", "--round", "987654"], "Không tìm thấy đợt xét số 987654"),
        (["nominations", "list", "--status", "xong"], "không hợp lệ"),
        (["nominations", "check", "số-một"], "không phải là số nguyên"),
        (["nominations"], "thiếu tham số bắt buộc"),
        (["rounds"], "thiếu tham số bắt buộc"),
    ],
)
def test_bad_input_exits_2_with_one_vietnamese_line(capsys, demo_dir, args, fragment) -> None:
    code, out, err = run(capsys, demo_dir, *args)
    assert code == 2 and out == ""
    assert err.startswith("sovang: ") and fragment in err and err.count("\n") == 1


def test_empty_database_lists_nothing(capsys, commune_db, data_dir) -> None:
    assert main(["--data-dir", str(data_dir), "rounds", "list"]) == 0
    assert main(["--data-dir", str(data_dir), "nominations", "list", "--json"]) == 0
    out, _ = capsys.readouterr()
    assert out == "[]\n"
