"""The pages of the main window, declared once; a later page is one more entry in the list.

A page is a QWidget built from the Database, made the first time it is needed. It may define
`on_shown()`, called every time the page is brought to the front (the first time included): load or
refresh its data there, not in __init__, so the window opens without querying pages nobody looks at.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QStyle, QWidget

from app.services.workspace import Database

DASHBOARD = "dashboard"
SUBJECTS = "subjects"
EXEMPLARS = "exemplars"
MOVEMENTS = "movements"
ROUNDS = "rounds"
NOMINATIONS = "nominations"
COUNCIL = "council"
DECISIONS = "decisions"
CERTIFICATES = "certificates"
CATALOGUE = "catalogue"
UNITS = "units"
AUDIT = "audit"
STATISTICS = "statistics"

Icon = QStyle.StandardPixmap


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    create: Callable[[Database], QWidget]
    icon: QStyle.StandardPixmap | None = None


def lazy(module: str, class_name: str) -> Callable[[Database], QWidget]:
    """A page factory that imports its module (full dotted name) only when the page is first made.

    The frozen app's build lists every page module through `page_modules()`, since PyInstaller cannot
    see an import by name.
    """

    def create(db: Database) -> QWidget:
        return getattr(importlib.import_module(module), class_name)(db)

    return create


def default_pages() -> list[PageSpec]:
    """The pages in navigation order; the first is shown at start."""
    return [
        PageSpec(DASHBOARD, "Tổng quan", lazy("app.ui.dashboard.page", "DashboardPage"),
                 Icon.SP_ComputerIcon),
        PageSpec(SUBJECTS, "Đối tượng", lazy("app.ui.subjects.page", "SubjectsPage"),
                 Icon.SP_FileDialogDetailedView),
        PageSpec(EXEMPLARS, "Điển hình tiên tiến", lazy("app.ui.exemplars.page", "ExemplarsPage"),
                 Icon.SP_DialogApplyButton),
        PageSpec(MOVEMENTS, "Phong trào thi đua", lazy("app.ui.movements.page", "MovementsPage"),
                 Icon.SP_ArrowUp),
        PageSpec(ROUNDS, "Đợt xét", lazy("app.ui.rounds.page", "RoundsPage"), Icon.SP_FileDialogListView),
        PageSpec(NOMINATIONS, "Hồ sơ đề nghị", lazy("app.ui.nominations.page", "NominationsPage"),
                 Icon.SP_FileDialogContentsView),
        PageSpec(COUNCIL, "Hội đồng", lazy("app.ui.council.page", "CouncilPage"), Icon.SP_DialogYesButton),
        PageSpec(DECISIONS, "Quyết định khen thưởng", lazy("app.ui.decisions.page", "DecisionsPage"),
                 Icon.SP_FileIcon),
        PageSpec(CERTIFICATES, "Giấy khen", lazy("app.ui.certificates.page", "CertificatesPage"),
                 Icon.SP_DialogSaveButton),
        PageSpec(CATALOGUE, "Danh mục khen thưởng", lazy("app.ui.catalogue.page", "CataloguePage"),
                 Icon.SP_FileDialogInfoView),
        PageSpec(UNITS, "Đơn vị", lazy("app.ui.units.page", "UnitsPage"), Icon.SP_DirHomeIcon),
        PageSpec(STATISTICS, "Thống kê", lazy("app.ui.statistics.page", "StatisticsPage"),
                 Icon.SP_FileDialogListView),
        PageSpec(AUDIT, "Nhật ký thay đổi", lazy("app.ui.audit.page", "AuditPage"), Icon.SP_BrowserReload),
    ]
