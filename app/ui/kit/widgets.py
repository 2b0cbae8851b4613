"""Shared building blocks for forms: labelled rows with inline errors, a Vietnamese date edit,
Vietnamese button boxes, a reader that turns typed text into values, and window geometry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar, cast

from PySide6.QtCore import QByteArray, QDate, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCalendarWidget,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from app.errors import ValidationError
from app.rules.vntext import normalize_text, parse_vn_date, vn_short_date

ERROR_STYLE = "color: #b3261e;"

W = TypeVar("W", bound=QWidget)


class ErrorLabel(QLabel):
    """A red, word-wrapped message, hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def set_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class FormRow(QWidget):
    """One field with its inline error label underneath."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.error)


class Form(QWidget):
    """A labelled form whose rows are keyed by the service's field names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, FormRow] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

    def add_row(self, key: str, label: str, field: W) -> W:
        """Add a labelled row for field and return field itself, with its own type."""
        row = FormRow(field)
        self.rows[key] = row
        self.layout_.addRow(label, row)
        return field

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.error.set_message("")

    def show_errors(self, errors: dict[str, str]) -> dict[str, str]:
        """Show the messages this form has rows for; focus the first; return the others."""
        self.clear_errors()
        shown = [key for key in errors if key in self.rows]
        for key in shown:  # several keys may share a row (birth date and birth year)
            label = self.rows[key].error
            label.set_message("\n".join(filter(None, [label.text(), errors[key]])))
        if shown:
            self.rows[shown[0]].field.setFocus(Qt.FocusReason.OtherFocusReason)
        return {key: msg for key, msg in errors.items() if key not in self.rows}


class VnDateEdit(QWidget):
    """A date typed as dd/mm/yyyy or picked from a calendar; empty means no date."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText("ngày/tháng/năm")
        self.line.setClearButtonEnabled(True)
        self.line.textChanged.connect(self.changed)
        self.menu = self._calendar_menu()
        self.button = QToolButton()
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setToolTip("Chọn ngày trên lịch")
        self.button.clicked.connect(self._show_calendar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)

    def _calendar_menu(self) -> QMenu:
        menu = QMenu(self)
        self.calendar = QCalendarWidget()
        self.calendar.setLocale(self.locale())
        # No week numbers, and wide enough for "Thứ 2" … "CN" whole (Qt's default width cuts them to "Th…").
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setMinimumWidth(7 * (self.calendar.fontMetrics().horizontalAdvance("Thứ 2") + 18))
        self.calendar.clicked.connect(self._picked)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        return menu

    def _prepare_calendar(self) -> None:
        try:
            current = self.date()
        except ValueError:
            current = None
        shown = current or dt.date.today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))

    def _show_calendar(self) -> None:
        self.menu.popup(self.mapToGlobal(self.rect().bottomLeft()))

    def _picked(self, day: QDate) -> None:
        self.set_date(cast(dt.date, day.toPython()))  # the stubs say object
        self.menu.hide()

    def text(self) -> str:
        return normalize_text(self.line.text())

    def date(self) -> dt.date | None:
        """The date typed, None when empty; ValueError when the text is no date."""
        return parse_vn_date(self.text()) if self.text() else None

    def set_date(self, value: dt.date | None) -> None:
        self.line.setText(vn_short_date(value))


class ValueReader:
    """Reads typed values, collecting a Vietnamese message for each one that cannot be read."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def integer(self, key: str, label: str, text: str) -> int | None:
        raw = normalize_text(text).replace(".", "")
        if not raw:
            return None
        if raw.isdigit():
            return int(raw)
        self.errors[key] = f"{label}: phải là số nguyên."
        return None

    def date(self, key: str, label: str, text: str) -> dt.date | None:
        raw = normalize_text(text)
        if not raw:
            return None
        try:
            return parse_vn_date(raw)
        except ValueError:
            self.errors[key] = f"{label}: không phải ngày hợp lệ (ghi ngày/tháng/năm, ví dụ 05/01/2026)."
            return None

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def choice_combo(items: Iterable[tuple[str, object]], empty: str | None = None) -> QComboBox:
    """A combo of (label, value) pairs, optionally led by an empty choice whose value is None."""
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, None)
    for label, value in items:
        combo.addItem(label, value)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    """Select the item holding value (the first item when none does)."""
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def refill_combo(combo: QComboBox, items: Iterable[tuple[str, object]], empty: str) -> None:
    """Replace a filter's choices after the empty one, keeping the current choice when it is still there.

    No change signal is emitted: the caller refreshes once, after all its filters are refilled.
    """
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(empty, None)
    for label, value in items:
        combo.addItem(label, value)
    select_data(combo, current)
    combo.blockSignals(False)


def scrolled(widget: QWidget) -> QScrollArea:
    """widget in a scroll area that gives it the whole width: a tall form still fits a small screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


def mark_wrong_tabs(tabs: QTabWidget, titles: dict[int, str], wrong: dict[int, bool]) -> None:
    """A "(!)" on the tabs that hold an error, and the first of them brought forward."""
    for tab, title in titles.items():
        tabs.setTabText(tab, f"{title} (!)" if wrong.get(tab) else title)
    first = next((tab for tab in sorted(wrong) if wrong[tab]), None)
    if first is not None:
        tabs.setCurrentIndex(first)


def add_button(row: QBoxLayout, text: str, slot: Callable[[], object]) -> QPushButton:
    """A push button at the end of a row of buttons, calling slot() (without the "checked" flag)."""
    button = QPushButton(text)
    button.clicked.connect(lambda _checked=False: slot())
    row.addWidget(button)
    return button


def ok_cancel_buttons(ok_text: str = "Lưu") -> QDialogButtonBox:
    """OK/Cancel with Vietnamese labels ("Lưu" or "Đồng ý", and "Hủy")."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
    return box


def _settings(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / "giao-dien.ini"), QSettings.Format.IniFormat)


def save_geometry(widget: QWidget, key: str, data_dir: Path) -> None:
    _settings(data_dir).setValue(f"geometry/{key}", widget.saveGeometry())


def restore_geometry(widget: QWidget, key: str, data_dir: Path) -> bool:
    value = _settings(data_dir).value(f"geometry/{key}")
    return isinstance(value, QByteArray) and widget.restoreGeometry(value)


SEARCH_DELAY_MS = 150


def debounce_timer(parent: QWidget, slot, delay_ms: int = SEARCH_DELAY_MS) -> QTimer:
    """A single-shot timer that calls slot once typing has paused for delay_ms."""
    timer = QTimer(parent, singleShot=True, interval=delay_ms)
    timer.timeout.connect(lambda: slot())
    return timer


def search_line_edit(placeholder: str, timer: QTimer) -> QLineEdit:
    """A search box with a clear button that (re)starts timer on every keystroke."""
    edit = QLineEdit(placeholderText=placeholder)
    edit.setClearButtonEnabled(True)
    edit.textChanged.connect(lambda _text: timer.start())
    return edit


