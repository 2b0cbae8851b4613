"""Every custom Qt model passes qtmodeltester, with data in it; the subjects model stays lazy."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.subjects.data import SubjectQuery
from app.services.subjects.search import fetch_subject_rows, search_subject_ids
from app.services.units import list_units
from app.ui.kit.line_table import LineTableModel
from app.ui.subjects import table_model as subject_table_model
from app.ui.subjects.award_history_table import COLUMNS as AWARD_COLUMNS
from app.ui.subjects.table_model import ID_ROLE, NAME, ON_HOLD, STT, SubjectTableModel
from app.ui.units.table_model import SUBJECTS, UnitTableModel


def test_subject_model_passes_modeltester(qtmodeltester, commune_db, people):
    model = SubjectTableModel(commune_db)
    model.set_query(SubjectQuery())
    assert model.rowCount() == 5
    qtmodeltester.check(model)


def test_subject_model_shows_rows_in_search_order(commune_db, people):
    ids = search_subject_ids(commune_db, SubjectQuery())
    model = SubjectTableModel(commune_db)
    model.set_query(SubjectQuery())
    expected = [row.name for row in fetch_subject_rows(commune_db, ids)]
    assert [model.index(r, NAME).data() for r in range(model.rowCount())] == expected
    assert [model.index(r, NAME).data(ID_ROLE) for r in range(model.rowCount())] == ids
    assert model.index(0, STT).data() == "1"
    assert model.headerData(ON_HOLD, Qt.Orientation.Horizontal) == "Tạm dừng xét"


def test_subject_model_fetches_pages_into_a_bounded_cache(monkeypatch, commune_db, make_person):
    for n in range(30):
        make_person(f"Nguyễn Văn Số{n:02d}")
    monkeypatch.setattr(subject_table_model, "PAGE_SIZE", 4)
    monkeypatch.setattr(subject_table_model, "MAX_CACHED_PAGES", 2)
    model = SubjectTableModel(commune_db)
    model.set_query(SubjectQuery())
    assert model.cached_row_count() == 4  # only the first page, fetched with the count
    names = [model.index(r, NAME).data() for r in range(model.rowCount())]
    assert len(set(names)) == 30
    assert model.cached_row_count() <= 8
    ids = search_subject_ids(commune_db, SubjectQuery())
    assert [model.row_of(i) for i in ids] == list(range(30))


def test_subject_model_follows_a_filtered_query(commune_db, people):
    model = SubjectTableModel(commune_db)
    model.set_query(SubjectQuery(text="dat"))
    assert [model.index(r, NAME).data() for r in range(model.rowCount())] == ["Nguyễn Văn Đạt"]
    other = [i for i in search_subject_ids(commune_db, SubjectQuery()) if i != model.subject_id(0)][0]
    assert model.row_of(other) is None


def test_subject_model_empty_passes_modeltester(qtmodeltester, commune_db):
    model = SubjectTableModel(commune_db)
    model.set_query(SubjectQuery(text="không có ai tên này"))
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_unit_model_passes_modeltester(qtmodeltester, commune_db, people):
    model = UnitTableModel()
    model.set_rows(list_units(commune_db))
    assert model.rowCount() == 1
    assert model.index(0, SUBJECTS).data() == "3"
    qtmodeltester.check(model)


def test_line_model_passes_modeltester_and_edits(qtmodeltester):
    model = LineTableModel(AWARD_COLUMNS)
    blank = {column.key: "" for column in AWARD_COLUMNS}
    model.set_lines([{**blank, "form_name": "Lao động tiên tiến", "year": "2024"}])
    model.insertRows(1, 2)
    assert model.setData(model.index(1, 0), "Giấy khen")
    qtmodeltester.check(model)
    model.drop_empty_lines()
    assert [line["form_name"] for line in model.lines()] == ["Lao động tiên tiến", "Giấy khen"]
