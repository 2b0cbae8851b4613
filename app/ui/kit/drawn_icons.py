"""Icons the app draws itself (status discs with a tick, a cross, "!"), crisp at every Windows scaling: each
is drawn once per device pixel ratio, so that Qt picks the pixmap made for the screen instead of stretching
a 16-pixel one to 20 (125 %) or 24 (150 %)."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

ICON_SIZE = 16  # logical pixels; the drawings below use a 16 × 16 canvas
SCALES = (1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)  # Windows' scalings, 100 % to 300 %

Drawing = Callable[[QPainter], None]


def drawn_icon(draw: Drawing, size: int = ICON_SIZE) -> QIcon:
    """An icon holding draw's picture at each of SCALES; draw paints in logical pixels (size × size)."""
    icon = QIcon()
    for scale in SCALES:
        side = math.ceil(size * scale)
        pixmap = QPixmap(side, side)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def disc_icon(colour: str, mark: Drawing | None) -> QIcon:
    """A disc of colour with a white mark drawn on it; a ring of colour when there is no mark."""

    def draw(painter: QPainter) -> None:
        if mark is None:
            painter.setPen(QPen(QColor(colour), 2.0))
            painter.drawEllipse(QPointF(8, 8), 6, 6)
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(QPointF(8, 8), 7.5, 7.5)
        pen = QPen(QColor("white"), 2.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        mark(painter)

    return drawn_icon(draw)


def draw_tick(painter: QPainter) -> None:
    painter.drawPolyline([QPointF(4.5, 8.5), QPointF(7, 11), QPointF(11.5, 5.5)])


def draw_cross(painter: QPainter) -> None:
    painter.drawLine(QPointF(5.5, 5.5), QPointF(10.5, 10.5))
    painter.drawLine(QPointF(10.5, 5.5), QPointF(5.5, 10.5))


def draw_exclamation(painter: QPainter) -> None:
    painter.drawLine(QPointF(8, 4), QPointF(8, 9))
    painter.drawPoint(QPointF(8, 12))


def draw_clock_hands(painter: QPainter) -> None:
    painter.drawPolyline([QPointF(8, 4.5), QPointF(8, 8), QPointF(11, 9.5)])
