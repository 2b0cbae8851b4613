"""The page "Nhật ký thay đổi": who created, changed or deleted which record when, newest first, filtered;
the chosen event's fields before and after; and the check of the hash chain against the data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import AuditAction
from app.rules.vntext import vn_number
from app.services.audit import (
    AuditFilter,
    TrailReport,
    actor_choices,
    check_audit_trail,
    count_events,
    entity_choices,
    event_detail,
    list_events,
)
from app.services.workspace import Database
from app.ui.audit.detail import AuditDetailPanel
from app.ui.audit.model import COLUMNS, SORTS, TIME, AuditTableModel
from app.ui.kit import messages
from app.ui.kit.background import run_in_background
from app.ui.kit.list_detail import list_detail_splitter
from app.ui.kit.list_page import selected_row_id
from app.ui.kit.row_table import row_table_view
from app.ui.kit.table_columns import ColumnLayout, query_sort, sort_by_query
from app.ui.kit.widgets import (
    ErrorLabel,
    VnDateEdit,
    add_button,
    debounce_timer,
    refill_combo,
    search_line_edit,
)

CHECK_LABEL = "Kiểm tra chuỗi nhật ký"
PAGE_SIZE = 200  # rows read at a time as the table scrolls


def _fit_combo(combo: QComboBox, letters: int) -> None:
    """A filter combo as wide as `letters` characters however long its entries (the page fits a 1093 px
    laptop window); its list opens as wide as the longest entry and the chosen one shows in full on hover."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(letters)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
    combo.currentTextChanged.connect(combo.setToolTip)


class AuditPage(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = AuditTableModel(self)
        self.panel = AuditDetailPanel()
        self.timer = debounce_timer(self, self.refresh)
        self.task = None  # the running check, if any
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        layout.addLayout(self._build_status_row())
        layout.addWidget(self._build_body(), 1)

    # Building ------------------------------------------------------------------------------------

    def _build_filters(self) -> QVBoxLayout:
        self.since, self.until = VnDateEdit(), VnDateEdit()
        for date_edit in (self.since, self.until):  # room for "05/01/2026" and the calendar button
            date_edit.setMinimumWidth(date_edit.fontMetrics().horizontalAdvance("00/00/00000") + 50)
        self.actor_combo, self.entity_combo, self.action_combo = QComboBox(), QComboBox(), QComboBox()
        self.search = search_line_edit("Tìm trong tóm tắt, không cần dấu…", self.timer)
        self.record = QLineEdit(placeholderText="số")
        self.record.setValidator(QIntValidator(0, 2_147_483_647, self.record))
        self.record.setMaximumWidth(90)
        rows = QVBoxLayout()
        cells = [[("Từ ngày:", self.since, 0), ("Đến ngày:", self.until, 0),
                  ("Người thực hiện:", self.actor_combo, 1), ("Bản ghi số:", self.record, 0)],
                 [("Tìm:", self.search, 2), ("Loại bản ghi:", self.entity_combo, 1),
                  ("Thao tác:", self.action_combo, 1)]]
        for line in cells:  # each row its own columns: a long row does not widen the other
            row = QHBoxLayout()
            for label, widget, stretch in line:
                row.addWidget(QLabel(label))
                row.addWidget(widget, stretch)
            rows.addLayout(row)
        self._connect_filters()
        return rows

    def _build_status_row(self) -> QHBoxLayout:
        """A filter's error, the count of events and the chain check, under the filters."""
        row = QHBoxLayout()
        self.error = ErrorLabel()
        self.count_label = QLabel()
        row.addWidget(self.error)
        row.addStretch(1)
        row.addWidget(self.count_label)
        self.check_button = add_button(row, CHECK_LABEL, self.check_chain)
        return row

    def _connect_filters(self) -> None:
        for date_edit in (self.since, self.until):
            date_edit.changed.connect(self.timer.start)
        for combo in (self.actor_combo, self.entity_combo, self.action_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.record.textChanged.connect(lambda _text: self.timer.start())
        for combo, letters in ((self.actor_combo, 14), (self.entity_combo, 14), (self.action_combo, 12)):
            _fit_combo(combo, letters)

    def _build_body(self) -> QSplitter:
        self.table = row_table_view(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        for number, column in COLUMNS.items():
            self.table.setColumnWidth(number, column.width)
        columns = ColumnLayout(self.table, self.db.data_dir, "AuditPage")  # widths, order and sort kept
        sort_by_query(self.table, SORTS, self.refresh, TIME, descending=True, restored=columns.restored)
        return list_detail_splitter(self.table, self.panel, 0.5)

    # Loading -------------------------------------------------------------------------------------

    def on_shown(self) -> None:
        self.load_choices()
        self.refresh()

    def load_choices(self) -> None:
        refill_combo(self.actor_combo, [(a, a) for a in actor_choices(self.db)], "— Mọi người —")
        refill_combo(self.entity_combo, entity_choices(), "— Mọi loại —")
        refill_combo(self.action_combo, [(a.label, a.value) for a in AuditAction], "— Mọi thao tác —")

    def current_filter(self) -> AuditFilter | None:
        """The filter the widgets describe; None (and the reason shown) when a date cannot be read."""
        try:
            since, until = self.since.date(), self.until.date()
        except ValueError:
            self.error.set_message("Ngày lọc không hợp lệ: ghi ngày/tháng/năm, ví dụ 05/01/2026.")
            return None
        self.error.set_message("")
        action = self.action_combo.currentData()
        return AuditFilter(
            since=since, until=until, actor=self.actor_combo.currentData(),
            entity=self.entity_combo.currentData(), action=AuditAction(action) if action else None,
            text=self.search.text(), record_id=int(self.record.text()) if self.record.text() else None,
        )

    def refresh(self) -> None:
        flt = self.current_filter()
        if flt is None:
            return
        sort, descending = query_sort(self.table, SORTS)
        self.model.reload(lambda after, offset: list_events(self.db, flt, after, limit=PAGE_SIZE, sort=sort,
                                                            descending=descending, offset=offset))
        if flt.text:
            more = "+" if self.model.canFetchMore() else ""
            self.count_label.setText(f"{vn_number(self.model.rowCount())}{more} sự kiện khớp")
        else:
            self.count_label.setText(f"{vn_number(count_events(self.db, flt))} sự kiện")
        self.panel.show_detail(None)

    def _selection_changed(self, *_args) -> None:
        event_id = selected_row_id(self.table)
        self.panel.show_detail(event_detail(self.db, event_id) if event_id is not None else None)

    # The chain check -----------------------------------------------------------------------------

    def check_chain(self) -> None:
        self.check_button.setEnabled(False)
        self.task = run_in_background(self, "Đang kiểm tra chuỗi nhật ký và đối chiếu với dữ liệu…",
                                      lambda: check_audit_trail(self.db), on_done=self._checked)
        self.task.finished.connect(lambda: self.check_button.setEnabled(True))

    def _checked(self, report: TrailReport) -> None:
        if report.ok:
            messages.show_info(self, report.summary(), CHECK_LABEL)
        else:
            messages.show_error(self, report.summary(), CHECK_LABEL)
