"""A small bar chart painted with QPainter: labels on the left, one horizontal bar per value, the value
(and its share) at the bar's end. No chart library: QtCharts lives in PySide6-Addons, too large for the
frozen app. Bars beyond `max_bars` are summed into one "Khác" bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.rules.vntext import vn_number

BAR_COLOR = QColor("#2e7d32")
OTHER_COLOR = QColor("#9e9e9e")
ROW_GAP = 4
MARGIN = 6


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None, max_bars: int = 8, label_share: float = 0.38) -> None:
        super().__init__(parent)
        self.max_bars, self.label_share = max_bars, label_share
        self.items: list[tuple[str, int, bool]] = []  # label, value, is the "Khác" bar
        self.total = 0
        self.empty_text = "Không có số liệu."
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(90)

    def set_values(self, values: Sequence[tuple[str, int]]) -> None:
        shown = list(values[: self.max_bars])
        rest = values[self.max_bars:]
        self.items = [(label, value, False) for label, value in shown]
        if rest:
            self.items.append((f"Khác ({len(rest)})", sum(value for _label, value in rest), True))
        self.total = sum(value for _label, value in values)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        row = self.fontMetrics().height() + ROW_GAP
        return QSize(360, max(90, 2 * MARGIN + row * max(len(self.items), 1)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        area = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        if not self.items or self.total == 0:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        row = min(area.height() / len(self.items), metrics.height() * 2.2)
        label_width = area.width() * self.label_share
        value_width = metrics.horizontalAdvance("00.000 (100%)") + 6
        bar_room = max(area.width() - label_width - value_width - 8, 10)
        # The bars are scaled to the largest named one; a larger "Khác" bar is drawn full width.
        top_value = max((value for _label, value, other in self.items if not other), default=1) or 1
        text_pen = self.palette().windowText().color()
        for index, (label, value, other) in enumerate(self.items):
            y = area.top() + index * row
            label_rect = QRectF(area.left(), y, label_width - 6, row)
            painter.setPen(text_pen)
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_rect.width()))
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, elided)
            width = bar_room * min(value / top_value, 1.0)
            bar = QRectF(area.left() + label_width, y + row * 0.18, max(width, 1.0), row * 0.64)
            painter.fillRect(bar, OTHER_COLOR if other else BAR_COLOR)
            share = round(100 * value / self.total)
            share_text = "<1" if value and not share else str(share)
            value_rect = QRectF(bar.right() + 6, y, value_width, row)
            painter.drawText(value_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             f"{vn_number(value)} ({share_text}%)")
        painter.end()
