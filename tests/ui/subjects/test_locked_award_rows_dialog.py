"""The subject form shows an award row written by an issued decision read-only, with why and what to do."""

from __future__ import annotations

from award_tab import open_on_awards
from decision_helpers import issued_award
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from qt_typing import type_text

from app.services.subjects.crud import get_subject


def test_the_decision_row_is_shown_read_only(qtbot, commune_db):
    subject_id, _nomination, _decision = issued_award(commune_db)
    dialog = open_on_awards(qtbot, commune_db, subject_id)
    table, model = dialog.awards_table.table, dialog.awards_table.model
    number = model.index(0, 2).data()
    assert number.endswith("/QĐ-UBND") and model.index(0, 0).data() == "Lao động tiên tiến"
    for column in range(model.columnCount()):
        assert not model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable
    tooltip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert f"quyết định số {number}" in tooltip and "hủy quyết định" in tooltip
    assert dialog.awards_table.locked_note.isVisible()
    cell = table.visualRect(model.index(0, 1)).center()
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert table.state() != table.State.EditingState
    table.selectRow(0)
    qtbot.mouseClick(dialog.awards_table.remove_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 1 and "hủy quyết định" in dialog.awards_table.error.text()


def test_saving_the_person_keeps_the_locked_row(qtbot, commune_db):
    subject_id, _nomination, _decision = issued_award(commune_db)
    before = get_subject(commune_db, subject_id).awards
    dialog = open_on_awards(qtbot, commune_db, subject_id)
    type_text(dialog.form.widgets["phone"], "0912345678")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    after = get_subject(commune_db, subject_id)
    assert after.phone == "0912345678" and after.awards == before


def test_a_row_typed_by_hand_stays_editable(qtbot, commune_db, make_person):
    dialog = open_on_awards(qtbot, commune_db, make_person("Bùi Văn Quý", awards=1))
    model = dialog.awards_table.model
    assert model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not dialog.awards_table.locked_note.isVisible()
