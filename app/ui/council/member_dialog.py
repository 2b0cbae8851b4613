"""Add or edit a council member (name, position, role, term), and the council's rules (quorum, the
default ballot counters)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from app.models import CouncilRole
from app.services.council import (
    CouncilMemberInput,
    CouncilMemberRow,
    CouncilRules,
    create_council_member,
    get_council_rules,
    save_council_rules,
    update_council_member,
)
from app.services.workspace import Database
from app.ui.council.tab import lay_out_form
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.widgets import (
    Form,
    ValueReader,
    VnDateEdit,
    choice_combo,
    select_data,
)


class CouncilMemberDialog(FormDialog):
    def __init__(self, db: Database, member: CouncilMemberRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.member = db, member
        self.saved_id: int | None = member.id if member else None
        self.setWindowTitle(f"Sửa thành viên Hội đồng: {member.name}" if member
                            else "Thêm thành viên Hội đồng")
        self.form = Form()
        self.name_edit = self.form.add_row("name", "Họ và tên", QLineEdit())
        self.position_edit = self.form.add_row("position", "Chức vụ, đơn vị", QLineEdit())
        self.position_edit.setPlaceholderText("ví dụ: Phó Chủ tịch UBND xã")
        roles = choice_combo((role.label, role.value) for role in CouncilRole)
        self.role_combo = self.form.add_row("role", "Vai trò trong Hội đồng", roles)
        self.from_edit = self.form.add_row("term_from", "Nhiệm kỳ từ ngày", VnDateEdit())
        self.to_edit = self.form.add_row("term_to", "Đến ngày", VnDateEdit())
        self.to_edit.line.setPlaceholderText("để trống nếu vẫn đang là thành viên")
        self.note_edit = self.form.add_row("note", "Ghi chú", QPlainTextEdit())
        self.note_edit.setMaximumHeight(60)
        self.note_edit.setTabChangesFocus(True)
        lay_out_form(self, "Lưu")
        if member is not None:
            self._load(member)
        else:
            select_data(self.role_combo, CouncilRole.MEMBER.value)
        self.resize(520, 0)

    def _load(self, member: CouncilMemberRow) -> None:
        self.name_edit.setText(member.name)
        self.position_edit.setText(member.position)
        select_data(self.role_combo, member.role.value)
        self.from_edit.set_date(member.term_from)
        self.to_edit.set_date(member.term_to)
        self.note_edit.setPlainText(member.note)

    def submit(self) -> None:
        reader = ValueReader()
        data = CouncilMemberInput(
            name=self.name_edit.text(), position=self.position_edit.text(),
            role=CouncilRole(self.role_combo.currentData()),
            term_from=reader.date("term_from", "Nhiệm kỳ từ ngày", self.from_edit.text()),
            term_to=reader.date("term_to", "Đến ngày", self.to_edit.text()),
            note=self.note_edit.toPlainText(),
        )
        reader.raise_if_any()
        if self.member is None:
            self.saved_id = create_council_member(self.db, data)
        else:
            update_council_member(self.db, self.member.id, data, self.member.version)


class CouncilRulesDialog(FormDialog):
    """The council's own rules (Quy chế): how many members must be present, who counts the ballots."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.saved_id: int | None = None
        self.setWindowTitle("Quy chế Hội đồng")
        rules = get_council_rules(db)
        self.form = Form()
        self.numerator = QSpinBox(minimum=1, maximum=1000, value=rules.quorum_numerator)
        self.denominator = QSpinBox(minimum=1, maximum=1000, value=rules.quorum_denominator)
        self.form.add_row("quorum", "Số thành viên có mặt tối thiểu", self._fraction_row())
        self.counters_edit = self.form.add_row("ballot_counters", "Ban kiểm phiếu (mỗi dòng một người)",
                                               QPlainTextEdit("\n".join(rules.ballot_counters)))
        self.counters_edit.setTabChangesFocus(True)
        self.counters_edit.setMaximumHeight(90)
        lay_out_form(self, "Lưu")
        self.resize(560, 0)

    def _fraction_row(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("ít nhất"))
        row.addWidget(self.numerator)
        row.addWidget(QLabel("/"))
        row.addWidget(self.denominator)
        row.addWidget(QLabel("tổng số thành viên (mặc định 2/3)"), 1)
        return box

    def submit(self) -> None:
        counters = tuple(line for line in self.counters_edit.toPlainText().splitlines() if line.strip())
        save_council_rules(self.db, CouncilRules(self.numerator.value(), self.denominator.value(), counters))
