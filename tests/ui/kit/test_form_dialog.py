"""FormDialog: a field's error beside it goes once the field is changed; the others stay until theirs are."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QVBoxLayout

from app.errors import ValidationError
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.widgets import ErrorLabel, Form, VnDateEdit


class _Dialog(FormDialog):
    def __init__(self) -> None:
        super().__init__()
        self.form = Form()
        self.name = self.form.add_row("name", "Họ và tên", QLineEdit())
        self.kind = self.form.add_row("kind", "Loại", QComboBox())
        self.kind.addItems(["Cá nhân", "Tập thể"])
        self.born = self.form.add_row("birth_date", "Ngày sinh", VnDateEdit())
        self.form.rows["birth_year"] = self.form.rows["birth_date"]  # two keys, one row
        self.count = self.form.add_row("count", "Số lượng", QSpinBox())
        self.held = self.form.add_row("held", "Tạm hoãn", QCheckBox("Có"))
        self.general_error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.general_error)
        self.submitted = 0

    def submit(self) -> bool:
        self.submitted += 1
        raise ValidationError({key: f"{key}: sai." for key in
                               ("name", "kind", "birth_date", "birth_year", "count", "held", "other")})


def error_of(dialog: _Dialog, key: str) -> str:
    return dialog.form.rows[key].error.text()


def test_each_error_goes_when_its_field_is_changed(qtbot):
    dialog = _Dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert error_of(dialog, "name") == "name: sai." and dialog.general_error.text() == "other: sai."
    assert error_of(dialog, "birth_date") == "birth_date: sai.\nbirth_year: sai."
    qtbot.keyClicks(dialog.name, "An")
    assert error_of(dialog, "name") == "" and not dialog.form.rows["name"].error.isVisible()
    assert error_of(dialog, "kind") == "kind: sai." and error_of(dialog, "count") == "count: sai."
    dialog.kind.setCurrentIndex(1)
    assert error_of(dialog, "kind") == ""
    qtbot.keyClicks(dialog.born.line, "1")
    assert error_of(dialog, "birth_date") == ""
    qtbot.keyClick(dialog.count, Qt.Key.Key_Up)
    assert error_of(dialog, "count") == ""
    assert error_of(dialog, "held") == "held: sai."
    dialog.held.setChecked(True)
    assert error_of(dialog, "held") == ""
    assert dialog.general_error.text() == "other: sai."  # no field to correct: it stays until the next OK


def test_errors_shown_again_go_again(qtbot):
    dialog = _Dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    qtbot.keyClicks(dialog.name, "A")
    dialog.accept()
    assert dialog.submitted == 2 and error_of(dialog, "name") == "name: sai."
    qtbot.keyClicks(dialog.name, "n")
    assert error_of(dialog, "name") == ""
