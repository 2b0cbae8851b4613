"""“Gộp hồ sơ trùng”: the two records side by side, a choice per differing field, what moves, a confirmation;
opened from the subjects page on two selected rows and from the possible-duplicate question."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from personal_data_helpers import NAME
from personal_data_helpers import make_person as make_rich_person
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel, QRadioButton, QWidget
from qt_typing import type_text

from app.errors import NotFoundError
from app.models.enums import Gender, SubjectKind
from app.services.subjects import SubjectInput, create_subject, get_subject
from app.services.subjects.data import AwardInput
from app.ui.subjects.dialog import SubjectDialog
from app.ui.subjects.merge_dialog import MergeDialog
from app.ui.subjects.page import SubjectsPage
from app.ui.subjects.table_model import NAME as NAME_COLUMN

LAPTOP_DIALOG = QSize(1093, 614 - 32)  # 1366×768 at 125 %, less the title bar
GRABS = os.environ.get("SOVANG_GRAB_DIR")


def twin(db, **changes) -> int:
    values = dict(kind=SubjectKind.INDIVIDUAL, name=NAME, gender=Gender.FEMALE, birth_year=1986,
                  phone="0987654321", note="Nhập lại từ danh sách của thôn Đông")
    return create_subject(db, SubjectInput(**{**values, **changes}), today=dt.date(2026, 11, 21)).id


@pytest.fixture
def pair(commune_db, tmp_path) -> tuple[int, int]:
    other = make_rich_person(commune_db, tmp_path).subject_id
    return twin(commune_db), other


def shown(qtbot, dialog: MergeDialog) -> MergeDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    dialog.resize(dialog.size().boundedTo(LAPTOP_DIALOG))
    QApplication.processEvents()
    return dialog


def radio(dialog: MergeDialog, text: str) -> QRadioButton:
    return next(b for b in dialog.findChildren(QRadioButton) if b.text() == text)


def merge_button(dialog: MergeDialog) -> QAbstractButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def clipped(window: QWidget) -> list[str]:
    """Labels and buttons whose text does not fit them, outside the scrolled comparison."""
    found = []
    for widget in window.findChildren(QWidget):
        if widget.isVisibleTo(window) and isinstance(widget, QLabel | QAbstractButton) and _cut(widget):
            found.append(widget.text())
    return found


def _cut(widget: QLabel | QAbstractButton) -> bool:
    if not widget.text():
        return False
    if isinstance(widget, QLabel) and widget.wordWrap():
        return widget.height() < widget.heightForWidth(widget.width())
    return widget.width() < widget.sizeHint().width()


def test_the_two_records_side_by_side_with_a_choice_where_they_differ(qtbot, commune_db, pair):
    kept, other = pair
    dialog = shown(qtbot, MergeDialog.for_pair(commune_db, kept, other))
    assert set(dialog.choices) == {"birth", "phone", "note"}
    assert radio(dialog, "1986").isChecked() and not radio(dialog, "15/03/1986").isChecked()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("•••••••••234" in text and "lấy sang hồ sơ giữ lại" in text for text in texts)
    assert "2 hồ sơ đề nghị khen thưởng" in dialog.moves_label.text()
    assert "4 tệp đính kèm" in dialog.moves_label.text()
    assert not merge_button(dialog).isEnabled()  # not before the officer confirms
    if GRABS:
        dialog.grab().save(str(Path(GRABS) / "merge_dialog.png"))


def test_the_award_lines_kept_once_are_named(qtbot, commune_db, pair):
    _kept, other = pair
    award = AwardInput("Lao động tiên tiến", 2024, "12/QĐ-UBND", dt.date(2024, 12, 20),
                       "Chủ tịch UBND xã Hòa Bình")
    kept = twin(commune_db, awards=[award, AwardInput("Lao động tiên tiến", 2024, "12/QĐ-UBND")])
    dialog = shown(qtbot, MergeDialog.for_pair(commune_db, kept, other))
    text = dialog.moves_label.text()
    assert "1 dòng khen thưởng ghi giống hệt nhau ở cả hai hồ sơ chỉ giữ một" in text
    assert "(Lao động tiên tiến năm 2024, quyết định số 12/QĐ-UBND ngày 20/12/2024)" in text


def test_the_officer_chooses_confirms_and_merges(qtbot, commune_db, pair):
    kept, other = pair
    dialog = shown(qtbot, MergeDialog.for_pair(commune_db, kept, other))
    qtbot.mouseClick(radio(dialog, "15/03/1986"), Qt.MouseButton.LeftButton)
    dialog.confirm_box.setChecked(True)
    assert merge_button(dialog).isEnabled()
    qtbot.mouseClick(merge_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.saved_id == kept
    merged = get_subject(commune_db, kept)
    assert (merged.birth_date, merged.phone) == (dt.date(1986, 3, 15), "0987654321")
    with pytest.raises(NotFoundError):
        get_subject(commune_db, other)


def test_swapping_keeps_the_other_record(qtbot, commune_db, pair):
    kept, other = pair
    dialog = shown(qtbot, MergeDialog.for_pair(commune_db, kept, other))
    qtbot.mouseClick(dialog.swap_button, Qt.MouseButton.LeftButton)
    assert (dialog.plan.kept.id, dialog.plan.other.id) == (other, kept)
    assert radio(dialog, "15/03/1986").isChecked()


def test_a_refused_merge_says_why_and_cannot_be_confirmed(qtbot, commune_db):
    person = twin(commune_db)
    household_input = SubjectInput(kind=SubjectKind.HOUSEHOLD, name=NAME, head_name=NAME)
    household = create_subject(commune_db, household_input).id
    dialog = shown(qtbot, MergeDialog.for_pair(commune_db, person, household))
    assert "hai loại đối tượng khác nhau" in dialog.general_error.text() and dialog.general_error.isVisible()
    assert not dialog.confirm_box.isEnabled() and not merge_button(dialog).isEnabled()


def test_the_dialog_fits_a_laptop_and_no_text_is_cut(qtbot, commune_db, pair):
    kept, other = pair
    dialog = shown(qtbot, MergeDialog.for_pair(commune_db, kept, other))
    assert LAPTOP_DIALOG.expandedTo(dialog.minimumSizeHint()) == LAPTOP_DIALOG
    assert LAPTOP_DIALOG.expandedTo(dialog.size()) == LAPTOP_DIALOG
    assert clipped(dialog) == []


def test_the_page_merges_two_selected_subjects(qtbot, commune_db, pair, fake_messages):
    kept, other = pair
    page = SubjectsPage(commune_db)
    qtbot.addWidget(page)
    page.resize(1093, 600)
    page.show()
    page.on_shown()
    assert not page.merge_button.isEnabled()
    rows = [row for row in range(page.model.rowCount()) if page.model.index(row, NAME_COLUMN).data() == NAME]
    page.table.selectRow(rows[0])
    assert not page.merge_button.isEnabled()  # one is not enough
    page.table.selectionModel().select(page.model.index(rows[1], NAME_COLUMN),
                                       page.table.selectionModel().SelectionFlag.Select
                                       | page.table.selectionModel().SelectionFlag.Rows)
    assert page.merge_button.isEnabled() and sorted(page.selected_ids()) == sorted([kept, other])
    dialog = page.merge_selected()
    assert dialog is not None and (dialog.plan.kept.id, dialog.plan.other.id) == (min(pair), max(pair))
    dialog.confirm_box.setChecked(True)
    qtbot.mouseClick(merge_button(dialog), Qt.MouseButton.LeftButton)
    assert fake_messages.infos and fake_messages.infos[0].startswith("Đã gộp hồ sơ")
    names = [page.model.index(row, NAME_COLUMN).data() for row in range(page.model.rowCount())]
    assert names.count(NAME) == 1


def test_the_duplicate_question_offers_to_save_then_merge(qtbot, commune_db, fake_messages):
    existing = twin(commune_db)
    dialog = SubjectDialog(commune_db, SubjectKind.INDIVIDUAL)
    qtbot.addWidget(dialog)
    asked: list[tuple[int, int]] = []
    dialog.merge_requested.connect(lambda keep, other: asked.append((keep, other)))
    dialog.show()
    type_text(dialog.form.widgets["name"], NAME)
    type_text(dialog.form.widgets["birth_year"], "1986")
    dialog.form.widgets["gender"].setCurrentIndex(dialog.form.widgets["gender"].findText("Nữ"))
    fake_messages.choice = 1  # "Lưu rồi gộp với …"
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "Vẫn lưu thành một đối tượng riêng?" in fake_messages.questions[0]
    assert not dialog.isVisible() and asked == [(existing, dialog.saved_id)]
