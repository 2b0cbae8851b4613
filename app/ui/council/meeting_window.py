"""One meeting of the council in its own window: its particulars and quorum on top, then the agenda,
the attendance, the written opinions and the votes; closing it locks everything (a closed meeting is
shown read-only and says so)."""

from __future__ import annotations

import html
from functools import partial

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.services.accounts import may_take
from app.services.council import MeetingView, close_meeting, get_meeting
from app.services.workspace import Database
from app.ui.council.agenda_tab import AgendaTab
from app.ui.council.attendance_tab import AttendanceTab
from app.ui.council.meeting_form import edit_meeting_details
from app.ui.council.opinions_tab import OpinionsTab
from app.ui.council.polls_tab import PollsTab
from app.ui.council.tab import CLOSED_NOTE, MeetingTab, run_action
from app.ui.kit import messages
from app.ui.kit.document_preview import show_document
from app.ui.kit.widgets import add_button, restore_geometry, save_geometry

REACHED_STYLE = "background: #e3f4e6; color: #14632d; border: 1px solid #9fd3ab; padding: 4px;"
MISSING_STYLE = "background: #fdeceb; color: #8c1d18; border: 1px solid #eba7a2; padding: 4px;"
CLOSED_STYLE = "background: #fff6dd; color: #6b4e00; border: 1px solid #e6c976; padding: 4px;"
LEADER_ONLY = "Chỉ lãnh đạo mới được kết thúc phiên họp và ghi kết quả bình xét."
PAPER_BUTTONS = (("phieu-bau", "In phiếu bầu…"), ("kiem-phieu", "Biên bản kiểm phiếu…"),
                 ("bien-ban", "Biên bản họp…"))  # the kinds of app.services.council.PAPERS
AGENDA_TAB, ATTENDANCE_TAB, OPINIONS_TAB, POLLS_TAB = range(4)


def header_html(view: MeetingView) -> str:
    when = f"{view.time_text}, {view.date_text}" if view.time_text else view.date_text.capitalize()
    counters = ", ".join(view.ballot_counters) or "chưa ghi"
    return (f"<b>Phiên họp Hội đồng Thi đua - Khen thưởng {html.escape(when)}</b> — "
            f"{html.escape(view.place or 'chưa ghi địa điểm')} &nbsp;·&nbsp; {html.escape(view.status_label)}"
            f"<br>Chủ trì: {html.escape(view.chair_name)} &nbsp;·&nbsp; Thư ký: "
            f"{html.escape(view.secretary_name)} &nbsp;·&nbsp; Ban kiểm phiếu: {html.escape(counters)}")


def closing_question(view: MeetingView) -> str:
    lines = [f"Kết thúc phiên họp {view.date_text}?", ""]
    for item in view.agenda:
        poll = item.poll
        result = ("đạt" if poll.passed else "không đạt") if poll and poll.closed else "chưa biểu quyết"
        lines.append(f"• {item.nominee_name} — {item.form_name}: {result}")
    lines += ["", "Sau khi kết thúc, điểm danh, ý kiến và kết quả biểu quyết không sửa được nữa; kết quả "
                  "được ghi vào từng hồ sơ. Muốn điều chỉnh phải họp một phiên mới."]
    return "\n".join(lines)


class MeetingWindow(QDialog):
    def __init__(self, db: Database, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.meeting_id = db, meeting_id
        self.saved_id: int | None = meeting_id
        self.view = get_meeting(db, meeting_id)
        self.setWindowTitle(f"Phiên họp Hội đồng ngày {self.view.held_on:%d/%m/%Y}")
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.quorum_label = QLabel()
        self.quorum_label.setWordWrap(True)
        self.closed_label = QLabel(CLOSED_NOTE)
        self.closed_label.setStyleSheet(CLOSED_STYLE)
        self.agenda = AgendaTab(db)
        self.attendance = AttendanceTab(db)
        self.opinions = OpinionsTab(db)
        self.polls = PollsTab(db)
        self.tabs = QTabWidget()
        for tab, title in ((self.agenda, "1. Chương trình"), (self.attendance, "2. Điểm danh"),
                           (self.opinions, "3. Ý kiến bằng văn bản"), (self.polls, "4. Biểu quyết")):
            self.tabs.addTab(tab, title)
            tab.changed.connect(self.reload)
        layout = QVBoxLayout(self)
        for widget in (self.header, self.quorum_label, self.closed_label):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._buttons())
        self.show_view(self.view)
        if not restore_geometry(self, "council_meeting", db.data_dir):
            self.resize(1060, 600)

    def _buttons(self) -> QHBoxLayout:
        self.button_row = QHBoxLayout()
        self.details_button = add_button(self.button_row, "Sửa thông tin phiên họp…", self.edit_details)
        self.button_row.addStretch(1)
        self.paper_buttons = {kind: add_button(self.button_row, text, partial(self.show_paper, kind))
                              for kind, text in PAPER_BUTTONS}
        self.button_row.addSpacing(12)
        self.close_meeting_button = add_button(self.button_row, "Kết thúc cuộc họp…", self.close_meeting)
        add_button(self.button_row, "Đóng", self.accept)
        return self.button_row

    def tabs_list(self) -> list[MeetingTab]:
        return [self.agenda, self.attendance, self.opinions, self.polls]

    def reload(self) -> None:
        done, view = run_action(self, lambda: get_meeting(self.db, self.meeting_id))
        if done and view is not None:
            self.show_view(view)

    def show_view(self, view: MeetingView) -> None:
        self.view = view
        self.header.setText(header_html(view))
        quorum = view.quorum
        cannot = "Phiên họp không biểu quyết được." if view.closed else "Chưa biểu quyết được."
        self.quorum_label.setText(quorum.text if quorum.can_decide else f"{quorum.text} {cannot}")
        self.quorum_label.setStyleSheet(REACHED_STYLE if quorum.can_decide else MISSING_STYLE)
        self.closed_label.setVisible(view.closed)
        if view.closed:
            self.closed_label.setText(f"{CLOSED_NOTE} (Kết thúc lúc {view.closing_time_text}.)")
        for widget in (self.details_button, self.close_meeting_button):
            widget.setVisible(not view.closed)
        leader = may_take(self.db.actor, "pass")
        self.close_meeting_button.setEnabled(leader)
        self.close_meeting_button.setToolTip("" if leader else LEADER_ONLY)
        for tab in self.tabs_list():
            tab.show_view(view)

    def show_paper(self, kind: str) -> None:
        """One of the meeting's papers in the preview (saved from there as Word and PDF, or printed)."""
        from app.services.council import meeting_papers  # the papers load when first asked for

        db, meeting_id = self.db, self.meeting_id
        show_document(self, db.data_dir, lambda: meeting_papers(db, meeting_id, (kind,))[0].document)

    def edit_details(self) -> None:
        if edit_meeting_details(self, self.db, self.view):
            self.reload()

    def close_meeting(self) -> None:
        view = self.view
        if not messages.ask_yes_no(self, closing_question(view), "Kết thúc cuộc họp"):
            return
        done, closed = run_action(self, lambda: close_meeting(self.db, view.id,
                                                              expected_version=view.version))
        if done and closed is not None:
            self.show_view(closed)
        else:
            self.reload()

    def done(self, result: int) -> None:
        save_geometry(self, "council_meeting", self.db.data_dir)
        super().done(result)

