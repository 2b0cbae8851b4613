"""A list above its detail panel, the list given the rows a laptop's screen has room for.

Left to Qt, a vertical splitter shares its height by its widgets' natural sizes: on a 1366×768 laptop at
125 % the detail panels (tabs, a table, a row of buttons) took so much that the nominations list showed
three rows and the decisions list two. Here the panel opens at its least height, or at `panel_share` of a
tall window, and the list takes the rest, through every resize until the user drags the handle (from
then on their choice stands).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget


class ListDetailSplitter(QSplitter):
    def __init__(self, table: QWidget, panel: QWidget, panel_share: float = 0.45) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.addWidget(table)
        self.addWidget(panel)
        self.panel = panel
        self.setChildrenCollapsible(False)
        self.panel_share = panel_share
        self.auto_balance = True  # a page that sets the sizes itself for a while turns this off meanwhile
        self.user_moved = False
        self.splitterMoved.connect(self._moved)

    def _moved(self, _position: int, _index: int) -> None:
        self.user_moved = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.auto_balance and not self.user_moved:
            self.balance()

    def balance(self) -> None:
        """The panel at its least height or its share of the height, whichever is more; the list the rest."""
        total = sum(self.sizes())
        panel = max(self.panel.minimumSizeHint().height(), int(total * self.panel_share))
        if 0 < panel < total:
            self.setSizes([total - panel, panel])


def list_detail_splitter(table: QWidget, panel: QWidget, panel_share: float = 0.45) -> ListDetailSplitter:
    """A list above its detail panel; neither can be collapsed away."""
    return ListDetailSplitter(table, panel, panel_share)
