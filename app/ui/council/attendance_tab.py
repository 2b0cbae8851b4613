"""Attendance: every member serving on the meeting's day, present, absent with a written opinion, or
absent, each change saved at once so the quorum shown is the one the services count; the chair's
override of a missing quorum, with its reason."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.models import AttendanceStatus
from app.services.council import AttendanceInput, MeetingView, override_quorum, set_attendance
from app.services.workspace import Database
from app.ui.council.tab import MeetingTab, grid, text_item
from app.ui.kit import messages
from app.ui.kit.widgets import add_button, select_data

HEADERS = ["Họ và tên", "Chức vụ, đơn vị", "Vai trò", "Điểm danh"]
STATUS = 3


class AttendanceTab(MeetingTab):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.table = grid(HEADERS, 1)
        self.table.setColumnWidth(0, 190)
        self.table.setColumnWidth(2, 120)
        self.table.setColumnWidth(STATUS, 290)
        self.combos: list[QComboBox] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._override_box())

    def _override_box(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.override_label = QLabel("Thiếu số thành viên — chủ tọa vẫn cho biểu quyết, lý do:")
        self.reason_edit = QLineEdit(placeholderText="ghi lý do, sẽ đưa vào biên bản họp")
        row.addWidget(self.override_label)
        row.addWidget(self.reason_edit, 1)
        self.override_button = add_button(row, "Ghi lý do", self.save_override)
        self.withdraw_button = add_button(row, "Bỏ", self.withdraw_override)
        self.override_box = box
        return box

    def show_view(self, view: MeetingView) -> None:
        super().show_view(view)
        self.table.setRowCount(len(view.members))
        self.combos = []
        for number, member in enumerate(view.members):
            for column, text in enumerate((member.name, member.position, member.role_label)):
                self.table.setItem(number, column, text_item(text, member.member_id))
            if view.closed:  # read-only: the status as plain text
                self.table.removeCellWidget(number, STATUS)
                self.table.setItem(number, STATUS, text_item(member.status_label))
            else:
                self.table.setCellWidget(number, STATUS, self._status_combo(member.status))
        quorum = view.quorum
        self.override_box.setVisible(not view.closed and (not quorum.reached or bool(quorum.override_reason)))
        self.reason_edit.setText(quorum.override_reason)
        self.withdraw_button.setEnabled(bool(quorum.override_reason))

    def _status_combo(self, status: AttendanceStatus) -> QComboBox:
        combo = QComboBox()
        for choice in AttendanceStatus:
            combo.addItem(choice.label, choice.value)
        select_data(combo, status.value)
        combo.currentIndexChanged.connect(lambda _index: self.save())
        self.combos.append(combo)
        return combo

    def set_status(self, row: int, status: AttendanceStatus) -> None:
        select_data(self.combos[row], status.value)

    def save(self) -> None:
        view = self.view
        if view is None:
            return
        rows = [AttendanceInput(member.member_id, AttendanceStatus(combo.currentData()))
                for member, combo in zip(view.members, self.combos, strict=True)]
        self.act(lambda: set_attendance(self.db, view.id, rows, view.version))

    def save_override(self) -> None:
        if self.view is None:
            return
        meeting_id, reason = self.view.id, self.reason_edit.text()
        if not reason.strip():
            messages.show_error(self, "Lý do vẫn biểu quyết khi chưa đủ số thành viên: hãy ghi lý do.")
            return
        self.act(lambda: override_quorum(self.db, meeting_id, reason))

    def withdraw_override(self) -> None:
        if self.view is not None:
            meeting_id = self.view.id
            self.act(lambda: override_quorum(self.db, meeting_id, ""))
