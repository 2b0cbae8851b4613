"""The meeting's agenda: the nominations ready for the council (appraised, of a form the council votes
on, from any round) ticked onto it, each with its round."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.services.council import MeetingView, agenda_candidates, set_agenda
from app.services.workspace import Database
from app.ui.council.tab import MeetingTab, cell, grid, row_data, text_item
from app.ui.kit.widgets import add_button

HEADERS = ["Đưa vào", "Đối tượng", "Hình thức khen thưởng", "Đợt xét"]
EXPLAIN = ("Đánh dấu các hồ sơ Hội đồng xét trong phiên họp này rồi bấm “Lưu chương trình”. Danh sách gồm "
           "các hồ sơ đã thẩm định của mọi đợt xét, thuộc hình thức cần Hội đồng biểu quyết.")


class AgendaTab(MeetingTab):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.explain = QLabel(EXPLAIN)
        self.explain.setWordWrap(True)
        self.table = grid(HEADERS, 2)
        self.table.setColumnWidth(0, 80)
        self.table.setColumnWidth(1, 220)
        self.table.setColumnWidth(3, 220)
        self.table.itemChanged.connect(lambda _item: self._count())
        row = QHBoxLayout()
        self.count_label = QLabel()
        row.addWidget(self.count_label, 1)
        self.save_button = add_button(row, "Lưu chương trình", self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def show_view(self, view: MeetingView) -> None:
        super().show_view(view)
        rows = [(item.nomination_id, item.nominee_name, item.form_name, item.round_name, True)
                for item in view.agenda]
        if not view.closed:
            on_agenda = {item.nomination_id for item in view.agenda}
            rows += [(c.nomination_id, c.nominee_name, c.form_name, c.round_name, False)
                     for c in agenda_candidates(self.db, view.id) if c.nomination_id not in on_agenda]
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for number, (nomination_id, name, form, round_name, chosen) in enumerate(rows):
            self.table.setItem(number, 0, self._check_item(nomination_id, chosen, view.closed))
            for column, text in enumerate((name, form, round_name), start=1):
                self.table.setItem(number, column, text_item(text))
        self.table.blockSignals(False)
        self.explain.setVisible(not view.closed)
        self.save_button.setVisible(not view.closed)
        self._count()

    def _check_item(self, nomination_id: int, chosen: bool, closed: bool):
        item = text_item("", nomination_id)
        if not closed:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        return item

    def chosen_ids(self) -> list[int]:
        closed = self.view is not None and self.view.closed
        return [row_data(self.table, row) for row in range(self.table.rowCount())
                if closed or cell(self.table, row).checkState() == Qt.CheckState.Checked]

    def set_chosen(self, nomination_id: int, chosen: bool) -> None:
        """Tick or untick one nomination (as a click on its box does)."""
        for row in range(self.table.rowCount()):
            item = cell(self.table, row)
            if item.data(Qt.ItemDataRole.UserRole) == nomination_id:
                item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    def _count(self) -> None:
        if self.table.rowCount() == 0:
            self.count_label.setText("Chưa có hồ sơ nào đã thẩm định chờ Hội đồng xét.")
        else:
            self.count_label.setText(f"Chương trình: {len(self.chosen_ids())} hồ sơ.")

    def save(self) -> None:
        view = self.view
        if view is not None:
            self.act(lambda: set_agenda(self.db, view.id, self.chosen_ids(), view.version))
