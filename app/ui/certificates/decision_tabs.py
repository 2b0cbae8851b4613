"""The two tabs the decision page shows for certificates: printing them ("In giấy khen") and what was
printed ("Giấy khen đã in"); a misprint marked in the second is printed again from the first."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from app.services.decisions import DecisionDetail
from app.services.workspace import Database
from app.ui.certificates.history import PrintHistory
from app.ui.certificates.section import CertificatesSection


class CertificateTabs:
    def __init__(self, db: Database, tabs: QTabWidget) -> None:
        self.tabs = tabs
        self.section = CertificatesSection(db)
        self.history = PrintHistory(db)
        self.section_index = tabs.addTab(self.section, "In giấy khen")
        tabs.addTab(self.history, "Giấy khen đã in")
        self.section.printed.connect(lambda: self.history.show_decision(self.history.decision_id))
        self.history.reprint_requested.connect(self.reprint)

    def show_detail(self, detail: DecisionDetail | None) -> None:
        self.section.show_detail(detail)
        self.history.show_decision(detail.row.id if detail else None)

    def reprint(self, position: int) -> None:
        """Bring the printing tab forward with only that recipient chosen, and open the print dialog."""
        self.tabs.setCurrentIndex(self.section_index)
        self.section.choose_only(position)
        self.section.print_batch()
