"""Message boxes with Vietnamese buttons (Qt ships no Vietnamese translation of its own)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

APP_TITLE = "Sổ Vàng"


def _box(parent: QWidget | None, icon: QMessageBox.Icon, text: str, title: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def ask_yes_no(parent: QWidget | None, text: str, title: str = APP_TITLE) -> bool:
    """Buttons "Có" and "Không"; "Không" is the default, so Enter never deletes by accident."""
    box = _box(parent, QMessageBox.Icon.Question, text, title)
    yes = box.addButton("Có", QMessageBox.ButtonRole.YesRole)
    no = box.addButton("Không", QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def ask_choice(parent: QWidget | None, text: str, title: str, choices: Sequence[str], cancel: int) -> int:
    """One button per choice (the first a "yes", choices[cancel] the "no"); the index of the one clicked.
    choices[cancel] is the default and what Esc answers, so Enter never picks another by accident."""
    box = _box(parent, QMessageBox.Icon.Question, text, title)
    roles = [QMessageBox.ButtonRole.YesRole if n == 0 else QMessageBox.ButtonRole.ActionRole
             for n in range(len(choices))]
    roles[cancel] = QMessageBox.ButtonRole.NoRole
    buttons = [box.addButton(choice, role) for choice, role in zip(choices, roles, strict=True)]
    box.setDefaultButton(buttons[cancel])
    box.setEscapeButton(buttons[cancel])
    box.exec()
    clicked = box.clickedButton()
    return next((n for n, button in enumerate(buttons) if button is clicked), cancel)


def show_error(parent: QWidget | None, text: str, title: str = APP_TITLE, details: str = "") -> None:
    box = _box(parent, QMessageBox.Icon.Warning, text, title)
    if details:
        box.setDetailedText(details)
    box.setEscapeButton(box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole))
    box.exec()


def show_info(parent: QWidget | None, text: str, title: str = APP_TITLE) -> None:
    box = _box(parent, QMessageBox.Icon.Information, text, title)
    box.setEscapeButton(box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole))
    box.exec()


def ask_text(parent: QWidget | None, label: str, title: str = APP_TITLE) -> str | None:
    """One line of text, or None when the user cancels."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setOkButtonText("Đồng ý")
    dialog.setCancelButtonText("Hủy")
    return dialog.textValue() if dialog.exec() else None
