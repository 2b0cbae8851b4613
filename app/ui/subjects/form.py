"""The fields of a subject, built for its kind; every row is keyed by the service's field name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QToolButton, QWidget

from app.models.enums import Gender, LabelledEnum, OccupationGroup, SubjectKind
from app.services.subjects import SubjectInput
from app.ui.kit.widgets import Form, ValueReader, VnDateEdit, choice_combo, select_data

Choices = list[tuple[str, int]]
CollectivesOf = Callable[[int | None], Choices]  # the collectives of a unit, for "Thuộc tập thể"


class CitizenIdEdit(QWidget):
    """The citizen ID, hidden behind dots until "Hiện" is pressed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(maxLength=14, placeholderText="12 chữ số")
        self.line.setEchoMode(QLineEdit.EchoMode.Password)
        self.toggle = QToolButton(text="Hiện", checkable=True)
        self.toggle.toggled.connect(self._reveal)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.toggle)
        self.setFocusProxy(self.line)

    def _reveal(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.line.setEchoMode(mode)
        self.toggle.setText("Ẩn" if shown else "Hiện")


NO_COLLECTIVE = "— Không thuộc tập thể nào —"


class SubjectForm(Form):
    def __init__(self, kind: SubjectKind, units: Choices, fields: Choices,
                 collectives_of: CollectivesOf | None = None, parent=None) -> None:
        super().__init__(parent)
        self._collectives_of = collectives_of or (lambda _unit: [])
        self.kind = kind
        self.widgets: dict[str, QWidget] = {}
        self._getters: dict[str, Callable[[ValueReader], Any]] = {}
        self._setters: dict[str, Callable[[Any], None]] = {}
        self._units, self._fields = units, fields
        {SubjectKind.INDIVIDUAL: self._build_individual, SubjectKind.COLLECTIVE: self._build_collective,
         SubjectKind.HOUSEHOLD: self._build_household}[kind]()

    def _build_individual(self) -> None:
        self._text("name", "Họ và tên")
        self._enum("gender", "Giới tính", Gender, "— Chọn —")
        self._birth_row()
        self._text("position", "Chức vụ")
        self._references(unit_label="Đơn vị")
        self._collective()
        self._text("address", "Địa chỉ")
        self._text("phone", "Điện thoại")
        self._enum("occupation_group", "Nhóm nghề nghiệp", OccupationGroup, "— Không rõ —")
        self._text("ethnicity", "Dân tộc (không bắt buộc)")
        self._citizen_id()
        self._note()

    def _build_collective(self) -> None:
        self._text("name", "Tên tập thể")
        self._text("parent_body", "Cơ quan chủ quản")
        self._references(unit_label="Đơn vị")
        self._integer("member_count", "Số thành viên")
        self._integer("female_member_count", "Số thành viên nữ")
        self._text("address", "Địa chỉ")
        self._text("phone", "Điện thoại")
        self._note()

    def _build_household(self) -> None:
        self._text("name", "Tên hộ")
        self._text("head_name", "Chủ hộ")
        self._combo("unit_id", "Đơn vị (thôn)", self._units, "— Chưa chọn —")
        self._text("address", "Địa chỉ")
        self._text("phone", "Điện thoại")
        self._note()

    # Row builders -------------------------------------------------------------------------------

    def _register(self, key: str, label: str, widget: QWidget, getter, setter) -> None:
        self.add_row(key, label, widget)
        self.widgets[key] = widget
        self._getters[key] = getter
        self._setters[key] = setter

    def _text(self, key: str, label: str) -> QLineEdit:
        edit = QLineEdit()
        self._register(key, label, edit, lambda _r: edit.text(), lambda v: edit.setText(v or ""))
        return edit

    def _integer(self, key: str, label: str) -> QLineEdit:
        edit = QLineEdit(maxLength=6)
        edit.setMaximumWidth(120)
        getter = lambda r: r.integer(key, label, edit.text())  # noqa: E731
        self._register(key, label, edit, getter, lambda v: edit.setText("" if v is None else str(v)))
        return edit

    def _combo(self, key: str, label: str, items: list[tuple[str, Any]], empty: str) -> None:
        combo = choice_combo(items, empty=empty)
        self._register(key, label, combo, lambda _r: combo.currentData(), lambda v: select_data(combo, v))

    def _enum(self, key: str, label: str, enum_cls: type[LabelledEnum], empty: str) -> None:
        combo = choice_combo([(m.label, m.value) for m in enum_cls], empty=empty)
        getter = lambda _r: enum_cls(combo.currentData()) if combo.currentData() else None  # noqa: E731
        self._register(key, label, combo, getter, lambda v: select_data(combo, v.value if v else None))

    def _references(self, unit_label: str) -> None:
        self._combo("unit_id", unit_label, self._units, "— Chưa chọn —")
        self._combo("field_id", "Lĩnh vực", self._fields, "— Chưa chọn —")

    def _collective(self) -> None:
        """The collective the person is a member of, among the collectives of the chosen unit."""
        combo = choice_combo([], empty=NO_COLLECTIVE)
        unit_combo = self.widgets["unit_id"]

        def refill(_index: int = 0) -> None:
            kept = combo.currentData()
            combo.clear()
            combo.addItem(NO_COLLECTIVE, None)
            for label, value in self._collectives_of(unit_combo.currentData()):
                combo.addItem(label, value)
            select_data(combo, kept)

        def set_value(value: int | None) -> None:
            refill()
            select_data(combo, value)

        unit_combo.currentIndexChanged.connect(refill)
        self._register("collective_id", "Thuộc tập thể", combo, lambda _r: combo.currentData(), set_value)

    def _birth_row(self) -> None:
        date_edit = VnDateEdit()
        year_edit = QLineEdit(maxLength=4, placeholderText="năm")
        year_edit.setMaximumWidth(70)
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(date_edit, 1)
        layout.addWidget(QLabel("hoặc năm sinh"))
        layout.addWidget(year_edit)
        read_date = lambda r: r.date("birth_date", "Ngày sinh", date_edit.text())  # noqa: E731
        self._register("birth_date", "Ngày sinh", box, read_date, date_edit.set_date)
        self.widgets["birth_date"] = date_edit
        self.rows["birth_year"] = self.rows["birth_date"]
        self.widgets["birth_year"] = year_edit
        self._getters["birth_year"] = lambda r: r.integer("birth_year", "Năm sinh", year_edit.text())
        self._setters["birth_year"] = lambda v: year_edit.setText("" if v is None else str(v))
        box.setFocusProxy(date_edit)

    def _citizen_id(self) -> None:
        edit = CitizenIdEdit()
        self._register("citizen_id", "Số CCCD (không bắt buộc)", edit, lambda _r: edit.line.text(),
                       lambda v: edit.line.setText(v or ""))

    def _note(self) -> None:
        edit = QPlainTextEdit()
        edit.setMinimumHeight(60)
        edit.setTabChangesFocus(True)
        setter = lambda v: edit.setPlainText(v or "")  # noqa: E731
        self._register("note", "Ghi chú", edit, lambda _r: edit.toPlainText(), setter)

    # Reading and filling ------------------------------------------------------------------------

    def load(self, data: SubjectInput) -> None:
        for key, setter in self._setters.items():
            setter(getattr(data, key))

    def read(self, reader: ValueReader) -> SubjectInput:
        """The typed values as an input of this form's kind (values that cannot be read: None)."""
        return SubjectInput(kind=self.kind, **{key: get(reader) for key, get in self._getters.items()})
