"""Mẫu văn bản…: the wording of the generated documents, one tab per document type, its fields made
from the declared WORDING_FIELDS; each tab can go back to the national defaults."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.models.enums import DocumentType
from app.services.wording import (
    WORDING_FIELDS,
    Wording,
    clean_wording,
    load_wording,
    reset_wording,
    save_wording,
)
from app.services.workspace import Database
from app.ui.kit import messages
from app.ui.kit.operations import service_call
from app.ui.kit.widgets import (
    ErrorLabel,
    Form,
    add_button,
    mark_wrong_tabs,
    ok_cancel_buttons,
    restore_geometry,
    save_geometry,
)

GEOMETRY_KEY = "wording_dialog"
HINT_STYLE = "color: #5f6368;"
DOC_TYPES = (DocumentType.DECISION, DocumentType.PROPOSAL, DocumentType.REPORT)
TAB_TITLES = {0: "Quyết định", 1: "Tờ trình", 2: "Báo cáo thành tích"}
PLACEHOLDERS_HINT = (
    "Có thể dùng các chỗ điền sẵn: {commune} (Xã Hòa Bình), {COMMUNE} (XÃ HÒA BÌNH), {commune_lower} "
    "(xã Hòa Bình), {place} (Hòa Bình), {province}, {PROVINCE}, {year} (năm); trong câu thành tích còn có "
    "{round} (nội dung đợt xét) và {quarter} (quý, ví dụ III); {meeting_date} là ngày họp Hội đồng. "
    "Mỗi dòng của danh sách ghi không có dấu “;” ở cuối: văn bản tự thêm."
)


class WordingTab(QWidget):
    """The fields of one document type: a line for a text, a box with one line per item for a list, a
    check box for a yes/no choice."""

    def __init__(self, doc_type: DocumentType, on_reset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc_type = doc_type
        self.form = Form()
        self.edits: dict[str, QLineEdit | QPlainTextEdit | QCheckBox] = {}
        for spec in WORDING_FIELDS[doc_type]:
            edit: QLineEdit | QPlainTextEdit | QCheckBox
            if spec.is_flag:
                self.edits[spec.key] = self.form.add_row(spec.key, spec.label, QCheckBox())
                continue
            if spec.is_list:
                box = QPlainTextEdit()
                box.setTabChangesFocus(True)
                box.setFixedHeight(box.fontMetrics().lineSpacing() * 5 + 14)
                edit = box
            else:
                edit = QLineEdit()
            self.edits[spec.key] = self.form.add_row(spec.key, spec.label, edit)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.reset_button = add_button(row, "Khôi phục mặc định", lambda: on_reset(self))
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addLayout(row)

    def load(self, values: Wording) -> None:
        for key, edit in self.edits.items():
            value = values.get(key, "")
            if isinstance(edit, QCheckBox):
                edit.setChecked(bool(value))
            elif isinstance(edit, QPlainTextEdit):
                edit.setPlainText("\n".join(value) if isinstance(value, list) else str(value))
            else:
                edit.setText(str(value))
                edit.setCursorPosition(0)  # show a long text from its start

    def read(self) -> Wording:
        return {key: _value(edit) for key, edit in self.edits.items()}


def _value(edit: QLineEdit | QPlainTextEdit | QCheckBox) -> str | bool:
    if isinstance(edit, QCheckBox):
        return edit.isChecked()
    return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()


class WordingDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Mẫu văn bản")
        self.loaded: dict[DocumentType, Wording] = {}
        self._build()
        for tab in self.wording_tabs:
            self._load(tab, load_wording(db, tab.doc_type))
        if not restore_geometry(self, GEOMETRY_KEY, db.data_dir):
            self.resize(860, 700)

    def _build(self) -> None:
        self.tabs = QTabWidget()
        self.wording_tabs = [WordingTab(doc_type, self.reset_tab) for doc_type in DOC_TYPES]
        for number, tab in enumerate(self.wording_tabs):
            self.tabs.addTab(tab, TAB_TITLES[number])
        hint = QLabel(PLACEHOLDERS_HINT, wordWrap=True, styleSheet=HINT_STYLE)
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Lưu")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def tab(self, doc_type: DocumentType) -> WordingTab:
        return self.wording_tabs[DOC_TYPES.index(doc_type)]

    def _load(self, tab: WordingTab, values: Wording) -> None:
        tab.load(values)
        self.loaded[tab.doc_type] = tab.read()

    def reset_tab(self, tab: WordingTab) -> None:
        title = TAB_TITLES[DOC_TYPES.index(tab.doc_type)]
        question = (f"Khôi phục mẫu “{title}” về nội dung mặc định?\n"
                    "Nội dung đã lưu của mẫu này được thay ngay bằng mẫu mặc định; các quyết định đã "
                    "ban hành vẫn giữ nguyên nội dung như lúc ban hành.")
        if not messages.ask_yes_no(self, question, "Khôi phục mặc định"):
            return
        with service_call(self) as call:
            defaults = reset_wording(self.db, tab.doc_type)
        if call.ok:
            self._load(tab, defaults)
            tab.form.clear_errors()

    def _collect(self) -> tuple[dict[DocumentType, Wording], dict[DocumentType, dict[str, str]]]:
        """The edited tabs' cleaned values, and the field errors of each tab that is wrong."""
        changed, errors = {}, {}
        for tab in self.wording_tabs:
            if tab.read() == self.loaded[tab.doc_type]:
                continue
            try:
                changed[tab.doc_type] = clean_wording(tab.doc_type, tab.read())
            except ValidationError as exc:
                errors[tab.doc_type] = exc.errors
        return changed, errors

    def accept(self) -> None:
        changed, errors = self._collect()
        self.show_errors(errors)
        if errors:
            return
        for doc_type, values in changed.items():
            try:
                with service_call(self) as call:
                    save_wording(self.db, doc_type, values)
            except ValidationError as exc:
                self.show_errors({doc_type: exc.errors})
                return
            if not call.ok:
                return
            self.loaded[doc_type] = self.tab(doc_type).read()
        super().accept()

    def show_errors(self, by_type: dict[DocumentType, dict[str, str]]) -> None:
        unplaced = []
        for tab in self.wording_tabs:
            unplaced += tab.form.show_errors(by_type.get(tab.doc_type, {})).values()
        self.general_error.set_message("\n".join(unplaced))
        wrong = {n: tab.doc_type in by_type for n, tab in enumerate(self.wording_tabs)}
        mark_wrong_tabs(self.tabs, TAB_TITLES, wrong)

    def done(self, result: int) -> None:
        save_geometry(self, GEOMETRY_KEY, self.db.data_dir)
        super().done(result)

