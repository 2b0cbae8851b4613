"""The Giấy khen page: the layouts (editor), the printers' calibration, the blanks register and the golden
book, one tab each; a tab reads its data when it is brought to the front."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.services.workspace import Database
from app.ui.certificates.blanks import BlanksView
from app.ui.certificates.calibrations import CalibrationsView
from app.ui.certificates.golden_book import GoldenBookView
from app.ui.certificates.layout_editor import LayoutEditor


class CertificatesPage(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.editor = LayoutEditor(db)
        self.calibrations = CalibrationsView(db)
        self.blanks = BlanksView(db)
        self.golden_book = GoldenBookView(db)
        self.tabs = QTabWidget()
        for widget, title in ((self.editor, "Mẫu giấy khen"), (self.calibrations, "Căn chỉnh máy in"),
                              (self.blanks, "Sổ phôi"), (self.golden_book, "Sổ vàng")):
            self.tabs.addTab(widget, title)
        self.tabs.currentChanged.connect(lambda _i: self.on_shown())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def on_shown(self) -> None:
        """Read the data of the tab in front (again, each time: another page may have printed)."""
        self.tabs.currentWidget().on_shown()  # type: ignore[attr-defined]
