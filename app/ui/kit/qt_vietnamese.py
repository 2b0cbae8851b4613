"""Qt's own words in Vietnamese: the context menu of text fields (Hoàn tác, Cắt, Sao chép, Dán…), the
standard buttons of dialogs and message boxes, and the calendar's month and day names.

PySide6 ships no qtbase_vi.qm, so the project writes the strings it shows in
resources/translations/qtbase_vi.ts and ships it compiled (qtbase_vi.qm beside it, made with
pyside6-lrelease; a test checks the two agree). A .qm, not a QTranslator subclass: the standard format,
editable with Qt Linguist, and Qt looks strings up in it without calling Python.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.resources import resources_dir

VIETNAMESE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def qt_translation_file() -> str:
    return str(resources_dir() / "translations" / "qtbase_vi.qm")


def install_vietnamese(app: QCoreApplication) -> bool:
    """Vietnamese as every widget's default locale (dates, month and day names, numbers in spin boxes)
    and Qt's standard strings translated; False when the translation file could not be loaded."""
    QLocale.setDefault(VIETNAMESE)
    translator = QTranslator(app)  # kept alive by the application
    if not translator.load(qt_translation_file()):
        return False
    return app.installTranslator(translator)
