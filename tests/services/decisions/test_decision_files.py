"""The demo's decisions through the command line, and the files read back: `sovang decision list` and
`sovang decision render`, checked with python-docx and pypdf."""

from __future__ import annotations

import errno
import io
import json
import os
import unicodedata
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from app.cli.main import main
from app.models import DecisionStatus
from app.services.decisions.queries import get_decision, list_decisions
from app.storage import atomic
from app.storage.database import open_database


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, demo_template) -> Path:
    """This module's copy of the default demo (2,000 subjects, seed 2026; made once per session)."""
    return demo_template(subjects=2000, seed=2026).copy_to(tmp_path_factory.mktemp("decision-demo"))


@pytest.fixture(scope="module")
def decisions(demo_dir) -> dict:
    database = open_database(demo_dir)
    try:
        rows = list_decisions(database)
        issued = next(r for r in rows if r.number == "152/QĐ-UBND")
        return {"rows": rows, "issued": issued, "entries": get_decision(database, issued.id).entries}
    finally:
        database.close()


def run(demo_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(demo_dir), *args])


def nfc_words(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text).split()


def docx_texts(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
                for inner in cell.tables:
                    texts += [c.text for r in inner.rows for c in r.cells]
    return texts


def test_the_demo_has_decisions_in_every_state(decisions) -> None:
    states = {row.number or "dự thảo": row.status for row in decisions["rows"]}
    assert states["148/QĐ-UBND"] is DecisionStatus.CANCELLED  # cancelled, number kept
    assert states["152/QĐ-UBND"] is DecisionStatus.ISSUED
    assert states["205/QĐ-UBND"] is DecisionStatus.ISSUED
    assert states["dự thảo"] is DecisionStatus.DRAFT
    assert decisions["issued"].proposal_number == "31/TTr-VP"


def test_decision_list_starts_each_line_with_the_id(demo_dir, decisions, capsys) -> None:
    assert run(demo_dir, "decision", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [int(line.split("\t")[0]) for line in lines] == [row.id for row in decisions["rows"]]
    issued = next(line for line in lines if "152/QĐ-UBND" in line)
    assert "Đã ban hành" in issued and "8.424.000 đồng" in issued
    assert run(demo_dir, "decision", "list", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["number"] for d in data} >= {"148/QĐ-UBND", "152/QĐ-UBND", "205/QĐ-UBND"}
    assert next(d for d in data if d["number"] == "148/QĐ-UBND")["status"] == "cancelled"


def test_rendered_docx_reads_back(demo_dir, decisions, tmp_path) -> None:
    out = tmp_path / "qd.docx"
    assert run(demo_dir, "decision", "render", str(decisions["issued"].id), "--format", "docx",
               "--out", str(out)) == 0
    document = docx.Document(str(out))
    section = document.sections[0]
    assert section.page_width.mm == pytest.approx(210, abs=0.1)
    assert section.page_height.mm == pytest.approx(297, abs=0.1)
    assert 20 <= section.top_margin.mm <= 25 and 20 <= section.bottom_margin.mm <= 25
    assert 30 <= section.left_margin.mm <= 35 and 15 <= section.right_margin.mm <= 20
    assert document.styles["Normal"].font.name == "Times New Roman"
    texts = docx_texts(document)
    assert "Số: 152/QĐ-UBND" in texts
    assert "Xã Hòa Bình, ngày 20 tháng 8 năm 2026" in texts
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts and "Độc lập - Tự do - Hạnh phúc" in texts
    assert "KT. CHỦ TỊCH" in texts and "PHÓ CHỦ TỊCH" in texts
    basis = [t for t in texts if t.startswith(("Căn cứ", "Theo đề nghị"))]
    assert all(t.endswith(";") for t in basis[:-1]) and basis[-1].endswith(".")  # Decree 30, Phụ lục I
    assert "Tờ trình số 31/TTr-VP ngày 19 tháng 8 năm 2026" in basis[-1]
    names = [row.cells[1].text for table in document.tables[2:] for row in table.rows[1:]]
    assert names == [e.name for e in decisions["entries"]]  # the annex, in the order issued
    numbers = [row.cells[0].text for table in document.tables[2:] for row in table.rows[1:]]
    assert numbers == [str(e.golden_book_no) for e in decisions["entries"]]


def test_rendered_pdf_reads_back_with_the_same_words(demo_dir, decisions, tmp_path) -> None:
    pdf_path, docx_path = tmp_path / "qd.pdf", tmp_path / "qd.docx"
    for fmt, path in (("pdf", pdf_path), ("docx", docx_path)):
        assert run(demo_dir, "decision", "render", str(decisions["issued"].id), "--format", fmt,
                   "--out", str(path)) == 0
    reader = PdfReader(str(pdf_path))
    assert len(reader.pages) >= 2
    pages = [page.extract_text() for page in reader.pages]
    text = unicodedata.normalize("NFC", "\n".join(pages))
    for expected in ("Số: 152/QĐ-UBND", "Độc lập - Tự do - Hạnh phúc", "Về việc tặng Giấy khen",
                     "KT. CHỦ TỊCH", decisions["entries"][0].name):
        assert " ".join(expected.split()) in " ".join(text.split())
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            assert "/FontFile2" in font.get_object()["/FontDescriptor"], "fonts must be embedded"
    pdf_words = [w for w in nfc_words(text) if not w.isdigit()]
    document = docx.Document(str(docx_path))
    docx_words = [w for w in nfc_words(" ".join(docx_texts(document))) if not w.isdigit()]
    header = nfc_words(" ".join(cell.text for cell in document.tables[-1].rows[0].cells))
    for _ in range(pdf_words.count("STT") - docx_words.count("STT")):  # a list's header row repeated
        for word in header:                                            # on the pages it runs over
            pdf_words.remove(word)
    assert sorted(pdf_words) == sorted(docx_words)


def test_render_refusals_write_nothing(demo_dir, tmp_path, capsys) -> None:
    nowhere = str(tmp_path / "x.pdf")
    assert run(demo_dir, "decision", "render", "9999", "--format", "pdf", "--out", nowhere) == 2
    assert "Không tìm thấy quyết định mã 9999" in capsys.readouterr().err
    missing = tmp_path / "no-such-folder" / "qd.pdf"
    assert run(demo_dir, "decision", "render", "1", "--format", "pdf", "--out", str(missing)) == 2
    assert "Không ghi được tệp “qd.pdf”" in capsys.readouterr().err
    assert run(demo_dir, "decision", "render", "1", "--format", "odt", "--out", str(tmp_path / "x")) == 2
    assert list(tmp_path.iterdir()) == []


def test_read_only_folder_keeps_the_old_file(demo_dir, tmp_path, capsys, monkeypatch) -> None:
    """The folder refuses writing, injected where the file is made (root may write anywhere)."""
    target = tmp_path / "qd.pdf"
    target.write_bytes(b"old")

    def read_only(target, data):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(atomic, "_write_temp", read_only)
    assert run(demo_dir, "decision", "render", "1", "--format", "pdf", "--out", str(target)) == 2
    assert "không cho phép ghi" in capsys.readouterr().err
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["qd.pdf"]


def test_the_cancelled_decision_reprints_as_issued(demo_dir, decisions, tmp_path) -> None:
    cancelled = next(r for r in decisions["rows"] if r.number == "148/QĐ-UBND")
    out = tmp_path / "huy.pdf"
    assert run(demo_dir, "decision", "render", str(cancelled.id), "--format", "pdf", "--out", str(out)) == 0
    text = unicodedata.normalize("NFC", PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text())
    assert "148/QĐ-UBND" in text
