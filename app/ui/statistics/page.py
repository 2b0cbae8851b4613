"""Statistics of the commendation work: filters by year and quarter, bar charts (ui/kit/bar_chart.py,
no chart library) and the figures in tables, read from the database's own counts in the background."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.rules.duty import ROMAN
from app.rules.vntext import vn_number
from app.services.exchange import (
    Statistics,
    StatsFilter,
    available_years,
    commendation_statistics,
    percent_text,
)
from app.services.workspace import Database
from app.ui.kit.background import BackgroundTask, run_in_background
from app.ui.kit.bar_chart import BarChart

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# (tab title, [(chart title, the Statistics attribute)])
TABS = (
    ("Theo năm, hình thức", [("Khen thưởng theo năm", "by_year"), ("Theo hình thức", "by_form")]),
    ("Theo đối tượng", [("Theo loại đối tượng", "by_kind"), ("Cá nhân theo giới tính", "by_gender"),
                        ("Cá nhân theo nhóm nghề nghiệp", "by_occupation")]),
    ("Theo đơn vị, lĩnh vực", [("Theo đơn vị", "by_unit"), ("Theo lĩnh vực", "by_field"),
                               ("Theo phong trào thi đua", "by_movement")]),
    ("Điển hình tiên tiến", [("Điển hình theo giai đoạn", "exemplars_by_stage")]),
)


def _group(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    QVBoxLayout(box).addWidget(widget)
    return box


class StatisticsPage(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.db, self.today = db, today
        self.data: Statistics | None = None
        self.charts: dict[str, BarChart] = {}
        self.task: BackgroundTask | None = None
        self.grids: list[QGridLayout] = []
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        self.summary = QLabel(wordWrap=True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        for title, charts in TABS:
            self.tabs.addTab(self._chart_tab(charts), title)
        self.duty_table = self._table(["Quý", "Đơn vị phải giới thiệu", "Đúng hạn", "Muộn",
                                       "Chưa giới thiệu"])
        duty_box = _group("Nhiệm vụ giới thiệu điển hình hằng quý", self.duty_table)
        self.grids[-1].addWidget(duty_box, 0, 1)
        self.figures = self._table(["Nhóm", "Mục", "Số lượt", "Tỷ lệ"])
        self.tabs.addTab(self.figures, "Bảng số liệu")
        layout.addWidget(self.tabs, 1)

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("Năm:"))
        self.year_combo = QComboBox()
        self.year_combo.addItem("Mọi năm", None)
        row.addWidget(self.year_combo)
        row.addWidget(QLabel("Quý:"))
        self.quarter_combo = QComboBox()
        self.quarter_combo.addItem("Cả năm", None)
        for quarter in range(1, 5):
            self.quarter_combo.addItem(f"Quý {ROMAN[quarter]}", quarter)
        self.quarter_combo.setEnabled(False)  # a quarter is chosen within a year
        row.addWidget(self.quarter_combo)
        row.addStretch(1)
        self.year_combo.currentIndexChanged.connect(self._filter_changed)
        self.quarter_combo.currentIndexChanged.connect(self._filter_changed)
        return row

    def _chart_tab(self, charts: list[tuple[str, str]]) -> QWidget:
        tab = QWidget()
        grid = QGridLayout(tab)
        self.grids.append(grid)
        for index, (title, key) in enumerate(charts):
            chart = BarChart(max_bars=10 if key == "by_year" else 8)
            self.charts[key] = chart
            grid.addWidget(_group(title, chart), index // 2, index % 2)
        return tab

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def on_shown(self) -> None:
        years = available_years(self.db)
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItem("Mọi năm", None)
        for year in years:
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(current), 0))
        self.year_combo.blockSignals(False)
        self.refresh()

    def _filter_changed(self) -> None:
        self.quarter_combo.setEnabled(self.year_combo.currentData() is not None)
        self.refresh()

    def current_filter(self) -> StatsFilter:
        year = self.year_combo.currentData()
        return StatsFilter(year, self.quarter_combo.currentData() if year is not None else None)

    def refresh(self) -> None:
        chosen, db, today = self.current_filter(), self.db, self.today()
        self.task = run_in_background(self, "Đang tính số liệu thống kê…",
                                      lambda: commendation_statistics(db, chosen, today),
                                      self.show_statistics)

    def show_statistics(self, data: Statistics) -> None:
        self.data = data
        direct = f"{round(100 * data.direct_share)}%" if data.individuals else "—"
        self.summary.setText(
            f"<b>{vn_number(data.total)}</b> lượt khen thưởng ({data.filter.label}). Công nhân, nông dân, "
            f"người lao động trực tiếp: <b>{direct}</b> số lượt cá nhân. Tin bài tuyên truyền điển hình: "
            f"<b>{vn_number(data.publicity)}</b>.")
        for key, chart in self.charts.items():
            chart.set_values([(c.label, c.count) for c in getattr(data, key)])
        self._fill_duty(data)
        self._fill_figures(data)

    def _fill_duty(self, data: Statistics) -> None:
        if not data.duty:
            self.duty_table.setRowCount(1)
            self.duty_table.setSpan(0, 0, 1, self.duty_table.columnCount())
            self.duty_table.setItem(0, 0, QTableWidgetItem("Chọn một năm để xem nhiệm vụ của từng quý."))
            return
        self.duty_table.clearSpans()
        self.duty_table.setRowCount(len(data.duty))
        for row, duty in enumerate(data.duty):
            self.duty_table.setItem(row, 0, QTableWidgetItem(f"Quý {ROMAN[duty.quarter]}"))
            numbers = (duty.owing, duty.on_time, duty.late, duty.missing)
            for column, value in enumerate(numbers, start=1):
                item = QTableWidgetItem(vn_number(value))
                item.setTextAlignment(RIGHT)
                self.duty_table.setItem(row, column, item)

    def _fill_figures(self, data: Statistics) -> None:
        rows = []
        for _tab, charts in TABS:
            for title, key in charts:
                counts = getattr(data, key)
                total = sum(c.count for c in counts)
                rows += [(title, c.label, vn_number(c.count), percent_text(c.count, total)) for c in counts]
        self.figures.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(RIGHT)
                self.figures.setItem(row, column, item)
