"""The dialog that saves a form through one service call: read, call, show the field errors, written once.

A subclass implements `submit()`: read the form (raising ValidationError for what cannot be read, such
as a date that does not exist) and call the service. It returns False to stay open without an error (a
confirmation the user declined). A ValidationError from the reading or from the service is shown beside
the fields (`show_errors`); any other refusal of the service is shown in a message box by
`service_call`, and the dialog stays open with everything the user typed.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from app.errors import ValidationError
from app.ui.kit.operations import service_call
from app.ui.kit.widgets import ErrorLabel, Form, FormRow


def edit_signals(field: QWidget) -> Iterator[SignalInstance]:
    """The signals that say the user changed a field: typing in it (or in an editable combo's line edit),
    another choice in a combo box, a number or date stepped, a box ticked."""
    for widget in (field, *field.findChildren(QWidget)):
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            yield widget.textChanged
        elif isinstance(widget, QComboBox):
            yield widget.currentIndexChanged
        elif isinstance(widget, QSpinBox | QDoubleSpinBox):
            yield widget.valueChanged
        elif isinstance(widget, QDateTimeEdit):
            yield widget.dateTimeChanged
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            yield widget.toggled


class FormDialog(QDialog):
    """A QDialog whose OK runs `submit()`; `form` and `general_error` are made by the subclass."""

    form: Form
    general_error: ErrorLabel

    def submit(self) -> bool | None:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            with service_call(self) as call:
                stay_open = self.submit() is False
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        if call.ok and not stay_open:
            super().accept()

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message beside its field; those of no field above the buttons."""
        self.general_error.set_message("\n".join(self.form.show_errors(errors).values()))
        for row in {id(row): row for row in self.form.rows.values()}.values():
            if row.error.text():
                self._clear_when_edited(row)

    def _clear_when_edited(self, row: FormRow) -> None:
        """A field's message goes once the field is changed: it described what was typed before."""
        if row.property("clears_when_edited"):
            return
        row.setProperty("clears_when_edited", True)
        for signal in edit_signals(row.field):
            signal.connect(lambda *_args, error=row.error: error.set_message(""))
