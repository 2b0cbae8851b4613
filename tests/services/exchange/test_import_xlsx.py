"""The Excel import of a candidate list: a messy village workbook, every row's outcome and message; the
workbook saved back with a "Lỗi" column, fixed and imported again; all or nothing; undo, and undo
refused once something was built on an imported row."""

from __future__ import annotations

import datetime as dt

import pytest
from decision_helpers import form_ids, make_round
from exchange_helpers import TODAY, UNIT, add_unit, cell, messy_list, write_list
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.errors import ConflictError, ServiceError
from app.models import AuditAction, AuditEvent, Gender, ImportBatch, Subject, SubjectKind
from app.services.exchange import (
    ImportSource,
    Outcome,
    preview_import,
    run_import,
    save_error_workbook,
    undo_import,
)
from app.services.nominations.crud import create_nomination
from app.services.nominations.data import NominationInput
from app.services.safety import check_database
from app.services.subjects import SubjectQuery, get_subject, search_subjects, update_subject

pytestmark = pytest.mark.both_backends


def subject_count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Subject))


def by_row(preview):
    return {r.row: r for r in preview.rows}


def test_messy_list_every_row_judged(commune_db, tmp_path):
    add_unit(commune_db)
    preview = preview_import(commune_db, ImportSource(messy_list(tmp_path)), TODAY)
    rows = by_row(preview)
    assert preview.header_row == 3
    assert sorted(rows) == [5, 6, 7, 8, 9, 10, 11]  # the title, the header and the numbering row skipped
    assert {r: rows[r].outcome for r in rows} == {
        5: Outcome.CREATED, 6: Outcome.CREATED, 7: Outcome.REFUSED, 8: Outcome.REFUSED, 9: Outcome.MATCHED,
        10: Outcome.CREATED, 11: Outcome.REFUSED}
    an = rows[5].subject
    assert an.name == "Nguyễn Văn An" and an.gender is Gender.MALE
    assert (an.birth_date, an.citizen_id, an.phone) == (dt.date(1980, 1, 5), "001085012345", "0912345678")
    assert rows[6].subject.name == "Lê Thị Hoa" and "TCVN3" in rows[6].note
    assert rows[6].subject.birth_date == dt.date(1985, 3, 4) and rows[6].subject.unit_id is not None
    assert [p.message for p in rows[7].problems] == [
        "Dòng 7, cột D (Ngày sinh): ngày 31/02/1980 không có thật",
        "Dòng 7, cột G (Số CCCD): phải gồm đúng 12 chữ số"]
    assert rows[8].name == "Phạm Thị Thu Hà" and "VNI" in rows[8].note
    assert [p.message for p in rows[8].problems] == [
        "Dòng 8, cột F (Đơn vị): không có đơn vị “Thôn Không Có” trong danh sách đơn vị của xã (thêm đơn vị "
        "trước, hoặc sửa tên cho đúng)"]
    assert "trùng dòng 5" in rows[9].note
    assert rows[10].subject.birth_year == 1975 and rows[10].subject.phone == "0987654321"
    assert [p.message for p in rows[11].problems] == [
        "Dòng 11, cột C (Giới tính): “X” không phải Nam hoặc Nữ",
        "Dòng 11, cột D (Ngày sinh): ngày 12/13/1990 không có thật"]
    assert subject_count(commune_db) == 0  # a dry run writes nothing


def test_import_writes_good_rows_and_matches_next_time(commune_db, tmp_path):
    add_unit(commune_db)
    source = ImportSource(messy_list(tmp_path))
    result = run_import(commune_db, source, today=TODAY)
    assert (result.created, result.matched, result.refused) == (3, 1, 3)
    assert subject_count(commune_db) == 3
    with commune_db.read() as session:  # each created subject is in the trail, as a form's save is
        created = session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.entity == "subject", AuditEvent.action == AuditAction.CREATE))
    assert created == 3 and check_database(commune_db).ok
    assert [r.name for r in search_subjects(commune_db, SubjectQuery(text="tu do"))] == ["Đỗ Minh Tú"]
    again = run_import(commune_db, source, today=TODAY)
    assert (again.created, again.matched, again.batch_id) == (0, 4, None)
    assert subject_count(commune_db) == 3  # matched, never duplicated


def test_match_by_citizen_id_and_refusal_on_other_name(commune_db, tmp_path):
    add_unit(commune_db)
    run_import(commune_db, ImportSource(messy_list(tmp_path)), today=TODAY)
    path = write_list(tmp_path / "b.xlsx", [
        [1, "Nguyễn Văn An", "Nam", "1980", "", "", "001085012345", ""],
        [2, "Nguyễn Văn Ân", "Nam", "1980", "", "", "001085012345", ""],
    ])
    rows = by_row(preview_import(commune_db, ImportSource(path), TODAY))
    assert rows[5].outcome is Outcome.MATCHED and rows[5].matched_id is not None
    assert rows[6].outcome is Outcome.REFUSED
    assert "số CCCD này đã có ở đối tượng" in rows[6].problems[0].message


def test_error_workbook_round_trip(commune_db, tmp_path):
    add_unit(commune_db)
    source_path = messy_list(tmp_path)
    preview = preview_import(commune_db, ImportSource(source_path), TODAY)
    errors = save_error_workbook(preview, tmp_path / "loi.xlsx")
    sheet = load_workbook(errors).active
    assert sheet["I3"].value == "Lỗi"
    assert sheet["I7"].value.splitlines() == [p.message for p in by_row(preview)[7].problems]
    assert sheet["I5"].value is None and sheet["B7"].value == "Trần Văn Bình"  # the original cells kept
    assert sheet["G5"].value == 1085012345  # the officer's own cell, as typed
    assert cell(source_path, "I3").value is None  # the original file untouched
    # The officer fixes the refused rows in the error file and imports it again.
    sheet["D7"], sheet["G7"] = "28/02/1980", "012345678901"
    sheet["F8"] = UNIT
    sheet["C11"], sheet["D11"] = "Nữ", "12/12/1990"
    sheet.parent.save(errors)
    result = run_import(commune_db, ImportSource(errors), today=TODAY)
    assert (result.created, result.matched, result.refused) == (6, 1, 0)
    again = preview_import(commune_db, ImportSource(errors), TODAY)
    assert again.counts[Outcome.MATCHED] == 7  # the whole list is in the book now, nothing twice
    assert sheet.parent is not None


def test_all_or_nothing_writes_nothing(commune_db, tmp_path):
    add_unit(commune_db)
    with pytest.raises(ServiceError, match="Không nhập dòng nào.*3 dòng bị từ chối"):
        run_import(commune_db, ImportSource(messy_list(tmp_path)), all_or_nothing=True, today=TODAY)
    assert subject_count(commune_db) == 0
    with commune_db.read() as session:
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 0


def test_undo_removes_the_batch(commune_db, tmp_path):
    add_unit(commune_db)
    run_import(commune_db, ImportSource(write_list(tmp_path / "old.xlsx", [[1, "Lò Văn Pá", "Nam", "1970"]])),
               today=TODAY)
    result = run_import(commune_db, ImportSource(messy_list(tmp_path)), today=TODAY)
    assert undo_import(commune_db, result.batch_id) == 3
    assert subject_count(commune_db) == 1  # the earlier import stays
    with pytest.raises(ConflictError, match="đã được hoàn tác"):
        undo_import(commune_db, result.batch_id)


def test_undo_refused_after_an_edit(commune_db, tmp_path):
    add_unit(commune_db)
    result = run_import(commune_db, ImportSource(messy_list(tmp_path)), today=TODAY)
    with commune_db.read() as session:
        tu = session.scalars(select(Subject).where(Subject.name == "Đỗ Minh Tú")).one()
    detail = get_subject(commune_db, tu.id)
    detail.position = "Chỉ huy trưởng"
    update_subject(commune_db, tu.id, detail, detail.version, today=TODAY)
    with pytest.raises(ConflictError, match="“Đỗ Minh Tú”.*đã sửa sau khi nhập"):
        undo_import(commune_db, result.batch_id)
    assert subject_count(commune_db) == 3


def test_undo_refused_after_a_nomination(commune_db, tmp_path):
    add_unit(commune_db)
    result = run_import(commune_db, ImportSource(messy_list(tmp_path)), today=TODAY)
    with commune_db.read() as session:
        an = session.scalars(select(Subject).where(Subject.citizen_id == "001085012345")).one()
    data = NominationInput(make_round(commune_db), an.id, form_ids(commune_db)["LDTT"])
    create_nomination(commune_db, data, today=dt.date(2026, 11, 21))
    with pytest.raises(ConflictError, match="Nguyễn Văn An.*đã có hồ sơ đề nghị khen thưởng"):
        undo_import(commune_db, result.batch_id)
    assert subject_count(commune_db) == 3


def test_collectives_and_kinds(commune_db, tmp_path):
    add_unit(commune_db)
    collectives = write_list(tmp_path / "tap-the.xlsx", [[1, "Chi hội Phụ nữ thôn Nà Lẹng", UNIT]],
                             headers=["STT", "Tên tập thể", "Đơn vị"])
    rows = preview_import(commune_db, ImportSource(collectives), TODAY).rows
    assert rows[0].outcome is Outcome.CREATED and rows[0].subject.kind is SubjectKind.COLLECTIVE
    run_import(commune_db, ImportSource(collectives), today=TODAY)
    assert preview_import(commune_db, ImportSource(collectives), TODAY).rows[0].outcome is Outcome.MATCHED
    mixed = write_list(tmp_path / "hon-hop.xlsx", [
        [1, "Hộ ông Lò Văn Pá", "HOGIADINH", "", "Lò Văn Pá"],
        [2, "Bế Thị Hồng", "Cá nhân", "Nữ", ""],
        [3, "Ai đó", "Đoàn thể", "Nam", ""],
    ], headers=["STT", "Tên tập thể/cá nhân/hộ gia đình", "Phân loại khen thưởng", "Giới tính", "Chủ hộ"])
    rows = preview_import(commune_db, ImportSource(mixed), TODAY).rows
    assert [r.outcome for r in rows] == [Outcome.CREATED, Outcome.CREATED, Outcome.REFUSED]
    assert rows[0].subject.kind is SubjectKind.HOUSEHOLD and rows[0].subject.head_name == "Lò Văn Pá"
    assert rows[1].subject.kind is SubjectKind.INDIVIDUAL
    assert rows[2].problems[0].message == (
        "Dòng 7, cột C (Phân loại khen thưởng): “Đoàn thể” không phải Cá nhân, Tập thể hay Hộ gia đình")
