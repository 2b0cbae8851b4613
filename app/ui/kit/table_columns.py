"""What a list's columns do besides showing: sort through the query, remember their widths, order and
sort, and fit their content.

Sorting is the query's (a list of 100,000 rows is never sorted in Python): a click on a header shows the
arrow, and the page reads `query_sort` into its query and lists again. The layout is interface state
like the last save folder: kept in the data folder's giao-dien.ini (QSettings), not in the audited
settings table.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

LAYOUT_FILE = "giao-dien.ini"
SAVE_DELAY_MS = 400
FIT_LIMIT = 420  # a column sized to its content grows no wider; its long text shows whole on hover


def sort_by_query(table: QTableView, sorts: dict[int, str], changed: Callable[[], object],
                  default: int, *, descending: bool = False, restored: bool = False) -> None:
    """Header clicks sort: `sorts` maps the sortable columns to the query's names for them; `changed`
    lists again. Until the user sorts (a sort `restored` from the last session stays), the list is in the
    `default` column's order (`descending` or not); a click on a column that does not sort goes back to
    `default`, ascending."""
    header = table.horizontalHeader()
    header.setSectionsClickable(True)
    header.setSortIndicatorShown(True)
    if not restored or header.sortIndicatorSection() not in sorts:
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(default, order)

    def on_change(section: int, _order: Qt.SortOrder) -> None:
        if section not in sorts:
            header.setSortIndicator(default, Qt.SortOrder.AscendingOrder)  # re-enters with the default
            return
        changed()

    header.sortIndicatorChanged.connect(on_change)


def query_sort(table: QTableView, sorts: dict[int, str]) -> tuple[str, bool]:
    """The query's sort name and whether it is descending, from the header's arrow."""
    header = table.horizontalHeader()
    name = sorts.get(header.sortIndicatorSection())
    if name is None:
        return next(iter(sorts.values())), False
    return name, header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


class ColumnLayout(QObject):
    """Restores a table's column widths, order and sort arrow when made, and saves them (a moment after
    the last change) under `key` in the data folder's giao-dien.ini. Columns can be dragged to reorder."""

    def __init__(self, table: QTableView, data_dir: Path, key: str) -> None:
        super().__init__(table)
        self._header = table.horizontalHeader()
        self._path, self._key = str(data_dir / LAYOUT_FILE), f"columns/{key}"
        self.restored = self._restore()
        self._header.setSectionsMovable(True)
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        for signal in (self._header.sectionResized, self._header.sectionMoved,
                       self._header.sortIndicatorChanged):
            signal.connect(lambda *_args: self._timer.start())

    def _settings(self) -> QSettings:
        return QSettings(self._path, QSettings.Format.IniFormat)

    def _restore(self) -> bool:
        state = self._settings().value(self._key)
        return isinstance(state, QByteArray) and self._header.restoreState(state)

    def save(self) -> None:
        self._timer.stop()
        self._settings().setValue(self._key, self._header.saveState())


def _inner_width(table: QTableView) -> int:
    """The width inside the frame less the vertical scroll bar, which the rows just set may bring."""
    return table.width() - 2 * table.frameWidth() - table.verticalScrollBar().sizeHint().width()


def fit_columns(table: QTableView, minimum: dict[int, int] | None = None,
                stretched: list[int] | None = None) -> None:
    """Size each column that does not stretch to its content (the rows Qt samples), at least its declared
    width and at most FIT_LIMIT; a longer text shows whole in its tooltip.

    The columns share the visible width: a stretched column (the one that takes what is left; those in
    Stretch mode unless `stretched` names them) keeps at least its declared width, and what the content
    asks beyond the declared widths is given only as far as the table is wide, in proportion to what each
    column asks. While even the declared widths do not fit, the stretched columns stop stretching and the
    list scrolls sideways rather than squeeze one to a few letters ("La…"); they stretch again once the
    window is wide enough (`keep_stretching`)."""
    header, declared = table.horizontalHeader(), minimum or {}
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    if stretched is None:
        stretched = [c for c in shown if header.sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch]
    fitted = [c for c in shown if c not in stretched]
    low = {c: declared.get(c, 0) for c in fitted}
    wanted = {c: max(low[c], min(FIT_LIMIT, max(table.sizeHintForColumn(c), header.sectionSizeHint(c))))
              for c in fitted}
    room = _inner_width(table) - sum(low.values()) - sum(declared.get(c, 0) for c in stretched)
    asked = sum(wanted[c] - low[c] for c in fitted)
    share = 1.0 if asked <= max(room, 0) else max(room, 0) / asked
    for column in fitted:
        table.setColumnWidth(column, low[column] + int((wanted[column] - low[column]) * share))
    keep_stretching(table, {c: declared.get(c, header.sectionSizeHint(c)) for c in stretched})


class _StretchWhenRoom(QObject):
    """On every resize of its table: the stretched columns stretch while the other columns and their own
    declared widths fit, and stay at their declared widths (the list scrolling sideways) while not."""

    def __init__(self, table: QTableView, widths: dict[int, int]) -> None:
        super().__init__(table)
        self._table, self._widths = table, widths
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False

    def apply(self) -> None:
        header = self._table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c not in self._widths and not header.isSectionHidden(c))
        fits = others + sum(self._widths.values()) <= _inner_width(self._table)
        mode = QHeaderView.ResizeMode.Stretch if fits else QHeaderView.ResizeMode.Interactive
        for column, width in self._widths.items():
            if header.sectionResizeMode(column) != mode:
                header.setSectionResizeMode(column, mode)
                if not fits:
                    self._table.setColumnWidth(column, width)


def keep_stretching(table: QTableView, widths: dict[int, int]) -> None:
    """The columns `widths` names (with their declared widths) stretch whenever the table has room for
    them, now and on every resize: a layout restored from a narrow window stretches again in a wide one."""
    if not widths:
        return
    keeper = table.findChild(_StretchWhenRoom)
    if keeper is not None:
        keeper.deleteLater()
        table.removeEventFilter(keeper)
    _StretchWhenRoom(table, widths).apply()
