"""Ballot by ballot: the officer keys each paper ballot in turn, one row per ballot and one column per
nominee (1 = Đồng ý, 2 = Không đồng ý, 0 = để trống; X marks the whole ballot invalid; Enter saves it and
goes to the next). The totals are computed by the service from the ballots, never typed."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.models import BallotMark, PollEntryMode
from app.services.council import (
    AgendaItemView,
    MeetingView,
    PollView,
    add_paper_ballot,
    close_poll,
    get_poll,
    list_paper_ballots,
    remove_paper_ballot,
    set_ballots_issued,
)
from app.services.workspace import Database
from app.ui.council.tab import grid, run_action, text_item
from app.ui.kit.widgets import add_button

KEYS = {"1": BallotMark.YES, "2": BallotMark.NO, "0": BallotMark.BLANK}
SHORT = {BallotMark.YES: "Đồng ý", BallotMark.NO: "Không đồng ý", BallotMark.BLANK: "Để trống",
         BallotMark.INVALID: "—"}
HINT = ("Gõ cho từng người: <b>1</b> = Đồng ý, <b>2</b> = Không đồng ý, <b>0</b> = để trống. "
        "<b>X</b> = cả phiếu không hợp lệ. <b>Enter</b> = lưu phiếu, sang phiếu sau. "
        "<b>Backspace</b> = sửa ô trước.")
TOTAL_HEADERS = ["Đối tượng", "Đồng ý", "Không đồng ý", "Để trống", "Hợp lệ", "Không hợp lệ", "Kết quả"]


class KeyedTable(QTableWidget):
    """The ballot grid: the keys that mark a ballot are handed to the dialog, not to the table."""

    keyed = Signal(int, str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text().lower()
        if text in KEYS or text == "x" or event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter,
                                                          Qt.Key.Key_Backspace):
            self.keyed.emit(event.key(), text)
            return
        super().keyPressEvent(event)


def ballot_polls(view: MeetingView) -> list[AgendaItemView]:
    return [item for item in view.agenda if item.poll is not None and not item.poll.closed
            and item.poll.entry_mode is PollEntryMode.BALLOTS]


def totals_row(name: str, poll: PollView) -> list[str]:
    valid, yes, no = poll.ballots_valid or 0, poll.yes_votes or 0, poll.no_votes or 0
    result = poll.result_text if poll.closed else "; ".join(poll.problems) or "Số phiếu khớp"
    invalid = poll.ballots_invalid or 0
    return [name, str(yes), str(no), str(valid - yes - no), str(valid), str(invalid), result]


class BallotEntryDialog(QDialog):
    def __init__(self, db: Database, meeting: MeetingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.meeting_id = db, meeting.id
        self.items = ballot_polls(meeting)
        self.marks: dict[int, BallotMark] = {}
        self.invalid = False
        self.column = 0
        self.finished_entry = False
        self.setWindowTitle(f"Nhập từng phiếu bầu — phiên họp {meeting.date_text}")
        self._build()
        self.reload()
        self.resize(1000, 580)

    def _build(self) -> None:
        headers = ["Phiếu số", *(f"{i.nominee_name}" for i in self.items), "Không hợp lệ"]
        self.table = KeyedTable(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(0, 70)
        for column in range(1, len(headers)):
            self.table.setColumnWidth(column, 140)
        self.table.keyed.connect(self.key)
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        self.totals = grid(TOTAL_HEADERS, 6, select_rows=False)
        for column, width in enumerate((180, 70, 100, 75, 65, 100)):
            self.totals.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel("Tổng hợp (máy tự tính từ các phiếu đã nhập):"))
        layout.addWidget(self.totals, 2)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("Số phiếu phát ra:"))
        self.issued_spin = QSpinBox(minimum=0, maximum=1000)
        row.addWidget(self.issued_spin)
        self.issued_button = add_button(row, "Ghi", self.save_issued)
        self.invalid_button = QPushButton("Cả phiếu không hợp lệ (X)")
        self.invalid_button.setCheckable(True)
        self.invalid_button.toggled.connect(self._set_invalid)
        row.addWidget(self.invalid_button)
        self.remove_button = add_button(row, "Xóa phiếu đã chọn", self.remove_selected)
        row.addStretch(1)
        self.finish_button = add_button(row, "Kết thúc nhập phiếu và tính kết quả", self.finish)
        add_button(row, "Đóng", self.accept)
        return row

    # Reading --------------------------------------------------------------------------------------

    def polls(self) -> list[PollView]:
        return [get_poll(self.db, item.poll.id) for item in self.items if item.poll is not None]

    def reload(self) -> None:
        ballots = list_paper_ballots(self.db, self.meeting_id)
        self.table.setRowCount(len(ballots) + (0 if self.finished_entry else 1))
        for row, ballot in enumerate(ballots):
            invalid = any(mark is BallotMark.INVALID for mark in ballot.marks.values())
            marks = (SHORT[ballot.marks.get(i.id, BallotMark.BLANK)] for i in self.items)
            cells = [str(ballot.number), *marks, "Không hợp lệ" if invalid else ""]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, text_item(text, ballot.number))
        polls = self.polls()
        self.totals.setRowCount(len(polls))
        for row, (item, poll) in enumerate(zip(self.items, polls, strict=True)):
            for column, text in enumerate(totals_row(item.nominee_name, poll)):
                self.totals.setItem(row, column, text_item(text))
        if polls:
            self.issued_spin.setValue(polls[0].ballots_issued or 0)
        self._show_entry()

    def _show_entry(self) -> None:
        if self.finished_entry:
            return
        row = self.table.rowCount() - 1
        self.table.setItem(row, 0, text_item("Phiếu mới"))
        for number, item in enumerate(self.items, start=1):
            mark = self.marks.get(item.id)
            self.table.setItem(row, number, text_item("—" if self.invalid else SHORT[mark] if mark else ""))
        self.table.setItem(row, len(self.items) + 1, text_item("Không hợp lệ" if self.invalid else ""))
        self.table.setCurrentCell(row, 1 + self.column)  # past the last nominee: ready for Enter
        self.table.setFocus()

    # Keying -------------------------------------------------------------------------------------

    def key(self, key: int, text: str) -> None:
        if self.finished_entry or not self.items:
            return
        if text in KEYS:  # a mark in the next empty cell (none left: Enter saves the ballot)
            if self.column < len(self.items):
                self.marks[self.items[self.column].id] = KEYS[text]
                self.column += 1
        elif text == "x":
            self.invalid_button.toggle()
        elif key == Qt.Key.Key_Backspace:  # the last mark keyed is taken back
            if self.column > 0:
                self.column -= 1
                self.marks.pop(self.items[self.column].id, None)
        else:
            self.save_ballot()
            return
        self._show_entry()

    def _set_invalid(self, invalid: bool) -> None:
        self.invalid = invalid
        self._show_entry()

    def save_ballot(self) -> None:
        marks = {item_id: mark for item_id, mark in self.marks.items()}
        done, _number = run_action(self, lambda: add_paper_ballot(self.db, self.meeting_id, marks,
                                                                  invalid=self.invalid))
        if done:
            self.marks, self.column = {}, 0
            self.invalid_button.setChecked(False)
        self.reload()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        number = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if number is not None:
            run_action(self, lambda: remove_paper_ballot(self.db, self.meeting_id, number))
            self.reload()

    def save_issued(self) -> None:
        issued = self.issued_spin.value()
        for poll in self.polls():
            if not run_action(self, partial(set_ballots_issued, self.db, poll.id, issued))[0]:
                break
        self.reload()

    def finish(self) -> None:
        """Close every vote keyed here; their results show in the totals."""
        open_polls = [poll for poll in self.polls() if not poll.closed]
        done = all(run_action(self, partial(close_poll, self.db, poll.id))[0] for poll in open_polls)
        if done:
            self.finished_entry = True
            for widget in (self.issued_spin, self.issued_button, self.invalid_button, self.remove_button,
                           self.finish_button):
                widget.setEnabled(False)
        self.reload()
