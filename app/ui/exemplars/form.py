"""The "Thông tin chung" tab of an exemplar: who, in which movement and field, since when, at which
stage, and the achievement summary. Every row is keyed by the service's field name."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QPlainTextEdit

from app.models.enums import ExemplarStage
from app.services.exemplars import ExemplarDetail, ExemplarInput
from app.services.movements import list_movements
from app.services.units import list_fields, list_units
from app.services.workspace import Database
from app.ui.kit.widgets import Form, ValueReader, VnDateEdit, choice_combo, select_data
from app.ui.subjects.picker import SubjectPicker

STAGE_LOCKED_TIP = "Giai đoạn được chuyển ở thẻ “Quá trình”, để mỗi lần chuyển được ghi ngày và giữ lại."


def _text_box(min_height: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setMinimumHeight(min_height)
    edit.setTabChangesFocus(True)
    return edit


class ExemplarForm(Form):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.subject_picker = self.add_row("subject_id", "Đối tượng", SubjectPicker(db))
        movements = ((m.name, m.id) for m in list_movements(db))
        self.movement_combo = self.add_row(
            "movement_id", "Phong trào", choice_combo(movements, empty="— Không thuộc phong trào nào —")
        )
        fields = ((f.name, f.id) for f in list_fields(db))
        self.field_combo = self.add_row("field_id", "Lĩnh vực", choice_combo(fields, empty="— Chưa chọn —"))
        units = ((u.name, u.id) for u in list_units(db))
        self.unit_combo = self.add_row(
            "unit_id", "Đơn vị giới thiệu", choice_combo(units, empty="— Theo đơn vị của đối tượng —")
        )
        self.introduced_edit = self.add_row("introduced_on", "Ngày giới thiệu", VnDateEdit())
        stages = choice_combo((stage.label, stage.value) for stage in ExemplarStage)
        self.stage_combo = self.add_row("stage", "Giai đoạn", stages)
        self.achievements_edit = self.add_row("achievements", "Tóm tắt thành tích", _text_box(130))
        self.achievements_edit.setPlaceholderText("Thành tích nổi bật, có số liệu cụ thể…")
        self.note_edit = self.add_row("note", "Ghi chú", _text_box(50))
        self.introduced_edit.set_date(dt.date.today())

    def load(self, detail: ExemplarDetail) -> None:
        kind = f" — {detail.subject_kind.label}" if detail.subject_kind else ""
        self.subject_picker.set_subject(detail.subject_id, f"{detail.subject_name}{kind}")
        select_data(self.movement_combo, detail.movement_id)
        select_data(self.field_combo, detail.field_id)
        select_data(self.unit_combo, detail.unit_id)
        self.introduced_edit.set_date(detail.introduced_on)
        self.show_stage(detail.stage)
        self.achievements_edit.setPlainText(detail.achievements)
        self.note_edit.setPlainText(detail.note)

    def show_stage(self, stage: ExemplarStage | None) -> None:
        """Show the stored stage, locked: later moves are dated changes, not edits."""
        select_data(self.stage_combo, stage.value if stage else None)
        self.stage_combo.setEnabled(False)
        self.stage_combo.setToolTip(STAGE_LOCKED_TIP)

    def preset_movement(self, movement_id: int | None) -> None:
        select_data(self.movement_combo, movement_id)

    def read(self, reader: ValueReader) -> ExemplarInput:
        return ExemplarInput(
            subject_id=self.subject_picker.subject_id(),
            movement_id=self.movement_combo.currentData(),
            field_id=self.field_combo.currentData(),
            unit_id=self.unit_combo.currentData(),
            introduced_on=reader.date("introduced_on", "Ngày giới thiệu", self.introduced_edit.text()),
            stage=ExemplarStage(self.stage_combo.currentData()),
            achievements=self.achievements_edit.toPlainText(),
            note=self.note_edit.toPlainText(),
        )
