"""A widget that reads its data when it is shown: told what to show while hidden, it only remembers to
read it (the decision page's certificate tabs are read when brought to the front, not at every click)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class LoadsWhenShown(QWidget):
    """Subclasses implement `load()`; `reload_soon()` reads now when visible, else at the next show."""

    _stale = True

    def load(self) -> None:
        raise NotImplementedError

    def reload_soon(self) -> None:
        self._stale = True
        if self.isVisible():
            self._load_now()

    def _load_now(self) -> None:
        self._stale = False
        self.load()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._load_now()
