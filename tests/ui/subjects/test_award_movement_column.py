"""The award history's "Phong trào" column: a combo of the movements (empty allowed) on rows typed by hand,
the movement of a decision's row shown read-only, a choice saved with the subject."""

from __future__ import annotations

from award_movement_helpers import CULTURE, PATRIOTIC, issued_in, movement, person
from award_tab import open_on_awards
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from app.services.subjects.crud import get_subject
from app.services.subjects.data import AwardInput
from app.ui.subjects.award_history_table import COLUMNS
from app.ui.subjects.dialog import SubjectDialog

MOVEMENT = [c.key for c in COLUMNS].index("movement")


def choose(dialog: SubjectDialog, row: int, text: str) -> list[str]:
    """Pick a movement in the row's combo, as a user would; the combo's choices."""
    table = dialog.awards_table.table
    index = table.model().index(row, MOVEMENT)
    table.setCurrentIndex(index)
    table.edit(index)
    combo = table.focusWidget()
    assert isinstance(combo, QComboBox)
    choices = [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(combo.findText(text))
    table.commitData(combo)
    table.closeEditor(combo, table.itemDelegate().EndEditHint.NoHint)
    return choices


def save(qtbot, dialog: SubjectDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_a_typed_row_takes_a_movement_and_drops_it_again(qtbot, commune_db):
    patriotic, culture = movement(commune_db, PATRIOTIC), movement(commune_db, CULTURE)
    subject_id = person(commune_db, [
        AwardInput(form_name="Lao động tiên tiến", year=2023),
        AwardInput(form_name="Gia đình văn hóa", year=2024, movement_id=culture),
    ])
    dialog = open_on_awards(qtbot, commune_db, subject_id)
    model = dialog.awards_table.model
    assert dialog.awards_table.model.headerData(MOVEMENT, Qt.Orientation.Horizontal) == "Phong trào"
    assert [model.index(row, MOVEMENT).data() for row in range(2)] == ["", CULTURE]
    assert set(choose(dialog, 0, PATRIOTIC)) == {"", PATRIOTIC, CULTURE}
    choose(dialog, 1, "")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert [a.movement_id for a in get_subject(commune_db, subject_id).awards] == [patriotic, None]


def test_a_decision_row_shows_its_movement_read_only(qtbot, commune_db):
    patriotic = movement(commune_db, PATRIOTIC)
    subject_id, _decision = issued_in(commune_db, patriotic)
    before = get_subject(commune_db, subject_id).awards
    dialog = open_on_awards(qtbot, commune_db, subject_id)
    model = dialog.awards_table.model
    assert model.index(0, MOVEMENT).data() == PATRIOTIC
    assert not model.flags(model.index(0, MOVEMENT)) & Qt.ItemFlag.ItemIsEditable
    save(qtbot, dialog)
    assert not dialog.isVisible() and get_subject(commune_db, subject_id).awards == before


def test_two_movements_of_one_name_are_told_apart(qtbot, commune_db):
    _first, second = movement(commune_db, PATRIOTIC), movement(commune_db, PATRIOTIC)
    subject_id = person(commune_db, [AwardInput(form_name="Lao động tiên tiến", year=2023)])
    dialog = open_on_awards(qtbot, commune_db, subject_id)
    labels = [f"{PATRIOTIC} (từ năm 2020)", f"{PATRIOTIC} (từ năm 2020) (khác)"]  # no record number
    assert set(choose(dialog, 0, labels[1])) == {"", *labels}
    save(qtbot, dialog)
    assert [a.movement_id for a in get_subject(commune_db, subject_id).awards] == [second]


def test_two_movements_of_one_name_are_told_apart_by_their_year_not_a_number() -> None:
    from app.ui.subjects.award_history_table import movement_labels

    labels = movement_labels([("Thi đua “Dân vận khéo”", 7, 2016), ("Thi đua “Dân vận khéo”", 12, 2021),
                              ("Phong trào thi đua yêu nước", 3, 2020), ("Trùng", 4, None),
                              ("Trùng", 5, None)])
    assert labels[7] == "Thi đua “Dân vận khéo” (từ năm 2016)"
    assert labels[12] == "Thi đua “Dân vận khéo” (từ năm 2021)"
    assert labels[3] == "Phong trào thi đua yêu nước"
    assert len(set(labels.values())) == 5 and not any("số" in label for label in labels.values())
