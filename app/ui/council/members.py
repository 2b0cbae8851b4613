"""The council's members on the council page: who they are, their role and term, and whether they serve
today; added, edited and deleted through a dialog; the council's rules beside them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.services.council import (
    CouncilMemberRow,
    delete_council_member,
    get_council_member,
    get_council_rules,
    list_council_members,
)
from app.services.workspace import Database
from app.ui.council.member_dialog import CouncilMemberDialog, CouncilRulesDialog
from app.ui.kit.list_page import ListPage
from app.ui.kit.row_table import CENTER, RowColumn, RowTableModel, row_table_view
from app.ui.kit.widgets import add_button


def serving_text(member: CouncilMemberRow) -> str:
    if member.serving:
        return "Đang là thành viên"
    return "Chưa đến nhiệm kỳ" if member.term_from > dt.date.today() else "Đã hết nhiệm kỳ"


MEMBER_COLUMNS = [
    RowColumn("Họ và tên", lambda m: m.name, 190, sort="name"),
    RowColumn("Chức vụ, đơn vị", lambda m: m.position, 230, stretch=True, sort="position"),
    RowColumn("Vai trò", lambda m: m.role_label, 120, sort="role"),
    RowColumn("Nhiệm kỳ", lambda m: m.term_text, 170, sort="term"),
    RowColumn("Hiện nay", lambda m: serving_text(m), 150, CENTER, sort="serving"),
]
ROLE = 2  # the minutes' order: chair, vice-chairs, members, secretary


def rules_text(db: Database) -> str:
    rules = get_council_rules(db)
    counters = ", ".join(rules.ballot_counters) or "chưa ghi (ghi trong Quy chế Hội đồng hoặc từng phiên họp)"
    return (f"Quy chế: họp khi có mặt ít nhất {rules.quorum_text} tổng số thành viên. "
            f"Ban kiểm phiếu mặc định: {counters}.")


class MembersList(ListPage):
    model: RowTableModel

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.model = RowTableModel(MEMBER_COLUMNS, self)
        row = QHBoxLayout()
        self.add_button = add_button(row, "Thêm thành viên…", self.add_member)
        self.edit_button = add_button(row, "Sửa…", self.edit_selected)
        self.delete_button = add_button(row, "Xóa", self.delete_selected)
        row.addStretch(1)
        self.rules_button = add_button(row, "Quy chế Hội đồng…", self.edit_rules)
        self.selection_buttons = (self.edit_button, self.delete_button)
        self.rules_label = QLabel()
        self.rules_label.setWordWrap(True)
        self.lay_out([row, self._rules_row()], self.use_table(row_table_view(self.model)))
        self.sort_by_columns(default=ROLE)
        self.selection_changed()

    def _rules_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.rules_label, 1)
        return row

    def refresh(self, select: int | None = None) -> None:
        self.show_rows(list_council_members(self.db, **self.sorted_by()), "thành viên", select)
        self.rules_label.setText(rules_text(self.db))
        self.selection_changed()

    def add_member(self) -> None:
        self.open_dialog(CouncilMemberDialog(self.db, parent=self))

    def edit_dialog(self, record_id: int) -> CouncilMemberDialog:
        return CouncilMemberDialog(self.db, get_council_member(self.db, record_id), parent=self)

    def edit_rules(self) -> None:
        self.open_dialog(CouncilRulesDialog(self.db, parent=self))

    def delete_selected(self) -> None:
        member: CouncilMemberRow | None = self.selected()
        if member is not None and self.delete_confirmed(
                f"Xóa “{member.name}” khỏi danh sách thành viên Hội đồng?\n(Người đã dự họp thì không xóa "
                "được; hãy ghi ngày hết nhiệm kỳ.)", "Xóa thành viên",
                lambda: delete_council_member(self.db, member.id)):
            self.refresh()
