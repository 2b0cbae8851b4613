"""The council's meetings on the council page: newest first, with quorum and results; a new meeting,
and each one opened in its own window."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from app.services.council import MeetingRow, delete_meeting, list_meetings
from app.services.workspace import Database
from app.ui.council.meeting_form import MeetingDialog
from app.ui.kit.list_page import ListPage, open_non_modal
from app.ui.kit.operations import service_call
from app.ui.kit.row_table import CENTER, RowColumn, RowTableModel, row_table_view
from app.ui.kit.widgets import add_button


def quorum_cell(row: MeetingRow) -> str:
    enough = "đủ" if row.quorum_reached else "không đủ"
    return f"{row.members_present}/{row.members_total} ({enough})"


def results_cell(row: MeetingRow) -> str:
    if not row.agenda_count:
        return "Chưa có hồ sơ"
    voted = row.passed_count + row.failed_count
    if not voted:
        return f"{row.agenda_count} hồ sơ, chưa có kết quả"
    text = f"{row.agenda_count} hồ sơ: {row.passed_count} đạt, {row.failed_count} không đạt"
    return text if voted == row.agenda_count else f"{text}, {row.agenda_count - voted} chưa xong"


MEETING_COLUMNS = [
    RowColumn("Ngày họp", lambda m: m.date_text, 95, CENTER, sort="held_on"),
    RowColumn("Giờ", lambda m: m.starts_at.strftime("%H:%M") if m.starts_at else "", 50, CENTER,
              sort="starts_at"),
    RowColumn("Địa điểm", lambda m: m.place, 150, sort="place"),
    RowColumn("Chủ trì", lambda m: m.chair_name, 140, sort="chair_name"),
    RowColumn("Trạng thái", lambda m: m.status_label, 95, sort="status"),
    RowColumn("Có mặt", quorum_cell, 90, CENTER, sort="members_present"),
    RowColumn("Kết quả", results_cell, 240, stretch=True, sort="agenda_count"),
]


class MeetingsList(ListPage):
    model: RowTableModel
    refresh_when_closed = True  # a meeting window changes the list however it is closed

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.model = RowTableModel(MEETING_COLUMNS, self)
        row = QHBoxLayout()
        self.new_button = add_button(row, "Cuộc họp mới…", self.new_meeting)
        self.open_button = add_button(row, "Mở phiên họp…", self.edit_selected)
        self.delete_button = add_button(row, "Xóa", self.delete_selected)
        row.addStretch(1)
        self.selection_buttons = (self.open_button, self.delete_button)
        self.lay_out([row], self.use_table(row_table_view(self.model)))
        self.sort_by_columns(default=0, descending=True)  # newest first
        self.selection_changed()

    def refresh(self, select: int | None = None) -> None:
        self.show_rows(list_meetings(self.db, **self.sorted_by()), "phiên họp", select)
        self.selection_changed()

    def new_meeting(self) -> None:
        dialog = MeetingDialog(self.db, parent=self)
        open_non_modal(dialog, lambda: self._created(dialog.saved_id))

    def _created(self, meeting_id: int | None) -> None:
        self.refresh(select=meeting_id)
        if meeting_id is not None:
            self.open_meeting(meeting_id)

    def edit_dialog(self, record_id: int):
        from app.ui.council.meeting_window import MeetingWindow  # loaded when a meeting is first opened

        return MeetingWindow(self.db, record_id, parent=self)

    def open_meeting(self, meeting_id: int) -> None:
        window = None
        with service_call(self) as call:
            window = self.edit_dialog(meeting_id)
        if call.ok and window is not None:
            self.open_dialog(window)

    def delete_selected(self) -> None:
        meeting: MeetingRow | None = self.selected()
        if meeting is not None and self.delete_confirmed(
                f"Xóa phiên họp ngày {meeting.date_text}? (Chỉ xóa được phiên họp chưa kết thúc và chưa có "
                "biểu quyết.)", "Xóa phiên họp", lambda: delete_meeting(self.db, meeting.id)):
            self.refresh()
