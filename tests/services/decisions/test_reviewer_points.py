"""What a provincial reviewer checks in the demo's decisions, proposals and reports (issue 15), read back
from the files: python-docx for the .docx (bold runs, punctuation, texts), pypdf for the PDF's text."""

from __future__ import annotations

import dataclasses
import io
import json
import unicodedata

import docx
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.exporters.document import AdminDocument, Paragraph
from app.exporters.docx_parts import text_width_mm
from app.models import Decision, DecisionStatus, DocumentType, Nomination, RoundKind, Setting, SubjectKind
from app.services.decisions.documents import decision_document, proposal_document, render, report_document
from app.services.demo import generate_demo
from app.services.settings import load_commune_profile, save_commune_profile
from app.services.wording import load_wording, save_wording
from app.storage.database import Database, open_database

FULL_152 = ("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, "
            "phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số "
            "điều của Luật Thi đua, khen thưởng")
OLD_152 = ("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết "
           "một số điều của Luật Thi đua, khen thưởng")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Database:
    """The demo, its commune renamed Đạ Huoai (the drafts read it live; issued decisions keep theirs)."""
    database = open_database(tmp_path_factory.mktemp("reviewer-demo"))
    generate_demo(database, subjects=300, seed=1)
    profile = load_commune_profile(database)
    save_commune_profile(database, dataclasses.replace(profile, commune="Xã Đạ Huoai"))
    yield database
    database.close()


def decision_ids(db: Database) -> dict[DecisionStatus, int]:
    with db.read() as session:
        return {d.status: d.id for d in session.scalars(select(Decision).order_by(Decision.id))}


def texts_of(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    return texts


def paragraphs_of(document):
    found = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found += list(cell.paragraphs)
    return found


def docx_of(doc: AdminDocument):
    return docx.Document(io.BytesIO(render(doc, "docx")))


def pdf_text(doc: AdminDocument) -> str:
    reader = PdfReader(io.BytesIO(render(doc, "pdf")))
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in reader.pages))


def flat(text: str) -> str:
    return " ".join(text.split())


def bold_runs(document, text: str) -> list[bool]:
    paragraph = next(p for p in paragraphs_of(document) if p.text == text)
    return [bool(run.bold) for run in paragraph.runs if run.text.strip()]


def basis_lines(texts: list[str]) -> list[str]:
    return [t for t in texts if t.startswith(("Căn cứ", "Theo đề nghị"))]


def test_draft_decision_reads_as_a_reviewer_wants(demo) -> None:
    doc = decision_document(demo, decision_ids(demo)[DecisionStatus.DRAFT])
    document = docx_of(doc)
    texts = texts_of(document)
    assert texts[0] == "DỰ THẢO", "a draft is marked at the top of its first page"
    # the issuer is one name, both lines bold
    assert bold_runs(document, "ỦY BAN NHÂN DÂN") == [True]
    assert bold_runs(document, "XÃ ĐẠ HUOAI") == [True]
    basis = basis_lines(texts)
    assert basis[-1].startswith("Theo đề nghị") and basis[-1].endswith(".")
    assert all(line.endswith(";") for line in basis[:-1])
    assert FULL_152 + ";" in basis, "the first citation of the decree gives its full title"
    assert "Xã Đạ Huoai, ngày……tháng……năm 2026" in texts
    recipients = [t for t in texts if t.startswith("- ")]
    assert recipients[-1] == "- Lưu: VT, VP." and all(r.endswith(";") for r in recipients[:-1])
    text = flat(pdf_text(doc))
    assert text.startswith("DỰ THẢO")
    assert flat(FULL_152) in text and "- Lưu: VT, VP." in text
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)


def test_issuer_rule_is_a_third_to_a_half_of_the_longer_line(demo) -> None:
    doc = decision_document(demo, decision_ids(demo)[DecisionStatus.DRAFT])
    header = next(block for block in doc.blocks if not isinstance(block, Paragraph))
    longer = max(text_width_mm(text, header.issuer_size, bold=True) for text, _ in header.issuer_lines)
    document = docx_of(doc)
    cell = document.tables[0].rows[0].cells[0]
    rules = [p for p in cell.paragraphs if p._p.pPr is not None and p._p.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr") is not None]
    assert len(rules) == 1
    indent = rules[0].paragraph_format
    width = document.tables[0].columns[0].width.mm
    length = width - indent.left_indent.mm - indent.right_indent.mm
    assert longer / 3 <= length <= longer / 2


def test_draft_proposal_header_and_annex_reference(demo) -> None:
    doc = proposal_document(demo, decision_ids(demo)[DecisionStatus.DRAFT])
    document = docx_of(doc)
    texts = texts_of(document)
    assert texts[0] == "DỰ THẢO"
    assert bold_runs(document, "ỦY BAN NHÂN DÂN XÃ ĐẠ HUOAI") == [False]  # the parent body
    assert bold_runs(document, "VĂN PHÒNG HĐND VÀ UBND") == [True]
    header = next(block for block in doc.blocks if not isinstance(block, Paragraph))
    assert 12 <= header.issuer_size <= 13
    column = document.tables[0].columns[0].width.mm
    for line in ("ỦY BAN NHÂN DÂN XÃ ĐẠ HUOAI", "VĂN PHÒNG HĐND VÀ UBND"):
        assert text_width_mm(line, header.issuer_size, bold=True) < column, f"{line} breaks"
    lines = pdf_text(doc).splitlines()
    assert any(flat(line) == "ỦY BAN NHÂN DÂN XÃ ĐẠ HUOAI" for line in lines)
    assert any(flat(line) == "VĂN PHÒNG HĐND VÀ UBND" for line in lines)
    assert ("(Kèm theo Tờ trình số ……/TTr-VP ngày……tháng……năm 2026 của Văn phòng Hội đồng nhân dân và "
            "Ủy ban nhân dân xã)") in texts
    basis = basis_lines(texts)
    assert basis[-1] == FULL_152 + "."
    assert [t for t in texts if t.startswith("- ")][-1] == "- Lưu: VT, VP."


def test_cancelled_decision_reprints_marked_with_its_reason(demo) -> None:
    decision_id = decision_ids(demo)[DecisionStatus.CANCELLED]
    with demo.read() as session:
        decision = session.get(Decision, decision_id)
        frozen, reason = decision.content_json, decision.cancel_reason
    doc = decision_document(demo, decision_id)
    assert doc.blocks[0].text == "ĐÃ HỦY"
    assert reason.rstrip(".") in doc.blocks[1].text and doc.blocks[1].text.startswith("(Hủy ngày ")
    assert doc.blocks[2:] == AdminDocument.from_json(frozen).blocks, "the issued text itself is unchanged"
    texts = texts_of(docx_of(doc))
    assert texts[0] == "ĐÃ HỦY" and texts[1] == doc.blocks[1].text
    text = flat(pdf_text(doc))
    assert text.startswith("ĐÃ HỦY") and flat(reason.rstrip(".")) in text
    with demo.read() as session:
        assert session.get(Decision, decision_id).content_json == frozen


def test_issued_decision_reprints_exactly_after_the_wording_is_upgraded(demo) -> None:
    decision_id = decision_ids(demo)[DecisionStatus.ISSUED]
    with demo.read() as session:
        frozen = session.get(Decision, decision_id).content_json
    before = render(decision_document(demo, decision_id), "docx")
    old = load_wording(demo, DocumentType.DECISION)
    # an older database: the wording stored with the defaults of the time
    stored = {**old, "basis_lines": [OLD_152 if line == FULL_152 else line for line in old["basis_lines"]],
              "recipients": [*old["recipients"], "Lưu: VT"]}
    stored.pop("drafting_unit")
    with demo.transaction() as session:
        row = session.get(Setting, "wording.decision") or Setting(key="wording.decision", value_json="{}")
        row.value_json = json.dumps(stored, ensure_ascii=False)
        session.add(row)
    assert load_wording(demo, DocumentType.DECISION)["basis_lines"] == old["basis_lines"]
    doc = decision_document(demo, decision_id)
    assert doc == AdminDocument.from_json(frozen)
    assert texts_of(docx_of(doc)) == texts_of(docx.Document(io.BytesIO(before)))
    with demo.read() as session:
        assert session.get(Decision, decision_id).content_json == frozen


def test_report_sections_confirmation_place_and_quarter(demo) -> None:
    with demo.read() as session:
        nominations = list(session.scalars(select(Nomination)))
        by_kind = {}
        for nomination in nominations:
            by_kind.setdefault(nomination.subject.kind, nomination.id)
        quarter = next(n.id for n in nominations if n.round.kind is RoundKind.QUARTER)
    decision_place = "Xã Đạ Huoai, ngày"
    for kind, nomination_id in by_kind.items():
        doc = report_document(demo, nomination_id)
        texts = texts_of(docx_of(doc))
        assert any(t.startswith(decision_place) for t in texts), kind
        numbered = [t for t in texts if t[:2] in ("1.", "2.", "3.") and t[2:3] == " "]
        for section in _sections(texts):
            numbers = [int(t.split(".")[0]) for t in section if t in numbered]
            assert numbers == list(range(1, len(numbers) + 1)), (kind, section)
        assert texts.count("(Ký, đóng dấu)") == 1
        closing = doc.blocks[-1]
        confirm = closing.signatures[0]
        assert confirm.note == "(Ký, đóng dấu)" and confirm.name.strip(), kind
        if kind is SubjectKind.INDIVIDUAL:
            assert not any(t.startswith("- Dân tộc") for t in texts)
    texts = texts_of(docx_of(report_document(demo, quarter)))
    assert any("quý III năm 2026" in t for t in texts)
    assert not any("quý 3" in t for t in texts)


def _sections(texts: list[str]) -> list[list[str]]:
    sections: list[list[str]] = []
    for text in texts:
        if text.startswith(("I. ", "II. ", "III. ")):
            sections.append([])
        elif sections:
            sections[-1].append(text)
    return sections


def test_ethnicity_only_when_the_province_form_asks(demo) -> None:
    with demo.read() as session:
        person = next(n.id for n in session.scalars(select(Nomination))
                      if n.subject.kind is SubjectKind.INDIVIDUAL and n.subject.ethnicity)
    assert not any(t.startswith("- Dân tộc") for t in report_document(demo, person).texts())
    wording = load_wording(demo, DocumentType.REPORT)
    save_wording(demo, DocumentType.REPORT, {**wording, "show_ethnicity": True})
    try:
        assert any(t.startswith("- Dân tộc: ") for t in report_document(demo, person).texts())
    finally:
        save_wording(demo, DocumentType.REPORT, wording)


def test_household_report_numbers_from_one_when_the_first_item_is_empty() -> None:
    from app.exporters.report_builder import ReportContent, build_report

    content = ReportContent(kind="household", form_name="Giấy khen", is_title=False, period="năm 2026",
                            name="Hộ ông A", place="Xã Đạ Huoai", day=None, wording={
                                "household_confirm": "XÁC NHẬN CỦA TRƯỞNG THÔN", "household_author": "CHỦ HỘ",
                                "confirm_note": "(Ký, đóng dấu)"},
                            duties="", achievements="Làm tốt.", measures="Chăm chỉ.",
                            confirm_name="Trần Văn B", signer_name="Nguyễn Văn A")
    texts = build_report(content).texts()
    assert "1. Thành tích đạt được" in texts and "2. Các biện pháp, giải pháp đã thực hiện" in texts
    assert not any(t.startswith("3.") for t in texts)


def test_stored_wording_equal_to_an_old_default_reads_corrected_and_edits_are_kept(demo) -> None:
    current = load_wording(demo, DocumentType.PROPOSAL)
    edited = "Căn cứ Quyết định số 20/2025/QĐ-UBND của Ủy ban nhân dân tỉnh"
    stored = {**current, "basis_lines": ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", OLD_152,
                                         edited],
              "recipients": ["Như trên", "Lưu: VT", "Phòng Nội vụ"], "addressee": "Ông Chủ tịch xã"}
    stored.pop("drafting_unit")
    with demo.transaction() as session:
        row = session.get(Setting, "wording.proposal") or Setting(key="wording.proposal", value_json="{}")
        row.value_json = json.dumps(stored, ensure_ascii=False)
        session.add(row)
    try:
        wording = load_wording(demo, DocumentType.PROPOSAL)
        assert wording["basis_lines"][1:] == [FULL_152, edited]
        assert wording["recipients"] == ["Như trên", "Phòng Nội vụ"]  # "Lưu: VT, VP" is added last
        assert wording["drafting_unit"] == "VP" and wording["addressee"] == "Ông Chủ tịch xã"
        assert load_wording(demo, DocumentType.PROPOSAL) == wording, "reading again changes nothing"
        save_wording(demo, DocumentType.PROPOSAL, wording)
        assert load_wording(demo, DocumentType.PROPOSAL) == wording
        doc = proposal_document(demo, decision_ids(demo)[DecisionStatus.DRAFT])
        assert [t for t in doc.texts() if t.startswith("- ")] == ["- Như trên;", "- Phòng Nội vụ;",
                                                                  "- Lưu: VT, VP."]
    finally:
        save_wording(demo, DocumentType.PROPOSAL, current)
