"""The pages of the main window, declared once; a later page is one more entry in the list.

A page is a QWidget built from the Database. It may define `on_shown()`, called every time the page
is brought to the front (the first time included): load or refresh its data there, not in __init__,
so the window opens without querying pages nobody looks at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QStyle, QWidget

from app.storage.database import Database

SUBJECTS = "subjects"
UNITS = "units"


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    create: Callable[[Database], QWidget]
    icon: QStyle.StandardPixmap | None = None


def _subjects_page(db: Database) -> QWidget:
    from app.ui.subjects_page import SubjectsPage

    return SubjectsPage(db)


def _units_page(db: Database) -> QWidget:
    from app.ui.units_page import UnitsPage

    return UnitsPage(db)


def default_pages() -> list[PageSpec]:
    """The pages in navigation order."""
    return [
        PageSpec(SUBJECTS, "Đối tượng", _subjects_page, QStyle.StandardPixmap.SP_FileDialogDetailedView),
        PageSpec(UNITS, "Đơn vị", _units_page, QStyle.StandardPixmap.SP_DirHomeIcon),
    ]
