"""The messy village list shipped in resources/data/demo (scripts/make_demo_village_list.py): a two-row
header with "Năm sinh" merged over "Nam" | "Nữ", old fonts, dates in many forms; every row's outcome."""

from __future__ import annotations

import datetime as dt

from exchange_helpers import TODAY, add_unit

from app.models import Gender
from app.resources import resources_dir
from app.services.exchange import ImportSource, Outcome, preview_import


def test_shipped_village_list(commune_db):
    add_unit(commune_db, "Thôn Trung")
    add_unit(commune_db, "Thôn Đông")
    path = resources_dir() / "data" / "demo" / "danh-sach-thon-trung.xlsx"
    preview = preview_import(commune_db, ImportSource(path), TODAY)
    assert preview.header_row == 3
    assert (preview.mapping[2], preview.mapping[3]) == ("birth_male", "birth_female")
    rows = {r.row: r for r in preview.rows}
    assert sorted(rows) == list(range(6, 16))  # the header's two rows and the numbering row skipped
    outcomes = {r: rows[r].outcome for r in rows}
    assert [r for r, o in outcomes.items() if o is Outcome.REFUSED] == [9, 11]
    assert outcomes[14] is Outcome.MATCHED and "trùng dòng 6" in rows[14].note
    hung = rows[6].subject
    assert (hung.name, hung.gender, hung.birth_date) == ("Nguyễn Văn Hùng", Gender.MALE, dt.date(1968, 1, 5))
    assert (hung.citizen_id, hung.phone) == ("025068001234", "0912345678")
    assert (rows[7].subject.name, rows[7].subject.gender) == ("lê thị hoa", Gender.FEMALE)
    assert rows[8].subject.name == "Phạm Thị Thu Hà" and rows[8].subject.birth_date == dt.date(1982, 8, 12)
    assert rows[12].subject.name == "đinh văn nam" and rows[12].subject.birth_date == dt.date(1985, 6, 5)
    assert rows[13].subject.birth_date == dt.date(1988, 11, 20)
    assert [p.message for p in rows[9].problems] == [
        "Dòng 9, cột C (Năm sinh — Nam): ngày 31/02/1980 không có thật",
        "Dòng 9, cột G (Số CCCD): phải gồm đúng 12 chữ số"]
    assert rows[11].problems[0].message.startswith("Dòng 11, cột F (Thôn): không có đơn vị “Thôn Núi Đá”")
