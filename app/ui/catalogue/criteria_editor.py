"""The "Tiêu chí" tab: the form's criteria in order, a side panel for the selected one, and errors."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.catalogue import CriterionInput
from app.ui.catalogue import criteria_model as cols
from app.ui.catalogue.criteria_model import CriteriaTableModel
from app.ui.catalogue.criterion_panel import CriterionPanel
from app.ui.kit.widgets import ErrorLabel, add_button

COLUMN_WIDTHS = {cols.CODE: 80, cols.MODE: 200, cols.GROUP: 110, cols.KINDS: 150}
PREFIX = "criteria"


def _line_number(key: str) -> int | None:
    parts = key.split(".")
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None


class CriteriaEditor(QWidget):
    """Lines are kept here until the dialog saves; `restore_requested` asks the dialog for the defaults."""

    restore_requested = Signal()

    def __init__(self, shipped: bool, submitted: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.locked = submitted > 0
        self._errors: dict[str, str] = {}
        self.model = CriteriaTableModel(self)
        self.panel = CriterionPanel()
        self.panel.changed.connect(self._panel_changed)
        self.hint = QLabel(wordWrap=True)
        self.hint.setText(
            f"Đã có {submitted} hồ sơ đề nghị hình thức này qua bước nháp: có thể sửa lời văn, đổi thứ tự "
            "và thêm tiêu chí, nhưng không xóa được tiêu chí đã có."
        )
        self.hint.setVisible(self.locked)
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self._build_splitter(shipped), 1)
        self.panel.load(None)
        self._update_buttons()

    def _build_splitter(self, shipped: bool) -> QSplitter:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._build_table(), 1)
        column.addLayout(self._build_buttons(shipped))
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.panel)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _build_table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(cols.TEXT, QHeaderView.ResizeMode.Stretch)
        # Rows as tall as their wrapped text (a form has a handful of criteria).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        return self.table

    def _build_buttons(self, shipped: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = add_button(row, "Thêm tiêu chí", self.add_line)
        self.remove_button = add_button(row, "Xóa tiêu chí", self.remove_current)
        self.up_button = add_button(row, "Lên", lambda: self.move_current(-1))
        self.down_button = add_button(row, "Xuống", lambda: self.move_current(1))
        row.addStretch(1)
        self.restore_button = add_button(row, "Khôi phục tiêu chí mặc định", self.restore_requested.emit)
        self.restore_button.setVisible(shipped)
        self.restore_button.setToolTip("Đặt lại lời văn các tiêu chí như bản có sẵn theo quy định.")
        return row

    # Lines --------------------------------------------------------------------------------------

    def set_lines(self, lines: list[CriterionInput]) -> None:
        self._errors = {}
        self.model.set_lines(lines)
        self.select_row(0 if lines else None)

    def lines(self) -> list[CriterionInput]:
        """The lines in order, new lines left untouched dropped (so numbers match the service's)."""
        self.model.drop_blank_lines()
        return self.model.lines()

    def current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def select_row(self, row: int | None) -> None:
        if row is None or not 0 <= row < self.model.rowCount():
            self.table.selectionModel().clearCurrentIndex()
            self.table.clearSelection()
            self._row_changed()
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(self.model.index(row, cols.TEXT), flags)
        self._row_changed()  # also when the row number stayed (the line under it changed)

    def add_line(self) -> None:
        row = self.model.rowCount()
        self.model.insert_line(row, CriterionInput())
        self._structure_changed(row)
        self.panel.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.model.remove_line(row)
            self._structure_changed(min(row, self.model.rowCount() - 1))

    def move_current(self, delta: int) -> None:
        row = self.current_row()
        if row is not None and self.model.move_line(row, delta):
            self._structure_changed(row + delta)

    def _structure_changed(self, select: int | None) -> None:
        self._errors = {key: message for key, message in self._errors.items() if _line_number(key) is None}
        self.select_row(select)

    def _row_changed(self, *_args) -> None:
        row = self.current_row()
        self.panel.load(self.model.line(row) if row is not None else None)
        self._show_line_errors(row)
        self._update_buttons()

    def _panel_changed(self) -> None:
        row = self.current_row()
        if row is not None:
            self.model.replace_line(row, self.panel.read())

    def _update_buttons(self) -> None:
        row, count = self.current_row(), self.model.rowCount()
        stored = row is not None and self.model.line(row).id is not None
        self.remove_button.setEnabled(row is not None and not (self.locked and stored))
        self.up_button.setEnabled(row is not None and row > 0)
        self.down_button.setEnabled(row is not None and row < count - 1)

    # Errors -------------------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> dict[str, str]:
        """Show the messages about the criteria (all above the table, each line's beside its fields in
        the panel), select the first wrong line; return the other messages."""
        mine = {k: v for k, v in errors.items() if k == PREFIX or k.startswith(PREFIX + ".")}
        self._errors = mine
        in_order = sorted(mine.items(), key=lambda item: _line_number(item[0]) or 0)
        self.error.set_message("\n".join(message for _key, message in in_order))
        rows = {number - 1 for key in mine if (number := _line_number(key)) is not None}
        self.model.set_error_rows(rows)
        if rows:
            self.select_row(min(rows))
        self._show_line_errors(self.current_row())
        return {k: v for k, v in errors.items() if k not in mine}

    def _show_line_errors(self, row: int | None) -> None:
        self.panel.clear_errors()
        if row is None:
            return
        prefix = f"{PREFIX}.{row + 1}."
        for key, message in self._errors.items():
            field = key.removeprefix(prefix)
            if key.startswith(prefix) and field in self.panel.rows:
                self.panel.rows[field].error.set_message(message)
