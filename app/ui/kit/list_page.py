"""The list page, written once: a table of records, the buttons that need a selected row, add and edit
dialogs opened beside the page, deletion after a question, and the count of what is listed.

A page derives from `ListPage`, builds its own widgets, hands its table to `use_table`, and implements
`refresh(select=None)`: read the list again, keeping the selected record or moving to `select` (most do it
with `show_rows`). A page that edits records in a dialog implements `edit_dialog(record_id)`; double-click
and its "Sửa" button call `edit_selected`. The parts stand alone where a page differs (the subjects' paged
list selects rows itself; the audit trail, read-only, only reads `selected_row_id`).

The table's model answers `row_table.ID_ROLE` with the row's id (a `RowTableModel` does, and so does every
list model of its own).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from app.rules.vntext import vn_number
from app.services.workspace import Database
from app.ui.kit import messages
from app.ui.kit.operations import service_call
from app.ui.kit.row_table import ID_ROLE, select_id, selected_row, sort_names
from app.ui.kit.table_columns import ColumnLayout, fit_columns, keep_stretching, query_sort, sort_by_query


def selected_row_id(table: QTableView) -> int | None:
    """The id of the row selected in a list table, or None."""
    rows = table.selectionModel().selectedRows()
    return table.model().data(rows[0], ID_ROLE) if rows else None


def open_non_modal(dialog: QDialog, done: Callable[[], object], *, when_closed: bool = False) -> None:
    """Open a dialog beside the window (it does not block it), deleted once closed; done() runs when it is
    accepted, or however it is closed with `when_closed`."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if when_closed:
        dialog.finished.connect(lambda _result: done())
    else:
        dialog.accepted.connect(lambda: done())
    dialog.open()


class ListPage(QWidget):
    """A page of records in a table; see the module's docstring for what a page implements."""

    model: Any  # the table's model: a RowTableModel, or the page's own (each page declares its type)
    table: QTableView
    selection_buttons: tuple[QPushButton, ...] = ()  # enabled only while a row is selected
    refresh_when_closed = False  # True: list again when an add or edit dialog closes, saved or not
    columns_key = ""  # where the table's column layout is kept in giao-dien.ini; empty: the class's name
    _sorts: dict[int, str] = {}
    _fitted = False  # the columns were sized to the first rows shown

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.count_label = QLabel()

    def lay_out(self, rows: list[QLayout], body: QWidget, *, count_below: bool = True) -> None:
        """The rows of filters and buttons, the table (or its splitter) taking the height, the count below
        (a page that shows the count elsewhere places `count_label` itself)."""
        layout = QVBoxLayout(self)
        for row in rows:
            layout.addLayout(row)
        layout.addWidget(body, 1)
        if count_below:
            layout.addWidget(self.count_label)

    def use_table(self, table: QTableView, *, edits: bool = True) -> QTableView:
        """The page's table: selecting a row calls `selection_changed`, double-clicking one or pressing
        Enter on it edits it; its column widths, order and sort are remembered (under `columns_key`)."""
        self.table = table
        self.remember_columns(self.columns_key or type(self).__name__)
        if edits:
            table.doubleClicked.connect(lambda _index: self.edit_selected())
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                QShortcut(QKeySequence(key), table, self.edit_selected,
                          context=Qt.ShortcutContext.WidgetShortcut)
        table.selectionModel().selectionChanged.connect(self.selection_changed)
        return table

    def sort_columns(self, sorts: dict[int, str], default: int, *, descending: bool = False) -> None:
        """Header clicks sort the list through the query: `sorts` maps columns to the service's sort names
        (read back with `sort`); the list is read again on each click. Until the user sorts (or when the
        remembered sort is gone), the list is in the `default` column's order."""
        self._sorts = sorts
        layout = getattr(self, "column_layout", None)
        sort_by_query(self.table, sorts, lambda: self.resorted(), default, descending=descending,
                      restored=layout is not None and layout.restored)

    def sort_by_columns(self, default: int = 0, *, descending: bool = False) -> None:
        """`sort_columns` with the sort names the model's RowColumns declare (their `sort`)."""
        self.sort_columns(sort_names(self.model.columns), default, descending=descending)

    def sorted_by(self) -> dict[str, Any]:
        """The header's sort as a list service's keyword arguments: `sort=…, descending=…`."""
        sort, descending = self.sort()
        return {"sort": sort, "descending": descending}

    def resorted(self) -> None:
        """The header asked for another order: list again (a page keeping more than the row selected
        overrides this)."""
        self.refresh()

    def sort(self) -> tuple[str, bool]:
        """The service's sort name the header shows, and whether it is descending."""
        return query_sort(self.table, self._sorts)

    def remember_columns(self, key: str) -> None:
        """Keep the table's column widths, order and sort arrow between sessions (under `key`)."""
        self.column_layout = ColumnLayout(self.table, self.db.data_dir, key)

    # The list ------------------------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        raise NotImplementedError

    def show_rows(self, rows: list[Any], what: str, select: int | None = None) -> bool:
        """Put `rows` in the model and "N <what>" in the count, then select `select`, else the row selected
        before; False when that row is not listed."""
        keep = select if select is not None else self.selected_id()
        self.model.set_rows(rows)
        if rows and not self._fitted:
            self._fitted = True
            layout = getattr(self, "column_layout", None)
            declared = getattr(self.model, "columns", ())  # a RowTableModel's RowColumns
            widths = {n: column.width for n, column in enumerate(declared)}
            stretched = [n for n, column in enumerate(declared) if column.stretch]
            if layout is None or not layout.restored:
                fit_columns(self.table, widths, stretched if declared else None)
            else:  # the widths the user left; the stretched columns stretch again when there is room
                keep_stretching(self.table, {n: widths[n] for n in stretched})
        self.count_label.setText(f"{vn_number(len(rows))} {what}")
        return select_id(self.table, keep)

    def selected_id(self) -> int | None:
        return selected_row_id(self.table)

    def selected(self) -> Any | None:
        """The selected row of a RowTableModel (a page with a model of its own overrides this)."""
        return selected_row(self.table)

    def selection_changed(self, *_args) -> None:
        """Enable the buttons that act on a row while one is selected; a page adds what it shows of it."""
        chosen = self.selected_id() is not None
        for button in self.selection_buttons:
            button.setEnabled(chosen)

    # Adding, editing, deleting -------------------------------------------------------------------

    def edit_dialog(self, record_id: int) -> QDialog:
        """The dialog editing this record, loaded through the services (called inside `service_call`)."""
        raise NotImplementedError

    def edit_selected(self) -> None:
        """Open the selected record; when it cannot be loaded (deleted meanwhile), say so and list again."""
        record_id = self.selected_id()
        if record_id is None:
            return
        dialog = None
        with service_call(self) as call:
            dialog = self.edit_dialog(record_id)
        if call.ok and dialog is not None:
            self.open_dialog(dialog)
        else:
            self.refresh()

    def open_dialog(self, dialog: QDialog) -> None:
        """Open an add or edit dialog beside the page; once it is accepted (or closed, with
        `refresh_when_closed`), `after_save` the record it saved (its `saved_id`)."""
        open_non_modal(dialog, lambda: self.after_save(getattr(dialog, "saved_id", None)),
                       when_closed=self.refresh_when_closed)

    def after_save(self, saved_id: int | None) -> None:
        self.refresh(select=saved_id)

    def delete_confirmed(self, question: str, title: str, delete: Callable[[], object]) -> bool:
        """Ask (the default answer is "Không"), then delete() inside `service_call`; True once deleted."""
        if not messages.ask_yes_no(self, question, title):
            return False
        with service_call(self) as call:
            delete()
        return call.ok
