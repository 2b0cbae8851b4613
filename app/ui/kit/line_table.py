"""An editable table of lines (award history, hold flags) kept as text until the form is saved."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.kit.widgets import ErrorLabel

Index = QModelIndex | QPersistentModelIndex
Line = dict[str, str]
# A line holding a non-empty text under this key is read-only: shown greyed, its text as the tooltip.
LOCKED = "locked_reason"


@dataclass(frozen=True)
class LineColumn:
    key: str
    header: str
    width: int = 120
    choices: tuple[str, ...] = ()  # a fixed list of labels, edited with a combo box
    placeholder: str = ""


class LineTableModel(QAbstractTableModel):
    """Rows of text cells keyed by column key; the form converts them when it saves."""

    def __init__(self, columns: list[LineColumn], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._lines: list[Line] = []

    def set_lines(self, lines: list[Line]) -> None:
        self.beginResetModel()
        self._lines = [dict(line) for line in lines]
        self.endResetModel()

    def lines(self) -> list[Line]:
        return [dict(line) for line in self._lines]

    def drop_empty_lines(self) -> None:
        """Remove the lines left as they were added (nothing typed, choices untouched)."""
        blank = self._new_line()
        for row in reversed(range(len(self._lines))):
            if all(self._lines[row].get(key, "").strip() == value for key, value in blank.items()):
                self.removeRows(row, 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole)
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and line.get(LOCKED):
            return QBrush(QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role not in roles:
            return None
        text = line.get(self.columns[index.column()].key, "")
        if role == Qt.ItemDataRole.ToolTipRole and line.get(LOCKED):
            return f"{text}\n{line[LOCKED]}" if text else line[LOCKED]
        return text

    def is_locked(self, row: int) -> bool:
        return 0 <= row < len(self._lines) and bool(self._lines[row].get(LOCKED))

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self._lines[index.row()][self.columns[index.column()].key] = "" if value is None else str(value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.is_locked(index.row()):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def insertRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or not 0 <= row <= len(self._lines) or count < 1:
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        self._lines[row:row] = [self._new_line() for _ in range(count)]
        self.endInsertRows()
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._lines):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._lines[row : row + count]
        self.endRemoveRows()
        return True

    def _new_line(self) -> Line:
        return {c.key: (c.choices[0] if c.choices else "") for c in self.columns}


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a combo box of fixed labels."""

    def __init__(self, choices: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index) -> QComboBox:
        combo = QComboBox(parent)
        combo.addItems(list(self.choices))
        return combo

    def setEditorData(self, editor: QComboBox, index) -> None:
        editor.setCurrentIndex(max(editor.findText(index.data(Qt.ItemDataRole.EditRole) or ""), 0))

    def setModelData(self, editor: QComboBox, model, index) -> None:
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class LineTableEditor(QWidget):
    """The table with "Thêm dòng" / "Xóa dòng" and a red label above it for the lines' errors."""

    def __init__(self, columns: list[LineColumn], error_prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error_prefix = error_prefix
        self.model = LineTableModel(columns, self)
        self.error = ErrorLabel()
        self.table = self._build_table(columns)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_buttons())

    def _build_table(self, columns: list[LineColumn]) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        triggers = QAbstractItemView.EditTrigger
        table.setEditTriggers(triggers.DoubleClicked | triggers.SelectedClicked | triggers.AnyKeyPressed
                              | triggers.EditKeyPressed)
        for number, column in enumerate(columns):
            table.setColumnWidth(number, column.width)
            if column.choices:
                table.setItemDelegateForColumn(number, ChoiceDelegate(column.choices, table))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def _build_buttons(self) -> QHBoxLayout:
        self.add_button = QPushButton("Thêm dòng")
        self.add_button.clicked.connect(self.add_line)
        self.remove_button = QPushButton("Xóa dòng")
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        return row

    def add_line(self) -> None:
        row = self.model.rowCount()
        self.model.insertRows(row, 1)
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.edit(self.model.index(row, 0))

    def remove_selected(self) -> None:
        """Remove the selected lines; a locked line stays and its reason is said above the table."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()}, reverse=True)
        locked = ""
        for row in rows or ([self.table.currentIndex().row()] if self.table.currentIndex().isValid() else []):
            if self.model.is_locked(row):
                locked = self.model.lines()[row][LOCKED]
            else:
                self.model.removeRows(row, 1)
        self.error.set_message(locked)

    def numbered_lines(self) -> list[tuple[int, Line]]:
        """The lines numbered from 1, blank lines dropped first so numbers match the service's."""
        self.model.drop_empty_lines()
        return list(enumerate(self.model.lines(), start=1))

    def show_errors(self, errors: dict[str, str]) -> dict[str, str]:
        """Show the messages about these lines ("awards.2.year"); select the first; return the rest."""
        mine = {key: msg for key, msg in errors.items() if key.startswith(self.error_prefix + ".")}
        self.error.set_message("\n".join(mine.values()))
        if mine:
            self._select_error(next(iter(mine)))
        return {key: msg for key, msg in errors.items() if key not in mine}

    def _select_error(self, key: str) -> None:
        _prefix, number, name = (key.split(".") + ["", ""])[:3]
        keys = [c.key for c in self.model.columns]
        row, column = int(number) - 1 if number.isdigit() else -1, keys.index(name) if name in keys else 0
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, column))
