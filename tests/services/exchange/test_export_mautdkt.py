"""The MauTDKT preset's hidden code columns (legal notes §6), read back from the exported workbook: the
code columns are there, hidden in the sheet (not merely narrow), and hold each row's codes; the visible
columns stay visible."""

from __future__ import annotations

import datetime as dt

import pytest
from decision_helpers import TODAY, form_ids, make_collective, make_round, make_unit, passed_people
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from app.services.decisions.data import DecisionInput, IssueInput
from app.services.decisions.drafts import create_decision
from app.services.decisions.issue import issue_decision
from app.services.exchange import ExportRequest, ListKind, export_list, export_preset
from app.services.nominations.crud import create_nomination
from app.services.nominations.data import NominationInput

pytestmark = pytest.mark.both_backends

VISIBLE = ["STT", "Tên gọi (Ông/Bà)", "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị công tác",
           "Phân loại khen thưởng", "Danh hiệu / Hình thức khen thưởng", "Phân loại đối tượng",
           "Lĩnh vực hoạt động"]
CODES = ["Mã phân loại khen thưởng", "Mã danh hiệu / hình thức khen thưởng", "Mã phân loại đối tượng",
         "Mã lĩnh vực hoạt động", "Mã đơn vị công tác"]


def hidden_letters(sheet) -> set[str]:
    """The letters of the hidden columns (openpyxl may read a run of alike columns as one dimension)."""
    letters = set()
    for dimension in sheet.column_dimensions.values():
        if dimension.hidden:
            letters |= {get_column_letter(c) for c in range(dimension.min, dimension.max + 1)}
    return letters


def rows_by_name(sheet) -> dict[str, dict[str, object]]:
    headers = [c.value for c in sheet[4]]
    return {row[2]: dict(zip(headers, row, strict=True))
            for row in sheet.iter_rows(min_row=5, values_only=True)}


def test_code_columns_are_hidden_and_hold_each_rows_codes(commune_db, tmp_path):
    forms = form_ids(commune_db)
    unit = make_unit(commune_db)
    round_id = make_round(commune_db)
    passed_people(commune_db, round_id, forms["LDTT"], unit_id=unit)
    collective_id = make_collective(commune_db, "Tổ Toán", unit)
    create_nomination(commune_db, NominationInput(round_id, collective_id, forms["TTLDTT"]), today=TODAY)
    target = tmp_path / "mau-tdkt.xlsx"
    mau = export_preset(commune_db, "MauTDKT")
    export_list(commune_db, ExportRequest(ListKind.NOMINATIONS, mau.columns, round_id=round_id), target)
    sheet = load_workbook(target).active
    assert [c.value for c in sheet[4]] == VISIBLE + CODES
    first_code = get_column_letter(len(VISIBLE) + 1)
    assert hidden_letters(sheet) == {get_column_letter(c) for c in range(len(VISIBLE) + 1, len(VISIBLE) + 6)}
    assert first_code in hidden_letters(sheet) and "I" not in hidden_letters(sheet)
    rows = rows_by_name(sheet)
    person = next(row for name, row in rows.items() if name != "Tổ Toán")
    assert person["Mã phân loại khen thưởng"] == "CANHAN"
    assert person["Mã danh hiệu / hình thức khen thưởng"] == "LDTT"
    assert person["Mã phân loại đối tượng"] == "CIVIL_SERVANT"
    assert person["Mã đơn vị công tác"] == str(unit)  # text, as the other codes
    collective = rows["Tổ Toán"]
    assert (collective["Mã phân loại khen thưởng"], collective["Mã danh hiệu / hình thức khen thưởng"]) == (
        "TAPTHE", "TTLDTT")
    assert collective["Mã phân loại đối tượng"] is None  # a collective has no occupation group


def test_a_decisions_list_carries_the_decisions_form_code(commune_db, tmp_path):
    forms = form_ids(commune_db)
    round_id = make_round(commune_db)
    passed_people(commune_db, round_id, forms["LDTT"])
    made = create_decision(commune_db, DecisionInput(round_id, forms["LDTT"]))
    issued = issue_decision(commune_db, made.row.id, IssueInput(day=dt.date.today(), number=3))
    target = tmp_path / "qd.xlsx"
    mau = export_preset(commune_db, "MauTDKT")
    export_list(commune_db, ExportRequest(ListKind.DECISION, mau.columns, decision_id=issued.row.id), target)
    sheet = load_workbook(target).active
    codes = {row["Mã danh hiệu / hình thức khen thưởng"] for row in rows_by_name(sheet).values()}
    assert codes == {"LDTT"}
    assert len(hidden_letters(sheet)) == len(CODES)


def test_the_generic_preset_hides_nothing(commune_db, tmp_path):
    make_unit(commune_db)
    make_collective(commune_db, "Tổ Văn")
    target = tmp_path / "chung.xlsx"
    export_list(commune_db, ExportRequest(ListKind.SUBJECTS), target)
    assert hidden_letters(load_workbook(target).active) == set()
