"""The periodic reports of the demo written as .docx, .pdf and .xlsx and read back (python-docx, pypdf,
openpyxl): the figures are the statistics' own, the formats agree, a bad name or quarter writes nothing."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import docx
import openpyxl
import pytest
from pypdf import PdfReader

from app.errors import ValidationError
from app.services.exchange import StatsFilter, commendation_statistics, write_report
from app.storage.database import open_database

DAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_template):
    folder = demo_template(subjects=2000, seed=2026).copy_to(tmp_path_factory.mktemp("reports"))
    database = open_database(folder)
    yield database
    database.close()


def pdf_text(path: Path) -> str:
    return unicodedata.normalize("NFC", " ".join(page.extract_text() for page in PdfReader(path).pages))


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(texts)


def test_annual_report_in_three_formats_with_the_statistics_figures(demo, tmp_path) -> None:
    stats = commendation_statistics(demo, StatsFilter(2025), DAY)
    paths = [write_report(demo, "nam", 2025, None, tmp_path / f"nam{suffix}", DAY)
             for suffix in (".pdf", ".docx", ".xlsx")]
    total = f"được khen thưởng {stats.total} lượt"
    assert total in " ".join(pdf_text(paths[0]).split()) and total in docx_text(paths[1])
    sheet = openpyxl.load_workbook(paths[2]).active
    values = [row for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "BÁO CÁO" and values[1][0] == "Số lượng khen thưởng năm 2025"
    forms = {row[1]: row[2] for row in values if isinstance(row[0], int) and isinstance(row[2], int)}
    for count in stats.by_form:
        assert forms[count.label] == count.count  # a number cell, not text
    assert "TM. ỦY BAN NHÂN DÂN" in docx_text(paths[1])


def test_quarterly_report_names_every_unit_of_the_duty(demo, tmp_path) -> None:
    path = write_report(demo, "quy", 2026, 3, tmp_path / "quy.docx", DAY)
    text = docx_text(path)
    assert "BÁO CÁO" in text and "quý III năm 2026" in text
    assert "I. KẾT QUẢ GIỚI THIỆU ĐIỂN HÌNH TIÊN TIẾN TRONG QUÝ" in text
    assert "Thôn Đông" in text and "Quá hạn" in text and "Số:……/BC-UBND" in text
    pdf = pdf_text(write_report(demo, "quy", 2026, 3, tmp_path / "quy.pdf", DAY))
    assert "CÔNG TÁC TUYÊN TRUYỀN" in pdf


def test_exemplar_list_has_dates_as_dates(demo, tmp_path) -> None:
    path = write_report(demo, "dien-hinh", 2026, 3, tmp_path / "dh.xlsx", DAY)
    rows = [row for row in openpyxl.load_workbook(path).active.iter_rows(values_only=True)
            if isinstance(row[0], int)]
    assert rows and all(isinstance(row[5], dt.datetime) for row in rows)
    assert all(dt.date(2026, 7, 1) <= row[5].date() <= dt.date(2026, 9, 30) for row in rows)


@pytest.mark.parametrize(("name", "quarter", "suffix", "field"), [
    ("quy", None, ".pdf", "quarter"), ("khac", None, ".pdf", "name"), ("nam", 5, ".pdf", "quarter"),
    ("nam", None, ".txt", "out"),
])
def test_bad_requests_name_the_field_and_write_nothing(demo, tmp_path, name, quarter, suffix, field) -> None:
    with pytest.raises(ValidationError) as refused:
        write_report(demo, name, 2026, quarter, tmp_path / f"x{suffix}", DAY)
    assert field in refused.value.errors
    assert list(tmp_path.iterdir()) == []
