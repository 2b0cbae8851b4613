"""Qt's own words in Vietnamese: text-field context menus, standard buttons, the calendar's names."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, QLocale
from PySide6.QtWidgets import QCalendarWidget, QDialogButtonBox, QLineEdit, QMessageBox, QPlainTextEdit

from app.resources import resources_dir
from app.ui.kit.qt_vietnamese import install_vietnamese, qt_translation_file
from app.ui.kit.widgets import VnDateEdit

LRELEASE = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))


def menu_texts(widget) -> list[str]:
    menu = widget.createStandardContextMenu()
    try:
        return [action.text().split("\t")[0].replace("&", "") for action in menu.actions() if action.text()]
    finally:
        menu.deleteLater()


def test_pyside_ships_no_vietnamese_qt_translation() -> None:
    """Why the project ships its own: when a PySide6 release brings one, this says to reconsider."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert not (folder / "qtbase_vi.qm").exists()


def test_line_edit_and_text_box_menus_speak_vietnamese(qtbot) -> None:
    line, box = QLineEdit(), QPlainTextEdit()
    qtbot.addWidget(line)
    qtbot.addWidget(box)
    expected = ["Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Xóa", "Chọn tất cả"]
    assert menu_texts(line) == expected
    assert menu_texts(box) == expected


def test_standard_buttons_speak_vietnamese(qtbot) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Đồng ý"
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    box = QMessageBox(QMessageBox.Icon.Question, "Câu hỏi", "Lưu?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Có"
    assert box.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Không"


def test_calendar_names_months_and_days_in_vietnamese(qtbot) -> None:
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    locale = calendar.locale()
    assert locale.language() == QLocale.Language.Vietnamese
    assert locale.standaloneMonthName(1).lower() == "tháng 1"
    assert locale.dayName(1, QLocale.FormatType.LongFormat).lower() == "thứ hai"
    assert calendar.firstDayOfWeek().name == "Monday"


def test_the_date_field_calendar_shows_day_names_whole(qtbot) -> None:
    from PySide6.QtWidgets import QTableView

    field = VnDateEdit()
    qtbot.addWidget(field)
    field.calendar.resize(field.calendar.minimumSize())
    field.calendar.grab()  # laid out as it is drawn
    view = field.calendar.findChild(QTableView)
    model = view.model()
    header = [model.data(model.index(0, column)) for column in range(model.columnCount())]
    assert header == ["Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "CN"]
    widest = max(view.fontMetrics().horizontalAdvance(text) for text in header)
    assert min(view.columnWidth(column) for column in range(7)) > widest


def test_install_reports_a_missing_file(qapp, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr("app.ui.kit.qt_vietnamese.resources_dir", lambda: tmp_path)
    assert install_vietnamese(qapp) is False


@pytest.mark.skipif(LRELEASE is None, reason="pyside6-lrelease is not installed beside this Python")
def test_the_shipped_qm_is_the_ts_compiled(tmp_path) -> None:
    source = resources_dir() / "translations" / "qtbase_vi.ts"
    compiled = tmp_path / "qtbase_vi.qm"
    subprocess.run([LRELEASE, "-silent", str(source), "-qm", str(compiled)], check=True)
    assert compiled.read_bytes() == Path(qt_translation_file()).read_bytes()
