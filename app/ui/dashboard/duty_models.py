"""Qt models for the quarterly duty: one quarter's units, and a year's units × quarters grid;
the colour and icon of each status."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QIcon

from app.rules.duty import QUARTERS, ROMAN, DutyStatus, days_phrase
from app.rules.vntext import vn_short_date
from app.services.duty import DutyRow, QuarterDuty, YearDuty
from app.ui.kit.drawn_icons import Drawing, disc_icon, draw_clock_hands, draw_exclamation, draw_tick
from app.ui.kit.table_model import HeaderedTableModel, Index

# status -> (strong colour for the icon, light tint for the cell)
STATUS_COLOURS = {
    DutyStatus.DONE: ("#2e8540", "#e3f3e6"),
    DutyStatus.LATE: ("#00838f", "#e0f4f5"),
    DutyStatus.OVERDUE: ("#c62828", "#fde8e7"),
    DutyStatus.DUE_SOON: ("#e08600", "#fff2dc"),
    DutyStatus.NOT_YET_DUE: ("#8a8a8a", "#f1f1f1"),
}
NOT_OWED = "—"
NOT_OWED_TIP = "Không phải giới thiệu: chưa đến lượt khối của đơn vị."
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
_icons: dict[DutyStatus, QIcon] = {}


def _mark(status: DutyStatus) -> Drawing | None:
    if status.introduced:
        return draw_tick
    return {DutyStatus.OVERDUE: draw_exclamation, DutyStatus.DUE_SOON: draw_clock_hands}.get(status)


def status_icon(status: DutyStatus) -> QIcon:
    """A coloured disc with a tick, '!' or clock hands; a grey ring for "not yet due"."""
    if status not in _icons:
        _icons[status] = disc_icon(STATUS_COLOURS[status][0], _mark(status))
    return _icons[status]


def status_tint(status: DutyStatus) -> QBrush:
    return QBrush(QColor(STATUS_COLOURS[status][1]))


def timing_text(row: DutyRow) -> str:
    """'Còn 14 ngày', 'Quá hạn 3 ngày', '01/12/2026', '08/12/2026, muộn 3 ngày'."""
    if row.days_left is not None:
        text = days_phrase(row.days_left)
        return text[:1].upper() + text[1:]
    date = vn_short_date(row.first_introduced)
    return f"{date}, muộn {row.days_late} ngày" if row.days_late else date


UNIT, BLOC, STATUS, TIMING, EXEMPLARS = range(5)


class DutyTableModel(HeaderedTableModel):
    """The units that owe an exemplar in one quarter."""

    HEADERS = {
        UNIT: "Đơn vị",
        BLOC: "Khối thi đua",
        STATUS: "Tình trạng",
        TIMING: "Ngày giới thiệu\nhoặc thời hạn",
        EXEMPLARS: "Điển hình đã giới thiệu",
    }

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: tuple[DutyRow, ...] = ()

    def set_duty(self, duty: QuarterDuty) -> None:
        self.beginResetModel()
        self._rows = duty.rows
        self.endResetModel()

    def duty_row(self, row: int) -> DutyRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == STATUS_ROLE:
            return row.status.value
        if column == STATUS and role == Qt.ItemDataRole.DecorationRole:
            return status_icon(row.status)
        if column == STATUS and role == Qt.ItemDataRole.BackgroundRole:
            return status_tint(row.status)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        return None

    def _text(self, row: DutyRow, column: int) -> str:
        return {
            UNIT: row.unit_name,
            BLOC: row.bloc_name,
            STATUS: row.status.label,
            TIMING: timing_text(row),
            EXEMPLARS: "; ".join(row.exemplars),
        }[column]


GRID_UNIT, GRID_BLOC = 0, 1
GRID_FIRST_QUARTER = 2


class YearGridModel(HeaderedTableModel):
    """Units × quarters of one year: each cell the unit's status, or "—" when it did not owe."""

    HEADERS = {GRID_UNIT: "Đơn vị", GRID_BLOC: "Khối thi đua"} | {
        GRID_FIRST_QUARTER + q - 1: f"Quý {ROMAN[q]}" for q in QUARTERS
    }

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._year: YearDuty | None = None

    def set_year(self, year: YearDuty) -> None:
        self.beginResetModel()
        self._year = year
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self._year is None else len(self._year.units)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        quarter = section - GRID_FIRST_QUARTER + 1
        if orientation != Qt.Orientation.Horizontal or self._year is None or quarter not in QUARTERS:
            return super().headerData(section, orientation, role)
        duty = self._year.quarters[quarter - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"Quý {ROMAN[quarter]}\nhạn {vn_short_date(duty.deadline)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Khối trực quý: {duty.bloc_on_turn}" if duty.bloc_on_turn else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._year is None:
            return None
        unit = self._year.units[index.row()]
        if index.column() < GRID_FIRST_QUARTER:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return unit.name if index.column() == GRID_UNIT else unit.bloc_name
            return None
        return self._cell_data(self._year.cell(unit.id, index.column() - GRID_FIRST_QUARTER + 1), role)

    def _cell_data(self, row: DutyRow | None, role: int):
        if role == STATUS_ROLE:
            return None if row is None else row.status.value
        if role == Qt.ItemDataRole.DisplayRole:
            return NOT_OWED if row is None else row.status.label
        if role == Qt.ItemDataRole.TextAlignmentRole and row is None:
            return Qt.AlignmentFlag.AlignCenter
        if row is None:
            return NOT_OWED_TIP if role == Qt.ItemDataRole.ToolTipRole else None
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(row.status)
        if role == Qt.ItemDataRole.BackgroundRole:
            return status_tint(row.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join([timing_text(row), *row.exemplars])
        return None
