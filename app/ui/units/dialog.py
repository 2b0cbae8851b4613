"""Add or edit a unit (village, residential group, agency, school…), and add an emulation bloc."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ServiceError
from app.models.enums import UnitKind
from app.services.units import UnitInput, UnitRow, create_bloc, create_unit, list_blocs, update_unit
from app.services.workspace import Database
from app.ui.kit import messages
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.widgets import (
    ErrorLabel,
    Form,
    choice_combo,
    ok_cancel_buttons,
    restore_geometry,
    save_geometry,
    select_data,
)


def add_bloc_interactively(parent: QWidget, db: Database) -> int | None:
    """Ask for a bloc's name and create it; the new bloc's id, or None (cancelled or refused)."""
    name = messages.ask_text(parent, "Tên khối thi đua mới:", "Thêm khối thi đua")
    if name is None:
        return None
    try:
        return create_bloc(db, name)
    except ServiceError as exc:
        messages.show_error(parent, str(exc))
        return None


class UnitDialog(FormDialog):
    def __init__(self, db: Database, unit: UnitRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.unit = db, unit
        self.saved_id: int | None = unit.id if unit else None
        self.setWindowTitle(f"Sửa đơn vị: {unit.name}" if unit else "Thêm đơn vị")
        self._build()
        if unit is not None:
            self._load(unit)
        if not restore_geometry(self, "unit_dialog", db.data_dir):
            self.resize(540, 0)

    def _build(self) -> None:
        self.form = Form()
        self.name_edit = self.form.add_row("name", "Tên đơn vị", QLineEdit())
        kinds = choice_combo((kind.label, kind.value) for kind in UnitKind)
        self.kind_combo = self.form.add_row("kind", "Loại", kinds)
        self.form.add_row("bloc_id", "Khối thi đua", self._bloc_picker())
        self.head_edit = self.form.add_row("head_name", "Trưởng đơn vị", QLineEdit())
        self.address_edit = self.form.add_row("address", "Địa chỉ", QLineEdit())
        self.phone_edit = self.form.add_row("phone", "Điện thoại", QLineEdit())
        self.note_edit = self.form.add_row("note", "Ghi chú", QPlainTextEdit())
        self.note_edit.setMinimumHeight(60)
        self.note_edit.setTabChangesFocus(True)
        self.general_error = ErrorLabel()
        buttons = ok_cancel_buttons("Lưu")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.form, self.general_error, buttons):
            layout.addWidget(widget)

    def _bloc_picker(self) -> QWidget:
        self.bloc_combo = choice_combo([], empty="— Không thuộc khối nào —")
        self._reload_blocs()
        self.add_bloc_button = QToolButton(text="Thêm khối…")
        self.add_bloc_button.clicked.connect(self._add_bloc)
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bloc_combo, 1)
        layout.addWidget(self.add_bloc_button)
        return box

    def _reload_blocs(self, select: int | None = None) -> None:
        self.bloc_combo.clear()
        self.bloc_combo.addItem("— Không thuộc khối nào —", None)
        for bloc in list_blocs(self.db):
            self.bloc_combo.addItem(bloc.name, bloc.id)
        select_data(self.bloc_combo, select)

    def _add_bloc(self) -> None:
        bloc_id = add_bloc_interactively(self, self.db)
        if bloc_id is not None:
            self._reload_blocs(select=bloc_id)

    def _load(self, unit: UnitRow) -> None:
        self.name_edit.setText(unit.name)
        select_data(self.kind_combo, unit.kind.value)
        select_data(self.bloc_combo, unit.bloc_id)
        self.head_edit.setText(unit.head_name)
        self.address_edit.setText(unit.address)
        self.phone_edit.setText(unit.phone)
        self.note_edit.setPlainText(unit.note)

    def read(self) -> UnitInput:
        return UnitInput(
            name=self.name_edit.text(),
            kind=UnitKind(self.kind_combo.currentData()),
            bloc_id=self.bloc_combo.currentData(),
            head_name=self.head_edit.text(),
            address=self.address_edit.text(),
            phone=self.phone_edit.text(),
            note=self.note_edit.toPlainText(),
        )

    def submit(self) -> None:
        self._save(self.read())

    def _save(self, data: UnitInput) -> None:
        if self.unit is None:
            self.saved_id = create_unit(self.db, data)
        else:
            update_unit(self.db, self.unit.id, data)

    def done(self, result: int) -> None:
        save_geometry(self, "unit_dialog", self.db.data_dir)
        super().done(result)
