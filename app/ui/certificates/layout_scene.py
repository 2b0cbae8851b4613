"""The layout editor's sheet: one scene unit is one millimetre of the A4 landscape page. The scan of the
commune's blank lies locked underneath; each field is a box that can be dragged, and resized by its
bottom-right corner, with the recipient's text drawn in it at the size the fit rule chose."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.services.certificates import EmblemBox, FieldBox, FieldFit

PAGE_W, PAGE_H = 297.0, 210.0
PT_MM = 25.4 / 72  # one point in millimetres
LINE_HEIGHT, ASCENT, DESCENT = 1.15, 0.891, 0.216  # the fit rule's measures, in em
HANDLE_MM = 4.0  # the corner that resizes
MIN_BOX_MM = 5.0
STEP_MM = 0.1
UNIT_PX = 100  # fonts are drawn at 100 px and scaled down to millimetres
COLORS = {"ok": QColor("#1a73e8"), "adjusted": QColor("#c77700"), "refused": QColor("#d93025")}

BoxChanged = Callable[[str, QRectF], None]


def snapped(value: float) -> float:
    return round(round(value / STEP_MM) * STEP_MM, 1)


def _font(box: FieldBox) -> QFont:
    font = QFont(box.font)
    font.setPixelSize(UNIT_PX)
    font.setBold(box.bold)
    font.setItalic(box.italic)
    return font


class FieldItem(QGraphicsRectItem):
    """One field's box: moved by dragging, resized from its bottom-right corner; `changed(field, rect)`
    is called with the new box (mm) when the mouse is released."""

    def __init__(self, box: FieldBox, changed: BoxChanged) -> None:
        super().__init__(0, 0, box.w_mm, box.h_mm)
        self.box, self._changed = box, changed
        self.fit: FieldFit | None = None
        self.state = "ok"
        self._resizing = False
        self.setPos(box.x_mm, box.y_mm)
        flags = QGraphicsItem.GraphicsItemFlag
        self.setFlags(flags.ItemIsMovable | flags.ItemIsSelectable | flags.ItemSendsGeometryChanges)
        self.setAcceptHoverEvents(True)
        self.setToolTip(box.label)
        self.setZValue(1)

    def show_box(self, box: FieldBox, fit: FieldFit | None, state: str) -> None:
        self.prepareGeometryChange()
        self.box, self.fit, self.state = box, fit, state
        self.setRect(0, 0, box.w_mm, box.h_mm)
        self.setPos(box.x_mm, box.y_mm)
        self.setToolTip(f"{box.label}: {fit.text}" if fit else box.label)
        self.update()

    def box_rect(self) -> QRectF:
        """The box in page millimetres."""
        return QRectF(self.pos(), self.rect().size())

    # Dragging and resizing --------------------------------------------------------------------------

    def _in_handle(self, point: QPointF) -> bool:
        r = self.rect()
        return point.x() >= r.right() - HANDLE_MM and point.y() >= r.bottom() - HANDLE_MM

    def hoverMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        cursor = Qt.CursorShape
        self.setCursor(cursor.SizeFDiagCursor if self._in_handle(event.pos()) else cursor.SizeAllCursor)
        super().hoverMoveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self._resizing = event.button() == Qt.MouseButton.LeftButton and self._in_handle(event.pos())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._resizing:
            w = min(max(MIN_BOX_MM, event.pos().x()), PAGE_W - self.x())
            h = min(max(MIN_BOX_MM, event.pos().y()), PAGE_H - self.y())
            self.prepareGeometryChange()
            self.setRect(0, 0, snapped(w), snapped(h))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        self._resizing = False
        rect = self.box_rect()
        if (rect.x(), rect.y(), rect.width(), rect.height()) != (
                self.box.x_mm, self.box.y_mm, self.box.w_mm, self.box.h_mm):
            self._changed(self.box.field, rect)

    def itemChange(self, change, value):  # noqa: N802 - Qt's name
        """A dragged box stays on the page and lands on tenths of a millimetre."""
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange:
            r = self.rect()
            x = min(max(0.0, value.x()), PAGE_W - r.width())
            y = min(max(0.0, value.y()), PAGE_H - r.height())
            return QPointF(snapped(x), snapped(y))
        return super().itemChange(change, value)

    # Painting ----------------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        color = COLORS[self.state]
        fill = QColor(color)
        fill.setAlpha(40 if self.isSelected() else 18)
        pen = QPen(color, 0.6 if self.isSelected() else 0.3,
                   Qt.PenStyle.SolidLine if self.isSelected() else Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(fill))
        painter.drawRect(self.rect())
        r = self.rect()
        painter.fillRect(QRectF(r.right() - HANDLE_MM / 2, r.bottom() - HANDLE_MM / 2, HANDLE_MM / 2,
                                HANDLE_MM / 2), color)
        if self.fit is not None:
            self._paint_text(painter)

    def _paint_text(self, painter: QPainter) -> None:
        assert self.fit is not None
        box, lines = self.box, self.fit.lines
        size = self.fit.size * PT_MM
        k = size / UNIT_PX
        metrics = QFontMetricsF(_font(box))
        block = (len(lines) - 1) * LINE_HEIGHT * size + (ASCENT + DESCENT) * size
        r = self.rect()
        top = {"top": 0.0, "bottom": r.height() - block}.get(box.valign, (r.height() - block) / 2)
        painter.save()
        painter.setPen(QColor(box.color))
        painter.setFont(_font(box))
        painter.scale(k, k)
        for number, line in enumerate(lines):
            width = metrics.horizontalAdvance(line) * k
            x = {"left": 0.0, "right": r.width() - width}.get(box.align, (r.width() - width) / 2)
            baseline = top + ASCENT * size + number * LINE_HEIGHT * size
            painter.drawText(QPointF(x / k, baseline / k), line)
        painter.restore()


class LayoutScene(QGraphicsScene):
    """The page, its locked background scan, the emblem's place and the field boxes."""

    def __init__(self, changed: BoxChanged, parent=None) -> None:
        super().__init__(0, 0, PAGE_W, PAGE_H, parent)
        self._changed = changed
        self.items_by_field: dict[str, FieldItem] = {}
        self.setBackgroundBrush(QColor("#9e9e9e"))
        self.page = self.addRect(0, 0, PAGE_W, PAGE_H, QPen(Qt.PenStyle.NoPen), QBrush(Qt.GlobalColor.white))
        self.page.setZValue(-3)
        self.background: QGraphicsPixmapItem | None = None
        self.emblem: QGraphicsRectItem | None = None

    def set_background(self, path: Path | None) -> bool:
        """Show a scan of the blank under the boxes, stretched to the page; False when it cannot be read."""
        if self.background is not None:
            self.removeItem(self.background)
            self.background = None
        if path is None:
            return True
        pixmap = QPixmap(str(path))
        if pixmap.isNull():
            return False
        item = QGraphicsPixmapItem(pixmap)
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        item.setScale(PAGE_W / pixmap.width())
        item.setOpacity(0.6)
        item.setZValue(-2)
        item.setFlags(QGraphicsItem.GraphicsItemFlag(0))  # locked: cannot be selected or moved
        self.addItem(item)
        self.background = item
        return True

    def set_emblem(self, emblem: EmblemBox | None) -> None:
        if self.emblem is not None:
            self.removeItem(self.emblem)
            self.emblem = None
        if emblem is not None:
            pen = QPen(QColor("#c00000"), 0.3, Qt.PenStyle.DotLine)
            self.emblem = self.addRect(emblem.x_mm, emblem.y_mm, emblem.w_mm, emblem.h_mm, pen)
            self.emblem.setToolTip("Chỗ đặt quốc huy")
            self.emblem.setZValue(0)

    def set_fields(self, boxes: tuple[FieldBox, ...]) -> None:
        """One item per field (kept when the field stays, so a selection survives an edit)."""
        wanted = {box.field for box in boxes}
        for field_id in list(self.items_by_field):
            if field_id not in wanted:
                self.removeItem(self.items_by_field.pop(field_id))
        for box in boxes:
            if box.field not in self.items_by_field:
                item = FieldItem(box, self._changed)
                self.addItem(item)
                self.items_by_field[box.field] = item

    def show_fits(self, boxes: tuple[FieldBox, ...], fits: dict[str, FieldFit],
                  states: dict[str, str]) -> None:
        for box in boxes:
            self.items_by_field[box.field].show_box(box, fits.get(box.field), states.get(box.field, "ok"))


class SheetView(QGraphicsView):
    """The page, always whole in the view (the scale follows the window; the units stay millimetres)."""

    def __init__(self, scene: LayoutScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumSize(320, 230)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fitInView(QRectF(-2, -2, PAGE_W + 4, PAGE_H + 4), Qt.AspectRatioMode.KeepAspectRatio)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.fitInView(QRectF(-2, -2, PAGE_W + 4, PAGE_H + 4), Qt.AspectRatioMode.KeepAspectRatio)
