"""The paper tally of one vote: ballots issued, returned, valid, invalid, and the yes and no votes (for a
show of hands only the yes and no). Every mismatch the service names is shown beside its field; the vote
closes only once the counts agree."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.models import PollMethod
from app.services.council import AgendaItemView, MeetingView, TallyInput, close_poll, save_tally
from app.services.workspace import Database
from app.ui.council.tab import lay_out_form
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.widgets import Form, ValueReader

SECRET_FIELDS = (
    ("ballots_issued", "Số phiếu phát ra"), ("ballots_returned", "Số phiếu thu về"),
    ("ballots_valid", "Số phiếu hợp lệ"), ("ballots_invalid", "Số phiếu không hợp lệ"),
    ("yes_votes", "Số phiếu đồng ý"), ("no_votes", "Số phiếu không đồng ý"),
)
HANDS_FIELDS = (("yes_votes", "Số thành viên đồng ý"), ("no_votes", "Số thành viên không đồng ý"))


class TallyDialog(FormDialog):
    def __init__(self, db: Database, meeting: MeetingView, item: AgendaItemView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert item.poll is not None
        self.db, self.poll = db, item.poll
        self.saved_id: int | None = None
        self.setWindowTitle(f"Kết quả kiểm phiếu: {item.nominee_name}")
        hands = self.poll.method is PollMethod.SHOW_OF_HANDS
        present = f"{meeting.quorum.present}/{meeting.quorum.total}"
        intro = QLabel(f"<b>{item.nominee_name}</b> — {item.form_name}<br>{self.poll.method_label}; có mặt "
                       f"{present} thành viên.<br>{self.poll.needed_text}")
        intro.setWordWrap(True)
        self.form = Form()
        self.edits: dict[str, QLineEdit] = {}
        for key, label in HANDS_FIELDS if hands else SECRET_FIELDS:
            edit = self.form.add_row(key, label, QLineEdit())
            edit.setMaximumWidth(120)
            value = getattr(self.poll, key)
            edit.setText("" if value is None else str(value))
            self.edits[key] = edit
        lay_out_form(self, "Lưu và kết thúc biểu quyết", intro)
        self.resize(800, 0)

    def submit(self) -> None:
        reader = ValueReader()
        labels = dict(SECRET_FIELDS if len(self.edits) > 2 else HANDS_FIELDS)
        values = {key: reader.integer(key, labels[key], edit.text()) for key, edit in self.edits.items()}
        reader.raise_if_any()
        save_tally(self.db, self.poll.id, TallyInput(**values))
        close_poll(self.db, self.poll.id)
        self.saved_id = self.poll.id
