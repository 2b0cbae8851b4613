"""The dashboard, the app's first page: the quarterly introduction duty unit by unit, what is overdue
or due soon, a year's overview, the open rounds and a few totals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.rules.duty import QUARTERS, ROMAN, DutyStatus, RotaMode, deadline_phrase, quarter_of
from app.services.dashboard import Dashboard, dashboard
from app.services.duty import QuarterDuty, YearDuty, year_duty
from app.services.workspace import Database
from app.ui.dashboard import duty_models as cols
from app.ui.dashboard import text as text
from app.ui.dashboard.duty_models import DutyTableModel, YearGridModel, status_icon
from app.ui.kit.item_rows import roomy_list

UNITS_TAB, YEAR_TAB = 0, 1
QUARTER_ROLE = Qt.ItemDataRole.UserRole + 1
URGENT_STYLE = {DutyStatus.OVERDUE: "color: #c62828;", DutyStatus.DUE_SOON: "color: #b06900;"}
DUTY_COLUMN_WIDTHS = {cols.UNIT: 190, cols.BLOC: 140, cols.STATUS: 140, cols.TIMING: 115}
GRID_COLUMN_WIDTHS = {cols.GRID_UNIT: 170, cols.GRID_BLOC: 105}
SIDE_WIDTH = 370


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    return table


def _group(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    QVBoxLayout(box).addWidget(widget)
    return box


class DashboardPage(QWidget):
    def __init__(
        self, db: Database, parent: QWidget | None = None, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__(parent)
        self.db, self.today = db, today
        self.data: Dashboard | None = None
        self.year_data: YearDuty | None = None
        self.duty_model = DutyTableModel(self)
        self.year_model = YearGridModel(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_tabs())
        splitter.addWidget(self._build_side())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([1000, SIDE_WIDTH])
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_header())
        layout.addWidget(splitter, 1)

    # Building ---------------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        self.title_label = QLabel()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        self.deadline_label, self.turn_label, self.summary_label = QLabel(), QLabel(), QLabel()
        texts = QGridLayout()
        texts.addWidget(self.title_label, 0, 0, Qt.AlignmentFlag.AlignBaseline)
        texts.addWidget(self.deadline_label, 0, 1, Qt.AlignmentFlag.AlignBaseline)
        texts.addWidget(self.turn_label, 1, 0, 1, 2)
        texts.addWidget(self.summary_label, 2, 0, 1, 2)
        texts.setColumnStretch(1, 1)
        row = QHBoxLayout()
        row.addLayout(texts, 1)
        row.addLayout(self._build_selector(), 0)
        return row

    def _build_selector(self) -> QHBoxLayout:
        self.quarter_combo = QComboBox()
        for quarter in QUARTERS:
            self.quarter_combo.addItem(f"Quý {ROMAN[quarter]}", quarter)
        self.year_spin = QSpinBox(minimum=2000, maximum=2100, keyboardTracking=False)
        self.year_spin.setPrefix("Năm ")
        self.current_button = QPushButton("Quý hiện tại")
        self.current_button.clicked.connect(self.show_current_quarter)
        self.quarter_combo.currentIndexChanged.connect(self._show_selected)
        self.year_spin.valueChanged.connect(self._show_selected)
        row = QHBoxLayout()
        row.addWidget(QLabel("Xem:"))
        for widget in (self.quarter_combo, self.year_spin, self.current_button):
            row.addWidget(widget)
        row.setAlignment(Qt.AlignmentFlag.AlignTop)
        return row

    def _build_tabs(self) -> QTabWidget:
        self.duty_table = _table(self.duty_model)
        self.year_table = _table(self.year_model)
        for table, widths in ((self.duty_table, DUTY_COLUMN_WIDTHS), (self.year_table, GRID_COLUMN_WIDTHS)):
            for column, width in widths.items():
                table.setColumnWidth(column, width)
            table.horizontalHeader().setStretchLastSection(True)
        for quarter in QUARTERS:
            column = cols.GRID_FIRST_QUARTER + quarter - 1
            self.year_table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.duty_table, "Đơn vị trong quý")
        self.tabs.addTab(self.year_table, "Cả năm")
        return self.tabs

    def _build_side(self) -> QWidget:
        self.todo_list = roomy_list()
        self.todo_list.setWordWrap(True)
        self.todo_list.setSpacing(2)
        self.todo_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.todo_list.itemActivated.connect(self._open_todo)
        self.rounds_label = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignTop)
        self.totals_label = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignTop)
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_group("Việc cần làm", self.todo_list), 1)
        layout.addWidget(_group("Đợt xét đang mở", self.rounds_label))
        layout.addWidget(_group("Số liệu chung", self.totals_label))
        return side

    # Loading ----------------------------------------------------------------------------------

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read everything again as of today; the first time, look at the current quarter."""
        first_time = self.data is None
        self.data = dashboard(self.db, self.today())
        self.year_data = None
        self._fill_todo(self.data)
        self.rounds_label.setText(text.rounds_text(self.data))
        self.totals_label.setText(text.totals_text(self.data))
        if first_time:
            self.show_current_quarter()
        else:
            self._show_selected()

    def show_current_quarter(self) -> None:
        today = self.data.today if self.data else self.today()
        self.select_quarter(today.year, quarter_of(today))

    def select_quarter(self, year: int, quarter: int) -> None:
        for widget in (self.quarter_combo, self.year_spin):
            widget.blockSignals(True)
        self.year_spin.setValue(year)
        self.quarter_combo.setCurrentIndex(self.quarter_combo.findData(quarter))
        for widget in (self.quarter_combo, self.year_spin):
            widget.blockSignals(False)
        self._show_selected()

    def selected_quarter(self) -> tuple[int, int]:
        return self.year_spin.value(), self.quarter_combo.currentData()

    def _year_duty(self, year: int) -> YearDuty:
        if self.year_data is None or self.year_data.year != year:
            today = self.data.today
            self.year_data = self.data.year if year == today.year else year_duty(self.db, year, today)
        return self.year_data

    def _show_selected(self, *_args) -> None:
        if self.data is None:
            return
        year, quarter = self.selected_quarter()
        duty_year = self._year_duty(year)
        self.year_model.set_year(duty_year)
        self._show_quarter(duty_year.quarters[quarter - 1])

    def _show_quarter(self, duty: QuarterDuty) -> None:
        self.duty_model.set_duty(duty)
        self.title_label.setText(duty.label)
        self.deadline_label.setText(deadline_phrase(duty.deadline, duty.today))
        worst = text.worst_missing(duty)
        self.deadline_label.setStyleSheet(URGENT_STYLE.get(worst, ""))
        turn = f"Khối trực quý: {duty.bloc_on_turn}" if duty.bloc_on_turn else "Chưa khai báo khối thi đua"
        who = "chỉ các đơn vị của khối trực" if duty.mode is RotaMode.BLOC_ON_TURN else "mọi đơn vị"
        self.turn_label.setText(f"{turn} · Phải giới thiệu điển hình: {who}")
        self.summary_label.setText(text.summary_text(duty))

    def _fill_todo(self, data: Dashboard) -> None:
        self.todo_list.clear()
        for item in data.todo:
            status = DutyStatus.OVERDUE if item.overdue else DutyStatus.DUE_SOON
            entry = QListWidgetItem(status_icon(status), text.todo_text(item))
            entry.setToolTip(text.todo_text(item))
            entry.setData(QUARTER_ROLE, (item.year, item.quarter) if item.quarter else None)
            self.todo_list.addItem(entry)
        if not data.todo:
            entry = QListWidgetItem("Không có việc nào quá hạn hay sắp đến hạn.")
            entry.setFlags(Qt.ItemFlag.NoItemFlags)
            self.todo_list.addItem(entry)

    def _open_todo(self, item: QListWidgetItem) -> None:
        """A duty item opens its quarter's units."""
        target = item.data(QUARTER_ROLE)
        if target:
            self.select_quarter(*target)
            self.tabs.setCurrentIndex(UNITS_TAB)
