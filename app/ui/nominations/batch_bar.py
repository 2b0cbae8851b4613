"""Many nominations at once on the nominations page: the round's progress line with its next steps for
all that are ready, and a step (propose, appraise, judge a criterion, return) for the selected rows.

The step runs in the background (batch services, each nomination in its own transaction) with a progress
bar, then the report says per person what was done and what was refused and why."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.accounts import may_take
from app.services.nominations import (
    BatchReport,
    BatchStep,
    RoundProgress,
    appraise_many,
    judge_many,
    judged_criteria,
    propose_many,
    return_many,
    round_progress,
)
from app.ui.kit import messages
from app.ui.kit.background import BackgroundTask, run_in_background
from app.ui.nominations.batch_dialogs import BatchReportDialog, JudgeManyDialog

if TYPE_CHECKING:
    from app.ui.nominations.page import NominationsPage

PROGRESS_STYLE = "background: #f4f6f8; border: 1px solid #d0d6dc; padding: 4px;"
SELECT_ELIGIBLE = "Chọn tất cả hồ sơ đủ điều kiện"
Work = Callable[[Callable[[int, int], None]], BatchReport]


class _Relay(QObject):
    """Lives on the GUI thread: the worker's progress is queued to it."""

    moved = Signal(int, int)


class BatchBar(QWidget):
    def __init__(self, page: NominationsPage) -> None:
        super().__init__(page)
        self.page, self.db = page, page.db
        self.progress = RoundProgress()
        self._round_id: int | None = None  # the round `progress` is of
        self.task: BackgroundTask | None = None
        self.report_dialog: BatchReportDialog | None = None
        self._relay = _Relay(self)
        self._relay.moved.connect(self._moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_progress_row())
        layout.addLayout(self._build_step_row())

    def _build_progress_row(self) -> QHBoxLayout:
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress_label.setStyleSheet(PROGRESS_STYLE)
        self.propose_ready = QPushButton()
        self.propose_ready.clicked.connect(
            lambda: self.run(BatchStep.PROPOSE, self.progress.ready_to_propose))
        self.appraise_ready = QPushButton()
        self.appraise_ready.clicked.connect(
            lambda: self.run(BatchStep.APPRAISE, self.progress.ready_to_appraise))
        row = QHBoxLayout()
        row.addWidget(self.progress_label, 1)
        row.addWidget(self.propose_ready)
        row.addWidget(self.appraise_ready)
        return row

    def _build_step_row(self) -> QHBoxLayout:
        self.step_combo = QComboBox()
        for step in BatchStep:
            self.step_combo.addItem(step.label + ("…" if step in (BatchStep.JUDGE, BatchStep.RETURN) else ""),
                                    step)
        self.step_combo.currentIndexChanged.connect(lambda _i: self.selection_changed())
        self.select_button = QPushButton(SELECT_ELIGIBLE)
        self.select_button.setToolTip("Chọn mọi hồ sơ trong danh sách làm được bước đã chọn bên cạnh.")
        self.select_button.clicked.connect(self.select_eligible)
        self.run_button = QPushButton()
        self.run_button.clicked.connect(lambda: self.run(self.step(), self.page.selected_ids()))
        row = QHBoxLayout()
        row.addWidget(QLabel("Nhiều hồ sơ cùng lúc:"))
        row.addWidget(self.step_combo)
        row.addWidget(self.select_button)
        row.addWidget(self.run_button)
        row.addStretch(1)
        return row

    # Showing -------------------------------------------------------------------------------------

    def step(self) -> BatchStep:
        return self.step_combo.currentData()

    def show_round(self, round_id: int | None, changed: int | None = None) -> None:
        """The round's progress line and its next steps; none when every round is listed. After a change
        to one nomination of the round shown, only that one is read again (a round of a hundred proposed
        nominations takes about half a second to read whole)."""
        if round_id is None:
            self.progress = RoundProgress()
        elif changed is not None and round_id == self._round_id:
            self.progress.update(changed, round_progress(self.db, round_id, only=changed))
        else:
            self.progress = round_progress(self.db, round_id)
        self._round_id = round_id
        self.progress_label.setText(self.progress.summary() if round_id is not None else
                                    "Chọn một đợt xét để xem hồ sơ nào sẵn sàng cho bước tiếp theo.")
        for button, ids, step in ((self.propose_ready, self.progress.ready_to_propose, BatchStep.PROPOSE),
                                  (self.appraise_ready, self.progress.ready_to_appraise, BatchStep.APPRAISE)):
            button.setText(f"{step.label} {len(ids)} hồ sơ sẵn sàng")
            button.setVisible(bool(ids))
            button.setEnabled(may_take(self.db.actor, step.value))
        self.selection_changed()

    def selection_changed(self) -> None:
        count = len(self.page.selected_ids())
        self.run_button.setText(f"{self.step().label} {count} hồ sơ đã chọn…")
        self.run_button.setEnabled(count > 0 and may_take(self.db.actor, self.step().value))

    def select_eligible(self) -> None:
        """Select every listed nomination the chosen step can be taken for."""
        listed = set(self.page.listed_ids())
        eligible = [i for i in self.progress.eligible(self.step()) if i in listed]
        self.page.select_ids(eligible)
        if not eligible:
            messages.show_info(self, f"Không có hồ sơ nào trong danh sách làm được bước "
                                     f"“{self.step().label}”.", SELECT_ELIGIBLE)

    # Running -------------------------------------------------------------------------------------

    def run(self, step: BatchStep, ids: list[int]) -> None:
        if not ids:
            messages.show_info(self, "Hãy chọn các hồ sơ trong danh sách (giữ Ctrl hoặc Shift khi bấm).",
                               step.label)
            return
        ids, db = list(ids), self.db
        if step is BatchStep.PROPOSE:
            self._start(step, ids, lambda moved: propose_many(db, ids, moved))
        elif step is BatchStep.APPRAISE:
            self._start(step, ids, lambda moved: appraise_many(db, ids, moved))
        elif step is BatchStep.RETURN:
            question = f"Lý do trả lại {len(ids)} hồ sơ để bổ sung (ghi vào từng hồ sơ):"
            reason = messages.ask_text(self, question, "Trả lại hồ sơ")
            if reason is not None:
                self._start(step, ids, lambda moved: return_many(db, ids, reason, moved))
        else:
            self._ask_judgement(ids)

    def _ask_judgement(self, ids: list[int]) -> None:
        """The criterion and outcome to record for all of them; the step starts when they are given."""
        dialog = JudgeManyDialog(judged_criteria(self.db, ids), len(ids), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.judge_dialog = dialog
        db = self.db

        def judged() -> None:
            judgement = dialog.judgement()
            self._start(BatchStep.JUDGE, ids, lambda moved: judge_many(db, ids, judgement, moved))

        dialog.accepted.connect(judged)
        dialog.open()

    def _start(self, step: BatchStep, ids: list[int], work: Work) -> None:
        label = f"Đang làm bước “{step.label}” cho {len(ids)} hồ sơ…"
        self.task = run_in_background(self, label, lambda: work(self._relay.moved.emit), self._done)

    def _moved(self, done: int, total: int) -> None:
        if self.task is not None:
            self.task.progress.setMaximum(total)
            self.task.progress.setValue(done)

    def _done(self, report: Any) -> None:
        self.page.refresh()
        dialog = BatchReportDialog(report, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "report_dialog", None))
        self.report_dialog = dialog
        dialog.open()
