"""The citizen ID (CCCD) leaves the app only when asked for by name: every command-line output, every
generated document (decision, proposal, achievement report, as model, .docx and .pdf) and the subjects
list on screen are checked against the demo's real CCCD numbers. The personal-data export, which gives
the person their own data, is the one exception (tests/services/subjects/test_subject_export.py)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.cli.main import main
from app.models import Nomination, Subject
from app.services.decisions.documents import decision_document, proposal_document, render, report_document
from app.services.decisions.queries import list_decisions
from app.services.subjects.data import SubjectQuery, mask_citizen_id
from app.services.subjects.erase import erase_plan
from app.storage.database import open_database
from app.ui.subjects.table_model import CITIZEN_ID, SubjectTableModel

TWELVE_DIGITS = re.compile(r"\d{12}")


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, demo_template) -> Path:
    """This module's copy of the demo of 300 subjects, seed 2026 (made once per session)."""
    return demo_template(subjects=300, seed=2026).copy_to(tmp_path_factory.mktemp("privacy-demo"))


@pytest.fixture(scope="module")
def demo(demo_dir) -> dict:
    """The demo's CCCD numbers, its decisions, and the nominations of people who have a CCCD."""
    database = open_database(demo_dir)
    try:
        with database.read() as session:
            rows = session.execute(select(Subject.id, Subject.citizen_id).where(  # by id: the first
                Subject.citizen_id.is_not(None)).order_by(Subject.id))  # has a history the plan keeps
            ids = {subject_id: citizen_id for subject_id, citizen_id in rows}
            nominations = session.scalars(select(Nomination.id).join(Subject).where(
                Subject.citizen_id.is_not(None)).order_by(Nomination.id)).all()
        decisions = [row.id for row in list_decisions(database)]
    finally:
        database.close()
    assert len(ids) > 50 and len(nominations) > 20 and len(decisions) == 4  # the check has teeth
    return {"citizen_ids": ids, "nominations": nominations, "decisions": decisions}


@pytest.fixture
def demo_db(demo_dir):
    database = open_database(demo_dir)
    yield database
    database.close()


def leaked(text: str, citizen_ids: dict[int, str]) -> set[str]:
    return set(TWELVE_DIGITS.findall(text)) & set(citizen_ids.values())


def run(capsys, demo_dir: Path, *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(demo_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# Command line ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ("subjects", "search", "", "--json"),
    ("subjects", "search", ""),
    ("nominations", "list", "--json"),
    ("nominations", "list"),
    ("rounds", "list", "--json"),
    ("decision", "list", "--json"),
])
def test_no_command_prints_a_citizen_id(capsys, demo_dir, demo, args):
    code, output = run(capsys, demo_dir, *args)
    assert code == 0 and len(output) > 100
    assert leaked(output, demo["citizen_ids"]) == set()


def test_the_subjects_json_has_no_citizen_id_field(capsys, demo_dir, demo):
    _code, output = run(capsys, demo_dir, "subjects", "search", "", "--json")
    rows = json.loads(output)
    assert len(rows) == 300 and not any("citizen" in key for row in rows for key in row)


def test_nomination_checks_print_no_citizen_id(capsys, demo_dir, demo):
    for nomination_id in demo["nominations"][:10]:
        _code, output = run(capsys, demo_dir, "nominations", "check", str(nomination_id), "--json")
        assert json.loads(output) and leaked(output, demo["citizen_ids"]) == set()


def test_with_citizen_id_the_json_carries_it_in_clear(capsys, demo_dir, demo):
    code, output = run(capsys, demo_dir, "subjects", "search", "", "--json", "--with-citizen-id")
    rows = json.loads(output)
    assert code == 0
    assert {row["id"]: row["citizen_id"] for row in rows if row["citizen_id"]} == demo["citizen_ids"]


def test_with_citizen_id_needs_json(capsys, demo_dir):
    code, output = run(capsys, demo_dir, "subjects", "search", "", "--with-citizen-id")
    assert code == 2 and "chỉ dùng cùng --json" in output


# Documents ------------------------------------------------------------------------------------------

def test_no_decision_or_proposal_names_a_citizen_id(demo_db, demo):
    for decision_id in demo["decisions"]:
        for build in (decision_document, proposal_document):
            text = "\n".join(build(demo_db, decision_id).texts())
            assert leaked(text, demo["citizen_ids"]) == set(), (build.__name__, decision_id)


def test_no_achievement_report_names_a_citizen_id(demo_db, demo):
    for nomination_id in demo["nominations"]:
        text = "\n".join(report_document(demo_db, nomination_id).texts())
        assert "Họ và tên" in text and leaked(text, demo["citizen_ids"]) == set(), nomination_id


def test_the_written_files_carry_no_citizen_id(demo_db, demo):
    documents = [decision_document(demo_db, demo["decisions"][1]),
                 report_document(demo_db, demo["nominations"][0])]
    for document in documents:
        pdf = PdfReader(io.BytesIO(render(document, "pdf")))
        pdf_text = "\n".join(page.extract_text() for page in pdf.pages)
        word = docx.Document(io.BytesIO(render(document, "docx")))
        word_text = "\n".join([p.text for p in word.paragraphs] + [
            cell.text for table in word.tables for row in table.rows for cell in row.cells])
        assert len(pdf_text) > 200 and len(word_text) > 200
        assert leaked(pdf_text + word_text, demo["citizen_ids"]) == set()


# Screen ---------------------------------------------------------------------------------------------

def test_the_subjects_list_shows_only_the_last_digits(qapp, demo_db, demo):
    model = SubjectTableModel(demo_db)
    model.set_query(SubjectQuery())
    shown = 0
    for row in range(min(model.rowCount(), 200)):
        subject_id = model.subject_id(row)
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.EditRole):
                value = model.index(row, column).data(role)
                assert leaked(str(value), demo["citizen_ids"]) == set()
        if subject_id in demo["citizen_ids"]:
            cell = model.index(row, CITIZEN_ID).data()
            assert cell == mask_citizen_id(demo["citizen_ids"][subject_id]) and cell.startswith("•••")
            shown += 1
    assert shown > 20


def test_the_erase_plan_names_the_field_not_the_number(demo_db, demo):
    subject_id, citizen_id = next(iter(demo["citizen_ids"].items()))
    plan = erase_plan(demo_db, subject_id)
    text = " ".join([plan.rule, *plan.delete, *(f"{k.what} {k.why}" for k in plan.keep)])
    assert "số CCCD" in text and citizen_id not in text
