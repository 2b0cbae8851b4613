"""The private-vote mode: a full-screen view each member present uses in turn. Between voters the screen
shows only how many have voted; a voter sees only the choices; nothing of the result shows until the
chair (typing their own name) ends the vote. Escape and closing the window do nothing meanwhile."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.models import BallotMark, PollEntryMode
from app.rules.vntext import normalize_text
from app.services.council import (
    AgendaItemView,
    MeetingView,
    PrivateProgress,
    cast_private_ballot,
    close_poll,
    get_meeting,
    private_progress,
)
from app.services.workspace import Database
from app.ui.council.tab import run_action
from app.ui.kit import messages

WAITING, VOTING, RESULTS = range(3)
CHOICES = ((BallotMark.YES, "Đồng ý"), (BallotMark.NO, "Không đồng ý"), (BallotMark.BLANK, "Để trống"))


def big(text: str, size: int = 20, bold: bool = True) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSize(size)
    font.setBold(bold)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


def same_name(typed: str, name: str) -> bool:
    return normalize_text(typed).casefold() == normalize_text(name).casefold() != ""


class PrivateVoteWindow(QDialog):
    def __init__(self, db: Database, meeting: MeetingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.meeting = db, meeting
        self.items = [i for i in meeting.agenda if i.poll is not None and not i.poll.closed
                      and i.poll.entry_mode is PollEntryMode.PRIVATE]
        self.released = False  # the chair let the window close
        self.groups: dict[int, QButtonGroup] = {}
        self.setWindowTitle("Bỏ phiếu kín trên máy")
        self.stack = QStackedWidget()
        self.stack.addWidget(self._waiting_page())
        self.stack.addWidget(self._voting_page())
        self.stack.addWidget(self._results_page())
        QVBoxLayout(self).addWidget(self.stack)
        self.show_waiting(private_progress(db, meeting.id))
        self.setWindowState(Qt.WindowState.WindowFullScreen)

    # The three screens -----------------------------------------------------------------------------

    def _waiting_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(big("Bỏ phiếu kín", 26))
        self.progress_label = big("", 20, bold=False)
        layout.addWidget(self.progress_label)
        self.next_button = QPushButton("Mời thành viên tiếp theo")
        self.next_button.setMinimumHeight(56)
        self.next_button.setFont(big("", 16).font())
        self.next_button.clicked.connect(self.show_voting)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        chair = QHBoxLayout()
        chair.addStretch(1)
        self.pause_button = QPushButton("Chủ tọa: tạm dừng…")
        self.pause_button.clicked.connect(self.pause)
        self.close_button = QPushButton("Chủ tọa: kết thúc bỏ phiếu…")
        self.close_button.clicked.connect(self.end_vote)
        chair.addWidget(self.pause_button)
        chair.addWidget(self.close_button)
        layout.addLayout(chair)
        return page

    def _voting_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(big("Phiếu bầu — chọn ý kiến cho từng người rồi bấm “Bỏ phiếu”", 18))
        layout.addWidget(big("Không ai khác nhìn thấy lựa chọn của bạn. Bỏ trống là “để trống”.", 12, False))
        self.voter_label = big("", 12, False)
        layout.addWidget(self.voter_label)
        sheet = QWidget()
        choices = QGridLayout(sheet)
        choices.setVerticalSpacing(18)
        for row, item in enumerate(self.items):
            choices.addWidget(big(f"{item.nominee_name}\n{item.form_name}", 14), row, 0)
            group = QButtonGroup(page)
            for column, (mark, label) in enumerate(CHOICES, start=1):
                button = QRadioButton(label)
                button.setFont(big("", 14, False).font())
                group.addButton(button, column)
                button.setProperty("mark", mark.value)
                choices.addWidget(button, row, column)
            self.groups[item.id] = group
        choices.setRowStretch(len(self.items), 1)
        scroll = QScrollArea()  # many nominees: the ballot scrolls, the button stays in view
        scroll.setWidget(sheet)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        self.cast_button = QPushButton("Bỏ phiếu")
        self.cast_button.setMinimumHeight(56)
        self.cast_button.setFont(big("", 16).font())
        self.cast_button.clicked.connect(self.cast)
        layout.addWidget(self.cast_button, 0, Qt.AlignmentFlag.AlignHCenter)
        return page

    def _results_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(big("Kết quả bỏ phiếu", 24))
        self.results_label = big("", 14, bold=False)
        layout.addWidget(self.results_label, 1)
        self.back_button = QPushButton("Trở về phiên họp")
        self.back_button.setMinimumHeight(48)
        self.back_button.setFont(big("", 14).font())
        self.back_button.clicked.connect(self.leave)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignHCenter)
        return page

    # Voting -----------------------------------------------------------------------------------------

    def show_waiting(self, progress: PrivateProgress) -> None:
        self.progress = progress
        for group in self.groups.values():  # the last voter's choices leave no trace on screen
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        if progress.remaining:
            text = f"Đã bỏ phiếu: {progress.voted}/{progress.present} thành viên có mặt."
        else:
            text = (f"Đã đủ {progress.voted}/{progress.present} thành viên có mặt bỏ phiếu.\n"
                    "Mời chủ tọa kết thúc bỏ phiếu.")
        self.progress_label.setText(text)
        self.next_button.setEnabled(progress.remaining > 0)
        self.stack.setCurrentIndex(WAITING)

    def show_voting(self) -> None:
        if self.progress.remaining <= 0:
            messages.show_error(self, f"Đã đủ {self.progress.present} thành viên có mặt bỏ phiếu; không nhận "
                                      "thêm phiếu.")
            return
        progress = self.progress
        self.voter_label.setText(f"Phiếu của thành viên thứ {progress.voted + 1}/{progress.present}")
        self.stack.setCurrentIndex(VOTING)

    def choose(self, item_id: int, mark: BallotMark) -> None:
        """Tick a choice (as the voter's click does)."""
        for button in self.groups[item_id].buttons():
            if button.property("mark") == mark.value:
                button.setChecked(True)

    def choices(self) -> dict[int, BallotMark]:
        chosen = {}
        for item_id, group in self.groups.items():
            button = group.checkedButton()
            chosen[item_id] = BallotMark(button.property("mark")) if button else BallotMark.BLANK
        return chosen

    def cast(self) -> None:
        choices = self.choices()
        done, progress = run_action(self, lambda: cast_private_ballot(self.db, self.meeting.id, choices))
        self.show_waiting(progress if done else private_progress(self.db, self.meeting.id))

    # The chair ---------------------------------------------------------------------------------------

    def chair_confirms(self, what: str) -> bool:
        label = f"Chủ tọa ({self.meeting.chair_name}) gõ họ và tên của mình để {what}:"
        typed = messages.ask_text(self, label, "Xác nhận của chủ tọa")
        if typed is None:
            return False
        if not same_name(typed, self.meeting.chair_name):
            messages.show_error(self, "Họ tên không đúng với chủ tọa phiên họp; bỏ phiếu vẫn tiếp tục.")
            return False
        return True

    def pause(self) -> None:
        if self.chair_confirms("tạm dừng (kết quả vẫn giữ kín, có thể bỏ phiếu tiếp sau)"):
            self.leave()

    def end_vote(self) -> None:
        progress = private_progress(self.db, self.meeting.id)
        if not self.chair_confirms("kết thúc bỏ phiếu và xem kết quả"):
            return
        question = (f"Kết thúc bỏ phiếu? Đã có {progress.voted}/{progress.present} thành viên có mặt bỏ phiếu"
                    + (f"; {progress.remaining} người chưa bỏ phiếu sẽ không bỏ phiếu được nữa." if
                       progress.remaining else "."))
        if not messages.ask_yes_no(self, question, "Kết thúc bỏ phiếu"):
            return
        for poll_id in (item.poll.id for item in self.items if item.poll is not None):
            if not run_action(self, partial(close_poll, self.db, poll_id))[0]:
                return
        self.show_results()

    def show_results(self) -> None:
        view = get_meeting(self.db, self.meeting.id)
        wanted = {item.id for item in self.items}
        self.results_label.setText("\n\n".join(result_line(i) for i in view.agenda if i.id in wanted))
        self.stack.setCurrentIndex(RESULTS)

    def leave(self) -> None:
        self.released = True
        self.accept()

    # Nothing leaves the screen without the chair ------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.released:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.released:
            super().closeEvent(event)
        else:
            event.ignore()


def result_line(item: AgendaItemView) -> str:
    poll = item.poll
    return f"{item.nominee_name} — {item.form_name}\n{poll.result_text if poll else ''}"
