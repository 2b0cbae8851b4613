"""Add or edit an emulation movement (phong trào thi đua)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app.models.enums import MovementKind
from app.services.movements import (
    MovementDetail,
    MovementInput,
    create_movement,
    get_movement,
    update_movement,
)
from app.services.units import list_fields
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

GEOMETRY_KEY = "movement_dialog"


class MovementDialog(FormDialog):
    def __init__(self, db: Database, detail: MovementDetail | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.detail = db, detail
        self.saved_id: int | None = detail.id if detail else None
        self.setWindowTitle(f"Sửa phong trào: {detail.name}" if detail else "Thêm phong trào thi đua")
        self._build()
        if detail is not None:
            self._load(detail)
        if not restore_geometry(self, GEOMETRY_KEY, db.data_dir):
            self.resize(620, 0)

    @classmethod
    def for_movement(cls, db: Database, movement_id: int, parent: QWidget | None = None) -> MovementDialog:
        """The edit dialog of a stored movement (NotFoundError when it was deleted meanwhile)."""
        return cls(db, get_movement(db, movement_id), parent)

    def _build(self) -> None:
        self.form = Form()
        self.name_edit = self.form.add_row("name", "Tên phong trào", QLineEdit())
        kinds = choice_combo((kind.label, kind.value) for kind in MovementKind)
        self.kind_combo = self.form.add_row("kind", "Loại phong trào", kinds)
        self.launched_by_edit = self.form.add_row("launched_by", "Cơ quan phát động", QLineEdit())
        self.start_edit = self.form.add_row("start_date", "Ngày phát động", VnDateEdit())
        self.end_edit = self.form.add_row("end_date", "Ngày kết thúc (nếu có)", VnDateEdit())
        fields = choice_combo(((f.name, f.id) for f in list_fields(self.db)), empty="— Chưa chọn —")
        self.field_combo = self.form.add_row("field_id", "Lĩnh vực", fields)
        self.description_edit = self.form.add_row("description", "Nội dung, chỉ tiêu", QPlainTextEdit())
        self.description_edit.setMinimumHeight(90)
        self.description_edit.setTabChangesFocus(True)
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Lưu")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.form, self.general_error, self.buttons):
            layout.addWidget(widget)

    def _load(self, detail: MovementDetail) -> None:
        self.name_edit.setText(detail.name)
        select_data(self.kind_combo, detail.kind.value if detail.kind else None)
        self.launched_by_edit.setText(detail.launched_by)
        self.start_edit.set_date(detail.start_date)
        self.end_edit.set_date(detail.end_date)
        select_data(self.field_combo, detail.field_id)
        self.description_edit.setPlainText(detail.description)

    def read(self) -> MovementInput:
        """The typed values; ValidationError for a date that cannot be read."""
        reader = ValueReader()
        data = MovementInput(
            name=self.name_edit.text(),
            kind=MovementKind(self.kind_combo.currentData()),
            launched_by=self.launched_by_edit.text(),
            start_date=reader.date("start_date", "Ngày phát động", self.start_edit.text()),
            end_date=reader.date("end_date", "Ngày kết thúc", self.end_edit.text()),
            field_id=self.field_combo.currentData(),
            description=self.description_edit.toPlainText(),
        )
        reader.raise_if_any()
        return data

    def submit(self) -> None:
        self.saved_id = self._save(self.read()).id

    def _save(self, data: MovementInput) -> MovementDetail:
        if self.detail is None:
            return create_movement(self.db, data)
        return update_movement(self.db, self.detail.id, data, self.detail.version)

    def done(self, result: int) -> None:
        save_geometry(self, GEOMETRY_KEY, self.db.data_dir)
        super().done(result)
