"""What every part of the meeting window shares: the meeting it shows, one service call per action with
its refusal said in Vietnamese, and a signal that asks the window to read the meeting again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.council import MeetingView
from app.services.workspace import Database
from app.ui.kit import messages
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.operations import service_call
from app.ui.kit.widgets import ErrorLabel, ok_cancel_buttons

CLOSED_NOTE = ("Phiên họp đã kết thúc: không sửa được nữa. Muốn điều chỉnh kết quả phải họp một phiên mới.")


def lay_out_form(dialog: FormDialog, ok_text: str, *above: QWidget) -> None:
    """A council form dialog: what goes above the form, the form, its error line, OK (ok_text) and Hủy."""
    dialog.general_error = ErrorLabel()
    buttons = ok_cancel_buttons(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    for widget in (*above, dialog.form, dialog.general_error, buttons):
        layout.addWidget(widget)


def run_action(parent: QWidget, action: Callable[[], Any]) -> tuple[bool, Any]:
    """Run one service call; a refusal (field errors included) is shown; (done, what it returned)."""
    result = None
    try:
        with service_call(parent) as call:
            result = action()
    except ValidationError as exc:
        messages.show_error(parent, "\n".join(exc.errors.values()))
        return False, None
    return call.ok, result


def text_item(text: str, data: object = None) -> QTableWidgetItem:
    """A read-only cell (its whole text as the tooltip)."""
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def cell(table: QTableWidget, row: int, column: int = 0) -> QTableWidgetItem:
    """A cell the window filled (every cell of its tables has an item)."""
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item


def row_data(table: QTableWidget, row: int) -> Any:
    """What the row stands for (an id, a number), kept in its first cell."""
    return cell(table, row).data(Qt.ItemDataRole.UserRole)


def grid(headers: list[str], stretch: int, *, select_rows: bool = True) -> QTableWidget:
    """A table of the meeting window: headers, one stretched column, no row numbers."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    if select_rows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    return table


class MeetingTab(QWidget):
    """A part of the meeting window. `changed` asks the window to read the meeting again."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.view: MeetingView | None = None

    def show_view(self, view: MeetingView) -> None:
        self.view = view

    def act(self, action: Callable[[], Any]) -> tuple[bool, Any]:
        """One service call; the window reads the meeting again whether it was done or refused."""
        done, result = run_action(self, action)
        self.changed.emit()
        return done, result
