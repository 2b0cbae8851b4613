"""What "fits" means for a shown window: nothing wider than it, no label or button text cut off, and fields
and rows tall enough for Vietnamese stacked marks. Each check returns the offending widgets, described."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLayout,
    QLineEdit,
    QStyle,
    QStyleOptionTab,
    QTabBar,
    QWidget,
)

# A 1366×768 laptop at Windows' 125 % scaling, in logical pixels; a dialog leaves room for its title bar.
LAPTOP = QSize(1093, 614)
TITLE_BAR = 32
DIALOG_ROOM = QSize(LAPTOP.width(), LAPTOP.height() - TITLE_BAR)
STACKED_MARKS = "Ặ Ự Ạ"
INNER_EDIT_HOLDERS = (QComboBox, QAbstractSpinBox)


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)) else ""
    name = widget.objectName() or type(widget).__name__
    return f"{name} {text[:60]!r} {widget.size().width()}×{widget.size().height()}"


def shown_widgets(window: QWidget) -> list[QWidget]:
    """The widgets shown in window (a window, or a part of one), popups left out."""
    top = window.window()
    return [w for w in window.findChildren(QWidget) if w.isVisibleTo(window) and w.window() is top]


def _scrolled(widget: QWidget, window: QWidget) -> bool:
    """Inside a scroll area's viewport: may be wider than the window, the user scrolls to it."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            return True
        parent = area
    return False


def wider_than_window(window: QWidget) -> list[str]:
    room = window.rect()
    found = []
    for widget in shown_widgets(window):
        if _scrolled(widget, window):
            continue
        box = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        if box.right() > room.right() or box.bottom() > room.bottom():
            found.append(f"{describe(widget)} at {box.x()},{box.y()} in {room.width()}×{room.height()}")
    return found


def overlapping(window: QWidget) -> list[str]:
    """Widgets of one layout drawn over each other: the layout had less room than its minimum."""
    found = []
    for parent in [window, *shown_widgets(window)]:
        if parent.layout() is None:
            continue
        laid = [w for w in _laid_out(parent.layout()) if w.isVisibleTo(window)]
        for number, first in enumerate(laid):
            found += [f"{describe(first)} over {describe(second)}" for second in laid[number + 1:]
                      if first.geometry().intersects(second.geometry())]
    return found


def _laid_out(layout: QLayout) -> list[QWidget]:
    widgets = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is not None:
            widgets.append(item.widget())
        elif item.layout() is not None:
            widgets += _laid_out(item.layout())
    return widgets


def _label_clipped(label: QLabel) -> bool:
    if not label.text() or label.pixmap() is not None and not label.pixmap().isNull():
        return False
    inner = label.contentsRect()
    if label.wordWrap():
        return inner.height() < label.heightForWidth(label.width()) - 2 * label.frameWidth() - 1
    hint = label.sizeHint()
    return label.width() < hint.width() or label.height() < hint.height() - 1


def clipped_texts(window: QWidget) -> list[str]:
    found = []
    for widget in shown_widgets(window):
        hint = widget.sizeHint()
        if isinstance(widget, QLabel) and _label_clipped(widget):
            found.append(f"{describe(widget)} < {hint.width()}×{widget.heightForWidth(widget.width())}")
        elif isinstance(widget, QAbstractButton) and widget.text() and widget.width() < hint.width():
            found.append(f"{describe(widget)} < {hint.width()}")
    return found


def marks_height(widget: QWidget) -> int:
    return QFontMetrics(widget.font()).tightBoundingRect(STACKED_MARKS).height()


def too_short_for_marks(window: QWidget) -> list[str]:
    """Line edits, combo boxes and spin boxes hold the marks inside their frame; item rows hold them."""
    found = []
    frame = window.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
    for widget in shown_widgets(window):
        if isinstance(widget, (QLineEdit, QComboBox, QAbstractSpinBox)):
            if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), INNER_EDIT_HOLDERS):
                continue  # the edit inside a combo box or a spin box: the outer widget is checked
            if widget.height() < marks_height(widget) + 2 * frame + 2:
                found.append(f"{describe(widget)}: marks need {marks_height(widget)} + frames")
        elif isinstance(widget, QTabBar) and _tab_titles_too_short(widget):
            found.append(f"{describe(widget)}: a tab's title box is shorter than {marks_height(widget)}")
        elif isinstance(widget, QAbstractItemView) and _rows_too_short(widget):
            found.append(f"{describe(widget)}: rows shorter than {marks_height(widget) + 2}")
    return found


def _tab_titles_too_short(bar: QTabBar) -> bool:
    """The style clips a tab's title to its text box: each tab's box, selected or not, holds the marks."""
    for index in range(bar.count()):
        option = QStyleOptionTab()
        bar.initStyleOption(option, index)
        box = bar.style().subElementRect(QStyle.SubElement.SE_TabBarTabText, option, bar)
        if box.height() < marks_height(bar):
            return True
    return False


def _rows_too_short(view: QAbstractItemView) -> bool:
    model = view.model()
    if model is None or model.rowCount() == 0:
        return False
    height = view.visualRect(model.index(0, 0)).height()
    return 0 < height < marks_height(view) + 2


def fit_problems(window: QWidget) -> list[str]:
    """Every check above, on a shown window (or a part of one)."""
    checks = (wider_than_window, overlapping, clipped_texts, too_short_for_marks)
    return [problem for check in checks for problem in check(window)]
