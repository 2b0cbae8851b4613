"""Service warnings the user may override: ask once, then repeat the call with confirmed=True."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from app.services.nominations import ConfirmationNeeded
from app.ui.kit import messages

T = TypeVar("T")


def confirmation_text(warnings: list[str]) -> str:
    lines = "\n".join(f"• {warning}" for warning in warnings)
    return f"{lines}\n\nVẫn tiếp tục? Việc xác nhận này được ghi vào lịch sử hồ sơ."


def with_confirmation(parent: QWidget | None, call: Callable[[bool], T]) -> T | None:
    """call(False); when the service asks, show its warnings and call(True) if the user agrees.

    None when the user declines (nothing was saved).
    """
    try:
        return call(False)
    except ConfirmationNeeded as needed:
        if not messages.ask_yes_no(parent, confirmation_text(needed.warnings), "Cần xác nhận"):
            return None
    return call(True)
