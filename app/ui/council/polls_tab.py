"""The votes: each agenda item with the number of votes it needs before the vote and its result with
the arithmetic after; a vote started and entered one of three ways (the paper tally's totals, ballot by
ballot, or the members voting in turn on this computer)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from app.models import PollEntryMode, PollMethod
from app.services.council import (
    AgendaItemView,
    MeetingView,
    delete_poll,
    get_meeting,
    reopen_poll,
    start_poll,
)
from app.services.workspace import Database
from app.ui.council.tab import MeetingTab, grid, row_data, text_item
from app.ui.kit import messages
from app.ui.kit.list_page import open_non_modal
from app.ui.kit.widgets import add_button

HEADERS = ["STT", "Đối tượng", "Hình thức khen thưởng", "Biểu quyết", "Cần có / Kết quả"]
OUTCOME = 4
DETAIL_STYLE = "background: #f4f6f8; border: 1px solid #d0d6dc; padding: 6px;"


SHORT_MODES = {PollEntryMode.TALLY: "kiểm phiếu", PollEntryMode.BALLOTS: "từng phiếu",
               PollEntryMode.PRIVATE: "trên máy"}
SHORT_METHODS = {PollMethod.SECRET_BALLOT: "phiếu kín", PollMethod.SHOW_OF_HANDS: "giơ tay"}


def vote_cell(item: AgendaItemView) -> str:
    poll = item.poll
    if poll is None:
        return f"Chưa biểu quyết ({SHORT_METHODS[item.method]})"
    state = "Đã xong" if poll.closed else "Đang nhập"
    return f"{state}: {SHORT_MODES[poll.entry_mode]}, {SHORT_METHODS[poll.method]}"


def outcome_cell(item: AgendaItemView) -> str:
    poll = item.poll
    if poll is not None and poll.closed:
        return poll.result_text
    return item.needed_text


def detail_text(item: AgendaItemView) -> str:
    """Everything said of one item's vote, in lines."""
    poll = item.poll
    lines = [f"{item.nominee_name} — {item.form_name} ({item.round_name})"
             + (f"; ý kiến bằng văn bản: {poll_opinions(item)}" if item.opinions else "")]
    if poll is None:
        lines += [item.needed_text, "Chưa biểu quyết."]
    else:
        lines += [f"Cách tính: {poll.rule_text}. {poll.method_label}; {poll.entry_mode_label.lower()}."]
        if poll.closed:
            lines.append(f"Kết quả: {poll.result_text}")
        else:
            lines.append(poll.needed_text)
            if poll.counts_hidden:
                lines.append(f"Đang bỏ phiếu trên máy: {poll.voters or 0} thành viên đã bỏ phiếu; kết quả "
                             "chỉ hiện khi chủ tọa kết thúc bỏ phiếu.")
            lines += [f"Chưa khớp: {problem}" for problem in poll.problems]
    return "\n".join(lines)


def poll_opinions(item: AgendaItemView) -> str:
    agree = sum(o.agrees for o in item.opinions)
    return f"{agree} đồng ý, {len(item.opinions) - agree} không đồng ý"


class PollsTab(MeetingTab):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.table = grid(HEADERS, OUTCOME)
        self.table.setWordWrap(True)  # the whole arithmetic, on two lines when it needs them
        self.table.setStyleSheet("QTableWidget::item { padding: 3px 2px; }")
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((0, 40), (1, 150), (2, 150), (3, 215)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._selection)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet(DETAIL_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.method_combo = QComboBox()
        self.method_combo.addItem("Theo hình thức khen thưởng", None)
        for method in PollMethod:
            self.method_combo.addItem(method.label, method.value)
        row.addWidget(self.method_combo)
        self.tally_button = add_button(row, "Nhập kết quả kiểm phiếu…", self.enter_tally)
        self.ballots_button = add_button(row, "Nhập từng phiếu…", self.enter_ballots)
        self.private_button = add_button(row, "Bỏ phiếu trên máy…", self.vote_private)
        row.addStretch(1)
        self.reopen_button = add_button(row, "Mở lại", self.reopen)
        self.delete_button = add_button(row, "Xóa biểu quyết", self.discard)
        self.action_buttons = (self.method_combo, self.tally_button, self.ballots_button, self.private_button,
                               self.reopen_button, self.delete_button)
        return row

    def show_view(self, view: MeetingView) -> None:
        chosen = self.chosen_ids()
        super().show_view(view)
        self.table.setRowCount(len(view.agenda))
        for number, item in enumerate(view.agenda):
            texts = (str(item.position), item.nominee_name, item.form_name, vote_cell(item),
                     outcome_cell(item))
            for column, text in enumerate(texts):
                self.table.setItem(number, column, text_item(text, item.id))
        self.select_rows([number for number, item in enumerate(view.agenda) if item.id in chosen])
        for widget in self.action_buttons:
            widget.setVisible(not view.closed)
        self._selection()

    def select_rows(self, rows: list[int]) -> None:
        """Select these rows (and only these)."""
        self.table.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in rows:
            self.table.selectionModel().select(self.table.model().index(row, 0), flags)

    def chosen_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [row_data(self.table, row) for row in rows]

    def chosen(self) -> list[AgendaItemView]:
        wanted = set(self.chosen_ids())
        return [item for item in (self.view.agenda if self.view else ()) if item.id in wanted]

    def _selection(self) -> None:
        items = self.chosen()
        closed = self.view is not None and self.view.closed
        self.detail.setText("\n\n".join(detail_text(i) for i in items[:2]) if items else
                            "Chọn một hồ sơ để xem cách tính và kết quả." if closed else
                            "Chọn một hồ sơ (hoặc nhiều hồ sơ, giữ Ctrl) để biểu quyết.")
        polls = [i.poll for i in items if i.poll is not None]
        self.tally_button.setEnabled(len(items) == 1)
        for button in (self.ballots_button, self.private_button):
            button.setEnabled(bool(items))
        reopenable = [p for p in polls if p.closed and p.entry_mode is not PollEntryMode.PRIVATE]
        self.reopen_button.setEnabled(bool(reopenable))
        self.delete_button.setEnabled(bool(polls))
        if len(items) == 1:
            index = self.method_combo.findData(items[0].method.value)
            self.method_combo.setCurrentIndex(max(index, 0))

    # Starting and entering ------------------------------------------------------------------------

    def _start(self, items: list[AgendaItemView], mode: PollEntryMode) -> bool:
        """Start the vote in this mode on the items that have none; False when one was refused."""
        chosen = self.method_combo.currentData()
        method = PollMethod(chosen) if chosen else None
        for item in items:
            if item.poll is None:
                done, _poll = self.act(partial(start_poll, self.db, item.id, mode, method))
                if not done:
                    return False
            elif item.poll.entry_mode is not mode and not item.poll.closed:
                messages.show_error(self, f"Hồ sơ “{item.nominee_name}” đang nhập theo cách "
                                          f"“{item.poll.entry_mode_label}”.")
                return False
        return True

    def _open(self, dialog: QDialog) -> None:
        open_non_modal(dialog, lambda: self.changed.emit(), when_closed=True)

    def _enter(self, mode: PollEntryMode,
               make: Callable[[MeetingView, list[AgendaItemView]], QDialog]) -> None:
        """Start the chosen items' votes in this mode, then open the entry for those still open."""
        items = self.chosen()
        if not items or self.view is None or not self._start(items, mode):
            return
        view = get_meeting(self.db, self.view.id)
        wanted = {item.id for item in items}
        open_items = [i for i in view.agenda if i.id in wanted and i.poll is not None and not i.poll.closed
                      and i.poll.entry_mode is mode]
        if not open_items:
            messages.show_info(self, "Hồ sơ đã chọn đã biểu quyết xong. Muốn sửa, bấm “Mở lại”; muốn biểu "
                                     "quyết lại, bấm “Xóa biểu quyết”.", "Biểu quyết")
            return
        self._open(make(view, open_items))

    def enter_tally(self) -> None:
        from app.ui.council.tally_dialog import TallyDialog

        self._enter(PollEntryMode.TALLY, lambda view, chosen: TallyDialog(self.db, view, chosen[0], self))

    def enter_ballots(self) -> None:
        from app.ui.council.ballot_grid import BallotEntryDialog

        self._enter(PollEntryMode.BALLOTS, lambda view, _items: BallotEntryDialog(self.db, view, parent=self))

    def vote_private(self) -> None:
        from app.ui.council.private_vote import PrivateVoteWindow

        self._enter(PollEntryMode.PRIVATE, lambda view, _items: PrivateVoteWindow(self.db, view, parent=self))

    def reopen(self) -> None:
        for item in self.chosen():
            if item.poll is not None and item.poll.closed:
                poll_id = item.poll.id
                self.act(partial(reopen_poll, self.db, poll_id))

    def discard(self) -> None:
        polls = [(i.nominee_name, i.poll.id) for i in self.chosen() if i.poll is not None]
        names = ", ".join(name for name, _id in polls)
        if polls and messages.ask_yes_no(self, f"Xóa biểu quyết về: {names}? Các số đã nhập sẽ mất; có thể "
                                               "biểu quyết lại.", "Xóa biểu quyết"):
            for _name, poll_id in polls:
                self.act(partial(delete_poll, self.db, poll_id))
