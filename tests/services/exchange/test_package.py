"""The upload package of the demo's issued decision: a BagIt bag bagit-python accepts, every document in
.docx and .pdf, the list, the JSON and its Frictionless description, names the province can sort; and
`verify-package` accepting it."""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from pathlib import Path

import bagit
import docx
import openpyxl
import pytest
from package_helpers import extracted
from pypdf import PdfReader

from app.errors import ServiceError
from app.models import DecisionStatus
from app.services.decisions import list_decisions
from app.services.exchange import make_package, verify_package
from app.storage.database import open_database

SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, demo_template) -> Path:
    return demo_template(subjects=2000, seed=2026).copy_to(tmp_path_factory.mktemp("package-demo"))


@pytest.fixture(scope="module")
def built(demo_dir, tmp_path_factory) -> dict:
    database = open_database(demo_dir)
    try:
        rows = list_decisions(database)
        issued = next(r for r in rows if r.number == "205/QĐ-UBND")
        out = tmp_path_factory.mktemp("package") / "goi.zip"
        summary = make_package(database, out, decision_id=issued.id)
        return {"summary": summary, "rows": rows, "issued": issued, "path": out}
    finally:
        database.close()


@pytest.fixture(scope="module")
def bag_dir(built, tmp_path_factory) -> Path:
    return extracted(built["path"], tmp_path_factory.mktemp("unpacked"))


def test_bagit_python_validates_the_package(bag_dir) -> None:
    bag = bagit.Bag(str(bag_dir))
    bag.validate()  # raises BagValidationError on any problem
    assert bag.version_info == (1, 0)
    assert set(bag.algorithms) == {"sha256"}
    assert (bag_dir / "tagmanifest-sha256.txt").exists()


def test_the_bag_holds_every_document_in_both_formats(built, bag_dir) -> None:
    names = sorted(p.name for p in (bag_dir / "data").iterdir())
    for stem in ("XaHoaBinh_2026_QD-205_1-quyet-dinh", "XaHoaBinh_2026_QD-205_2-to-trinh-TTr-064",
                 "XaHoaBinh_2026_QD-205_3-bao-cao-thanh-tich"):
        assert f"{stem}.docx" in names and f"{stem}.pdf" in names
    assert "XaHoaBinh_2026_QD-205_4-danh-sach.xlsx" in names
    assert "XaHoaBinh_2026_QD-205_du-lieu.json" in names
    assert "datapackage.json" in names
    assert bag_dir.name == "XaHoaBinh_2026_QD-205"


def test_names_are_nfc_ascii_and_safe_on_windows(built) -> None:
    with zipfile.ZipFile(built["path"]) as archive:
        for name in archive.namelist():
            assert unicodedata.normalize("NFC", name) == name
            for part in name.split("/"):
                assert SAFE_NAME.match(part), name
                assert len(part) <= 120


def test_documents_read_back(bag_dir) -> None:
    data = bag_dir / "data"
    pdf = PdfReader(data / "XaHoaBinh_2026_QD-205_1-quyet-dinh.pdf")
    text = unicodedata.normalize("NFC", "".join(page.extract_text() for page in pdf.pages))
    assert "205/QĐ-UBND" in text
    word = docx.Document(str(data / "XaHoaBinh_2026_QD-205_2-to-trinh-TTr-064.docx"))
    assert any("64/TTr-VP" in p.text for p in word.paragraphs)


def test_every_recipients_report_is_in_the_reports_file(built, bag_dir) -> None:
    data = json.loads((bag_dir / "data" / "XaHoaBinh_2026_QD-205_du-lieu.json").read_text("utf-8"))
    names = [r["name"] for r in data["decisions"][0]["recipients"]]
    pdf = PdfReader(bag_dir / "data" / "XaHoaBinh_2026_QD-205_3-bao-cao-thanh-tich.pdf")
    pages = [unicodedata.normalize("NFC", page.extract_text()) for page in pdf.pages]
    firsts = [" ".join(text.split()) for text in pages if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text]
    assert len(firsts) == len(names)  # each report starts a page of its own
    assert all(name in first for name, first in zip(names, firsts, strict=True))  # in the list's order


def test_json_and_list_carry_the_recipients_without_citizen_ids(built, bag_dir) -> None:
    data = json.loads((bag_dir / "data" / "XaHoaBinh_2026_QD-205_du-lieu.json").read_text("utf-8"))
    assert data["schema"] == "sovang-goi-ho-so" and data["schema_version"] == 1
    assert data["commune"] == "Xã Hòa Bình" and data["province"] == "Tỉnh Phú Thọ"
    [decision] = data["decisions"]
    assert decision["number"] == "205/QĐ-UBND" and decision["issued_on"] == "2026-11-20"
    recipients = decision["recipients"]
    assert len(recipients) == sum(built["issued"].counts.values())
    assert all("citizen_id" not in r and "phone" not in r for r in recipients)
    sheet = openpyxl.load_workbook(bag_dir / "data" / "XaHoaBinh_2026_QD-205_4-danh-sach.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(row for row in rows if row[0] == "STT"))
    titles = rows[header]
    listed = [dict(zip(titles, row, strict=True)) for row in rows[header + 1:] if isinstance(row[0], int)]
    assert [row["Họ và tên / Tên tập thể"] for row in listed] == [r["name"] for r in recipients]
    assert [row["Số sổ vàng"] for row in listed] == [r["golden_book_no"] for r in recipients]
    assert "Số CCCD" not in titles
    assert sheet.freeze_panes == f"A{header + 2}"


def test_datapackage_describes_the_json_and_the_list(bag_dir) -> None:
    package = json.loads((bag_dir / "data" / "datapackage.json").read_text("utf-8"))
    paths = {r["path"]: r for r in package["resources"]}
    for path, resource in paths.items():
        assert (bag_dir / "data" / path).stat().st_size == resource["bytes"]
        assert resource["hash"].startswith("sha256:")
    listed = paths["XaHoaBinh_2026_QD-205_4-danh-sach.xlsx"]
    assert listed["schema"]["fields"][1]["title"] == "Họ và tên / Tên tập thể"


def test_bag_info_names_the_commune_documents_version_and_trail_head(bag_dir, demo_dir) -> None:
    info = bagit.Bag(str(bag_dir)).info
    assert info["Sovang-Commune"] == "Xã Hòa Bình"
    assert info["Sovang-Province"] == "Tỉnh Phú Thọ"
    assert info["Sovang-Decision"] == "205/QĐ-UBND ngày 20/11/2026"
    assert info["Sovang-Proposal"] == "64/TTr-VP ngày 19/11/2026"
    assert info["Sovang-App-Version"] == "0.1.0"
    assert int(info["Sovang-Trail-Events"]) > 0
    assert re.fullmatch(r"[0-9a-f]{64}", info["Sovang-Trail-Last-Hash"])


def test_verify_package_accepts_it(built) -> None:
    check = verify_package(built["path"])
    assert check.problems == []
    assert check.bag_name == "XaHoaBinh_2026_QD-205"
    assert check.data["content"] == "decision"


def test_a_round_package_holds_its_issued_decisions_only(built, demo_dir, tmp_path) -> None:
    database = open_database(demo_dir)
    try:
        summary = make_package(database, tmp_path / "dot.zip", round_id=built["issued"].round_id)
    finally:
        database.close()
    in_round = [r for r in built["rows"] if r.round_id == built["issued"].round_id]
    assert summary.decisions == sum(1 for r in in_round if r.status is DecisionStatus.ISSUED) < len(in_round)
    bagit.Bag(str(extracted(summary.path, tmp_path / "x"))).validate()


def test_a_draft_or_cancelled_decision_is_not_packaged(built, demo_dir, tmp_path) -> None:
    database = open_database(demo_dir)
    try:
        for row in built["rows"]:
            if row.status is not DecisionStatus.ISSUED:
                with pytest.raises(ServiceError, match="chỉ quyết định đã ban hành"):
                    make_package(database, tmp_path / "x.zip", decision_id=row.id)
    finally:
        database.close()
    assert not (tmp_path / "x.zip").exists()
