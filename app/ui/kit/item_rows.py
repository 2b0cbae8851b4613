"""Lists whose rows leave room above and below the text: Vietnamese stacked marks ("Ặ", "Ự", the dot of "Đạ")
fill a plain row of Qt's list from edge to edge, where the selection's edge and the next row touch them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QListWidget, QStyledItemDelegate, QStyleOptionViewItem, QWidget

ROW_ROOM = 6  # pixels added to the font's height, shared above and below the text


class RoomyRows(QStyledItemDelegate):
    """An item delegate whose rows are at least the font's height plus ROW_ROOM."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return size.expandedTo(QSize(0, option.fontMetrics.height() + ROW_ROOM))


def roomy_list(parent: QWidget | None = None) -> QListWidget:
    """A QListWidget with RoomyRows."""
    widget = QListWidget(parent)
    widget.setItemDelegate(RoomyRows(widget))
    return widget
