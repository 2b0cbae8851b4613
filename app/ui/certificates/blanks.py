"""The register of blanks (sổ phôi giấy khen): what was received, used and spoiled, what is left, and the
forms "Nhận phôi" and "Phôi hỏng"; a line typed by mistake can be deleted."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.models import BlankEntryKind
from app.rules.vntext import normalize_text, vn_number
from app.services.certificates import BlankInput, BlankStock, blank_stock, delete_blank_entry, record_blanks
from app.services.workspace import Database
from app.ui.certificates.choices import allow_edits, may_edit
from app.ui.certificates.columns import BLANK_COLUMNS
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.list_page import ListPage
from app.ui.kit.row_table import RowTableModel, row_table_view
from app.ui.kit.widgets import ErrorLabel, Form, ValueReader, VnDateEdit, add_button, ok_cancel_buttons

TITLES = {BlankEntryKind.RECEIVED: "Nhận phôi giấy khen", BlankEntryKind.SPOILED: "Phôi hỏng (chưa in)"}
HINTS = {
    BlankEntryKind.RECEIVED: "Số phôi nhận về. Nếu phôi có in số sê-ri, ghi số đầu và số cuối của lô.",
    BlankEntryKind.SPOILED: ("Phôi hỏng trước khi in (rách, bẩn, mất). Tờ in hỏng thì ghi ở quyết định "
                             "(“Giấy khen đã in” › “Hỏng phôi / in lại”), không ghi ở đây."),
}


def stock_text(stock: BlankStock) -> str:
    """'Đã nhận 200 · đã in 35 (3 tờ in hỏng) · hỏng trước khi in 2 · còn lại 163 phôi'."""
    misprinted = f" ({vn_number(stock.misprinted)} tờ in hỏng)" if stock.misprinted else ""
    return (f"Đã nhận {vn_number(stock.received)} · đã in {vn_number(stock.used)}{misprinted} · "
            f"hỏng trước khi in {vn_number(stock.spoiled)} · <b>còn lại {vn_number(stock.left)} phôi</b>")


class BlankDialog(FormDialog):
    """One line of the register: blanks received, or spoiled before printing."""

    def __init__(self, db: Database, kind: BlankEntryKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.kind = db, kind
        self.saved_id: int | None = None
        self.setWindowTitle(TITLES[kind])
        self.form = Form()
        self.day_edit = self.form.add_row("day", "Ngày", VnDateEdit())
        self.day_edit.set_date(dt.date.today())
        self.count_edit = self.form.add_row("count", "Số phôi", QLineEdit())
        self.serial_from_edit = self.form.add_row("serial_from", "Sê-ri từ số", QLineEdit())
        self.serial_to_edit = self.form.add_row("serial_to", "Sê-ri đến số", QLineEdit())
        self.note_edit = self.form.add_row("note", "Ghi chú", QLineEdit())
        hint = QLabel(HINTS[kind])
        hint.setWordWrap(True)
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Lưu")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (hint, self.form, self.general_error, self.buttons):
            layout.addWidget(widget)
        self.resize(480, 0)

    def submit(self) -> None:
        read = ValueReader()
        day = read.date("day", "Ngày", self.day_edit.text())
        count = read.integer("count", "Số phôi", self.count_edit.text())
        if count is None and "count" not in read.errors:
            read.errors["count"] = "Số phôi: không được để trống."
        read.raise_if_any()
        data = BlankInput(kind=self.kind, day=day, count=count or 0,
                          serial_from=normalize_text(self.serial_from_edit.text()),
                          serial_to=normalize_text(self.serial_to_edit.text()), note=self.note_edit.text())
        self.saved_id = record_blanks(self.db, data).id


class BlanksView(ListPage):
    model: RowTableModel

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.model = RowTableModel(BLANK_COLUMNS, self)
        self.stock_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.stock_label, 1)
        self.receive_button = add_button(row, "Nhận phôi…", lambda: self.add(BlankEntryKind.RECEIVED))
        self.spoil_button = add_button(row, "Phôi hỏng…", lambda: self.add(BlankEntryKind.SPOILED))
        self.delete_button = add_button(row, "Xóa dòng", self.delete_selected)
        self.selection_buttons = (self.delete_button,) if may_edit(db) else ()
        allow_edits(db, self.receive_button, self.spoil_button, self.delete_button)
        self.lay_out([row], self.use_table(row_table_view(self.model), edits=False))
        self.sort_by_columns(default=0, descending=True)  # newest first
        self.selection_changed()

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        stock = blank_stock(self.db, **self.sorted_by())
        self.stock_label.setText(stock_text(stock))
        self.show_rows(stock.entries, "dòng trong sổ phôi", select)
        self.selection_changed()

    def add(self, kind: BlankEntryKind) -> None:
        self.open_dialog(BlankDialog(self.db, kind, parent=self))

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = (f"Xóa dòng “{row.kind.label} — {vn_number(row.count)} phôi” ngày "
                    f"{row.day:%d/%m/%Y} khỏi sổ phôi?\n"
                    "(Chỉ xóa dòng ghi nhầm; nhật ký thay đổi vẫn giữ lại.)")
        if self.delete_confirmed(question, "Xóa dòng sổ phôi", lambda: delete_blank_entry(self.db, row.id)):
            self.refresh()
