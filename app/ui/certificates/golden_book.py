"""The golden book (sổ vàng): which number went to whom, by year, and how the commune numbers it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.models import GoldenBookScheme
from app.services.certificates import get_golden_book_scheme, list_golden_book, set_golden_book_scheme
from app.services.workspace import Database
from app.ui.certificates.choices import allow_edits
from app.ui.certificates.columns import GOLDEN_BOOK_COLUMNS, GOLDEN_BOOK_DATE
from app.ui.kit import messages
from app.ui.kit.list_page import ListPage
from app.ui.kit.operations import service_call
from app.ui.kit.row_table import RowTableModel, row_table_view
from app.ui.kit.widgets import choice_combo, select_data

ALL_YEARS = "Mọi năm"
FIRST_YEAR = 2000
SCHEME_NOTE = "Số đã cấp không bao giờ đổi; cách đánh số mới dùng cho các quyết định ban hành sau."


class GoldenBookView(ListPage):
    model: RowTableModel

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.model = RowTableModel(GOLDEN_BOOK_COLUMNS, self)
        self.year_combo = QComboBox()
        this_year = dt.date.today().year
        self.year_combo.addItem(ALL_YEARS, None)
        for year in range(this_year + 1, FIRST_YEAR - 1, -1):
            self.year_combo.addItem(f"Năm {year}", year)
        select_data(self.year_combo, this_year)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.scheme_combo = choice_combo((scheme.label, scheme.value) for scheme in GoldenBookScheme)
        self.scheme_combo.setToolTip(SCHEME_NOTE)
        self.scheme_combo.activated.connect(lambda _i: self.change_scheme())
        allow_edits(db, self.scheme_combo)
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Xem:"))
        filters.addWidget(self.year_combo)
        filters.addWidget(self.count_label, 1)
        filters.addWidget(QLabel("Cách đánh số sổ vàng:"))
        filters.addWidget(self.scheme_combo)
        self.lay_out([filters], self.use_table(row_table_view(self.model), edits=False), count_below=False)
        self.sort_by_columns(default=GOLDEN_BOOK_DATE)

    def on_shown(self) -> None:
        select_data(self.scheme_combo, get_golden_book_scheme(self.db).value)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        rows = list_golden_book(self.db, self.year_combo.currentData(), **self.sorted_by())
        self.show_rows(rows, "số sổ vàng", select)

    def change_scheme(self) -> None:
        scheme = GoldenBookScheme(self.scheme_combo.currentData())
        current = get_golden_book_scheme(self.db)
        if scheme is current:
            return
        question = f"Đổi cách đánh số sổ vàng thành “{scheme.label}”?\n{SCHEME_NOTE}"
        if messages.ask_yes_no(self, question, "Cách đánh số sổ vàng"):
            with service_call(self):
                set_golden_book_scheme(self.db, scheme)
        select_data(self.scheme_combo, get_golden_book_scheme(self.db).value)
