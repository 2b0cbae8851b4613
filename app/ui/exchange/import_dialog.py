"""The Excel import wizard: a file and a sheet, the header row and the columns' fields (found, changed by
hand, a saved mapping), the dry run's every row with its outcome and messages (filtered by outcome), the
error file, the import itself (all good rows, or all or nothing) and the undo of the last import. The
file is read and the import runs in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import ServiceError
from app.services.exchange import (
    ImportSource,
    Outcome,
    RowResult,
    list_batches,
    list_import_presets,
    preview_import,
    run_import,
    save_error_workbook,
    save_import_preset,
    sheet_names,
    undo_import,
)
from app.services.workspace import Database
from app.ui.exchange.import_tables import MappingTable, ResultTable
from app.ui.kit import messages
from app.ui.kit.background import run_in_background

WORKBOOK_FILTER = "Tệp Excel (*.xlsx)"
_FILTERS = [("Tất cả các dòng", None), ("Thêm mới", Outcome.CREATED), ("Đã có (khớp)", Outcome.MATCHED),
            ("Bị từ chối", Outcome.REFUSED)]


class ImportDialog(QDialog):
    imported = Signal()  # the book changed (an import or an undo): lists should be read again

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.preview = None
        self.setWindowTitle("Nhập danh sách từ Excel")
        self.resize(1093, 614)
        self._build()
        self._load_presets()
        self._enable()

    # Layout -------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.file_edit = QLineEdit(readOnly=True, placeholderText="Chưa chọn tệp")
        self.choose_button = QPushButton("Chọn tệp…")
        self.choose_button.clicked.connect(self.choose_file)
        self.sheet_combo = QComboBox()
        self.header_spin = QSpinBox(minimum=0, maximum=30)
        self.header_spin.setSpecialValueText("tự tìm")
        self.preset_combo = QComboBox()
        self.preset_combo.activated.connect(lambda _i: self.read_file())
        self.save_preset_button = QPushButton("Lưu mẫu ghép cột…")
        self.save_preset_button.clicked.connect(self.save_preset)
        self.read_button = QPushButton("Chạy thử")
        self.read_button.setToolTip("Đọc tệp và kiểm tra từng dòng, chưa ghi gì vào sổ")
        self.read_button.clicked.connect(lambda: self.read_file(by_hand=True))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        options = QHBoxLayout()
        labelled: list[tuple[str, QWidget]] = [
            ("Trang:", self.sheet_combo), ("Dòng tiêu đề:", self.header_spin),
            ("Mẫu ghép cột:", self.preset_combo)]
        for label, widget in labelled:
            options.addWidget(QLabel(label))
            options.addWidget(widget)
        options.addWidget(self.save_preset_button)
        options.addStretch(1)
        options.addWidget(self.read_button)
        form = QFormLayout()
        form.addRow("Tệp:", file_row)
        self.mapping_table = MappingTable()
        self.result_table = ResultTable()
        self.filter_combo = QComboBox()
        for label, outcome in _FILTERS:
            self.filter_combo.addItem(label, outcome)
        self.filter_combo.currentIndexChanged.connect(self._filter)
        self.summary_label = QLabel("Chọn tệp Excel thôn, đơn vị gửi lên để bắt đầu.")
        self.summary_label.setWordWrap(True)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(QLabel("Xem:"))
        top.addWidget(self.filter_combo)
        results_layout.addLayout(top)
        results_layout.addWidget(self.result_table)
        splitter = QSplitter()
        splitter.addWidget(self.mapping_table)
        splitter.addWidget(results)
        splitter.setSizes([420, 673])
        self.errors_button = QPushButton("Lưu tệp lỗi…")
        self.errors_button.setToolTip("Lưu lại tệp kèm cột “Lỗi” ở các dòng bị từ chối, để sửa rồi nhập lại")
        self.errors_button.clicked.connect(self.save_errors)
        self.all_or_nothing = QCheckBox("Tất cả hoặc không (có dòng bị từ chối thì không nhập dòng nào)")
        self.import_button = QPushButton("Nhập")
        self.import_button.clicked.connect(self.run)
        self.undo_button = QPushButton("Hoàn tác lần nhập gần nhất…")
        self.undo_button.clicked.connect(self.undo_last)
        close = QPushButton("Đóng")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for widget in (self.errors_button, self.undo_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.all_or_nothing)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(options)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def _load_presets(self) -> None:
        self.preset_combo.clear()
        self.preset_combo.addItem("(tự nhận theo tiêu đề)", None)
        for preset in list_import_presets(self.db):
            self.preset_combo.addItem(preset.name, preset.fields)

    def _enable(self) -> None:
        has_file = bool(self.file_edit.text())
        refused = bool(self.preview and self.preview.refused)
        to_import = bool(self.preview and self.preview.counts[Outcome.CREATED])
        self.read_button.setEnabled(has_file)
        self.save_preset_button.setEnabled(self.preview is not None)
        self.errors_button.setEnabled(refused)
        self.import_button.setEnabled(to_import)
        batches = list_batches(self.db, 1)
        self.undo_button.setEnabled(bool(batches) and batches[0].undone_at is None)

    # Reading ------------------------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, "Chọn tệp Excel", str(Path.home()), WORKBOOK_FILTER)
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Show the file's sheets, then read the first one (in the background)."""
        def shown(names: list[str]) -> None:
            self.file_edit.setText(str(path))
            self.sheet_combo.clear()
            self.sheet_combo.addItems(names)
            self.read_file()

        run_in_background(self, "Đang mở tệp Excel…", lambda: sheet_names(path), shown)

    def source(self, by_hand: bool = False) -> ImportSource:
        header = self.header_spin.value() or None
        mapping = self.mapping_table.mapping() if by_hand and self.preview is not None else None
        return ImportSource(Path(self.file_edit.text()), self.sheet_combo.currentText() or None, header,
                            mapping, self.preset_combo.currentData())

    def read_file(self, by_hand: bool = False) -> None:
        """The dry run (in the background): the columns found or chosen, every row judged."""
        if not self.file_edit.text():
            return
        source = self.source(by_hand)
        run_in_background(self, "Đang đọc và kiểm tra từng dòng…", lambda: preview_import(self.db, source),
                          self.show_preview, self._read_failed)

    def _read_failed(self, error: ServiceError) -> None:
        self.preview = None
        self.result_table.show_rows([])
        self.summary_label.setText(str(error))
        self._enable()
        messages.show_error(self, str(error))

    def show_preview(self, preview) -> None:
        self.preview = preview
        if self.header_spin.value() != preview.header_row:
            self.header_spin.blockSignals(True)
            self.header_spin.setValue(preview.header_row)
            self.header_spin.blockSignals(False)
        self.mapping_table.show_columns(preview.headers, preview.mapping)
        self.summary_label.setText(f"Chạy thử (chưa ghi gì vào sổ) — {preview.summary()}")
        self._filter()
        self._enable()

    def _filter(self) -> None:
        rows: list[RowResult] = self.preview.rows if self.preview else []
        chosen = self.filter_combo.currentData()  # Qt hands a str enum back as its str
        self.result_table.show_rows(rows, Outcome(chosen) if chosen else None)

    # Acting ------------------------------------------------------------------------------------------

    def save_preset(self) -> None:
        if self.preview is None:
            return
        name = messages.ask_text(self, "Tên mẫu ghép cột (ví dụ “Danh sách thôn”):", "Lưu mẫu ghép cột")
        if not name:
            return
        headers = self.preview.headers
        fields = {key: headers[c] for c, key in self.mapping_table.mapping().items() if c < len(headers)}
        try:
            save_import_preset(self.db, name, fields)
        except ServiceError as error:
            messages.show_error(self, str(error))
            return
        self._load_presets()
        self.preset_combo.setCurrentIndex(self.preset_combo.findText(name.strip()))

    def save_errors(self) -> None:
        if self.preview is None:
            return
        suggested = Path(self.preview.file).with_name(f"{Path(self.preview.file).stem}-loi.xlsx")
        path, _filter = QFileDialog.getSaveFileName(self, "Lưu tệp lỗi", str(suggested), WORKBOOK_FILTER)
        if not path:
            return
        preview = self.preview
        run_in_background(self, "Đang lưu tệp lỗi…", lambda: save_error_workbook(preview, Path(path)),
                          lambda written: messages.show_info(
                              self, f"Đã lưu tệp lỗi “{written}”. Hãy sửa các dòng có cột “Lỗi” rồi nhập lại "
                                    "tệp đó: các dòng đã nhập sẽ được nhận ra, không thêm lần nữa."))

    def run(self) -> None:
        if self.preview is None:
            return
        source = self.source(by_hand=True)
        everything = self.all_or_nothing.isChecked()
        run_in_background(self, "Đang sao lưu và nhập danh sách…",
                          lambda: run_import(self.db, source, all_or_nothing=everything), self._imported)

    def _imported(self, result) -> None:
        messages.show_info(self, result.summary())
        self.imported.emit()
        self.read_file(by_hand=True)  # the rows now read as already in the book

    def undo_last(self) -> None:
        batches = list_batches(self.db, 1)
        if not batches or batches[0].undone_at is not None:
            return
        batch = batches[0]
        question = (f"Hoàn tác lần nhập số {batch.id} (tệp “{batch.file_name}”, lúc "
                    f"{batch.imported_at:%H:%M ngày %d/%m/%Y}): xóa {batch.created} đối tượng đã thêm "
                    "khi nhập?")
        if not messages.ask_yes_no(self, question):
            return
        run_in_background(self, "Đang hoàn tác lần nhập…", lambda: undo_import(self.db, batch.id),
                          self._undone)

    def _undone(self, removed: int) -> None:
        messages.show_info(self, f"Đã hoàn tác: xóa {removed} đối tượng đã thêm khi nhập.")
        self.imported.emit()
        if self.preview is not None:
            self.read_file(by_hand=True)
        else:
            self._enable()
