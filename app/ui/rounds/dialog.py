"""Add or edit a round of review (đợt xét): kind, year, quarter, movement, deadline, status, name."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from app.models.enums import RoundKind, RoundStatus
from app.services.movements import list_movements
from app.services.rounds import YEARS, RoundDetail, RoundInput, create_round, default_round_name, update_round
from app.services.workspace import Database
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.widgets import (
    ErrorLabel,
    Form,
    ValueReader,
    VnDateEdit,
    choice_combo,
    ok_cancel_buttons,
    restore_geometry,
    save_geometry,
    select_data,
)

GEOMETRY_KEY = "round_dialog"
NO_MOVEMENT = {True: "— Chọn phong trào —", False: "— Không gắn phong trào —"}


def _current_quarter(today: dt.date) -> int:
    return (today.month - 1) // 3 + 1


class RoundDialog(FormDialog):
    def __init__(self, db: Database, detail: RoundDetail | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.detail = db, detail
        self.saved_id: int | None = detail.id if detail else None
        self.setWindowTitle(f"Sửa đợt xét: {detail.name}" if detail else "Thêm đợt xét")
        self._build()
        self._auto_name = detail is None or detail.name == default_round_name(
            detail.kind, detail.year, detail.quarter)
        if detail is not None:
            self._load(detail)
        self._kind_changed()
        if not restore_geometry(self, GEOMETRY_KEY, db.data_dir):
            self.resize(600, 0)

    def _build(self) -> None:
        today = dt.date.today()
        self.form = Form()
        kinds = choice_combo((kind.label, kind.value) for kind in RoundKind)
        self.kind_combo = self.form.add_row("kind", "Loại đợt xét", kinds)
        self.year_spin = self.form.add_row("year", "Năm", QSpinBox(minimum=YEARS[0], maximum=YEARS[1]))
        self.year_spin.setValue(today.year)
        self.year_spin.setMaximumWidth(100)
        quarters = choice_combo((f"Quý {q}", q) for q in range(1, 5))
        self.quarter_combo = self.form.add_row("quarter", "Quý", quarters)
        select_data(self.quarter_combo, _current_quarter(today))
        self.movement_combo = self.form.add_row("movement_id", "Phong trào", self._movement_combo())
        self.deadline_edit = self.form.add_row("deadline", "Hạn nộp hồ sơ", VnDateEdit())
        self.deadline_edit.setMaximumWidth(180)
        statuses = choice_combo((status.label, status.value) for status in RoundStatus)
        self.status_combo = self.form.add_row("status", "Trạng thái", statuses)
        self.name_edit = self.form.add_row("name", "Tên đợt xét", QLineEdit())
        self.note_edit = self.form.add_row("note", "Ghi chú", QPlainTextEdit())
        self.note_edit.setMinimumHeight(60)
        self.note_edit.setTabChangesFocus(True)
        self._connect()
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Lưu")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.form, self.general_error, self.buttons):
            layout.addWidget(widget)

    def _movement_combo(self):
        movements = [(m.name, m.id) for m in list_movements(self.db)]
        return choice_combo(movements, empty=NO_MOVEMENT[False])

    def _connect(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.year_spin.valueChanged.connect(self._fill_name)
        self.quarter_combo.currentIndexChanged.connect(self._fill_name)
        self.name_edit.textEdited.connect(self._name_edited)

    def kind(self) -> RoundKind:
        return RoundKind(self.kind_combo.currentData())

    def _kind_changed(self, *_args) -> None:
        kind = self.kind()
        self.form.layout_.setRowVisible(self.form.rows["quarter"], kind is RoundKind.QUARTER)
        self.movement_combo.setItemText(0, NO_MOVEMENT[kind is RoundKind.THEMATIC])
        self._fill_name()

    def _name_edited(self, text: str) -> None:
        """The name follows kind, year and quarter until the user types one (a cleared name follows again)."""
        self._auto_name = not text.strip()

    def _fill_name(self, *_args) -> None:
        if self._auto_name:
            quarter = self.quarter_combo.currentData()
            self.name_edit.setText(default_round_name(self.kind(), self.year_spin.value(), quarter))

    def _load(self, detail: RoundDetail) -> None:
        select_data(self.kind_combo, detail.kind.value)
        self.year_spin.setValue(detail.year)
        if detail.quarter:
            select_data(self.quarter_combo, detail.quarter)
        select_data(self.movement_combo, detail.movement_id)
        self.deadline_edit.set_date(detail.deadline)
        select_data(self.status_combo, detail.status.value)
        self.name_edit.setText(detail.name)
        self.note_edit.setPlainText(detail.note)

    def read(self) -> RoundInput:
        """The typed values; ValidationError for a deadline that cannot be read."""
        reader = ValueReader()
        kind = self.kind()
        data = RoundInput(
            name=self.name_edit.text(), kind=kind, year=self.year_spin.value(),
            quarter=self.quarter_combo.currentData() if kind is RoundKind.QUARTER else None,
            deadline=reader.date("deadline", "Hạn nộp hồ sơ", self.deadline_edit.text()),
            status=RoundStatus(self.status_combo.currentData()),
            movement_id=self.movement_combo.currentData(), note=self.note_edit.toPlainText(),
        )
        reader.raise_if_any()
        return data

    def submit(self) -> None:
        self._save(self.read())

    def _save(self, data: RoundInput) -> None:
        if self.detail is None:
            self.saved_id = create_round(self.db, data)
        else:
            update_round(self.db, self.detail.id, data, self.detail.version)

    def done(self, result: int) -> None:
        save_geometry(self, GEOMETRY_KEY, self.db.data_dir)
        super().done(result)
