"""The council page (Hội đồng Thi đua - Khen thưởng): its members and rules, and its meetings."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.services.workspace import Database
from app.ui.council.meetings import MeetingsList
from app.ui.council.members import MembersList

MEETINGS_TAB, MEMBERS_TAB = range(2)


class CouncilPage(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.members = MembersList(db)
        self.meetings = MeetingsList(db)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.meetings, "Các phiên họp")
        self.tabs.addTab(self.members, "Thành viên và quy chế Hội đồng")
        self.tabs.currentChanged.connect(lambda _tab: self.on_shown())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def on_shown(self) -> None:
        self.members.refresh()
        self.meetings.refresh()
