"""With two people chosen on the subjects page (to merge them), the buttons that act on one person are off,
and Enter opens no one, rather than acting on whichever row came first."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from app.models.enums import Gender, SubjectKind
from app.services.subjects import SubjectInput, create_subject
from app.ui.subjects.page import SubjectsPage


def test_one_person_buttons_are_off_with_two_chosen(qtbot, commune_db, monkeypatch):
    for name in ("Lò Văn Pấng", "Lò Văn Pấng"):
        create_subject(commune_db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.MALE))
    page = SubjectsPage(commune_db)
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    opened = []
    monkeypatch.setattr(page, "edit_dialog", lambda record_id: opened.append(record_id))
    page.table.selectRow(0)
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    page.table.selectionModel().select(page.model.index(1, 0), flags)
    assert len(page.selected_ids()) == 2
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()
    assert page.merge_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == []
    page.table.selectRow(1)
    assert page.edit_button.isEnabled() and not page.merge_button.isEnabled()
