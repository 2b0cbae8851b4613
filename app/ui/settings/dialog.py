"""Tệp → Cài đặt…: the preferences, one row per declared Preference, and the blocs' rota order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.rules.duty import bloc_on_turn, quarter_label, quarter_of
from app.rules.vntext import vn_number
from app.services.preferences import (
    BLOC_ROTA,
    BLOC_ROTA_LABEL,
    CHOICE,
    MONEY,
    PREFERENCES,
    Preference,
    Preferences,
    load_preferences,
    save_preferences,
)
from app.services.units import list_blocs
from app.services.workspace import Database
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.item_rows import roomy_list
from app.ui.kit.widgets import (
    ErrorLabel,
    Form,
    ValueReader,
    choice_combo,
    ok_cancel_buttons,
    restore_geometry,
    save_geometry,
    select_data,
)

HINT_STYLE = "color: #5f6368;"


def _hinted(field: QWidget, hint: str) -> QWidget:
    """The field with a grey explanation under it (the field itself when there is none)."""
    if not hint:
        return field
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(QLabel(hint, styleSheet=HINT_STYLE))
    box.setFocusProxy(field)
    return box


class MoneyEdit(QLineEdit):
    """A sum in đồng, shown with Vietnamese thousands separators ('2.340.000') once typed."""

    def __init__(self) -> None:
        super().__init__(alignment=Qt.AlignmentFlag.AlignRight)
        self.editingFinished.connect(self._reformat)

    def _reformat(self) -> None:
        raw = self.text().replace(".", "").strip()
        if raw.isdigit():
            self.setText(vn_number(int(raw)))


class PreferenceEditor:
    """The widget for one Preference: show a value, read it back (messages collected by the reader)."""

    def __init__(self, pref: Preference) -> None:
        self.pref = pref
        if pref.kind == CHOICE:
            self.widget = choice_combo((label, value) for value, label in pref.choices)
        elif pref.kind == MONEY:
            self.widget = MoneyEdit()
        else:
            self.widget = QSpinBox(minimum=pref.minimum, maximum=pref.maximum)

    def set_value(self, value) -> None:
        if self.pref.kind == CHOICE:
            select_data(self.widget, value)
        elif self.pref.kind == MONEY:
            self.widget.setText("" if value is None else vn_number(value))
        else:
            self.widget.setValue(value)

    def value(self, reader: ValueReader):
        if self.pref.kind == CHOICE:
            return self.widget.currentData()
        if self.pref.kind == MONEY:
            return reader.integer(self.pref.name, self.pref.label, self.widget.text())
        return self.widget.value()


class RotaList(QWidget):
    """The blocs in turn order, moved with "Lên" and "Xuống"; says whose turn this quarter is."""

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.today = today
        self.list = roomy_list()
        self.list.setMinimumHeight(110)
        self.up_button = QPushButton("Lên")
        self.down_button = QPushButton("Xuống")
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(+1))
        self.turn_label = QLabel(styleSheet=HINT_STYLE)
        self.list.currentRowChanged.connect(self._update)
        buttons = QVBoxLayout()
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.turn_label)
        self.setFocusProxy(self.list)

    def set_blocs(self, blocs: list[tuple[int, str]]) -> None:
        self.list.clear()
        for bloc_id, name in blocs:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, bloc_id)
            self.list.addItem(item)
        self.list.setCurrentRow(0 if blocs else -1)
        self._update()

    def names(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def bloc_ids(self) -> list[int]:
        return [self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())]

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        self.list.insertItem(target, self.list.takeItem(row))
        self.list.setCurrentRow(target)
        self._update()

    def _update(self, *_args) -> None:
        row = self.list.currentRow()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)
        self.turn_label.setText(self._turn_text())

    def _turn_text(self) -> str:
        names = self.names()
        if not names:
            return "Chưa có khối thi đua nào; thêm khối ở trang Đơn vị."
        year, quarter = self.today.year, quarter_of(self.today)
        following = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
        return "\n".join([
            "Theo thứ tự này:",
            f"• {quarter_label(year, quarter)} đến lượt {bloc_on_turn(year, quarter, names)}",
            f"• {quarter_label(*following)} đến lượt {bloc_on_turn(*following, names)}",
        ])


class SettingsDialog(FormDialog):
    """Emits settings_changed after a successful save (then closes as accepted)."""

    settings_changed = Signal()

    def __init__(
        self, db: Database, parent: QWidget | None = None, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Cài đặt")
        self._build(today())
        self._load(load_preferences(db))
        if not restore_geometry(self, "settings_dialog", db.data_dir):
            self.resize(700, 0)

    def _build(self, today: dt.date) -> None:
        self.form = Form()
        self.editors: dict[str, PreferenceEditor] = {}
        for pref in PREFERENCES:
            editor = self.editors[pref.name] = PreferenceEditor(pref)
            self.form.add_row(pref.name, pref.label, _hinted(editor.widget, pref.hint))
        self.rota = RotaList(today)
        self.form.add_row(BLOC_ROTA, BLOC_ROTA_LABEL, self.rota)
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Lưu")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.form, self.general_error, self.buttons):
            layout.addWidget(widget)

    def _load(self, prefs: Preferences) -> None:
        for name, editor in self.editors.items():
            editor.set_value(getattr(prefs, name))
        names = {bloc.id: bloc.name for bloc in list_blocs(self.db)}
        self.rota.set_blocs([(bloc_id, names[bloc_id]) for bloc_id in prefs.bloc_rota])

    def read(self) -> Preferences:
        """The values in the dialog; ValidationError for any that cannot be read."""
        reader = ValueReader()
        values = {name: editor.value(reader) for name, editor in self.editors.items()}
        reader.raise_if_any()
        return Preferences(**values, bloc_rota=self.rota.bloc_ids())

    def submit(self) -> None:
        save_preferences(self.db, self.read())
        self.settings_changed.emit()

    def done(self, result: int) -> None:
        save_geometry(self, "settings_dialog", self.db.data_dir)
        super().done(result)
