"""Nominating many at once: every LĐTT candidate of a unit, or the subjects of chosen exemplars."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidgetItem, QVBoxLayout, QWidget

from app.errors import ServiceError, ValidationError
from app.rules.vntext import vn_short_date
from app.services.catalogue import list_award_forms
from app.services.exemplars import ExemplarQuery, ExemplarRow, search_exemplars
from app.services.nominations import (
    BulkResult,
    ConfirmationNeeded,
    nominate_from_exemplars,
    nominate_unit_ldtt,
)
from app.services.rounds import list_rounds
from app.services.units import list_units
from app.services.workspace import Database
from app.ui.kit import messages
from app.ui.kit.background import BackgroundTask, run_in_background
from app.ui.kit.confirmation import confirmation_text
from app.ui.kit.item_rows import roomy_list
from app.ui.kit.widgets import (
    ErrorLabel,
    Form,
    choice_combo,
    debounce_timer,
    ok_cancel_buttons,
    search_line_edit,
    select_data,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Nominate = Callable[[bool], BulkResult]  # called with confirmed=False, then True if the user agrees


def exemplar_line(row: ExemplarRow) -> str:
    parts = [row.subject_kind.label, row.unit_name, row.movement_name, row.stage.label,
             f"giới thiệu {vn_short_date(row.introduced_on)}"]
    return f"{row.subject_name} — " + " · ".join(p for p in parts if p)


class BulkDialog(QDialog):
    """A form with a round chooser; subclasses add their rows and make the service call."""

    TITLE = ""
    NOTE = ""

    def __init__(self, db: Database, round_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.result: BulkResult | None = None
        self.task: BackgroundTask | None = None
        self.setWindowTitle(self.TITLE)
        self.form = Form()
        rounds = ((r.name, r.id) for r in list_rounds(db))
        self.round_combo = self.form.add_row("round_id", "Đợt xét", choice_combo(rounds, "— Chọn đợt xét —"))
        select_data(self.round_combo, round_id)
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Tạo hồ sơ")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build_rows()
        note = QLabel(self.NOTE)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        for widget in (note, self.form, self.general_error, self.buttons):
            layout.addWidget(widget)
        # A window's minimum height leaves out its wrapped note: as tall as the note needs at the width set.
        width = max(self.width(), self.minimumSizeHint().width())
        self.resize(width, max(self.height(), self.heightForWidth(width)))

    def _build_rows(self) -> None:
        raise NotImplementedError

    def _nomination(self) -> Nominate:
        """The service call with the choices read now (it runs in the background, away from the widgets)."""
        raise NotImplementedError

    def _unchosen(self) -> dict[str, str]:
        """Choices left empty (the bulk services expect them made)."""
        if self.round_combo.currentData() is None:
            return {"round_id": "Đợt xét: hãy chọn một đợt xét."}
        return {}

    def accept(self) -> None:
        unchosen = self._unchosen()
        if unchosen:
            self.form.show_errors(unchosen)
            return
        self.general_error.set_message("")
        self._run(self._nomination(), confirmed=False)

    def _run(self, nominate: Nominate, confirmed: bool) -> None:
        """Nominate in the background (a unit of a hundred people takes a while) with the window painted;
        a passed deadline is asked once, then the same call runs again, confirmed."""
        self.buttons.setEnabled(False)
        self.task = run_in_background(self, "Đang tạo hồ sơ đề nghị…", lambda: nominate(confirmed),
                                      self._created, lambda error: self._refused(error, nominate, confirmed))

    def _created(self, result: BulkResult) -> None:
        self.buttons.setEnabled(True)
        self.result = result
        super().accept()

    def _refused(self, error: ServiceError, nominate: Nominate, confirmed: bool) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ConfirmationNeeded) and not confirmed:
            if messages.ask_yes_no(self, confirmation_text(error.warnings), "Cần xác nhận"):
                self._run(nominate, confirmed=True)
        elif isinstance(error, ValidationError):
            self.general_error.set_message("\n".join(self.form.show_errors(error.errors).values()))
        else:
            messages.show_error(self, str(error))


class UnitLdttDialog(BulkDialog):
    TITLE = "Đề nghị “Lao động tiên tiến” cho cả đơn vị"
    NOTE = ("Tạo một hồ sơ nháp “Lao động tiên tiến” cho mỗi cá nhân của đơn vị. Ai đang tạm hoãn xét "
            "hoặc đã có hồ sơ cùng loại trong năm thì được bỏ qua, kèm lý do.")

    def _build_rows(self) -> None:
        units = ((u.name, u.id) for u in list_units(self.db))
        self.unit_combo = self.form.add_row("unit_id", "Đơn vị", choice_combo(units))
        self.resize(520, 0)

    def _nomination(self) -> Nominate:
        db, round_id, unit_id = self.db, self.round_combo.currentData(), self.unit_combo.currentData()
        return lambda confirmed: nominate_unit_ldtt(db, round_id, unit_id, confirmed=confirmed)


class ExemplarNominationDialog(BulkDialog):
    TITLE = "Tạo hồ sơ đề nghị từ điển hình tiên tiến"
    NOTE = ("Mỗi điển hình được đánh dấu thành một hồ sơ nháp; tóm tắt thành tích của điển hình được chép "
            "vào báo cáo thành tích.")

    def _build_rows(self) -> None:
        forms = ((f.name, f.id) for f in list_award_forms(self.db))
        self.form_combo = self.form.add_row("award_form_id", "Hình thức khen thưởng",
                                            choice_combo(forms, "— Chọn hình thức —"))
        self._timer = debounce_timer(self, self.search)
        self.search_edit = self.form.add_row("search", "Tìm điển hình",
                                             search_line_edit("Tên đối tượng…", self._timer))
        self.list = self.form.add_row("exemplars", "Điển hình (đánh dấu)", roomy_list())
        self.list.setMinimumHeight(220)
        self.list.itemChanged.connect(self._item_changed)
        self.checked: set[int] = set()
        self.search()
        self.resize(760, 520)

    def search(self) -> None:
        self._timer.stop()
        rows = search_exemplars(self.db, ExemplarQuery(text=self.search_edit.text()))
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(exemplar_line(row))
            item.setData(ID_ROLE, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = row.id in self.checked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def _item_changed(self, item: QListWidgetItem) -> None:
        exemplar_id = item.data(ID_ROLE)
        if item.checkState() == Qt.CheckState.Checked:
            self.checked.add(exemplar_id)
        else:
            self.checked.discard(exemplar_id)

    def _unchosen(self) -> dict[str, str]:
        errors = super()._unchosen()
        if self.form_combo.currentData() is None:
            errors["award_form_id"] = "Hình thức khen thưởng: hãy chọn một hình thức."
        return errors

    def _nomination(self) -> Nominate:
        db, round_id, form_id = self.db, self.round_combo.currentData(), self.form_combo.currentData()
        chosen = sorted(self.checked)
        return lambda confirmed: nominate_from_exemplars(db, round_id, form_id, chosen, confirmed=confirmed)
