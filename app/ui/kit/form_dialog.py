"""The dialog that saves a form through one service call: read, call, show the field errors, written once.

A subclass implements `submit()`: read the form (raising ValidationError for what cannot be read, such
as a date that does not exist) and call the service. It returns False to stay open without an error (a
confirmation the user declined). A ValidationError from the reading or from the service is shown beside
the fields (`show_errors`); any other refusal of the service is shown in a message box by
`service_call`, and the dialog stays open with everything the user typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from app.errors import ValidationError
from app.ui.kit.operations import service_call
from app.ui.kit.widgets import ErrorLabel, Form


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
