"""Message boxes with Vietnamese buttons (Qt ships no Vietnamese translation of its own)."""

from __future__ import annotations

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
