"""The application's style: the platform's own, with room for Vietnamese marks where Qt cuts them off."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget


class MarksRoomStyle(QProxyStyle):
    """The platform's style, but an unselected tab's title is not moved down. Qt (Fusion and the Windows
    styles alike) moves it 2 px down inside a text box that is 2 px shorter than the font, and clips it: the
    dots below "Lịch", "Tạm", "Ặ" and the tails of "g", "y" were cut off."""

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        if metric == QStyle.PixelMetric.PM_TabBarTabShiftVertical:
            return 0
        return super().pixelMetric(metric, option, widget)


def install_style() -> None:
    """Wrap the application's style (once) in MarksRoomStyle."""
    if not isinstance(QApplication.style(), MarksRoomStyle):
        QApplication.setStyle(MarksRoomStyle())
