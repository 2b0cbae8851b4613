"""The help window: the short help page of a screen (docs/help/<key>.md), rendered from Markdown.

No browser and no network: QTextBrowser shows the page shipped with the app (app/resources.help_page).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.resources import help_page

MISSING = "# {title}\n\nTrang này chưa có hướng dẫn. Xem hướng dẫn sử dụng đi kèm bộ cài đặt."


class HelpWindow(QDialog):
    """A window beside the main one, showing the help page of one screen; it stays open while one works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox()
        buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def show_page(self, key: str, title: str) -> None:
        """Show the help of the screen `key` (titled `title` in the window's title bar)."""
        self.setWindowTitle(f"Hướng dẫn: {title}")
        self.browser.setMarkdown(help_page(key) or MISSING.format(title=title))
        self.show()
        self.activateWindow()
