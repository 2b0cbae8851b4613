"""The "Tài liệu, hình ảnh" tab of an exemplar: evidence kept in the file store, saved as soon as added,
opened with the system's viewer, a preview of the selected photo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.exemplars import (
    ExemplarFileRow,
    add_exemplar_file,
    list_exemplar_files,
    remove_exemplar_file,
    set_exemplar_file_caption,
)
from app.services.workspace import Database
from app.ui.exemplars.columns import FILE_COLUMNS
from app.ui.kit import messages, system_files
from app.ui.kit.operations import service_call
from app.ui.kit.row_table import RowTableModel, row_table_view, select_id, selected_row
from app.ui.kit.widgets import add_button

PREVIEW_SIZE = (240, 180)
SAVE_FIRST = "Hồ sơ chưa lưu. Bấm “Lưu hồ sơ để thêm tệp” rồi thêm tài liệu, hình ảnh."
SAVED_AT_ONCE = "Tệp được lưu ngay khi thêm; bản sao của tệp được giữ trong thư mục dữ liệu của Sổ Vàng."


def ask_caption(parent: QWidget, current: str) -> str | None:
    """The new caption of a file, or None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Đổi chú thích")
    dialog.setLabelText("Chú thích của tệp:")
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(current)
    dialog.setOkButtonText("Đồng ý")
    dialog.setCancelButtonText("Hủy")
    return dialog.textValue() if dialog.exec() else None


class ExemplarFilesTab(QWidget):
    save_requested = Signal()  # the exemplar must be saved before files can be added

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.exemplar_id: int | None = None
        self.model = RowTableModel(FILE_COLUMNS, self)
        self.table = row_table_view(self.model)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(*PREVIEW_SIZE)
        self.preview.setStyleSheet("border: 1px solid #c8c8c8;")
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(body, 1)
        layout.addLayout(self._build_buttons())
        self.set_exemplar(None)

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = add_button(row, "Lưu hồ sơ để thêm tệp", self.save_requested.emit)
        self.add_button = add_button(row, "Thêm tệp…", self.add_files)
        self.open_button = add_button(row, "Mở", self.open_selected)
        self.caption_button = add_button(row, "Đổi chú thích…", self.edit_caption)
        self.remove_button = add_button(row, "Bỏ khỏi hồ sơ", self.remove_selected)
        row.addStretch(1)
        return row

    def set_exemplar(self, exemplar_id: int | None, files: list[ExemplarFileRow] | None = None) -> None:
        self.exemplar_id = exemplar_id
        self.hint.setText(SAVE_FIRST if exemplar_id is None else SAVED_AT_ONCE)
        self.save_button.setVisible(exemplar_id is None)
        self.add_button.setEnabled(exemplar_id is not None)
        self._show(files or [])

    def _show(self, files: list[ExemplarFileRow], select: int | None = None) -> None:
        self.model.set_rows(files)
        select_id(self.table, select)
        self._selection_changed()

    def reload(self, select: int | None = None) -> None:
        if self.exemplar_id is not None:
            with service_call(self):
                self._show(list_exemplar_files(self.db, self.exemplar_id), select)

    def selected(self) -> ExemplarFileRow | None:
        return selected_row(self.table)

    def _selection_changed(self, *_args) -> None:
        item = self.selected()
        for button in (self.open_button, self.caption_button, self.remove_button):
            button.setEnabled(item is not None)
        pixmap = QPixmap(item.path) if item is not None and item.is_photo else QPixmap()
        if pixmap.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText("Chọn một hình ảnh\nđể xem trước")
        else:
            self.preview.setPixmap(pixmap.scaled(*PREVIEW_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))

    # Actions ----------------------------------------------------------------------------------

    def add_files(self) -> None:
        if self.exemplar_id is None:
            return
        refused, last = [], None
        for path in system_files.choose_files(self):
            try:
                with service_call(self):
                    last = add_exemplar_file(self.db, self.exemplar_id, path).id
            except ValidationError as exc:
                refused.extend(exc.errors.values())
        self.reload(select=last)
        if refused:
            messages.show_error(self, "Không thêm được:\n" + "\n".join(refused))

    def open_selected(self) -> None:
        item = self.selected()
        if item is not None and not system_files.open_file(item.path):
            messages.show_error(
                self, f"Không mở được tệp “{item.original_name}”. Máy có thể chưa có chương trình mở loại "
                "tệp này, hoặc tệp đã bị xóa khỏi thư mục dữ liệu."
            )

    def edit_caption(self) -> None:
        item = self.selected()
        caption = ask_caption(self, item.caption) if item is not None else None
        if caption is None:
            return
        try:
            with service_call(self):
                set_exemplar_file_caption(self.db, item.id, caption)
        except ValidationError as exc:
            messages.show_error(self, "\n".join(exc.errors.values()))
        self.reload(select=item.id)

    def remove_selected(self) -> None:
        item = self.selected()
        if item is None or not messages.ask_yes_no(self, f"Bỏ tệp “{item.caption}” khỏi hồ sơ?", "Bỏ tệp"):
            return
        with service_call(self):
            remove_exemplar_file(self.db, item.id)
        self.reload()
