"""A meeting's particulars: day, time, place, chair, secretary, ballot counters; for a new meeting and
for one still open."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QPlainTextEdit, QWidget

from app.services.council import (
    MeetingInput,
    MeetingView,
    create_meeting,
    get_council_rules,
    list_council_members,
    update_meeting,
)
from app.services.workspace import Database
from app.ui.council.tab import lay_out_form
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.widgets import Form, ValueReader, VnDateEdit, select_data

TIME_PATTERN = re.compile(r"^(\d{1,2})\s*(?:[:hg]|giờ)\s*(\d{0,2})$")


def parse_time(text: str) -> dt.time | None:
    """'8:00', '08h30', '14 giờ' → a time; '' → None; ValueError otherwise."""
    raw = text.strip().lower()
    if not raw:
        return None
    found = TIME_PATTERN.match(raw)
    if found is None:
        raise ValueError(raw)
    return dt.time(int(found.group(1)), int(found.group(2) or 0))


class MeetingDialog(FormDialog):
    def __init__(self, db: Database, meeting: MeetingView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.meeting = db, meeting
        self.saved_id: int | None = meeting.id if meeting else None
        self.setWindowTitle("Sửa thông tin phiên họp" if meeting else "Cuộc họp mới của Hội đồng")
        self._build()
        self._load(meeting)
        self.resize(560, 0)

    def _build(self) -> None:
        self.form = Form()
        self.date_edit = self.form.add_row("held_on", "Ngày họp", VnDateEdit())
        self.date_edit.changed.connect(self._reload_people)
        self.time_edit = self.form.add_row("starts_at", "Giờ bắt đầu", QLineEdit())
        self.time_edit.setPlaceholderText("ví dụ 08:00")
        self.place_edit = self.form.add_row("place", "Địa điểm", QLineEdit())
        self.chair_combo = self.form.add_row("chair_id", "Chủ trì", QComboBox())
        self.secretary_combo = self.form.add_row("secretary_id", "Thư ký", QComboBox())
        self.counters_edit = self.form.add_row("ballot_counters", "Ban kiểm phiếu (mỗi dòng một người)",
                                               QPlainTextEdit())
        self.counters_edit.setMaximumHeight(70)
        self.counters_edit.setTabChangesFocus(True)
        self.note_edit = self.form.add_row("note", "Ghi chú", QLineEdit())
        lay_out_form(self, "Lưu" if self.meeting else "Tạo phiên họp")

    def _load(self, meeting: MeetingView | None) -> None:
        if meeting is None:
            self.date_edit.set_date(dt.date.today())
            self.time_edit.setText("08:00")
            self.counters_edit.setPlainText("\n".join(get_council_rules(self.db).ballot_counters))
            return
        self.date_edit.set_date(meeting.held_on)
        self.time_edit.setText(meeting.starts_at.strftime("%H:%M") if meeting.starts_at else "")
        self.place_edit.setText(meeting.place)
        self.counters_edit.setPlainText("\n".join(meeting.ballot_counters))
        self.note_edit.setText(meeting.note)
        select_data(self.chair_combo, meeting.chair_id)
        select_data(self.secretary_combo, meeting.secretary_id)

    def _reload_people(self) -> None:
        """The members serving on the day typed (all members while it is no date)."""
        try:
            day = self.date_edit.date()
        except ValueError:
            day = None
        members = list_council_members(self.db, on=day, serving_only=day is not None)
        for combo, pick in ((self.chair_combo, members[0].id if members else None),
                            (self.secretary_combo, members[-1].id if members else None)):
            current = combo.currentData() or pick
            combo.clear()
            combo.addItem("— Chọn thành viên —", None)
            for member in members:
                combo.addItem(f"{member.name} ({member.role_label})", member.id)
            select_data(combo, current)

    def submit(self) -> None:
        reader = ValueReader()
        held_on = reader.date("held_on", "Ngày họp", self.date_edit.text())
        try:
            starts_at = parse_time(self.time_edit.text())
        except ValueError:
            reader.errors["starts_at"] = "Giờ bắt đầu: ghi giờ:phút, ví dụ 08:00."
            starts_at = None
        reader.raise_if_any()
        counters = [line for line in self.counters_edit.toPlainText().splitlines() if line.strip()]
        data = MeetingInput(held_on=held_on, starts_at=starts_at, place=self.place_edit.text(),
                            chair_id=self.chair_combo.currentData(),
                            secretary_id=self.secretary_combo.currentData(), ballot_counters=counters,
                            note=self.note_edit.text())
        if self.meeting is None:
            self.saved_id = create_meeting(self.db, data)
        else:
            update_meeting(self.db, self.meeting.id, data, self.meeting.version)


def edit_meeting_details(parent: QWidget, db: Database, meeting: MeetingView) -> bool:
    """The particulars of an open meeting, modally; True once saved."""
    return MeetingDialog(db, meeting, parent).exec() == QDialog.DialogCode.Accepted
