"""The personal-data export: one .zip with du_lieu.json (everything held, the CCCD in clear), the slip as
.pdf and .docx read back, and the subject's files; written whole or not at all; the CLI face."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import io
import json
import os
import unicodedata
import zipfile

import docx
import pytest
from personal_data_helpers import CITIZEN_ID, HOLD_NOTE, NAME, SECRET_REPORT, make_person
from pypdf import PdfReader

from app.cli.main import main
from app.errors import NotFoundError, ServiceError
from app.models import Gender, SubjectKind
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput
from app.services.subjects.export import export_subject_data
from app.storage import atomic

NOW = dt.datetime(2026, 11, 21, 9, 30)


@pytest.fixture
def person(commune_db, tmp_path):
    return make_person(commune_db, tmp_path / "source")


@pytest.fixture
def exported(commune_db, person, tmp_path):
    result = export_subject_data(commune_db, person.subject_id, tmp_path / "hoa.zip", now=NOW)
    return result, zipfile.ZipFile(result.path)


def record_of(archive: zipfile.ZipFile) -> dict:
    return json.loads(archive.read("du_lieu.json"))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def test_the_zip_holds_the_record_the_slip_and_the_files(exported):
    result, archive = exported
    assert archive.namelist() == [
        "du_lieu.json", "phieu_thong_tin.pdf", "phieu_thong_tin.docx", "tep_dinh_kem/01-bien-ban.pdf",
        "tep_dinh_kem/02-anh-hien-dat.jpg", "tep_dinh_kem/03-chung.docx", "tep_dinh_kem/04-bao-xa.pdf",
    ]
    assert archive.testzip() is None
    assert result.files == 4 and result.missing == () and result.size == result.path.stat().st_size
    assert "4 tệp lưu kèm" in result.summary()


def test_the_record_has_the_whole_profile_with_the_citizen_id_in_clear(exported):
    subject = record_of(exported[1])["subject"]
    assert subject["name"] == NAME and subject["citizen_id"] == CITIZEN_ID
    assert subject["birth_date"] == "1986-03-15" and subject["gender"] == "Nữ"
    assert subject["ethnicity"] == "Tày" and subject["phone"] == "0912345678"
    assert subject["address"] == "Số 12, thôn Đông" and subject["note"] == "Hay giúp đỡ đồng nghiệp"
    assert subject["occupation_group"] == "Cán bộ, công chức, viên chức"
    assert subject["unit"] == "Trường Tiểu học Hòa Bình" and subject["erased_on"] is None


def test_the_record_has_history_holds_nominations_and_decisions(exported):
    record = record_of(exported[1])
    assert [(a["year"], a["decision_no"]) for a in record["award_history"]] == [
        (2024, "12/QĐ-UBND"), (2026, "01/QĐ-UBND")]
    assert record["holds"][0]["note"] == HOLD_NOTE and record["holds"][0]["start_date"] == "2025-03-01"
    decided, open_ = record["nominations"]
    assert decided["status"] == "Đã quyết định" and open_["status"] == "Nháp"
    assert open_["report"]["achievements"] == SECRET_REPORT
    assert open_["checklist"][0]["file"] == "tep_dinh_kem/01-bien-ban.pdf"
    assert any("Tạo hồ sơ" in event["text"] for event in open_["history"])
    assert record["decisions"] == [{
        "number": "01/QĐ-UBND", "issued_on": "2026-11-21", "status": "Đã ban hành",
        "award_form": "Lao động tiên tiến", "round": "Tổng kết năm 2026", "golden_book_no": 1,
        "listed_name": NAME, "listed_description": "Giáo viên, Trường Tiểu học Hòa Bình", "amount": 702000,
    }]
    assert record["commune"] == "Xã Hòa Bình" and record["format"] == "sovang-du-lieu-ca-nhan/1"


def test_the_record_has_the_exemplar_with_its_files_and_publicity(exported):
    exemplar = record_of(exported[1])["exemplars"][0]
    assert exemplar["movement"] == "Chung tay xây dựng nông thôn mới"
    assert exemplar["achievements"] == "Hiến 300 m² đất làm đường"
    assert exemplar["stages"][0]["stage"] == "Phát hiện"
    files = [(f["caption"], f["is_photo"]) for f in exemplar["files"]]
    assert files == [("anh-hien-dat", True), ("chung", False)]
    assert exemplar["publicity"][0]["file"] == "tep_dinh_kem/04-bao-xa.pdf"
    assert exemplar["replications"][0]["place"] == "Thôn Tây"


def test_every_listed_file_is_in_the_zip_with_its_hash(exported):
    archive = exported[1]
    for entry in record_of(archive)["files"]:
        assert hashlib.sha256(archive.read(entry["in_zip"])).hexdigest() == entry["sha256"]
        assert entry["missing"] is False


def test_the_slip_reads_back_from_the_pdf(exported):
    pdf = PdfReader(io.BytesIO(exported[1].read("phieu_thong_tin.pdf")))
    text = nfc("\n".join(page.extract_text() for page in pdf.pages))
    for expected in ("PHIẾU CUNG CẤP THÔNG TIN CÁ NHÂN", NAME, CITIZEN_ID, "15/03/1986", "01/QĐ-UBND",
                     "12/QĐ-UBND", "ngày 21 tháng 11 năm 2026", "NGƯỜI LẬP PHIẾU", "Lê Minh Đức"):
        assert expected in text, expected


def test_the_slip_reads_back_from_the_docx(exported):
    document = docx.Document(io.BytesIO(exported[1].read("phieu_thong_tin.docx")))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    paragraphs = [p.text for p in document.paragraphs]
    assert "PHIẾU CUNG CẤP THÔNG TIN CÁ NHÂN" in paragraphs
    assert CITIZEN_ID in cells and "Tày" in cells and "15/03/1986" in cells
    assert any(SECRET_REPORT in text for text in paragraphs)


def test_a_collective_lists_its_members_and_a_member_its_collective(commune_db, tmp_path):
    data = SubjectInput(kind=SubjectKind.COLLECTIVE, name="Tổ Toán", member_count=5)
    team = create_subject(commune_db, data)
    member = create_subject(commune_db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Đỗ Văn Nam",
                                                     gender=Gender.MALE, collective_id=team.id))
    team_record = record_of(zipfile.ZipFile(export_subject_data(commune_db, team.id, tmp_path / "t").path))
    assert team_record["members"] == [{"id": member.id, "name": "Đỗ Văn Nam"}]
    assert team_record["subject"]["member_count"] == 5 and "citizen_id" not in team_record["subject"]
    exported = export_subject_data(commune_db, member.id, tmp_path / "m")
    member_record = record_of(zipfile.ZipFile(exported.path))
    assert member_record["collective"] == {"id": team.id, "name": "Tổ Toán"}


def test_a_file_missing_from_the_store_is_named_not_fatal(commune_db, person, tmp_path):
    person.files["anh-hien-dat.jpg"].unlink()
    result = export_subject_data(commune_db, person.subject_id, tmp_path / "hoa.zip")
    archive = zipfile.ZipFile(result.path)
    assert "tep_dinh_kem/02-anh-hien-dat.jpg" not in archive.namelist()
    photo = next(f for f in record_of(archive)["files"] if f["name"] == "anh-hien-dat.jpg")
    assert photo["missing"] is True and result.missing == ("anh-hien-dat.jpg",)
    assert "Không còn trong kho tệp" in result.summary()


def test_the_name_gets_zip_added(commune_db, person, tmp_path):
    result = export_subject_data(commune_db, person.subject_id, tmp_path / "Nguyen.Thi.Hoa")
    assert result.path.name == "Nguyen.Thi.Hoa.zip" and result.path.is_file()


@pytest.mark.parametrize(("code", "expected"), [(errno.ENOSPC, "ổ đĩa đã đầy"),
                                                (errno.EROFS, "không cho phép ghi")])
def test_a_full_disk_or_read_only_folder_leaves_nothing(commune_db, person, tmp_path, monkeypatch, code,
                                                        expected):
    folder = tmp_path / "usb"
    folder.mkdir()

    def failing(_target, _data):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic, "_write_temp", failing)
    with pytest.raises(ServiceError) as caught:
        export_subject_data(commune_db, person.subject_id, folder / "hoa.zip")
    assert "“hoa.zip”" in str(caught.value) and expected in str(caught.value)
    assert list(folder.iterdir()) == []


def test_a_write_failing_midway_leaves_no_partial_file(commune_db, person, tmp_path, monkeypatch):
    def full_disk(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(ServiceError):
        export_subject_data(commune_db, person.subject_id, tmp_path / "out.zip")
    assert not any(p.name.endswith(".zip") for p in tmp_path.iterdir())


def test_an_unknown_subject_is_named(commune_db, tmp_path):
    with pytest.raises(NotFoundError, match="đối tượng số 999"):
        export_subject_data(commune_db, 999, tmp_path / "x.zip")


def test_cli_export(capsys, commune_db, person, data_dir, tmp_path):
    target = tmp_path / "ra.zip"
    args = ["subject", "export", str(person.subject_id), "--out", str(target)]
    code = main(["--data-dir", str(data_dir), *args])
    out = capsys.readouterr().out
    assert code == 0 and "Đã xuất dữ liệu cá nhân" in out and target.is_file()
    assert record_of(zipfile.ZipFile(target))["subject"]["citizen_id"] == CITIZEN_ID


def test_cli_export_of_an_unknown_subject_exits_2(capsys, commune_db, data_dir, tmp_path):
    code = main(["--data-dir", str(data_dir), "subject", "export", "999", "--out", str(tmp_path / "x.zip")])
    err = capsys.readouterr().err
    assert code == 2 and "đối tượng số 999" in err and err.count("\n") == 1
    assert not (tmp_path / "x.zip").exists()


def test_an_award_line_names_its_movement(commune_db, tmp_path):
    from app.services.movements.crud import create_movement
    from app.services.movements.data import MovementInput
    from app.services.subjects.data import AwardInput

    movement = create_movement(commune_db, MovementInput(name="Phong trào thi đua “Dân vận khéo”",
                                                         start_date=dt.date(2021, 1, 1)))
    data = SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Lò Văn Pấng", gender=Gender.MALE, awards=[
        AwardInput("Giấy khen", 2023, "7/QĐ-UBND", movement_id=movement.id), AwardInput("Giấy khen", 2021)])
    subject = create_subject(commune_db, data)
    result = export_subject_data(commune_db, subject.id, tmp_path / "pang.zip", now=NOW)
    history = record_of(zipfile.ZipFile(result.path))["award_history"]
    by_year = {a["year"]: a["movement"] for a in history}
    assert by_year == {2023: "Phong trào thi đua “Dân vận khéo”", 2021: None}
