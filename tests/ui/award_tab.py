"""The subject form opened on its award history tab (tests of the award rows in the form)."""

from __future__ import annotations

from app.ui.subjects.dialog import AWARDS_TAB, SubjectDialog


def open_on_awards(qtbot, db, subject_id: int) -> SubjectDialog:
    dialog = SubjectDialog.for_subject(db, subject_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(AWARDS_TAB)
    return dialog
