"""The Excel export of lists read back: typed cells, dates as dates shown dd/mm/yyyy, a title row, a frozen
header, a print area; the CCCD only when the columns ask for it and the officer confirms; presets saved."""

from __future__ import annotations

import datetime as dt

import pytest
from decision_helpers import form_ids, make_round, passed_people
from exchange_helpers import TODAY, add_unit, messy_list
from openpyxl import load_workbook

from app.errors import ServiceError, ValidationError
from app.services.decisions.data import DecisionInput, IssueInput
from app.services.decisions.drafts import create_decision
from app.services.decisions.issue import issue_decision
from app.services.exchange import (
    ExportRequest,
    ImportSource,
    ListKind,
    export_list,
    export_preset,
    list_export_presets,
    run_import,
    save_export_preset,
)

pytestmark = pytest.mark.both_backends


def read_back(path):
    return load_workbook(path).active


def test_subjects_exported_with_types(commune_db, tmp_path):
    add_unit(commune_db)
    run_import(commune_db, ImportSource(messy_list(tmp_path)), today=TODAY)
    target = tmp_path / "doi-tuong.xlsx"
    result = export_list(commune_db, ExportRequest(ListKind.SUBJECTS), target)
    assert (result.rows, result.columns) == (3, 11)
    sheet = read_back(target)
    assert sheet["A1"].value == "DANH SÁCH ĐỐI TƯỢNG"
    headers = [c.value for c in sheet[4]]
    assert headers[:4] == ["STT", "Họ và tên / Tên tập thể", "Giới tính", "Ngày sinh"]
    assert sheet.freeze_panes == "A5"
    assert sheet.print_area == "'Danh sách'!$A$1:$K$7"
    rows = {sheet.cell(r, 2).value: r for r in range(5, 8)}
    an = rows["Nguyễn Văn An"]
    assert sheet.cell(an, 1).value in (1, 2, 3) and sheet.cell(an, 1).data_type == "n"
    assert sheet.cell(an, 4).value == dt.datetime(1980, 1, 5)
    assert sheet.cell(an, 4).number_format == "dd/mm/yyyy"
    assert sheet.cell(rows["Đỗ Minh Tú"], 4).value == 1975  # only the year known: a number
    assert "Số CCCD" not in headers
    assert sheet.column_dimensions["B"].width >= len("Nguyễn Văn An")


def test_citizen_id_only_when_confirmed(commune_db, tmp_path):
    add_unit(commune_db)
    run_import(commune_db, ImportSource(messy_list(tmp_path)), today=TODAY)
    columns = ("stt", "name", "citizen_id")
    target = tmp_path / "cccd.xlsx"
    with pytest.raises(ServiceError, match="Số CCCD"):
        export_list(commune_db, ExportRequest(ListKind.SUBJECTS, columns), target)
    assert not target.exists()  # nothing written
    export_list(commune_db, ExportRequest(ListKind.SUBJECTS, columns, with_citizen_id=True), target)
    values = {read_back(target).cell(r, 3).value for r in range(5, 8)}
    assert "001085012345" in values  # as text: the leading zeros kept


def test_decision_and_register_lists(commune_db, tmp_path):
    forms = form_ids(commune_db)
    round_id = make_round(commune_db)
    passed_people(commune_db, round_id, forms["LDTT"])
    made = create_decision(commune_db, DecisionInput(round_id, forms["LDTT"]))
    issued = issue_decision(commune_db, made.row.id, IssueInput(day=dt.date.today(), number=7))
    target = tmp_path / "qd.xlsx"
    export_list(commune_db, ExportRequest(ListKind.DECISION, decision_id=issued.row.id), target)
    sheet = read_back(target)
    assert sheet["A2"].value.startswith("Kèm theo Quyết định số 07/")
    assert "Lao động tiên tiến" in sheet.cell(5, 8).value
    assert str(sheet.cell(5, 10).value).startswith("07/")
    assert isinstance(sheet.cell(5, 11).value, int)  # the golden-book number, a number
    register = tmp_path / "so-vang.xlsx"
    export_list(commune_db, ExportRequest(ListKind.REGISTER), register)
    numbers = [read_back(register).cell(r, 11).value for r in range(5, 10)]
    assert numbers == sorted(numbers) and len(set(numbers)) == 5
    nominations = tmp_path / "de-nghi.xlsx"
    mau = export_preset(commune_db, "MauTDKT")
    export_list(commune_db, ExportRequest(ListKind.NOMINATIONS, mau.columns, round_id=round_id), nominations)
    sheet = read_back(nominations)
    assert [c.value for c in sheet[4]][:3] == ["STT", "Tên gọi (Ông/Bà)", "Họ và tên / Tên tập thể"]
    assert sheet["B5"].value == "Bà" and sheet["F5"].value == "CANHAN"


def test_presets_saved_and_refused(commune_db):
    saved = save_export_preset(commune_db, "Mẫu của huyện", ["stt", "name", "form"], "decision")
    assert export_preset(commune_db, "mẫu của huyện").columns == ("stt", "name", "form")
    assert saved in list_export_presets(commune_db, "decision")
    assert saved not in list_export_presets(commune_db, "subjects")
    with pytest.raises(ValidationError, match="mẫu có sẵn"):
        save_export_preset(commune_db, "Mẫu chung", ["stt"])
    with pytest.raises(ValidationError, match="ít nhất một cột"):
        save_export_preset(commune_db, "Trống", [])
