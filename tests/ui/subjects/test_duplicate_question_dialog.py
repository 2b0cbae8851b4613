"""Adding someone who may already be in the book asks first; the officer may save anyway or look again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from qt_typing import type_text

from app.models.enums import SubjectKind
from app.services.subjects import SubjectQuery, search_subjects
from app.ui.subjects.dialog import SubjectDialog


def add_hoa(qtbot, db) -> SubjectDialog:
    dialog = SubjectDialog(db, SubjectKind.INDIVIDUAL)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.form.widgets["name"], "Trần Thị Hoa")
    type_text(dialog.form.widgets["birth_year"], "1985")
    dialog.form.widgets["gender"].setCurrentIndex(dialog.form.widgets["gender"].findText("Nữ"))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    return dialog


def hoas(db) -> int:
    rows = search_subjects(db, SubjectQuery(text="Trần Thị Hoa"))
    return sum(1 for row in rows if row.name == "Trần Thị Hoa")


def test_a_possible_duplicate_is_asked_about_and_can_be_kept_out(qtbot, commune_db, make_person,
                                                                 fake_messages):
    make_person("Trần Thị Hoa", birth_year=1985)
    fake_messages.yes = False
    dialog = add_hoa(qtbot, commune_db)
    assert fake_messages.questions and "Trần Thị Hoa, sinh 1985: cùng họ tên và năm sinh" in (
        fake_messages.questions[0])
    assert dialog.isVisible() and hoas(commune_db) == 1


def test_the_officer_may_save_a_namesake_anyway(qtbot, commune_db, make_person, fake_messages):
    make_person("Trần Thị Hoa", birth_year=1985)
    dialog = add_hoa(qtbot, commune_db)
    assert len(fake_messages.questions) == 1 and not dialog.isVisible() and hoas(commune_db) == 2


def test_no_question_without_a_likely_duplicate(qtbot, commune_db, make_person, fake_messages):
    make_person("Trần Thị Hoa", birth_year=1990)
    dialog = add_hoa(qtbot, commune_db)
    assert fake_messages.questions == [] and not dialog.isVisible()
